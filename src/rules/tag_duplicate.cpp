#include <fmt/format.h>

#include <map>

#include "rules/catalog.hpp"
#include "rules/tags.hpp"

namespace contentlint::rules {
namespace {

class TagDuplicate final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "tag/duplicate",
      .default_severity = core::Severity::warning,
      .fixable = true,
      .summary = "the same tag twice in one article (ignoring case)",
      .what =
          "Reports a tag in the front matter's tags list (see `field`) that repeats an earlier "
          "one, comparing ASCII letters regardless of case, at the repetition. The fix removes "
          "it: from a block list its whole `- tag` line, from a flow sequence `[a, b]` the "
          "item and the comma before it. Comments on other lines are kept.",
      .why =
          "A repeated tag shows twice on the article's page, and some site builders reject a "
          "collection entry whose tags must be unique. Tags that differ only in case are "
          "usually the same tag typed twice.",
      .bad = "---\ntitle: How to get a job in DevRel\ntags: [devrel, career, DevRel]\n---\n",
      .good = "---\ntitle: How to get a job in DevRel\ntags: [devrel, career]\n---\n",
      .options = {{"field", "string", "tags",
                   "the front matter field that holds the tags, as a dotted path"}},
  };

  static core::Expected<TagDuplicate> create(const Options& options) {
    auto field = options.string("field", "tags");
    if (!field) return field.error();
    return TagDuplicate(std::move(*field));
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    tags::TagField field = tags::find_field(article.document, article.front_matter, field_);
    std::span<const core::Node> items = field.items();
    // Folded tag → the first item that has it; views into the front matter's tree.
    std::map<std::string, std::string_view, std::less<>> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const core::Node& item = items[i];
      if (!item.is_scalar()) continue;
      auto [first, inserted] = seen.emplace(tags::fold_case(item.text), item.text);
      if (inserted) continue;
      std::string message = first->second == item.text
                                ? fmt::format("duplicate tag '{}'", item.text)
                                : fmt::format("duplicate tag '{}' (already listed as '{}')",
                                              item.text, first->second);
      std::optional<core::Fix> fix;
      if (auto edits = tags::remove_item(article.document, field, i)) {
        fix = core::Fix{"remove the duplicate tag", core::FixSafety::safe, std::move(*edits)};
      }
      sink.report(item.span, std::move(message), std::move(fix));
    }
  }

 private:
  explicit TagDuplicate(std::string field) : field_(std::move(field)) {}

  std::string field_;
};

}  // namespace

RuleEntry tag_duplicate() { return {TagDuplicate::meta, make_rule<TagDuplicate>}; }

}  // namespace contentlint::rules
