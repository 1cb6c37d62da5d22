#include "markdown/encoding.hpp"

namespace contentlint::markdown {

std::optional<NotText> sniff_not_text(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return NotText::utf16;
  if (bytes.substr(0, kBinarySniffBytes).find('\0') != std::string_view::npos) {
    return NotText::binary;
  }
  return std::nullopt;
}

}  // namespace contentlint::markdown
