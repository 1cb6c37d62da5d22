#include "report/reporter.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace contentlint;
using namespace contentlint::report;
using report::testing::render;

TEST_CASE("formats are parsed by their exact names") {
  CHECK(parse_format("pretty") == Format::pretty);
  CHECK(parse_format("compact") == Format::compact);
  CHECK(parse_format("json") == Format::json);
  CHECK(parse_format("sarif") == Format::sarif);
  CHECK(parse_format("github") == Format::github);
  CHECK(parse_format("junit") == Format::junit);
  CHECK_FALSE(parse_format("JSON").has_value());
  CHECK_FALSE(parse_format("").has_value());
  CHECK_FALSE(parse_format("xml").has_value());
  CHECK(std::size(kAllFormats) == 6);
  for (Format format : kAllFormats) {
    CHECK(parse_format(to_string(format)) == format);
    CHECK(make_reporter(format, {}) != nullptr);
  }
}

TEST_CASE("a run without findings still ends with its summary") {
  engine::RunResult run;
  run.files.push_back({"a.md", {}});
  run.files.push_back({"b.md", {}});
  run.summary.files = 2;
  CHECK(render(Format::pretty, run) == "no problems in 2 files\n");
  CHECK(render(Format::compact, run) == "no problems in 2 files\n");
  CHECK(render(Format::pretty, run, {.color = true}) ==
        "\x1b[1;32mno problems in 2 files\x1b[0m\n");
  CHECK(render(Format::json, run, {.tool_version = "0.1.0"}) ==
        R"({
  "version": 1,
  "tool": {
    "name": "contentlint",
    "version": "0.1.0"
  },
  "files": [
    {
      "path": "a.md",
      "diagnostics": []
    },
    {
      "path": "b.md",
      "diagnostics": []
    }
  ],
  "summary": {
    "files": 2,
    "errors": 0,
    "warnings": 0,
    "infos": 0,
    "fixable": 0
  }
}
)");
}

TEST_CASE("an empty run is valid in every format") {
  engine::RunResult run;
  CHECK(render(Format::pretty, run) == "no problems in 0 files\n");
  CHECK(render(Format::compact, run) == "no problems in 0 files\n");
  const std::string json = render(Format::json, run);
  CHECK(json.find("\"files\": [],\n") != std::string::npos);
  CHECK(render(Format::github, run) == "no problems in 0 files\n");
  const std::string sarif = render(Format::sarif, run);
  CHECK(sarif.find("\"rules\": []") != std::string::npos);
  CHECK(sarif.find("\"results\": []") != std::string::npos);
  CHECK(render(Format::junit, run).find("tests=\"0\"") != std::string::npos);
}

TEST_CASE("reporters print the summary they are given instead of recounting") {
  engine::RunResult run = report::testing::design_example_run();
  run.summary = {.files = 40, .errors = 7, .warnings = 0, .infos = 3, .fixable = 1};
  const std::string compact = render(Format::compact, run);
  CHECK(compact.substr(compact.rfind('\n', compact.size() - 2) + 1) ==
        "10 problems (7 errors, 3 infos) in 40 files, 1 fixable with --fix\n");
  const std::string json = render(Format::json, run);
  CHECK(json.find(R"("summary": {
    "files": 40,
    "errors": 7,
    "warnings": 0,
    "infos": 3,
    "fixable": 1
  })") != std::string::npos);
}
