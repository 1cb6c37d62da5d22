/// Maps byte offsets in a text to 1-based lines and code-point columns.
#pragma once

#include <string_view>
#include <vector>

#include "core/position.hpp"

namespace contentlint::core {

/// Line starts of one text. "\n", "\r\n" and a lone "\r" each end a line, so CRLF
/// files report the same positions as LF files. The index holds a view of the text:
/// the text must outlive it (a Document owns both).
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  /// The position of the byte at `offset` (an offset at the end of the text is valid).
  /// An offset inside a multi-byte character or a line break maps to that character.
  Position position(std::size_t offset) const;
  Range range(ByteSpan span) const { return {position(span.begin), position(span.end)}; }

  /// The byte offset of a position; a column past the end of its line clamps to the end.
  std::size_t offset(Position position) const;

  std::size_t line_count() const { return starts_.size(); }
  /// The bytes of line `line` (1-based), without its line break.
  ByteSpan line_span(std::uint32_t line) const;
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  // Code-point columns at every kCheckpoint bytes of long lines, so finding a column on a
  // 200 KB line does not count from the line's start each time (sorted by offset).
  struct Checkpoint {
    std::size_t offset;
    std::size_t column;  // 0-based
  };
  std::vector<Checkpoint> checkpoints_;
};

}  // namespace contentlint::core
