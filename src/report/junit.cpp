#include <string>

#include <fmt/format.h>

#include "core/diagnostic.hpp"
#include "core/utf8.hpp"
#include "report/formats.hpp"

namespace contentlint::report {
namespace {

// What GitLab's and Jenkins' JUnit readers take, documented in docs/junit-format.md:
//
//   <testsuites name="contentlint" tests="3" failures="2" errors="0" time="0">
//     <testsuite name="docs/a.md" tests="2" failures="2" errors="0" skipped="0" time="0">
//       <testcase name="image/empty-url at 7:8" classname="docs/a" file="docs/a.md" ...>
//         <failure message="image URL is empty" type="error">docs/a.md:7:8: ...</failure>
//       </testcase>
//     </testsuite>
//   </testsuites>
//
// One testsuite per file; one testcase per diagnostic, failing for errors and warnings
// and passing (with the finding in <system-out>) for infos; a clean file is one passing
// testcase. The classname is the path without its extension because Jenkins reads the
// part after the last '.' as the class name.

std::string classname_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && dot > 0 &&
      (slash == std::string_view::npos || dot > slash + 1)) {
    return std::string(path.substr(0, dot));
  }
  return std::string(path);
}

// The body of a <failure>: the compact line and the source line, unescaped (XML is
// lossless apart from the characters it forbids).
std::string failure_text(std::string_view path, const core::Diagnostic& diagnostic) {
  std::string text = fmt::format("{}:{}:{}: {}: {}", path, diagnostic.range.begin.line,
                                 diagnostic.range.begin.column,
                                 core::to_string(diagnostic.severity), diagnostic.message);
  if (diagnostic.fixable()) text += " (fixable)";
  text += fmt::format(" [{}]", diagnostic.rule);
  if (!diagnostic.source_line.empty()) {
    text += "\n";
    text += diagnostic.source_line;
  }
  return text;
}

class JunitReporter final : public Reporter {
 public:
  explicit JunitReporter(ReportOptions options) : options_(std::move(options)) {}

  void write(const engine::RunResult& result, std::ostream& out) const override {
    std::size_t tests = 0;
    std::size_t failures = 0;
    for (const engine::CheckedFile file : result.files) {
      const Counts counts = count(file);
      tests += counts.tests;
      failures += counts.failures;
    }
    std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    text += fmt::format(
        "<testsuites name=\"contentlint\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
        "time=\"0\">\n",
        tests, failures);
    for (const engine::CheckedFile file : result.files) {
      const Counts counts = count(file);
      const std::string path = xml_escape(file.path);
      const std::string classname = xml_escape(classname_of(file.path));
      text += fmt::format(
          "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" "
          "time=\"0\">\n",
          path, counts.tests, counts.failures);
      if (counts.tests == counts.clean) {
        text += fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" time=\"0\"/>\n",
                            path, classname, path);
      }
      for (const core::Diagnostic& diagnostic : file.diagnostics) {
        if (!shown(diagnostic)) continue;
        text += fmt::format(
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\" time=\"0\">\n",
            xml_escape(fmt::format("{} at {}:{}", diagnostic.rule, diagnostic.range.begin.line,
                                   diagnostic.range.begin.column)),
            classname, path, diagnostic.range.begin.line);
        const std::string body = xml_escape(failure_text(file.path, diagnostic));
        if (diagnostic.severity == core::Severity::info) {
          text += fmt::format("      <system-out>{}</system-out>\n", body);
        } else {
          text += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                              xml_escape(diagnostic.message), core::to_string(diagnostic.severity),
                              body);
        }
        text += "    </testcase>\n";
      }
      text += "  </testsuite>\n";
      // One file at a time keeps memory bounded by the largest file's diagnostics.
      out << text;
      text.clear();
    }
    text += "</testsuites>\n";
    out << text;
  }

 private:
  struct Counts {
    std::size_t tests = 0;
    std::size_t failures = 0;
    std::size_t clean = 0;  // 1 for a file without shown diagnostics: its passing testcase
  };

  bool shown(const core::Diagnostic& diagnostic) const {
    return !options_.quiet || diagnostic.severity == core::Severity::error;
  }

  Counts count(const engine::CheckedFile file) const {
    Counts counts;
    for (const core::Diagnostic& diagnostic : file.diagnostics) {
      if (!shown(diagnostic)) continue;
      ++counts.tests;
      if (diagnostic.severity != core::Severity::info) ++counts.failures;
    }
    if (counts.tests == 0) counts.tests = counts.clean = 1;
    return counts;
  }

  ReportOptions options_;
};

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    const char c = text[offset];
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      ++offset;
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&apos;";
          break;
        case '\t':
          out += "&#9;";
          break;
        case '\n':
          out += "&#10;";
          break;
        case '\r':
          out += "&#13;";
          break;
        default:
          if (byte >= 0x20) out += c;  // other C0 controls are not XML 1.0 characters
      }
      continue;
    }
    const std::size_t start = offset;
    const char32_t cp = core::decode_code_point(text, offset);
    if (cp == U'\uFFFD' && offset - start == 1) {
      out += "\uFFFD";
    } else if (cp != 0xFFFE && cp != 0xFFFF) {
      out.append(text.substr(start, offset - start));
    }
  }
  return out;
}

std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions& options) {
  return std::make_unique<JunitReporter>(options);
}

}  // namespace contentlint::report
