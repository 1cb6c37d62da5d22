/// One file's text as read once from disk or stdin, with its line index.
#pragma once

#include <string>
#include <string_view>

#include "core/line_index.hpp"
#include "core/position.hpp"

namespace contentlint::core {

/// The line break a file mostly uses; fixes write new lines with it.
enum class LineEnding { lf, crlf };

/// The text of one file. A UTF-8 byte-order mark is stripped (and remembered, so a fix
/// can write it back) before any offset is taken, so neither a BOM nor CRLF line breaks
/// shift a reported position. Everything else about the file holds byte spans or views
/// into `text()`; the Document owns that text and must outlive them. It cannot move,
/// because its line index views its own buffer.
class Document {
 public:
  /// `path` is the display path (relative to the current directory, no leading "./").
  Document(std::string path, std::string bytes);
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  bool has_bom() const { return has_bom_; }
  LineEnding line_ending() const { return line_ending_; }
  const LineIndex& lines() const { return lines_; }

  std::string_view slice(ByteSpan span) const {
    return std::string_view(text_).substr(span.begin, span.size());
  }
  Position position(std::size_t offset) const { return lines_.position(offset); }
  Range range(ByteSpan span) const { return lines_.range(span); }

 private:
  std::string path_;
  std::string text_;
  bool has_bom_ = false;
  LineEnding line_ending_ = LineEnding::lf;
  LineIndex lines_;
};

}  // namespace contentlint::core
