// Golden tests for every rule: tests/rules/<category>/<name>/<case>.md is linted and the
// diagnostics of that rule are compared with <case>.expected, one `line:col rule message`
// a line. A `config.yaml` in the folder is the config for its cases (paths relative to the
// folder); without one, the recommended preset applies.
//
// For a fixable rule, <case>.fixed.md is the text after --fix with only that rule on; the
// fixed text must not change under a second --fix.
//
// CONTENTLINT_UPDATE_GOLDEN=1 rewrites the .expected and existing .fixed.md files; review
// the diff.

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config.hpp"
#include "engine/engine.hpp"
#include "rules/rule.hpp"

namespace fs = std::filesystem;
using namespace contentlint;

namespace {

const fs::path kRulesDir = fs::path(CONTENTLINT_TESTS_DIR) / "rules";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool updating() {
  const char* update = std::getenv("CONTENTLINT_UPDATE_GOLDEN");
  return update != nullptr && std::string_view(update) == "1";
}

core::Expected<config::Config> folder_config(const fs::path& folder,
                                             const std::vector<config::Override>& overrides = {}) {
  fs::path file = folder / "config.yaml";
  if (fs::exists(file)) return config::load(file, file.filename().string(), overrides);
  return config::defaults(folder, overrides);
}

// Every other rule off, so a fixture's fixed text shows this rule's fixes alone.
std::vector<config::Override> only(const rules::RuleMeta& meta) {
  std::vector<config::Override> overrides;
  for (const rules::RuleEntry& entry : rules::registry()) {
    if (entry.meta.id != meta.id)
      overrides.push_back({std::string(entry.meta.id), core::Severity::off});
  }
  overrides.push_back({std::string(meta.id), meta.default_severity});
  return overrides;
}

std::string render(const engine::FileResult& result, std::string_view rule) {
  std::string out;
  for (const core::Diagnostic& diagnostic : result.diagnostics) {
    if (diagnostic.rule != rule) continue;
    out += fmt::format("{}:{} {} {}\n", diagnostic.range.begin.line, diagnostic.range.begin.column,
                       diagnostic.rule, diagnostic.message);
  }
  return out;
}

std::vector<fs::path> cases(const fs::path& folder) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".md" && !name.ends_with(".fixed.md"))
      found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

TEST_CASE("every rule has a golden fixture folder with cases") {
  for (const rules::RuleEntry& entry : rules::registry()) {
    fs::path folder = kRulesDir / entry.meta.id;
    INFO(entry.meta.id);
    REQUIRE(fs::is_directory(folder));
    CHECK_FALSE(cases(folder).empty());
  }
}

TEST_CASE("golden diagnostics of every rule") {
  for (const rules::RuleEntry& entry : rules::registry()) {
    fs::path folder = kRulesDir / entry.meta.id;
    if (!fs::is_directory(folder)) continue;
    auto config = folder_config(folder);
    INFO(entry.meta.id);
    REQUIRE(config.ok());
    for (const fs::path& input : cases(folder)) {
      DYNAMIC_SECTION(entry.meta.id << "/" << input.filename().string()) {
        engine::FileResult result = engine::check_text(*config, input.string(), read(input));
        std::string got = render(result, entry.meta.id);
        fs::path expected_file = fs::path(input).replace_extension(".expected");
        if (updating()) std::ofstream(expected_file, std::ios::binary) << got;
        REQUIRE(fs::exists(expected_file));
        CHECK(got == read(expected_file));
      }
    }
  }
}

TEST_CASE("golden fixes of every fixable rule converge") {
  for (const rules::RuleEntry& entry : rules::registry()) {
    fs::path folder = kRulesDir / entry.meta.id;
    if (!fs::is_directory(folder)) continue;
    auto config = folder_config(folder, only(entry.meta));
    INFO(entry.meta.id);
    REQUIRE(config.ok());
    for (const fs::path& input : cases(folder)) {
      fs::path fixed_file = fs::path(input).replace_extension(".fixed.md");
      if (!fs::exists(fixed_file)) {
        // A case without a .fixed.md must have nothing to fix.
        engine::Fixed fixed = engine::fix_text(*config, input.string(), read(input));
        CHECK(fixed.text == read(input));
        continue;
      }
      DYNAMIC_SECTION(entry.meta.id << "/" << fixed_file.filename().string()) {
        CHECK(entry.meta.fixable);
        engine::Fixed fixed = engine::fix_text(*config, input.string(), read(input));
        CHECK_FALSE(fixed.refused.has_value());
        if (updating()) std::ofstream(fixed_file, std::ios::binary) << fixed.text;
        CHECK(fixed.text == read(fixed_file));
        engine::Fixed again = engine::fix_text(*config, input.string(), fixed.text);
        CHECK(again.text == fixed.text);
      }
    }
  }
}
