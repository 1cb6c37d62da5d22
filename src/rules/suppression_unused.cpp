#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

// Like suppression/unknown-rule, reported by the engine's suppression step once every
// rule has run; this class only carries the id, the level and the documentation.
class SuppressionUnused final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "suppression/unused",
      .default_severity = core::Severity::warning,
      .summary = "a suppression comment that suppressed nothing",
      .what =
          "Reports a `contentlint-disable`, `contentlint-disable-line` or "
          "`contentlint-disable-next-line` comment (in the body, or a `#` comment in the front "
          "matter) that covered no finding of the rule it names; one finding per rule id, at "
          "the id, or at the comment when it names no rule (all rules). A rule that is off "
          "for the file finds nothing, so a comment naming it is not reported: it may be on "
          "elsewhere (another collection, a stricter config). `contentlint-enable` comments "
          "are never reported. A comment that covers only findings decided later (a "
          "`link/anchor` fragment into a file checked later in the run) is reported once "
          "that file is checked, if none of them holds. The findings are made by the engine "
          "after all rules ran; turning this rule off only stops them from being reported.",
      .why =
          "A suppression that no longer suppresses anything hides the next real finding on "
          "that line, and tells readers that a problem exists where none does.",
      .bad =
          "<!-- contentlint-disable-next-line image/empty-url -->\n"
          "![Team photo](/assets/team.png)\n",
      .good = "![Team photo](/assets/team.png)\n",
  };

  static core::Expected<SuppressionUnused> create(const Options&) { return SuppressionUnused{}; }

  void check(const Article&, core::DiagnosticSink&) const override {}
};

}  // namespace

RuleEntry suppression_unused() { return {SuppressionUnused::meta, make_rule<SuppressionUnused>}; }

}  // namespace contentlint::rules
