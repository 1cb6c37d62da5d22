#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/diagnostic.hpp"
#include "core/utf8.hpp"
#include "report/formats.hpp"
#include "report/json_writer.hpp"

namespace contentlint::report {
namespace {

// Bump when a field changes meaning or goes away; adding a field keeps the version.
constexpr int kJsonVersion = 1;

std::string_view to_string(core::FixSafety safety) {
  switch (safety) {
    case core::FixSafety::safe:
      return "safe";
    case core::FixSafety::unsafe:
      return "unsafe";
    case core::FixSafety::display_only:
      return "display-only";
  }
  return "display-only";
}

void write_position(JsonWriter& json, std::string_view name, const core::Position& position) {
  json.key(name);
  json.begin_object();
  json.key("line");
  json.number(position.line);
  json.key("column");
  json.number(position.column);
  json.end_object();
}

void write_diagnostic(JsonWriter& json, const core::Diagnostic& diagnostic) {
  json.begin_object();
  json.key("rule");
  json.string(diagnostic.rule);
  json.key("severity");
  json.string(core::to_string(diagnostic.severity));
  json.key("message");
  json.string(diagnostic.message);
  json.key("range");
  json.begin_object();
  write_position(json, "start", diagnostic.range.begin);
  write_position(json, "end", diagnostic.range.end);
  json.end_object();
  json.key("fixable");
  json.boolean(diagnostic.fixable());
  json.key("fix");
  if (diagnostic.fix) {
    json.begin_object();
    json.key("title");
    json.string(diagnostic.fix->title);
    json.key("safety");
    json.string(to_string(diagnostic.fix->safety));
    json.end_object();
  } else {
    json.null();
  }
  json.end_object();
}

// The shape is documented, field by field, in docs/json-format.md.
class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(ReportOptions options) : options_(std::move(options)) {}

  void write(const engine::RunResult& result, std::ostream& out) const override {
    std::string text;
    JsonWriter json(text);
    json.begin_object();
    json.key("version");
    json.number(kJsonVersion);
    json.key("tool");
    json.begin_object();
    json.key("name");
    json.string("contentlint");
    json.key("version");
    json.string(options_.tool_version);
    json.end_object();
    json.key("files");
    json.begin_array();
    for (const engine::CheckedFile file : result.files) {
      json.begin_object();
      json.key("path");
      json.string(file.path);
      json.key("diagnostics");
      json.begin_array();
      for (const core::Diagnostic& diagnostic : file.diagnostics) {
        if (options_.quiet && diagnostic.severity != core::Severity::error) {
          continue;
        }
        write_diagnostic(json, diagnostic);
      }
      json.end_array();
      json.end_object();
      // One file at a time keeps memory bounded by the largest file's diagnostics.
      out << text;
      text.clear();
    }
    json.end_array();
    write_summary(json, result.summary);
    json.end_object();
    text += '\n';
    out << text;
  }

 private:
  ReportOptions options_;
};

}  // namespace

std::string json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  std::size_t offset = 0;
  while (offset < text.size()) {
    const char c = text[offset];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const std::size_t start = offset;
      const char32_t cp = core::decode_code_point(text, offset);
      if (cp == U'\u2028' || cp == U'\u2029') {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
      } else if (cp == U'\uFFFD' && offset - start == 1) {
        out += "\uFFFD";  // an invalid byte: JSON text must be valid Unicode
      } else {
        out.append(text.substr(start, offset - start));
      }
      continue;
    }
    ++offset;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20 || byte == 0x7F) {
          out += fmt::format("\\u{:04x}", byte);
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options) {
  return std::make_unique<JsonReporter>(options);
}

}  // namespace contentlint::report
