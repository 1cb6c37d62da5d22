#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

class HeadingTitleH1 final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "heading/title-h1",
      .default_severity = core::Severity::warning,
      .summary = "a `# H1` in the body when the front matter already has the title",
      .what =
          "Reports every level-1 heading (`# Title` or a `===` underline) in the body of an "
          "article whose front matter sets a non-empty title (the field named by "
          "`title-field`).",
      .why =
          "Site layouts render the front matter title as the page's `<h1>`; a second H1 in "
          "the body makes two competing page titles, which confuses screen readers, search "
          "engines and the heading outline. Sections of the article start at `##`.",
      .bad =
          "---\ntitle: How to get a job in DevRel\n---\n\n# How to get a job in DevRel\n\n"
          "# What is DevRel?\n",
      .good = "---\ntitle: How to get a job in DevRel\n---\n\n## What is DevRel?\n",
      .options = {{"title-field", "string", "title",
                   "the front matter field that holds the title, as a dotted path"}},
  };

  static core::Expected<HeadingTitleH1> create(const Options& options) {
    auto field = options.string("title-field", "title");
    if (!field) return field.error();
    return HeadingTitleH1(std::move(*field));
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    const auto& root = article.front_matter.yaml.root;
    if (!root || !root->is_mapping()) return;
    const core::Node* title = root->find_path(title_field_);
    if (title == nullptr || !title->is_scalar() || is_blank(title->text)) return;
    for (const markdown::Heading& heading : article.body.headings) {
      if (heading.level == 1) {
        sink.report(heading.span, "the front matter already sets the title; use ## for sections");
      }
    }
  }

 private:
  explicit HeadingTitleH1(std::string title_field) : title_field_(std::move(title_field)) {}

  std::string title_field_;
};

}  // namespace

RuleEntry heading_title_h1() { return {HeadingTitleH1::meta, make_rule<HeadingTitleH1>}; }

}  // namespace contentlint::rules
