#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

class FrontmatterUnclosed final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "frontmatter/unclosed",
      .default_severity = core::Severity::error,
      .summary = "opening `---` with no closing fence",
      .what =
          "Reports a file whose first line opens a front matter block (`---`) that no later "
          "`---` line closes.",
      .why =
          "Without the closing fence the site builder reads the whole article as YAML and "
          "fails, or publishes an article with no content.",
      .bad = "---\ntitle: My post\n\n# My post\n",
      .good = "---\ntitle: My post\n---\n\n# My post\n",
  };

  static core::Expected<FrontmatterUnclosed> create(const Options&) {
    return FrontmatterUnclosed{};
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    const frontmatter::Split& split = article.front_matter.split;
    if (!split.present || split.closed) return;
    sink.report(split.opening, "front matter is not closed: add a `---` line after its last field");
  }
};

}  // namespace

RuleEntry frontmatter_unclosed() {
  return {FrontmatterUnclosed::meta, make_rule<FrontmatterUnclosed>};
}

}  // namespace contentlint::rules
