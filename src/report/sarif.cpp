#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/diagnostic.hpp"
#include "report/formats.hpp"
#include "report/json_writer.hpp"

namespace contentlint::report {
namespace {

// Every choice below is documented for users in docs/sarif-format.md.
constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/contentlint/contentlint";
constexpr std::string_view kRulesPage =
    "https://github.com/contentlint/contentlint/blob/main/docs/rules.md";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
constexpr std::string_view kFingerprint = "contentlintLineHash/v1";

std::string_view level_of(core::Severity severity) {
  switch (severity) {
    case core::Severity::error:
      return "error";
    case core::Severity::warning:
      return "warning";
    case core::Severity::info:
      return "note";
    case core::Severity::off:
      break;
  }
  return "none";
}

// "image/empty-url" -> "ImageEmptyUrl": SARIF's `name` is a readable identifier.
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '/' || c == '-' || c == '_' || c == '.') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// The anchor GitHub gives the heading `## image/empty-url` of docs/rules.md: lower case,
// punctuation other than '-' and '_' dropped, spaces as '-'.
std::string heading_anchor(std::string_view id) {
  std::string out;
  for (char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               byte >= 0x80) {
      out += c;
    } else if (c == ' ') {
      out += '-';
    }
  }
  return out;
}

// A fence longer than any run of backticks in `text`, so an example that holds a code
// block of its own stays inside ours.
std::string fence_for(std::string_view text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

void append_block(std::string& out, std::string_view text) {
  out += text;
  if (!text.empty() && text.back() != '\n') out += '\n';
}

std::string help_text(const rules::RuleMeta& meta) {
  std::string out(meta.what);
  out += "\n\nWhy is this bad? ";
  out += meta.why;
  out += "\n\nExample:\n";
  append_block(out, meta.bad);
  out += "\nUse instead:\n";
  append_block(out, meta.good);
  if (!meta.options.empty()) {
    out += "\nOptions:\n";
    for (const rules::OptionDoc& option : meta.options) {
      out += fmt::format("- {} ({}, default {}): {}\n", option.name, option.type,
                         option.default_value, option.description);
    }
  }
  return out;
}

std::string help_markdown(const rules::RuleMeta& meta) {
  std::string out(meta.what);
  out += "\n\n**Why is this bad?** ";
  out += meta.why;
  out += "\n\n**Example**\n\n";
  std::string fence = fence_for(meta.bad);
  out += fence + "markdown\n";
  append_block(out, meta.bad);
  out += fence + "\n\n**Use instead**\n\n";
  fence = fence_for(meta.good);
  out += fence + "markdown\n";
  append_block(out, meta.good);
  out += fence + "\n";
  if (!meta.options.empty()) {
    out += "\n**Options**\n\n";
    for (const rules::OptionDoc& option : meta.options) {
      out += fmt::format("- `{}` ({}, default `{}`): {}\n", option.name, option.type,
                         option.default_value, option.description);
    }
  }
  out += fmt::format("\nDefault level: {}.{}\n", core::to_string(meta.default_severity),
                     meta.fixable ? " Fixable with `--fix`." : "");
  return out;
}

void write_message(JsonWriter& json, std::string_view key, std::string_view text) {
  json.key(key);
  json.begin_object();
  json.key("text");
  json.string(text);
  json.end_object();
}

void write_rule(JsonWriter& json, std::string_view id, const rules::RuleEntry* entry) {
  json.begin_object();
  json.key("id");
  json.string(id);
  json.key("name");
  json.string(pascal_case(id));
  if (entry != nullptr) {
    const rules::RuleMeta& meta = entry->meta;
    write_message(json, "shortDescription", meta.summary);
    write_message(json, "fullDescription", meta.what);
    json.key("help");
    json.begin_object();
    json.key("text");
    json.string(help_text(meta));
    json.key("markdown");
    json.string(help_markdown(meta));
    json.end_object();
    // Declarative rules belong to the site that wrote them: no page of ours.
    if (entry->make != nullptr) {
      json.key("helpUri");
      json.string(fmt::format("{}#{}", kRulesPage, heading_anchor(id)));
    }
    json.key("defaultConfiguration");
    json.begin_object();
    json.key("level");
    json.string(level_of(meta.default_severity));
    json.end_object();
    json.key("properties");
    json.begin_object();
    json.key("tags");
    json.begin_array();
    json.string(id.substr(0, id.find('/')));
    json.end_array();
    json.key("fixable");
    json.boolean(meta.fixable);
    json.end_object();
  } else {
    // Code scanning requires these; the catalog always knows the rules a real run
    // reports, so this only keeps a hand-made run valid.
    const std::string text = fmt::format("the rule {}", id);
    write_message(json, "shortDescription", text);
    write_message(json, "fullDescription", text);
    write_message(json, "help", text);
  }
  json.end_object();
}

// FNV-1a, 64 bits: stable across platforms and releases, which std::hash is not.
std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string_view trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// Where a file is, as a SARIF artifactLocation.
struct ArtifactLocation {
  std::string uri;
  bool relative = false;  // relative to %SRCROOT%
};

// The shape and each field's meaning: docs/sarif-format.md.
class SarifReporter final : public Reporter {
 public:
  explicit SarifReporter(ReportOptions options) : options_(std::move(options)) {}

  void write(const engine::RunResult& result, std::ostream& out) const override {
    // The rules that results refer to, sorted by id; ruleIndex points into this list.
    std::map<std::string, std::size_t> rule_index;
    for (const engine::CheckedFile file : result.files) {
      for (const core::Diagnostic& diagnostic : file.diagnostics) {
        if (shown(diagnostic)) rule_index.emplace(diagnostic.rule, 0);
      }
    }
    std::size_t next = 0;
    for (auto& [id, index] : rule_index) index = next++;

    std::string text;
    JsonWriter json(text);
    json.begin_object();
    json.key("$schema");
    json.string(kSchema);
    json.key("version");
    json.string("2.1.0");
    json.key("runs");
    json.begin_array();
    json.begin_object();

    json.key("tool");
    json.begin_object();
    json.key("driver");
    json.begin_object();
    json.key("name");
    json.string("contentlint");
    json.key("version");
    json.string(options_.tool_version);
    json.key("informationUri");
    json.string(kInformationUri);
    json.key("rules");
    json.begin_array();
    for (const auto& [id, index] : rule_index) write_rule(json, id, find_rule(id));
    json.end_array();
    json.end_object();
    json.end_object();

    json.key("invocations");
    json.begin_array();
    json.begin_object();
    // A run that reaches a reporter finished; tool failures exit before (code 2).
    json.key("executionSuccessful");
    json.boolean(true);
    json.end_object();
    json.end_array();

    if (!options_.repository.root.empty()) {
      json.key("originalUriBaseIds");
      json.begin_object();
      json.key(kSourceRoot);
      json.begin_object();
      json.key("uri");
      json.string("file://" + percent_encode_path(options_.repository.root == "/"
                                                      ? "/"
                                                      : options_.repository.root + "/"));
      json.end_object();
      json.end_object();
    }
    json.key("columnKind");
    json.string("unicodeCodePoints");

    json.key("results");
    json.begin_array();
    for (const engine::CheckedFile file : result.files) {
      const ArtifactLocation location = artifact_location(file.path);
      // Identical findings on identical lines of one file are told apart by their order.
      std::map<std::uint64_t, std::size_t> seen;
      for (const core::Diagnostic& diagnostic : file.diagnostics) {
        if (!shown(diagnostic)) continue;
        std::uint64_t hash = fnv1a(0xcbf29ce484222325ULL, diagnostic.rule);
        hash = fnv1a(hash, std::string_view("\0", 1));
        hash = fnv1a(hash, location.uri);
        hash = fnv1a(hash, std::string_view("\0", 1));
        hash = fnv1a(hash, trim(diagnostic.source_line));
        const std::size_t occurrence = ++seen[hash];
        write_result(json, diagnostic, location, rule_index.at(diagnostic.rule),
                     fmt::format("{:016x}:{}", hash, occurrence));
      }
      // One file at a time keeps memory bounded by the largest file's diagnostics.
      out << text;
      text.clear();
    }
    json.end_array();

    json.key("properties");
    json.begin_object();
    write_summary(json, result.summary);
    json.end_object();

    json.end_object();
    json.end_array();
    json.end_object();
    text += '\n';
    out << text;
  }

 private:
  bool shown(const core::Diagnostic& diagnostic) const {
    return !options_.quiet || diagnostic.severity == core::Severity::error;
  }

  const rules::RuleEntry* find_rule(std::string_view id) const {
    for (const rules::RuleEntry* entry : options_.rules) {
      if (entry->meta.id == id) return entry;
    }
    return nullptr;
  }

  ArtifactLocation artifact_location(std::string_view display_path) const {
    if (auto path = repository_path(options_.repository, display_path)) {
      return {percent_encode_path(*path), true};
    }
    const std::string absolute = absolute_path(options_.repository, display_path);
    if (!absolute.empty() && absolute.front() == '/') {
      return {"file://" + percent_encode_path(absolute), false};
    }
    return {percent_encode_path(absolute), false};
  }

  void write_result(JsonWriter& json, const core::Diagnostic& diagnostic,
                    const ArtifactLocation& location, std::size_t rule_index,
                    const std::string& fingerprint) const {
    json.begin_object();
    json.key("ruleId");
    json.string(diagnostic.rule);
    json.key("ruleIndex");
    json.number(rule_index);
    json.key("level");
    json.string(level_of(diagnostic.severity));
    write_message(json, "message", diagnostic.message);
    json.key("locations");
    json.begin_array();
    json.begin_object();
    json.key("physicalLocation");
    json.begin_object();
    json.key("artifactLocation");
    json.begin_object();
    json.key("uri");
    json.string(location.uri);
    if (location.relative) {
      json.key("uriBaseId");
      json.string(kSourceRoot);
    }
    json.end_object();
    const core::Range& range = diagnostic.range;
    json.key("region");
    json.begin_object();
    json.key("startLine");
    json.number(range.begin.line);
    json.key("startColumn");
    json.number(range.begin.column);
    json.key("endLine");
    json.number(range.end.line);
    json.key("endColumn");
    json.number(range.end.column);
    json.end_object();
    json.end_object();
    json.end_object();
    json.end_array();
    json.key("partialFingerprints");
    json.begin_object();
    json.key(kFingerprint);
    json.string(fingerprint);
    json.end_object();
    if (diagnostic.fix) {
      json.key("properties");
      json.begin_object();
      json.key("fixable");
      json.boolean(diagnostic.fixable());
      json.key("fix");
      json.string(diagnostic.fix->title);
      json.end_object();
    }
    json.end_object();
  }

  ReportOptions options_;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options) {
  return std::make_unique<SarifReporter>(options);
}

}  // namespace contentlint::report
