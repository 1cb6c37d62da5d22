/// UTF-8 helpers: validation, code-point counting, decoding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace contentlint::core {

/// The byte offset of the first byte that is not part of valid UTF-8 (overlong forms,
/// surrogates and code points past U+10FFFF are invalid), or nullopt when all is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// The number of code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(std::string_view text);

/// The byte offset after skipping `count` code points, clamped to the text's size.
std::size_t advance_code_points(std::string_view text, std::size_t count);

/// Decodes the code point at `offset` and advances `offset` past it; invalid bytes
/// decode as U+FFFD one byte at a time.
char32_t decode_code_point(std::string_view text, std::size_t& offset);

/// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

}  // namespace contentlint::core
