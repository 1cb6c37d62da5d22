#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

class FrontmatterMissing final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "frontmatter/missing",
      .default_severity = core::Severity::error,
      .summary = "no front matter where the collection has a schema",
      .what =
          "Reports a file that belongs to a collection with a schema but has no front "
          "matter block at its top.",
      .why =
          "The site builder validates every entry of a collection against its schema; an "
          "entry without front matter fails the build, or is published without a title.",
      .bad = "# My post\n\nHello.\n",
      .good = "---\ntitle: My post\npubDate: 2024-03-11\n---\n\nHello.\n",
  };

  static core::Expected<FrontmatterMissing> create(const Options&) { return FrontmatterMissing{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    if (article.schema == nullptr || article.front_matter.split.present) return;
    sink.report({0, 0}, "no front matter: this file is in collection '" +
                            std::string(article.collection) +
                            "', whose schema needs a `---` block at the top");
  }
};

}  // namespace

RuleEntry frontmatter_missing() {
  return {FrontmatterMissing::meta, make_rule<FrontmatterMissing>};
}

}  // namespace contentlint::rules
