#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "report/formats.hpp"
#include "report/summary.hpp"

using namespace contentlint;
using namespace contentlint::report;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One file with `count` findings, each message `size` bytes.
engine::RunResult big_run(std::size_t files, std::size_t per_file, std::size_t size) {
  engine::RunResult run;
  for (std::size_t f = 0; f < files; ++f) {
    engine::FileResult file{"docs/file-" + std::to_string(f) + ".md", {}};
    for (std::size_t i = 0; i < per_file; ++i) {
      const auto line = static_cast<std::uint32_t>(i + 1);
      file.diagnostics.push_back(
          report::testing::diagnostic("x/y", core::Severity::warning, std::string(size, 'm'),
                                      report::testing::range(line, 1, line, 2), "l"));
    }
    run.files.push_back(std::move(file));
  }
  run.summary = engine::summarize(run.files);
  return run;
}

std::size_t count_of(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("markdown cells escape markup, pipes and HTML") {
  CHECK(markdown_text("a | b") == "a \\| b");
  CHECK(markdown_text("*em* _u_ `c` [l](u) ~s~ $x$ \\") ==
        "\\*em\\* \\_u\\_ \\`c\\` \\[l\\](u) \\~s\\~ \\$x\\$ \\\\");
  CHECK(markdown_text("<script>&amp;</script>") == "&lt;script&gt;&amp;amp;&lt;/script&gt;");
  CHECK(markdown_text("line\nbreak\r\x1b") == "line\\\\nbreak\\\\r\\\\x1b");
  CHECK(markdown_text("src/content/posts/how-to.md: 1, 2 # 3") ==
        "src/content/posts/how-to.md: 1, 2 # 3");
  CHECK(markdown_text("caf\u00e9 \u65e5") == "caf\u00e9 \u65e5");
}

TEST_CASE("html text escapes markup and quotes, on one line") {
  CHECK(html_text("<b>\"a\" & 'b'</b>") == "&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;");
  CHECK(html_text("a\nb") == "a\\nb");
}

TEST_CASE("job summary golden: totals, a row per file, folded details") {
  report::testing::check_golden("summary.txt", job_summary(report::testing::sample_run(), {}));
}

TEST_CASE("job summary of a clean run is the totals only") {
  engine::RunResult run;
  run.files.push_back({"a.md", {}});
  run.summary.files = 1;
  CHECK(job_summary(run, {}) ==
        "## contentlint\n\n**no problems in 1 file**\n\n"
        "| errors | warnings | infos | fixable with `--fix` | files checked |\n"
        "| ---: | ---: | ---: | ---: | ---: |\n"
        "| 0 | 0 | 0 | 0 | 1 |\n");
}

TEST_CASE("job summary quiet lists only errors") {
  const std::string text = job_summary(report::testing::sample_run(), {.quiet = true});
  CHECK(text.find("**2 errors in 6 files**") != std::string::npos);
  CHECK(count_of(text, "<details>") == 2);
  CHECK(text.find("| warning |") == std::string::npos);
}

TEST_CASE("job summary stops at its size limit with a note") {
  const engine::RunResult run = big_run(30, 100, 300);  // about 1 MB of messages
  const std::string text = job_summary(run, {}, kJobSummaryLimit);
  CHECK(text.size() <= kJobSummaryLimit + 1024);
  CHECK(text.size() > kJobSummaryLimit - 2048);
  CHECK(count_of(text, "<details>") == count_of(text, "</details>"));
  const std::size_t rows = count_of(text, "| warning |");
  const std::size_t files = count_of(text, "<details>");
  // Files whose details are complete: every file but the one that was cut.
  CHECK(text.substr(text.rfind("\n> **Note:**")) ==
        fmt::format("\n> **Note:** the summary stops here to stay under GitHub's size limit: {} "
                    "findings in {} files are not listed. The job's log lists every finding.\n",
                    3000 - rows, 30 - files + (rows % 100 == 0 ? 0 : 1)));
  // A tiny budget still gives the totals.
  const std::string tiny = job_summary(run, {}, 0);
  CHECK(tiny.find("| 0 | 3000 | 0 | 0 | 30 |\n") != std::string::npos);
  CHECK(tiny.find("3000 findings in 30 files are not listed") != std::string::npos);
}

TEST_CASE("the job summary is appended, never overwriting, within the limit") {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() / "contentlint-summary-test.md";
  fs::remove(path);
  const engine::RunResult run = report::testing::design_example_run();
  REQUIRE_FALSE(append_job_summary(path, run, {}).has_value());
  const std::string once = read_file(path);
  CHECK(once == job_summary(run, {}));
  REQUIRE_FALSE(append_job_summary(path, run, {}).has_value());
  CHECK(read_file(path) == once + "\n" + once);

  // A step that already wrote nearly the limit leaves room for the totals only.
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << std::string(kJobSummaryLimit, 'x');
  }
  REQUIRE_FALSE(append_job_summary(path, run, {}).has_value());
  const std::string after = read_file(path);
  CHECK(after.substr(0, kJobSummaryLimit) == std::string(kJobSummaryLimit, 'x'));
  CHECK(after.find("2 findings in 1 file are not listed") != std::string::npos);
  fs::remove(path);

  const auto error = append_job_summary(fs::path("/nonexistent-dir/summary.md"), run, {});
  REQUIRE(error.has_value());
  CHECK(error->to_string() ==
        "/nonexistent-dir/summary.md: cannot append the job summary (GITHUB_STEP_SUMMARY)");
}
