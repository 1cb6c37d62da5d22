#include "core/document.hpp"

namespace contentlint::core {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

LineEnding detect_line_ending(std::string_view text) {
  auto newline = text.find('\n');
  if (newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r') {
    return LineEnding::crlf;
  }
  return LineEnding::lf;
}

}  // namespace

Document::Document(std::string path, std::string bytes)
    : path_(std::move(path)), text_(std::move(bytes)) {
  if (std::string_view(text_).starts_with(kBom)) {
    text_.erase(0, kBom.size());
    has_bom_ = true;
  }
  line_ending_ = detect_line_ending(text_);
  lines_ = LineIndex(text_);
}

}  // namespace contentlint::core
