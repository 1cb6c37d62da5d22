#include <string>

#include <fmt/format.h>

#include "core/diagnostic.hpp"
#include "core/utf8.hpp"
#include "report/formats.hpp"
#include "report/terminal.hpp"

namespace contentlint::report {
namespace {

// GitHub turns at most this many workflow commands of each kind (error, warning,
// notice) per step into annotations and drops the rest silently.
constexpr std::size_t kAnnotationsPerKind = 10;

std::string_view command_of(core::Severity severity) {
  switch (severity) {
    case core::Severity::error:
      return "error";
    case core::Severity::warning:
      return "warning";
    case core::Severity::info:
    case core::Severity::off:
      break;
  }
  return "notice";
}

std::string escape_workflow(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    const char c = text[offset];
    switch (c) {
      case '%':
        out += "%25";
        ++offset;
        continue;
      case '\r':
        out += "%0D";
        ++offset;
        continue;
      case '\n':
        out += "%0A";
        ++offset;
        continue;
      case ':':
      case ',':
        out += property ? (c == ':' ? "%3A" : "%2C") : std::string(1, c);
        ++offset;
        continue;
      case '\t':
        out += c;
        ++offset;
        continue;
      default:
        break;
    }
    const std::size_t start = offset;
    const char32_t cp = core::decode_code_point(text, offset);
    if (cp == U'\uFFFD' && offset - start == 1) {
      out += "\uFFFD";
    } else if (std::string escaped = escape_code_point(cp); !escaped.empty()) {
      out += escaped;
    } else {
      out.append(text.substr(start, offset - start));
    }
  }
  return out;
}

// .NET's Char.IsWhiteSpace for the code points the runner's TrimStart() skips before it
// looks for `::`; the C0 and C1 ones never reach here (escape_terminal escapes them).
bool is_dotnet_space(char32_t cp) {
  return cp == U' ' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// The annotations, then every finding in compact form inside a collapsed log group (so
// the log stays short but complete), then the summary line. Annotations name files by
// repository path, which is what GitHub matches against the pull request's diff. Users'
// documentation: docs/github-format.md.
class GithubReporter final : public Reporter {
 public:
  explicit GithubReporter(ReportOptions options) : options_(std::move(options)) {}

  void write(const engine::RunResult& result, std::ostream& out) const override {
    std::size_t counts[3] = {0, 0, 0};  // error, warning, notice
    auto kind = [](core::Severity severity) {
      return severity == core::Severity::error ? 0 : severity == core::Severity::warning ? 1 : 2;
    };
    std::size_t listed = 0;
    for (const engine::CheckedFile file : result.files) {
      for (const core::Diagnostic& diagnostic : file.diagnostics) {
        if (shown(diagnostic)) {
          ++counts[kind(diagnostic.severity)];
          ++listed;
        }
      }
    }
    // The note about dropped annotations is a notice itself, so it takes one of the
    // notices' places when it is needed.
    const bool needs_note = counts[0] > kAnnotationsPerKind || counts[1] > kAnnotationsPerKind ||
                            counts[2] > kAnnotationsPerKind;
    const std::size_t budget[3] = {kAnnotationsPerKind, kAnnotationsPerKind,
                                   kAnnotationsPerKind - (needs_note ? 1 : 0)};
    std::size_t annotated[3] = {0, 0, 0};

    std::string text;
    for (const engine::CheckedFile file : result.files) {
      const std::string file_property = escape_workflow_property(annotation_path(file.path));
      for (const core::Diagnostic& diagnostic : file.diagnostics) {
        const int k = kind(diagnostic.severity);
        if (!shown(diagnostic) || annotated[k] == budget[k]) continue;
        ++annotated[k];
        const core::Range& range = diagnostic.range;
        text += fmt::format("::{} file={},line={},", command_of(diagnostic.severity), file_property,
                            range.begin.line);
        // GitHub ignores columns on an annotation that spans several lines.
        if (range.end.line == range.begin.line) {
          text += fmt::format("col={},endLine={},endColumn={},", range.begin.column, range.end.line,
                              range.end.column);
        } else {
          text += fmt::format("endLine={},", range.end.line);
        }
        text += "title=";
        text += escape_workflow_property(diagnostic.rule);
        text += "::";
        text += escape_workflow_data(diagnostic.message);
        text += '\n';
      }
      out << text;
      text.clear();
    }
    const std::size_t not_annotated = listed - annotated[0] - annotated[1] - annotated[2];
    if (needs_note) {
      text += fmt::format(
          "::notice title=contentlint::{} of {} findings are not annotated: GitHub shows at "
          "most {} errors, {} warnings and {} notices per step. The log lists them all.\n",
          not_annotated, listed, kAnnotationsPerKind, kAnnotationsPerKind, kAnnotationsPerKind);
    }
    if (listed > 0) {
      text += fmt::format("::group::contentlint: {} {}\n", listed,
                          listed == 1 ? "finding" : "findings");
      out << text;
      text.clear();
      for (const engine::CheckedFile file : result.files) {
        const std::string path = escape_terminal(file.path);
        for (const core::Diagnostic& diagnostic : file.diagnostics) {
          if (!shown(diagnostic)) continue;
          text += neutralize_workflow_commands(compact_line(path, diagnostic, false));
          text += '\n';
        }
        out << text;
        text.clear();
      }
      text += "::endgroup::\n";
    }
    text += summary_line(result.summary, options_.quiet);
    text += '\n';
    out << text;
  }

 private:
  bool shown(const core::Diagnostic& diagnostic) const {
    return !options_.quiet || diagnostic.severity == core::Severity::error;
  }

  std::string annotation_path(std::string_view display_path) const {
    if (auto path = repository_path(options_.repository, display_path)) return *path;
    return absolute_path(options_.repository, display_path);
  }

  ReportOptions options_;
};

}  // namespace

std::string escape_workflow_data(std::string_view text) { return escape_workflow(text, false); }

std::string escape_workflow_property(std::string_view text) { return escape_workflow(text, true); }

std::string neutralize_workflow_commands(std::string line) {
  std::size_t at = 0;
  while ((at = line.find("##[", at)) != std::string::npos) {
    line.replace(at + 2, 1, "\\x5b");
    at += 6;
  }
  std::size_t offset = 0;
  while (offset < line.size()) {
    std::size_t next = offset;
    if (!is_dotnet_space(core::decode_code_point(line, next))) break;
    offset = next;
  }
  if (line.compare(offset, 2, "::") == 0) line.insert(0, "./");
  return line;
}

std::unique_ptr<Reporter> make_github_reporter(const ReportOptions& options) {
  return std::make_unique<GithubReporter>(options);
}

}  // namespace contentlint::report
