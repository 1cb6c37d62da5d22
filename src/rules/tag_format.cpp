#include <fmt/format.h>
#include <re2/re2.h>

#include <memory>

#include "rules/catalog.hpp"
#include "rules/tags.hpp"

namespace contentlint::rules {
namespace {

constexpr std::string_view kDefaultPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

class TagFormat final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "tag/format",
      .default_severity = core::Severity::warning,
      .fixable = true,
      .summary = "a tag that breaks the configured pattern (default lowercase kebab-case)",
      .what =
          "Reports each tag in the front matter's tags list (see `field`; a block list or a "
          "flow sequence `[a, b]`, quoted or plain) that does not match `pattern`, a regular "
          "expression (RE2 syntax, searched anywhere in the tag unless anchored with `^` and "
          "`$`). The default pattern is lowercase kebab-case: `cohort3`, `clan-six`. The fix "
          "rewrites the tag as lowercase kebab-case (letters lowercased, common accents "
          "dropped, runs of spaces, `_` and punctuation turned into one `-`), in place and "
          "inside its quotes; it is offered only when that form matches the pattern. A tags "
          "field that is not a list is left to frontmatter/schema.",
      .why =
          "Tags become URLs and filters (`/tags/clan-six`). `Clan Six`, `clan_six` and "
          "`clan-six` are three different tags to the site, so readers find a third of the "
          "articles, and tag pages multiply.",
      .bad =
          "---\ntitle: How to get a job in DevRel\ntags: ['Cohort3', 'clan six', Dev_Rel]\n---\n",
      .good =
          "---\ntitle: How to get a job in DevRel\ntags: ['cohort3', 'clan-six', dev-rel]\n---\n",
      .options = {{"field", "string", "tags",
                   "the front matter field that holds the tags, as a dotted path"},
                  {"pattern", "string", "\"^[a-z0-9]+(-[a-z0-9]+)*$\"",
                   "the regular expression (RE2) every tag must match"}},
  };

  static core::Expected<TagFormat> create(const Options& options) {
    auto field = options.string("field", "tags");
    if (!field) return field.error();
    auto pattern = options.string("pattern", std::string(kDefaultPattern));
    if (!pattern) return pattern.error();
    RE2::Options re2_options;
    re2_options.set_log_errors(false);
    auto regex = std::make_shared<const RE2>(*pattern, re2_options);
    if (!regex->ok()) {
      return options.error(
          *options.node("pattern"),
          fmt::format("option 'pattern' is not a valid regular expression: {}", regex->error()));
    }
    return TagFormat(std::move(*field), std::move(regex));
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    const core::Document& document = article.document;
    tags::TagField field = tags::find_field(document, article.front_matter, field_);
    for (const core::Node& item : field.items()) {
      if (!item.is_scalar() || RE2::PartialMatch(item.text, *pattern_)) continue;
      std::string wanted = tags::normalize(item.text);
      if (wanted.empty() || wanted == item.text || !RE2::PartialMatch(wanted, *pattern_)) {
        sink.report(item.span, fmt::format("tag '{}' does not match the tag pattern {}", item.text,
                                           pattern_->pattern()));
        continue;
      }
      std::optional<core::Fix> fix;
      if (auto edit = tags::replace_item(document, item, wanted)) {
        fix = core::Fix{fmt::format("change the tag to '{}'", wanted),
                        core::FixSafety::safe,
                        {std::move(*edit)}};
      }
      sink.report(item.span,
                  fmt::format("tag '{}' does not match the tag pattern {}; use '{}'", item.text,
                              pattern_->pattern(), wanted),
                  std::move(fix));
    }
  }

 private:
  TagFormat(std::string field, std::shared_ptr<const RE2> pattern)
      : field_(std::move(field)), pattern_(std::move(pattern)) {}

  std::string field_;
  std::shared_ptr<const RE2> pattern_;  // shared: RE2 cannot be copied or moved
};

}  // namespace

RuleEntry tag_format() { return {TagFormat::meta, make_rule<TagFormat>}; }

}  // namespace contentlint::rules
