/// Positions and ranges in a source file: byte offsets inside, line/column at the edges.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>

namespace contentlint::core {

/// A half-open range of byte offsets [begin, end) into a Document's text.
struct ByteSpan {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

/// A 1-based line and a 1-based column counted in Unicode code points.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;

  friend auto operator<=>(const Position&, const Position&) = default;
};

/// A range of positions; `end` is exclusive (the column just after the last character).
struct Range {
  Position begin;
  Position end;

  friend auto operator<=>(const Range&, const Range&) = default;
};

}  // namespace contentlint::core
