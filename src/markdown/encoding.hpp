/// Telling a Markdown file from one that is not UTF-8 text at all, by its first bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace contentlint::markdown {

/// Why bytes are not UTF-8 text.
enum class NotText {
  utf16,   // starts with a UTF-16 byte-order mark (FF FE or FE FF)
  binary,  // a NUL byte among the first kBinarySniffBytes bytes, as git decides it
};

/// How far a NUL byte marks a file as binary (git's `buffer_is_binary` looks as far).
constexpr std::size_t kBinarySniffBytes = 8000;

/// Whether `bytes` (a whole file, a UTF-8 byte-order mark already removed or not) are
/// UTF-16 or binary; nullopt for text, valid UTF-8 or not.
std::optional<NotText> sniff_not_text(std::string_view bytes);

}  // namespace contentlint::markdown
