#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <memory>

#include "rules/catalog.hpp"
#include "rules/tags.hpp"
#include "schema/text.hpp"

namespace contentlint::rules {
namespace {

// How many allowed tags a message lists before "and N more".
constexpr std::size_t kListed = 10;

class TagUnknown final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "tag/unknown",
      .default_severity = core::Severity::warning,
      .summary = "a tag outside the configured vocabulary, with the nearest known tag suggested",
      .what =
          "Reports each tag in the front matter's tags list (see `field`) that is not in "
          "`allowed`. An entry of `allowed` written `/regex/` admits every tag the regular "
          "expression (RE2 syntax, searched anywhere unless anchored) matches; any other entry "
          "admits exactly that tag, case included (tag/format looks after case). The message "
          "suggests the nearest allowed tag when one is close (a typo, a case difference), "
          "and otherwise lists the allowed tags; an editor offers the suggestion as a quick "
          "fix, which --fix does not apply because it is a guess. Without `allowed` (or with "
          "an empty list) the rule does nothing, so the recommended preset leaves it off; "
          "give each collection its own vocabulary in its `rules`.",
      .why =
          "A misspelled tag (`devrell`) creates a tag page with one article on it and leaves "
          "the article out of the page readers browse. A fixed vocabulary keeps the tags "
          "meaningful as the number of contributors grows.",
      .bad =
          "---\n# allowed: [devrel, career, article]\n"
          "title: How to get a job in DevRel\ntags: [devrell, career]\n---\n",
      .good = "---\ntitle: How to get a job in DevRel\ntags: [devrel, career]\n---\n",
      .options = {{"field", "string", "tags",
                   "the front matter field that holds the tags, as a dotted path"},
                  {"allowed", "list of strings", "[]",
                   "the allowed tags; `/regex/` entries admit every tag they match"}},
  };

  static core::Expected<TagUnknown> create(const Options& options) {
    auto field = options.string("field", "tags");
    if (!field) return field.error();
    auto allowed = options.strings("allowed", {});
    if (!allowed) return allowed.error();
    TagUnknown rule(std::move(*field));
    RE2::Options re2_options;
    re2_options.set_log_errors(false);
    for (std::size_t i = 0; i < allowed->size(); ++i) {
      std::string& entry = (*allowed)[i];
      rule.listed_.push_back(entry);
      if (entry.size() < 2 || !entry.starts_with('/') || !entry.ends_with('/')) {
        rule.tags_.push_back(std::move(entry));
        continue;
      }
      auto regex = std::make_shared<const RE2>(entry.substr(1, entry.size() - 2), re2_options);
      if (!regex->ok()) {
        return options.error(options.node("allowed")->items[i],
                             fmt::format("'{}' in option 'allowed' is not a valid regular "
                                         "expression: {}",
                                         entry, regex->error()));
      }
      rule.patterns_.push_back(std::move(regex));
    }
    rule.sorted_ = rule.tags_;
    std::sort(rule.sorted_.begin(), rule.sorted_.end());
    return rule;
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    if (listed_.empty()) return;
    const core::Document& document = article.document;
    tags::TagField field = tags::find_field(document, article.front_matter, field_);
    for (const core::Node& item : field.items()) {
      if (!item.is_scalar() || allows(item.text)) continue;
      schema::Nearest nearest(item.text);
      for (const std::string& tag : tags_) nearest.consider(tag);
      if (auto best = nearest.best()) {
        std::optional<core::Fix> fix;
        if (auto edit = tags::replace_item(document, item, *best)) {
          // Unsafe: the nearest tag is a guess; an editor offers it, --fix does not apply it.
          fix = core::Fix{fmt::format("change the tag to '{}'", *best),
                          core::FixSafety::unsafe,
                          {std::move(*edit)}};
        }
        sink.report(item.span,
                    fmt::format("unknown tag '{}' (did you mean '{}'?)", item.text, *best),
                    std::move(fix));
      } else {
        sink.report(item.span, fmt::format("unknown tag '{}'; allowed: {}", item.text, listing()));
      }
    }
  }

 private:
  explicit TagUnknown(std::string field) : field_(std::move(field)) {}

  bool allows(const std::string& tag) const {
    if (std::binary_search(sorted_.begin(), sorted_.end(), tag)) return true;
    return std::any_of(patterns_.begin(), patterns_.end(),
                       [&](const auto& pattern) { return RE2::PartialMatch(tag, *pattern); });
  }

  std::string listing() const {
    std::string out;
    for (std::size_t i = 0; i < listed_.size() && i < kListed; ++i) {
      out += i == 0 ? "" : ", ";
      out += listed_[i];
    }
    if (listed_.size() > kListed) out += fmt::format(" and {} more", listed_.size() - kListed);
    return out;
  }

  std::string field_;
  std::vector<std::string> listed_;                   // every entry as configured, for messages
  std::vector<std::string> tags_;                     // the plain entries, in configured order
  std::vector<std::string> sorted_;                   // the plain entries, sorted for lookup
  std::vector<std::shared_ptr<const RE2>> patterns_;  // shared: RE2 cannot be copied or moved
};

}  // namespace

RuleEntry tag_unknown() { return {TagUnknown::meta, make_rule<TagUnknown>}; }

}  // namespace contentlint::rules
