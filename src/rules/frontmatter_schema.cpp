#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

class FrontmatterSchema final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "frontmatter/schema",
      .default_severity = core::Severity::error,
      .summary = "a front matter value that breaks the collection's schema",
      .what =
          "Validates the front matter against the JSON Schema (draft-07 or 2020-12, in YAML "
          "or JSON) of the file's collection, and reports every violation at the key or value "
          "it is about: a missing required field, a wrong type, a value outside an enum, a "
          "pattern, format or bound that does not hold, an unknown key.",
      .why =
          "The site builder rejects an entry whose front matter does not match the "
          "collection's schema, usually without a line number; a misspelled optional key "
          "is silently ignored and the page renders without it.",
      .bad = "---\ntitle: My post\npubdate: 11/03/2024\ntags: devrel\n---\n",
      .good = "---\ntitle: My post\npubDate: 2024-03-11\ntags: [devrel]\n---\n",
  };

  static core::Expected<FrontmatterSchema> create(const Options&) { return FrontmatterSchema{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    const auto& front_matter = article.front_matter;
    if (article.schema == nullptr || !front_matter.split.closed) return;
    // A front matter that could not be read is frontmatter/syntax's to report.
    for (const auto& problem : front_matter.yaml.problems) {
      if (problem.kind != frontmatter::ProblemKind::duplicate_key) return;
    }
    // An empty block validates as an empty mapping, so required fields are reported.
    core::Node empty;
    empty.kind = core::NodeKind::mapping;
    empty.span = front_matter.split.opening;
    const core::Node& root = front_matter.yaml.root && !front_matter.yaml.root->is_null()
                                 ? *front_matter.yaml.root
                                 : empty;
    for (schema::Violation& violation :
         article.schema->validate(root, front_matter.split.opening)) {
      sink.report(violation.span, std::move(violation.message));
    }
  }
};

}  // namespace

RuleEntry frontmatter_schema() { return {FrontmatterSchema::meta, make_rule<FrontmatterSchema>}; }

}  // namespace contentlint::rules
