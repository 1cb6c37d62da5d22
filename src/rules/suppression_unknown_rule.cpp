#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

// The engine's suppression step (engine/suppress.cpp) reports this rule's findings, after
// every rule has run, because only then are the comments and diagnostics all known. The
// class exists so that the id has a level, documentation and a SARIF descriptor; its
// `check` reports nothing.
class SuppressionUnknownRule final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "suppression/unknown-rule",
      .default_severity = core::Severity::warning,
      .summary = "a suppression comment that names a rule that does not exist",
      .what =
          "Reports a rule id in a suppression comment that names no rule: a built-in rule or "
          "a declarative rule of the config's `rule-dirs`. It reads the comments "
          "`<!-- contentlint-disable RULE... -->`, `<!-- contentlint-enable RULE... -->`, "
          "`<!-- contentlint-disable-line RULE... -->` and "
          "`<!-- contentlint-disable-next-line RULE... -->` in the body, and "
          "`# contentlint-disable-line RULE...` and `# contentlint-disable-next-line RULE...` "
          "in the front matter, and suggests the nearest known id. Comments inside code are "
          "text, not comments. The findings are made by the engine after all rules ran; "
          "turning this rule off only stops them from being reported.",
      .why =
          "A misspelled id suppresses nothing: the finding it was meant to silence is "
          "reported anyway, or, after the rule is renamed, the comment silently stops "
          "working.",
      .bad = "<!-- contentlint-disable-next-line image/emty-url -->\n![Team photo]()\n",
      .good = "<!-- contentlint-disable-next-line image/empty-url -->\n![Team photo]()\n",
  };

  static core::Expected<SuppressionUnknownRule> create(const Options&) {
    return SuppressionUnknownRule{};
  }

  void check(const Article&, core::DiagnosticSink&) const override {}
};

}  // namespace

RuleEntry suppression_unknown_rule() {
  return {SuppressionUnknownRule::meta, make_rule<SuppressionUnknownRule>};
}

}  // namespace contentlint::rules
