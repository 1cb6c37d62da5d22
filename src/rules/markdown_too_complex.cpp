#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

class MarkdownTooComplex final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "markdown/too-complex",
      .default_severity = core::Severity::error,
      .summary = "a Markdown body nested too deeply or too complex to check",
      .what =
          "Reports a body that the Markdown parser would take minutes or hours on, found by a "
          "linear pre-scan before parsing: lists and block quotes nested hundreds of levels "
          "deep that continue over many blank lines, text nested that deep with many inline "
          "elements, or thousands of unclosed `![` followed by links in one paragraph "
          "(CVE-2023-22486). The body is then not checked at all; the front matter still is.",
      .why =
          "cmark 0.30.2, which this build parses with, is quadratic on these inputs: a 90 KB "
          "file can hold a CI job for minutes. No real article comes near the limits; a file "
          "that does is generated or hostile, and a reviewer should look at it.",
      .bad =
          "- - - - - - - - - - - - - - - - … (30,000 levels) item\n\n\n\n… (30,000 blank lines)\n",
      .good = "- item\n  - nested item\n    - a third level is plenty\n",
  };

  static core::Expected<MarkdownTooComplex> create(const Options&) { return MarkdownTooComplex{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    if (const auto& too_complex = article.body.too_complex) {
      sink.report(too_complex->span, too_complex->message);
    }
  }
};

}  // namespace

RuleEntry markdown_too_complex() {
  return {MarkdownTooComplex::meta, make_rule<MarkdownTooComplex>};
}

}  // namespace contentlint::rules
