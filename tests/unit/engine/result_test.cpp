#include "engine/result.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace contentlint {
namespace {

core::Diagnostic finding(std::string rule, core::Severity severity, bool fixable = false) {
  core::Diagnostic diagnostic;
  diagnostic.rule = std::move(rule);
  diagnostic.severity = severity;
  diagnostic.message = "m";
  if (fixable) diagnostic.fix = core::Fix{"fix it", core::FixSafety::safe, {}};
  return diagnostic;
}

// "path: rule rule ..." for every file, in the order iteration gives them.
std::vector<std::string> listed(const engine::RunFiles& files) {
  std::vector<std::string> out;
  for (const engine::CheckedFile file : files) {
    std::string line(file.path);
    line += ":";
    for (const core::Diagnostic& diagnostic : file.diagnostics) line += " " + diagnostic.rule;
    out.push_back(line);
  }
  return out;
}

TEST_CASE("run files keep every file in order, with its diagnostics or none") {
  engine::RunFiles files;
  files.reserve(5, 30);
  files.push_back("a.md", {finding("x/one", core::Severity::error)});
  files.push_back("b.md", {});
  files.push_back("", {});  // an empty path is kept as one
  files.push_back("docs/c.md", {finding("x/two", core::Severity::warning),
                                finding("x/three", core::Severity::info)});
  files.push_back("docs/d.md", {});

  CHECK(files.size() == 5);
  CHECK_FALSE(files.empty());
  CHECK(listed(files) == std::vector<std::string>{"a.md: x/one", "b.md:", ":",
                                                  "docs/c.md: x/two x/three", "docs/d.md:"});
  // Indexing agrees with iteration, before, on and after every file with diagnostics.
  std::size_t i = 0;
  for (const engine::CheckedFile file : files) {
    CHECK(files[i].path == file.path);
    CHECK(files[i].diagnostics.data() == file.diagnostics.data());
    CHECK(files[i].diagnostics.size() == file.diagnostics.size());
    ++i;
  }
  CHECK(i == files.size());
}

TEST_CASE("run files made from a list of file results keep it as it was") {
  std::vector<engine::FileResult> results;
  results.push_back({"clean.md", {}});
  results.push_back({"found.md", {finding("x/y", core::Severity::warning)}});
  results.push_back({"last.md", {}});
  const engine::RunFiles files(std::move(results));
  CHECK(listed(files) == std::vector<std::string>{"clean.md:", "found.md: x/y", "last.md:"});
  CHECK(engine::RunFiles().empty());
  CHECK(listed(engine::RunFiles()).empty());
}

TEST_CASE("summarize counts files and diagnostics by severity") {
  engine::RunFiles files;
  files.push_back("a.md", {finding("x/a", core::Severity::error, true),
                           finding("x/b", core::Severity::warning)});
  files.push_back("b.md", {});
  files.push_back("c.md", {finding("x/c", core::Severity::info, true),
                           finding("x/d", core::Severity::warning)});
  const engine::Summary summary = engine::summarize(files);
  CHECK(summary.files == 3);
  CHECK(summary.errors == 1);
  CHECK(summary.warnings == 2);
  CHECK(summary.infos == 1);
  CHECK(summary.fixable == 2);
}

}  // namespace
}  // namespace contentlint
