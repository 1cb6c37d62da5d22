#include <string>

#include "core/diagnostic.hpp"
#include "report/formats.hpp"
#include "report/terminal.hpp"

namespace contentlint::report {
namespace {

// One line per diagnostic, `path:line:col: severity: message [rule-id]`, for editors
// and grep; then the summary line. Paths and messages are escaped (terminal.hpp) so one
// diagnostic is always one line. With colour, only the severity and the rule id are
// painted, so the `path:line:col:` prefix editors match on stays plain.
class CompactReporter final : public Reporter {
 public:
  explicit CompactReporter(ReportOptions options) : options_(std::move(options)) {}

  void write(const engine::RunResult& result, std::ostream& out) const override {
    const bool color = options_.color;
    std::string line;
    for (const engine::CheckedFile file : result.files) {
      const std::string path = escape_terminal(file.path);
      for (const core::Diagnostic& diagnostic : file.diagnostics) {
        if (options_.quiet && diagnostic.severity != core::Severity::error) {
          continue;
        }
        line = compact_line(path, diagnostic, color);
        line += '\n';
        out << line;
      }
    }
    out << paint(summary_line(result.summary, options_.quiet),
                 summary_color(result.summary, options_.quiet), color)
        << '\n';
  }

 private:
  ReportOptions options_;
};

}  // namespace

std::string compact_line(std::string_view display_path, const core::Diagnostic& diagnostic,
                         bool color) {
  std::string line(display_path);
  line += ':';
  line += std::to_string(diagnostic.range.begin.line);
  line += ':';
  line += std::to_string(diagnostic.range.begin.column);
  line += ": ";
  line += paint(core::to_string(diagnostic.severity), severity_color(diagnostic.severity), color);
  line += ": ";
  line += escape_terminal(diagnostic.message);
  if (diagnostic.fixable()) {
    line += " (fixable)";
  }
  line += ' ';
  line += paint("[" + escape_terminal(diagnostic.rule) + "]", sgr::dim, color);
  return line;
}

std::unique_ptr<Reporter> make_compact_reporter(const ReportOptions& options) {
  return std::make_unique<CompactReporter>(options);
}

}  // namespace contentlint::report
