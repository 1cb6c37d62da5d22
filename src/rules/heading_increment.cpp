#include <fmt/format.h>

#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

class HeadingIncrement final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "heading/increment",
      .default_severity = core::Severity::warning,
      .summary = "a heading level skipped",
      .what =
          "Reports a heading more than one level deeper than the heading before it: an `h4` "
          "right after an `h2`. Going back up any number of levels is fine, and the first "
          "heading may have any level (the page title often comes from the front matter).",
      .why =
          "Screen reader users navigate by the heading outline; a skipped level reads as a "
          "missing section. Tables of contents generated from the headings get a hole too. "
          "Authors usually skip a level to get a smaller font, which is the style sheet's job.",
      .bad = "## Install\n\n#### On Linux\n",
      .good = "## Install\n\n### On Linux\n",
  };

  static core::Expected<HeadingIncrement> create(const Options&) { return HeadingIncrement{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    int previous = 0;
    for (const markdown::Heading& heading : article.body.headings) {
      if (previous > 0 && heading.level > previous + 1) {
        sink.report(heading.span,
                    fmt::format("heading level {} follows level {}; expected level {}",
                                heading.level, previous, previous + 1));
      }
      previous = heading.level;
    }
  }
};

}  // namespace

RuleEntry heading_increment() { return {HeadingIncrement::meta, make_rule<HeadingIncrement>}; }

}  // namespace contentlint::rules
