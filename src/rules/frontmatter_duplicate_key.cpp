#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

class FrontmatterDuplicateKey final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "frontmatter/duplicate-key",
      .default_severity = core::Severity::error,
      .summary = "the same key twice in one mapping",
      .what = "Reports a key that appears a second time in the same front matter mapping.",
      .why =
          "YAML forbids duplicate keys, but many parsers keep the last value silently: the "
          "author edits the first `title` and wonders why the page does not change.",
      .bad = "---\ntitle: Draft title\ntags: [devrel]\ntitle: Final title\n---\n",
      .good = "---\ntitle: Final title\ntags: [devrel]\n---\n",
  };

  static core::Expected<FrontmatterDuplicateKey> create(const Options&) {
    return FrontmatterDuplicateKey{};
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    for (const frontmatter::Problem& problem : article.front_matter.yaml.problems) {
      if (problem.kind == frontmatter::ProblemKind::duplicate_key) {
        sink.report(problem.span, problem.message);
      }
    }
  }
};

}  // namespace

RuleEntry frontmatter_duplicate_key() {
  return {FrontmatterDuplicateKey::meta, make_rule<FrontmatterDuplicateKey>};
}

}  // namespace contentlint::rules
