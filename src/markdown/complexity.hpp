/// The pre-scan that keeps input cmark 0.30.2 takes quadratic time on away from cmark.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/position.hpp"

namespace contentlint::markdown {

/// Why a body was not parsed: where the hazard starts and what it is, said to the author.
struct TooComplex {
  core::ByteSpan span;  // indexes the Document's text
  std::string message;
};

/// The work budgets of the pre-scan. Each counts the steps of one of cmark 0.30.2's
/// super-linear loops; normal articles stay orders of magnitude below them.
struct ComplexityLimits {
  /// blocks.c check_open_blocks walks every open container on every line, and a blank
  /// line matches every open list item without consuming a byte: steps = open
  /// containers summed over lines. About 80 ns a step here.
  std::uint64_t container_steps = 1'000'000;
  /// Appending an inline node to a paragraph costs its container depth (node.c's
  /// ancestor check): steps = (depth + 1) × inline delimiters. About 10 ns a step.
  std::uint64_t inline_steps = 20'000'000;
  /// inlines.c handle_close_bracket walks back over every unclosed `![` each time a link
  /// closes (CVE-2023-22486, fixed in 0.30.3): steps = open `![` summed over link closes.
  std::uint64_t bracket_steps = 10'000'000;
};

/// Scans `span` of `text` (a body) once, in linear time, and says whether cmark would
/// exceed a budget on it. Over-estimates (it does not model every rule of CommonMark),
/// never under-estimates the container and bracket walks.
std::optional<TooComplex> find_too_complex(std::string_view text, core::ByteSpan span,
                                           const ComplexityLimits& limits = {});

}  // namespace contentlint::markdown
