/// Suppression comments: reading them from a file, and applying them to its diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "core/diagnostic.hpp"
#include "core/document.hpp"
#include "core/position.hpp"
#include "frontmatter/frontmatter.hpp"
#include "markdown/facts.hpp"

namespace contentlint::engine {

/// The rule ids of the findings the suppression step reports (src/rules/suppression_*.cpp
/// document them; their `check` reports nothing).
inline constexpr std::string_view kUnknownRuleId = "suppression/unknown-rule";
inline constexpr std::string_view kUnusedSuppressionId = "suppression/unused";

/// What a suppression comment asks for.
enum class SuppressionKind {
  disable,            // from its line on, until a matching enable
  enable,             // ends a disable, from its line on
  disable_line,       // the comment's own line(s)
  disable_next_line,  // the line after the comment
};

/// One rule id named in a suppression comment.
struct SuppressedRule {
  std::string id;
  core::ByteSpan span;  // where the id is written
};

/// A suppression comment: `<!-- contentlint-disable image/empty-url -->` in the body, or
/// `# contentlint-disable-line tag/format` in the front matter (all four kinds work in
/// both). Ids are separated by blanks or commas; ` -- ` starts a free-text reason.
struct Suppression {
  SuppressionKind kind = SuppressionKind::disable;
  std::string_view directive;  // "contentlint-disable-next-line", static storage
  core::ByteSpan span;         // the whole comment: `<!-- ... -->`, or `# ...` to the line end
  std::uint32_t first_line = 0;
  std::uint32_t last_line = 0;
  std::vector<SuppressedRule> rules;  // empty: every rule
};

/// Every suppression comment of a file in source order: the front matter's `#` comments
/// (outside quoted and block scalars), then the body's HTML comments (Body::comments, so
/// a comment inside code is text, not a comment). A comment whose first word is not one
/// of the four directives is not a suppression.
std::vector<Suppression> find_suppressions(const core::Document& document,
                                           const frontmatter::FrontMatter& front_matter,
                                           const markdown::Body& body);

/// Applies the file's suppression comments to `diagnostics` (what every rule reported;
/// spans set, ranges not needed): a diagnostic whose first line a comment covers for its
/// rule is removed. Then, for the rules that are on in `rules` (the file's rule set, whose
/// settings name every known rule id, built-in and declarative), it appends:
/// - suppression/unknown-rule, at each id that names no known rule, with the nearest id;
/// - suppression/unused, at each id of a disable comment that covered no diagnostic of
///   that rule, or at the comment when it names no rule and covered nothing. Ids of rules
///   that are off for this file are not reported (an off rule finds nothing by
///   definition), nor are unknown ids (reported once, as unknown), nor enable comments.
/// These findings are themselves suppressed by comments that cover them, except by the
/// comment they are about.
void apply_suppressions(const core::Document& document,
                        const frontmatter::FrontMatter& front_matter, const markdown::Body& body,
                        const config::RuleSet& rules, std::vector<core::Diagnostic>& diagnostics);

}  // namespace contentlint::engine
