#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

class FrontmatterSyntax final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "frontmatter/syntax",
      .default_severity = core::Severity::error,
      .summary = "a YAML error in the front matter, at its exact line and column",
      .what =
          "Reports YAML that cannot be read: an unclosed quote or bracket, bad indentation, a "
          "tab used for indentation, a `: ` inside an unquoted value, an alias that refers to "
          "itself, or a block too deeply nested or too large to check.",
      .why =
          "The site builder stops at the first YAML error, often with a message that names "
          "neither the file nor the line.",
      .bad = "---\ntitle: Lessons: what I learned\ndescription: \"unfinished\n---\n",
      .good = "---\ntitle: \"Lessons: what I learned\"\ndescription: \"finished\"\n---\n",
  };

  static core::Expected<FrontmatterSyntax> create(const Options&) { return FrontmatterSyntax{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    for (const frontmatter::Problem& problem : article.front_matter.yaml.problems) {
      if (problem.kind == frontmatter::ProblemKind::duplicate_key) continue;
      sink.report(problem.span, problem.message);
    }
  }
};

}  // namespace

RuleEntry frontmatter_syntax() { return {FrontmatterSyntax::meta, make_rule<FrontmatterSyntax>}; }

}  // namespace contentlint::rules
