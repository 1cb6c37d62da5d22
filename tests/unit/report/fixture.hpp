/// The run every report test renders, and golden-file comparison for report tests.
/// Header-only: tests/CMakeLists.txt builds each area from its *_test.cpp files.
#pragma once

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"
#include "engine/result.hpp"
#include "report/reporter.hpp"
#include "rules/rule.hpp"

namespace contentlint::report::testing {

inline core::Diagnostic diagnostic(std::string rule, core::Severity severity, std::string message,
                                   core::Range range, std::string source_line,
                                   std::optional<core::Fix> fix = std::nullopt) {
  core::Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.message = std::move(message);
  d.range = range;
  d.source_line = std::move(source_line);
  d.fix = std::move(fix);
  return d;
}

inline core::Range range(std::uint32_t line, std::uint32_t column, std::uint32_t end_line,
                         std::uint32_t end_column) {
  return {{line, column}, {end_line, end_column}};
}

inline core::Fix fix(std::string title, core::FixSafety safety) {
  return core::Fix{std::move(title), safety, {}};
}

/// A paragraph written on one 300-character line; "teh" starts at column 200.
inline std::string long_line() {
  std::string line;
  while (line.size() < 192) {
    line += "lorem ipsum ";
  }
  line += "dolorr teh";
  while (line.size() < 300) {
    line += " consectetur";
  }
  return line.substr(0, 300);
}

/// A file name and a message that try to break out of every format: `:`, `,`, `%`,
/// CR/LF, a forged GitHub workflow command (`::error ...::` at a line start and `##[...]`
/// mid-line), Markdown and HTML markup, XML-forbidden control characters, a space and a
/// non-ASCII letter (percent-encoded in SARIF URIs).
inline constexpr std::string_view kHostilePath = ":: 50%, a:b \u00e9\n::error::x.md";
inline constexpr std::string_view kHostileMessage =
    "value '100%, a:b' | <b>*x*</b> & `y`\r\n::error file=x.md::forged ##[warning]too\x01";

/// Six files (one clean, sorted by path) with every severity, a safe and an unsafe fix,
/// multi-byte, wide, tab, control-character and very long source lines, a range over
/// several lines, one past the end of its line, a path with a newline and a message with
/// `"`, `\` and an escape sequence, and kHostilePath with kHostileMessage. The summary is
/// written out by hand, as the engine would count it: reporters must print it, not
/// recount it.
inline engine::RunResult sample_run() {
  using core::Severity;
  engine::RunResult run;
  run.files.push_back(
      {std::string(kHostilePath),
       {diagnostic("custom/no-commands", Severity::warning, std::string(kHostileMessage),
                   range(2, 3, 2, 9), "a \"::x\" |line|")}});
  run.files.push_back({"docs/clean.md", {}});
  run.files.push_back({"docs/long-line.md",
                       {diagnostic("text/typo", Severity::warning, "'teh' is a typo of 'the'",
                                   range(3, 200, 3, 203), long_line())}});
  run.files.push_back(
      {"notes/unicode.md",
       {
           diagnostic("text/foreign-words", Severity::info, "consider a translation of '日本語'",
                      range(3, 16, 3, 19), "Café ☕ naïve — 日本語 text"),
           diagnostic("text/no-tabs", Severity::warning, "tab character in a list item",
                      range(5, 7, 5, 8), "-\tItem\twith tabs",
                      fix("replace the tab with spaces", core::FixSafety::safe)),
           diagnostic("code/fence-language", Severity::warning, "fenced code block has no language",
                      range(9, 1, 11, 4), "```"),
           diagnostic("text/final-newline", Severity::warning, "file does not end with a newline",
                      range(12, 18, 12, 18), "Last line, no EOL",
                      fix("add a final newline", core::FixSafety::safe)),
       }});
  run.files.push_back(
      {"src/content/posts/how-to-get-a-job-in-devrel.md",
       {
           diagnostic("image/empty-url", Severity::error, "image URL is empty", range(7, 8, 7, 10),
                      "  url: ''"),
           diagnostic("tag/unknown", Severity::info, "unknown tag 'clan-six'; did you mean 'clan'?",
                      range(10, 20, 10, 28), "tags: ['cohort3', 'clan-six', 'article', 'task']",
                      fix("replace with 'clan'", core::FixSafety::unsafe)),
           diagnostic("image/alt-text", Severity::warning,
                      "image alt text repeats the URL; describe the image", range(12, 1, 12, 80),
                      "![https://media.giphy.com/.../giphy.gif](https://media.giphy.com/.../"
                      "giphy.gif)"),
       }});
  run.files.push_back({"weird\nname.md",
                       {diagnostic("custom/no-escapes", Severity::error,
                                   "title \"a\\b\x1b[2J\" contains a control character",
                                   range(1, 8, 1, 14), "title: \"a\\b\x07\"")}});
  run.summary = {.files = 6, .errors = 2, .warnings = 6, .infos = 2, .fixable = 2};
  return run;
}

/// DESIGN.md's running example: one file, two diagnostics.
inline engine::RunResult design_example_run() {
  using core::Severity;
  engine::RunResult run;
  run.files.push_back(
      {"src/content/posts/how-to-get-a-job-in-devrel.md",
       {
           diagnostic("image/empty-url", Severity::error, "image URL is empty", range(7, 8, 7, 10),
                      "  url: ''"),
           diagnostic("image/alt-text", Severity::warning,
                      "image alt text repeats the URL; describe the image", range(12, 1, 12, 80),
                      "![https://media.giphy.com/.../giphy.gif](https://media.giphy.com/.../"
                      "giphy.gif)"),
       }});
  run.summary = {.files = 1, .errors = 1, .warnings = 1, .infos = 0, .fixable = 0};
  return run;
}

/// The catalog sarif describes rules from: two built-in rules (one whose example holds a
/// code fence), one declarative rule (no `make`: no page in our docs) and, by leaving
/// them out, rules the catalog does not know (descriptor with the id only).
inline std::span<const rules::RuleEntry* const> sample_rules() {
  using core::Severity;
  static const rules::RuleMeta empty_url{
      .id = "image/empty-url",
      .default_severity = Severity::error,
      .summary = "an empty or blank image URL",
      .what = "Reports an image whose URL is empty: `![alt]()`.",
      .why = "An empty image URL renders as a broken image.",
      .bad = "![Team photo]()\n",
      .good = "![Team photo](/assets/team.png)\n",
      .options = {{"fields", "list of strings", "[image, cover]",
                   "front matter fields that hold an image URL"}},
  };
  static const rules::RuleMeta fence_language{
      .id = "code/fence-language",
      .default_severity = Severity::warning,
      .fixable = false,
      .summary = "a fenced code block without a language",
      .what = "Reports a fenced code block that names no language.",
      .why = "Without a language there is no syntax highlighting.",
      .bad = "```\nnpm install\n```",
      .good = "````sh\nnpm install\n````\n",
  };
  static const rules::RuleMeta no_commands{
      .id = "custom/no-commands",
      .default_severity = Severity::warning,
      .fixable = true,
      .summary = "text that <looks> like a \"command\"",
      .what = "A declarative rule of the site.",
      .why = "Because.",
      .bad = "::error::x\n",
      .good = "error\n",
  };
  static auto make = [](const rules::Options&) -> core::Expected<std::unique_ptr<rules::Rule>> {
    return core::Error{"", std::nullopt, "not made in report tests"};
  };
  static const rules::RuleEntry entries[] = {
      {fence_language, +make}, {no_commands, nullptr}, {empty_url, +make}};
  static const rules::RuleEntry* const pointers[] = {&entries[0], &entries[1], &entries[2]};
  return pointers;
}

inline std::string render(Format format, const engine::RunResult& run, ReportOptions options = {}) {
  std::ostringstream out;
  make_reporter(format, options)->write(run, out);
  return out.str();
}

/// Compares `actual` with tests/golden/report/<name>, byte for byte.
/// Run with CONTENTLINT_UPDATE_GOLDEN=1 to rewrite the golden files from the current
/// output instead (then review `git diff tests/golden`).
inline void check_golden(std::string_view name, const std::string& actual) {
  const std::string path =
      std::string(CONTENTLINT_TESTS_DIR) + "/golden/report/" + std::string(name);
  const char* update = std::getenv("CONTENTLINT_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    REQUIRE(out.good());
    WARN("rewrote " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  INFO("golden file " << path << " (CONTENTLINT_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(in.good());
  const std::string expected{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  CHECK(actual == expected);
}

}  // namespace contentlint::report::testing
