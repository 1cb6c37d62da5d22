#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/diagnostic.hpp"
#include "core/utf8.hpp"
#include "report/formats.hpp"
#include "report/terminal.hpp"

namespace contentlint::report {
namespace {

// The layout of one file's block:
//
//   src/content/posts/how-to-get-a-job-in-devrel.md
//      7:8  error    image URL is empty                                  image/empty-url
//        |   url: ''
//        |        ^^
//     12:1  warning  image alt text repeats the URL; describe the image  image/alt-text
//        | ![https://media.giphy.com/.../giphy.gif](https://media.giphy.com/.../giphy.gif)
//        | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//
// The position is right-aligned to the file's widest, the severity padded to 7, the
// message to the file's widest, each column followed by two spaces. Under each
// diagnostic its source line and a caret line, behind a gutter whose '|' stands under
// the last character of the position column. A fixable diagnostic's message ends in
// " (fixable)", as in compact. Files without diagnostics are left out; a blank line
// separates the files and precedes the summary line. The golden file
// tests/golden/report/pretty.txt shows every case (tabs, wide characters, escapes, cuts).

constexpr std::size_t kSeverityWidth = 7;  // "warning"
constexpr std::size_t kTabWidth = 4;
// A longer source line is cut to this many columns around the caret, so that one long
// paragraph line does not fill the screen.
constexpr std::size_t kSnippetWidth = 100;
constexpr std::size_t kSnippetLead = 40;  // columns kept before the caret in a cut line
constexpr std::string_view kEllipsis = "\u2026";

// One code point of the source line as it is shown: a tab expanded to spaces, a control
// character escaped. `column` is the terminal column where it starts (0-based).
struct Cell {
  std::string text;
  std::size_t column = 0;
  std::size_t width = 0;
};

std::vector<Cell> source_cells(std::string_view line) {
  std::vector<Cell> cells;
  std::size_t column = 0;
  std::size_t offset = 0;
  while (offset < line.size()) {
    std::size_t start = offset;
    char32_t cp = core::decode_code_point(line, offset);
    Cell cell;
    cell.column = column;
    if (cp == U'\t') {
      cell.width = kTabWidth - column % kTabWidth;
      cell.text.assign(cell.width, ' ');
    } else if (cp == U'\uFFFD' && offset - start == 1) {
      cell.text = fmt::format("\\x{:02x}", static_cast<unsigned char>(line[start]));
      cell.width = cell.text.size();
    } else if (std::string escaped = escape_code_point(cp); !escaped.empty()) {
      cell.text = std::move(escaped);
      cell.width = cell.text.size();
    } else {
      cell.text.assign(line.substr(start, offset - start));
      cell.width = code_point_width(cp);
    }
    column += cell.width;
    cells.push_back(std::move(cell));
  }
  return cells;
}

// The source line as shown and where its carets go, in terminal columns.
struct Snippet {
  std::string line;
  std::size_t caret_offset = 0;
  std::size_t caret_width = 1;
};

Snippet make_snippet(const core::Diagnostic& diagnostic) {
  const std::vector<Cell> cells = source_cells(diagnostic.source_line);
  const std::size_t total = cells.empty() ? 0 : cells.back().column + cells.back().width;
  // Columns are 1-based code points; one past the last code point is the line's end.
  auto column_of = [&](std::uint32_t column) {
    std::size_t index = column > 0 ? column - 1 : 0;
    return index < cells.size() ? cells[index].column : total;
  };
  const core::Range& range = diagnostic.range;
  const std::size_t start = column_of(range.begin.column);
  // A range that goes on past its first line is underlined to the end of that line.
  const std::size_t end = range.end.line == range.begin.line ? column_of(range.end.column) : total;

  std::size_t first = 0;
  std::size_t last = cells.size();
  if (total > kSnippetWidth) {
    // Near the end of the line, show its last kSnippetWidth columns rather than fewer.
    const std::size_t wanted =
        std::min(start > kSnippetLead ? start - kSnippetLead : 0, total - kSnippetWidth);
    while (first < cells.size() && cells[first].column < wanted) {
      ++first;
    }
    const std::size_t from = first < cells.size() ? cells[first].column : total;
    last = first;
    while (last < cells.size() && cells[last].column + cells[last].width <= from + kSnippetWidth) {
      ++last;
    }
  }
  const std::size_t from = first < cells.size() ? cells[first].column : total;
  const std::size_t to = last < cells.size() ? cells[last].column : total;

  Snippet snippet;
  std::size_t lead = 0;
  if (first > 0) {
    snippet.line += kEllipsis;
    lead = 1;
  }
  for (std::size_t i = first; i < last; ++i) {
    snippet.line += cells[i].text;
  }
  if (last < cells.size()) {
    snippet.line += kEllipsis;
  }
  const std::size_t caret_begin = std::max(start, from);
  const std::size_t caret_end = last < cells.size() ? std::min(end, to) : end;
  snippet.caret_offset = caret_begin - from + lead;
  snippet.caret_width = caret_end > caret_begin ? caret_end - caret_begin : 1;
  return snippet;
}

// One diagnostic's cells, measured before anything is padded.
struct Row {
  const core::Diagnostic* diagnostic = nullptr;
  std::string position;
  std::string message;
  std::size_t message_width = 0;
};

class PrettyReporter final : public Reporter {
 public:
  explicit PrettyReporter(ReportOptions options) : options_(std::move(options)) {}

  void write(const engine::RunResult& result, std::ostream& out) const override {
    bool first_file = true;
    std::vector<Row> rows;
    for (const engine::CheckedFile file : result.files) {
      rows.clear();
      for (const core::Diagnostic& diagnostic : file.diagnostics) {
        if (options_.quiet && diagnostic.severity != core::Severity::error) {
          continue;
        }
        Row row;
        row.diagnostic = &diagnostic;
        row.position =
            fmt::format("{}:{}", diagnostic.range.begin.line, diagnostic.range.begin.column);
        row.message = escape_terminal(diagnostic.message);
        if (diagnostic.fixable()) {
          row.message += " (fixable)";
        }
        row.message_width = display_width(row.message);
        rows.push_back(std::move(row));
      }
      if (rows.empty()) {
        continue;
      }
      if (!first_file) {
        out << '\n';
      }
      first_file = false;
      write_file(file, rows, out);
    }
    if (!first_file) {
      out << '\n';
    }
    out << paint(summary_line(result.summary, options_.quiet),
                 summary_color(result.summary, options_.quiet), options_.color)
        << '\n';
  }

 private:
  void write_file(const engine::CheckedFile file, const std::vector<Row>& rows,
                  std::ostream& out) const {
    const bool color = options_.color;
    std::size_t position_width = 0;
    std::size_t message_width = 0;
    for (const Row& row : rows) {
      position_width = std::max(position_width, row.position.size());
      message_width = std::max(message_width, row.message_width);
    }
    std::string gutter;
    append_spaces(gutter, position_width + 1);
    gutter += paint("|", sgr::dim, color);

    out << paint(escape_terminal(file.path), sgr::bold_underline, color) << '\n';
    std::string text;
    for (const Row& row : rows) {
      const core::Diagnostic& diagnostic = *row.diagnostic;
      const std::string_view severity = core::to_string(diagnostic.severity);
      const std::string_view severity_sgr = severity_color(diagnostic.severity);
      text = "  ";
      append_spaces(text, position_width - row.position.size());
      text += row.position;
      text += "  ";
      text += paint(severity, severity_sgr, color);
      append_spaces(text, kSeverityWidth - std::min(kSeverityWidth, severity.size()) + 2);
      text += row.message;
      append_spaces(text, message_width - row.message_width + 2);
      text += paint(escape_terminal(diagnostic.rule), sgr::dim, color);
      text += '\n';

      const Snippet snippet = make_snippet(diagnostic);
      text += gutter;
      if (!snippet.line.empty()) {
        text += ' ';
        text += snippet.line;
      }
      text += '\n';
      text += gutter;
      text += ' ';
      append_spaces(text, snippet.caret_offset);
      text += paint(std::string(snippet.caret_width, '^'), severity_sgr, color);
      text += '\n';
      out << text;
    }
  }

  ReportOptions options_;
};

}  // namespace

std::unique_ptr<Reporter> make_pretty_reporter(const ReportOptions& options) {
  return std::make_unique<PrettyReporter>(options);
}

}  // namespace contentlint::report
