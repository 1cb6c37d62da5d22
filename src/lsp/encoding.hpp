/// LSP positions: 0-based lines and characters counted in the negotiated code units.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/line_index.hpp"
#include "core/position.hpp"

namespace contentlint::lsp {

/// The unit a `character` counts (LSP 3.17 PositionEncodingKind). UTF-16 is what every
/// client supports and the default when the client offers nothing.
enum class PositionEncoding { utf8, utf16, utf32 };

/// "utf-8", "utf-16" or "utf-32".
std::string_view to_string(PositionEncoding encoding);
std::optional<PositionEncoding> parse_position_encoding(std::string_view name);

/// The encoding to use with a client that offered `offered` (its
/// `general.positionEncodings`, in its order of preference): the first one we support,
/// else UTF-16, which every client must support.
PositionEncoding negotiate_encoding(std::span<const std::string> offered);

/// A position as the protocol writes it.
struct LspPosition {
  std::uint32_t line = 0;
  std::uint32_t character = 0;

  friend auto operator<=>(const LspPosition&, const LspPosition&) = default;
};

struct LspRange {
  LspPosition start;
  LspPosition end;

  friend auto operator<=>(const LspRange&, const LspRange&) = default;
};

/// Converts between byte offsets and LSP positions for one document text as the client
/// holds it. Offsets are offsets into the text *without* a leading byte-order mark, the
/// way core::Document (and so every diagnostic span and fix edit) counts them; positions
/// count the mark as the client does, as one character of the first line. Line breaks
/// are "\n", "\r\n" and a lone "\r", as in LSP and core::LineIndex. The index views
/// `text`, which must outlive it.
class TextIndex {
 public:
  TextIndex(std::string_view text, PositionEncoding encoding);

  /// The position of the character holding the byte at `offset`; an offset inside a line
  /// break maps to the end of its line, one past the text to the end of the text.
  LspPosition position(std::size_t offset) const;
  LspRange range(core::ByteSpan span) const { return {position(span.begin), position(span.end)}; }

  /// The offset of a position; a character past the end of its line clamps to the line's
  /// end, one inside a character (half a surrogate pair, a byte inside a UTF-8 sequence)
  /// to that character's start, a line past the last to the end of the text.
  std::size_t offset(LspPosition position) const;

  PositionEncoding encoding() const { return encoding_; }

 private:
  std::string_view text_;  // as the client holds it, a byte-order mark included
  std::size_t bom_ = 0;    // the length of the mark, 0 or 3
  PositionEncoding encoding_;
  core::LineIndex lines_;
};

}  // namespace contentlint::lsp
