#include "core/line_index.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace contentlint::core {

namespace {
constexpr std::size_t kCheckpoint = 1024;
}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  if (text.find('\r') == std::string_view::npos) {
    // Nearly every file: '\n' is its only line break, and find (memchr) skips to it
    // instead of testing each byte twice (every file is indexed once per run).
    for (auto i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
      starts_.push_back(i + 1);
    }
  } else {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        starts_.push_back(i + 1);
      } else if (text[i] == '\r') {
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        starts_.push_back(i + 1);
      }
    }
  }
  for (std::uint32_t line = 1; line <= starts_.size(); ++line) {
    ByteSpan span = line_span(line);
    std::size_t column = 0;
    std::size_t counted = span.begin;
    for (std::size_t at = span.begin + kCheckpoint; at < span.end; at += kCheckpoint) {
      column += count_code_points(text.substr(counted, at - counted));
      counted = at;
      checkpoints_.push_back({at, column});
    }
  }
}

Position LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
  std::size_t start = starts_[line - 1];
  std::size_t base = 0;
  auto checkpoint =
      std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                       [](std::size_t at, const Checkpoint& c) { return at < c.offset; });
  if (checkpoint != checkpoints_.begin() && std::prev(checkpoint)->offset > start) {
    --checkpoint;
    base = checkpoint->column;
    start = checkpoint->offset;
  }
  auto column = base + count_code_points(text_.substr(start, offset - start)) + 1;
  return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
}

std::size_t LineIndex::offset(Position position) const {
  if (position.line == 0 || position.line > starts_.size()) return text_.size();
  ByteSpan line = line_span(position.line);
  return line.begin +
         advance_code_points(text_.substr(line.begin, line.size()), position.column - 1);
}

ByteSpan LineIndex::line_span(std::uint32_t line) const {
  if (line == 0 || line > starts_.size()) return {text_.size(), text_.size()};
  std::size_t begin = starts_[line - 1];
  std::size_t end = line < starts_.size() ? starts_[line] : text_.size();
  if (end > begin && text_[end - 1] == '\n') --end;
  if (end > begin && text_[end - 1] == '\r') --end;
  return {begin, end};
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  ByteSpan span = line_span(line);
  return text_.substr(span.begin, span.size());
}

}  // namespace contentlint::core
