/// Helpers shared by the markdown unit tests: spans as readable positions.
#pragma once

#include <string>

#include "core/document.hpp"
#include "markdown/facts.hpp"

namespace contentlint::markdown::testing {

/// "line:col-line:col" of a span (columns in code points, end exclusive).
inline std::string where(const core::Document& document, core::ByteSpan span) {
  core::Range range = document.range(span);
  return std::to_string(range.begin.line) + ":" + std::to_string(range.begin.column) + "-" +
         std::to_string(range.end.line) + ":" + std::to_string(range.end.column);
}

/// The facts of the whole document as a body.
inline Body extract_all(const core::Document& document) {
  return extract(document, {0, document.text().size()});
}

}  // namespace contentlint::markdown::testing
