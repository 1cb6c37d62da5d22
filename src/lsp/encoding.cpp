#include "lsp/encoding.hpp"

#include <algorithm>

namespace contentlint::lsp {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The code units of the character whose UTF-8 sequence starts with `lead`. Invalid bytes
// count as one character each, as core::count_code_points counts them.
std::uint32_t units(char lead, PositionEncoding encoding) {
  if (encoding == PositionEncoding::utf16) return static_cast<unsigned char>(lead) >= 0xF0 ? 2 : 1;
  return 1;
}

}  // namespace

std::string_view to_string(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::utf8:
      return "utf-8";
    case PositionEncoding::utf16:
      return "utf-16";
    case PositionEncoding::utf32:
      return "utf-32";
  }
  return "utf-16";
}

std::optional<PositionEncoding> parse_position_encoding(std::string_view name) {
  if (name == "utf-8") return PositionEncoding::utf8;
  if (name == "utf-16") return PositionEncoding::utf16;
  if (name == "utf-32") return PositionEncoding::utf32;
  return std::nullopt;
}

PositionEncoding negotiate_encoding(std::span<const std::string> offered) {
  for (const std::string& name : offered) {
    if (auto encoding = parse_position_encoding(name)) return *encoding;
  }
  return PositionEncoding::utf16;
}

TextIndex::TextIndex(std::string_view text, PositionEncoding encoding)
    : text_(text),
      bom_(text.starts_with(kBom) ? kBom.size() : 0),
      encoding_(encoding),
      lines_(text) {}

LspPosition TextIndex::position(std::size_t offset) const {
  offset = std::min(offset + bom_, text_.size());
  core::Position line_column = lines_.position(offset);
  core::ByteSpan line = lines_.line_span(line_column.line);
  offset = std::min(offset, line.end);
  // `offset` may be the text's end, which has no byte to look at.
  while (offset > line.begin && offset < text_.size() && is_continuation(text_[offset])) {
    --offset;
  }
  std::uint32_t character = 0;
  if (encoding_ == PositionEncoding::utf8) {
    character = static_cast<std::uint32_t>(offset - line.begin);
  } else {
    for (std::size_t i = line.begin; i < offset; ++i) {
      if (!is_continuation(text_[i])) character += units(text_[i], encoding_);
    }
  }
  return {line_column.line - 1, character};
}

std::size_t TextIndex::offset(LspPosition position) const {
  auto done = [&](std::size_t offset) { return std::max(offset, bom_) - bom_; };
  if (position.line >= lines_.line_count()) return done(text_.size());
  core::ByteSpan line = lines_.line_span(position.line + 1);
  std::size_t i = line.begin;
  std::uint32_t counted = 0;
  while (i < line.end) {
    std::uint32_t width = units(text_[i], encoding_);
    std::size_t next = i + 1;
    while (next < line.end && is_continuation(text_[next])) ++next;
    if (encoding_ == PositionEncoding::utf8) width = static_cast<std::uint32_t>(next - i);
    if (counted + width > position.character) break;
    counted += width;
    i = next;
  }
  return done(i);
}

}  // namespace contentlint::lsp
