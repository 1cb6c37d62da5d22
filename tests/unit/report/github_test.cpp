#include <string>

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "report/formats.hpp"

using namespace contentlint;
using namespace contentlint::report;
using report::testing::render;

namespace {

ReportOptions github_options() {
  return {.tool_version = "0.1.0", .repository = {"/home/me/site", "docs-site/"}};
}

// `count` diagnostics of each severity in one file.
engine::RunResult many(std::size_t errors, std::size_t warnings, std::size_t infos) {
  using report::testing::diagnostic;
  using report::testing::range;
  engine::FileResult file{"a.md", {}};
  std::uint32_t line = 1;
  auto add = [&](std::size_t count, core::Severity severity) {
    for (std::size_t i = 0; i < count; ++i, ++line) {
      file.diagnostics.push_back(diagnostic("x/y", severity, "m", range(line, 1, line, 2), "l"));
    }
  };
  add(errors, core::Severity::error);
  add(warnings, core::Severity::warning);
  add(infos, core::Severity::info);
  engine::RunResult run;
  run.files.push_back(std::move(file));
  run.summary = engine::summarize(run.files);
  return run;
}

std::size_t count_prefix(const std::string& text, std::string_view prefix) {
  std::size_t count = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (text.compare(start, prefix.size(), prefix) == 0) ++count;
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return count;
}

}  // namespace

TEST_CASE("workflow data escapes %, CR and LF like @actions/core") {
  CHECK(escape_workflow_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b");
  CHECK(escape_workflow_data("%0A stays literal") == "%250A stays literal");
  CHECK(escape_workflow_data("tab\tkept, caf\u00e9 \u65e5") == "tab\tkept, caf\u00e9 \u65e5");
  CHECK(escape_workflow_data("esc\x1b[2J bell\x07 del\x7f") == "esc\\x1b[2J bell\\x07 del\\x7f");
  CHECK(escape_workflow_data("rtl\u202e ls\u2028") == "rtl\\u{202e} ls\\u{2028}");
  CHECK(escape_workflow_data("bad\xff") == "bad\uFFFD");
}

TEST_CASE("workflow properties also escape ':' and ','") {
  CHECK(escape_workflow_property("a:b,c%d\ne\rf") == "a%3Ab%2Cc%25d%0Ae%0Df");
  CHECK(escape_workflow_property("src/content/posts/x.md") == "src/content/posts/x.md");
  CHECK(escape_workflow_property("key=value") ==
        "key=value");  // the runner splits at the first '='
}

TEST_CASE("plain lines can never be read as workflow commands") {
  CHECK(neutralize_workflow_commands("a.md:1:1: error: x [r]") == "a.md:1:1: error: x [r]");
  CHECK(neutralize_workflow_commands("::error::x.md:1:1: ...") == "./::error::x.md:1:1: ...");
  CHECK(neutralize_workflow_commands("  ::set-output name=a::b") == "./  ::set-output name=a::b");
  CHECK(neutralize_workflow_commands("\u00a0\u3000::x::y") == "./\u00a0\u3000::x::y");
  CHECK(neutralize_workflow_commands(": :x") == ": :x");
  CHECK(neutralize_workflow_commands("a.md:1:1: see ##[error]x and ##[") ==
        "a.md:1:1: see ##\\x5berror]x and ##\\x5b");
  CHECK(neutralize_workflow_commands("a::b ## [x") == "a::b ## [x");
}

TEST_CASE("github writes annotations, the full list in a log group and the summary") {
  CHECK(render(Format::github, report::testing::design_example_run(), github_options()) ==
        "::error file=docs-site/src/content/posts/how-to-get-a-job-in-devrel.md,line=7,col=8,"
        "endLine=7,endColumn=10,title=image/empty-url::image URL is empty\n"
        "::warning file=docs-site/src/content/posts/how-to-get-a-job-in-devrel.md,line=12,col=1,"
        "endLine=12,endColumn=80,title=image/alt-text::image alt text repeats the URL; describe "
        "the image\n"
        "::group::contentlint: 2 findings\n"
        "src/content/posts/how-to-get-a-job-in-devrel.md:7:8: error: image URL is empty "
        "[image/empty-url]\n"
        "src/content/posts/how-to-get-a-job-in-devrel.md:12:1: warning: image alt text repeats "
        "the URL; describe the image [image/alt-text]\n"
        "::endgroup::\n"
        "2 problems (1 error, 1 warning) in 1 file\n");
}

TEST_CASE("github golden: every case, escaping included") {
  const std::string text = render(Format::github, report::testing::sample_run(), github_options());
  report::testing::check_golden("github.txt", text);
  // Only our own commands start a line with "::"; the plain lines never do.
  for (std::string_view prefix :
       {"::error ", "::warning ", "::notice ", "::group::", "::endgroup::"}) {
    INFO(prefix);
    CHECK(count_prefix(text, prefix) == (prefix == "::error "     ? 2u
                                         : prefix == "::warning " ? 6u
                                         : prefix == "::notice "  ? 2u
                                                                  : 1u));
  }
  CHECK(count_prefix(text, "::") == 12);
  // `##[` acts anywhere in a line that is not already a `::` command.
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    if (line.rfind("::", 0) != 0) {
      INFO(line);
      CHECK(line.find("##[") == std::string::npos);
    }
    start = end + 1;
  }
  CHECK(text.find('\r') == std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("github golden: quiet annotates and lists only errors") {
  ReportOptions options = github_options();
  options.quiet = true;
  report::testing::check_golden("github-quiet.txt",
                                render(Format::github, report::testing::sample_run(), options));
}

TEST_CASE("github annotates at most 10 findings per kind and says how many it left out") {
  const std::string text = render(Format::github, many(12, 10, 10), github_options());
  CHECK(count_prefix(text, "::error ") == 10);
  CHECK(count_prefix(text, "::warning ") == 10);
  // The note is a notice too, so it takes the tenth notice's place.
  CHECK(count_prefix(text, "::notice file=") == 9);
  CHECK(text.find("::notice title=contentlint::3 of 32 findings are not annotated: GitHub shows "
                  "at most 10 errors, 10 warnings and 10 notices per step. The log lists them "
                  "all.\n::group::contentlint: 32 findings\n") != std::string::npos);
  CHECK(count_prefix(text, "a.md:") == 32);
}

TEST_CASE("github needs no note when every finding is annotated") {
  const std::string text = render(Format::github, many(10, 10, 10), github_options());
  CHECK(count_prefix(text, "::error ") == 10);
  CHECK(count_prefix(text, "::warning ") == 10);
  CHECK(count_prefix(text, "::notice ") == 10);
  CHECK(text.find("not annotated") == std::string::npos);
  const std::string over = render(Format::github, many(0, 0, 11), github_options());
  CHECK(count_prefix(over, "::notice file=") == 9);
  CHECK(over.find("::notice title=contentlint::2 of 11 findings are not annotated") !=
        std::string::npos);
}

TEST_CASE("github leaves out columns on annotations over several lines") {
  engine::RunResult run;
  run.files.push_back(
      {"a.md",
       {report::testing::diagnostic("code/fence-language", core::Severity::warning, "no language",
                                    report::testing::range(9, 1, 11, 4), "```")}});
  run.summary = engine::summarize(run.files);
  const std::string text = render(Format::github, run);
  CHECK(text.substr(0, text.find('\n')) ==
        "::warning file=a.md,line=9,endLine=11,title=code/fence-language::no language");
}

TEST_CASE("github names files outside the repository by their absolute path") {
  engine::RunResult run;
  run.files.push_back({"../../elsewhere/a.md",
                       {report::testing::diagnostic("x/y", core::Severity::error, "m",
                                                    report::testing::range(1, 1, 1, 2), "l")}});
  run.summary = engine::summarize(run.files);
  const std::string text = render(Format::github, run, github_options());
  CHECK(text.substr(0, text.find('\n')) ==
        "::error file=/home/me/elsewhere/a.md,line=1,col=1,endLine=1,endColumn=2,title=x/y::m");
}
