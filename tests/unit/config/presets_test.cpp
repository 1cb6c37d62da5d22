#include <catch2/catch.hpp>

#include <map>

#include "config/config.hpp"
#include "config/presets.hpp"
#include "temp_folder.hpp"

using namespace contentlint;
using namespace contentlint::config;
using contentlint::config::testing::TempFolder;

namespace {

using core::Severity;

// DESIGN.md's catalog at the recommended preset's levels: error for what breaks the build
// or the reader, warning for quality, off for what needs the network or options.
const std::map<std::string, Severity, std::less<>> kRecommended = {
    {"frontmatter/missing", Severity::error},
    {"frontmatter/unclosed", Severity::error},
    {"frontmatter/syntax", Severity::error},
    {"frontmatter/duplicate-key", Severity::error},
    {"frontmatter/schema", Severity::error},
    {"image/empty-url", Severity::error},
    {"image/alt-text", Severity::warning},
    {"image/not-found", Severity::error},
    {"link/empty", Severity::error},
    {"link/not-found", Severity::error},
    {"link/anchor", Severity::error},
    {"link/malformed", Severity::error},
    {"link/external", Severity::off},
    {"tag/format", Severity::warning},
    {"tag/unknown", Severity::off},
    {"tag/duplicate", Severity::warning},
    {"tag/required", Severity::off},
    {"heading/increment", Severity::warning},
    {"heading/title-h1", Severity::warning},
    {"heading/empty", Severity::warning},
    {"code/fence-language", Severity::warning},
    {"markdown/too-complex", Severity::error},
    {"text/bidi-control", Severity::warning},
    {"text/encoding", Severity::error},
    {"text/trailing-space", Severity::warning},
    {"text/final-newline", Severity::warning},
    {"suppression/unknown-rule", Severity::warning},
    {"suppression/unused", Severity::warning},
};

Config load_preset(const TempFolder& folder, std::string_view name) {
  auto config = folder.load_config("extends: " + std::string(name) + "\n");
  REQUIRE(config.ok());
  return std::move(*config);
}

}  // namespace

TEST_CASE("the presets are embedded") {
  std::vector<std::string_view> names;
  for (const EmbeddedFile& file : embedded_presets()) names.push_back(file.name);
  CHECK(names == std::vector<std::string_view>{"recommended", "strict", "none"});
}

TEST_CASE("recommended sets every rule of the registry at its catalog level") {
  TempFolder folder;
  Config config = load_preset(folder, "recommended");
  for (const rules::RuleEntry& entry : rules::registry()) {
    INFO(entry.meta.id);
    // A rule missing from recommended.yaml would silently stay off.
    auto level = kRecommended.find(entry.meta.id);
    REQUIRE(level != kRecommended.end());
    const RuleSetting& setting = config.rules.settings.at(std::string(entry.meta.id));
    CHECK(setting.severity == level->second);
    CHECK(setting.source == "preset recommended");
    CHECK(setting.options == nullptr);
  }
  CHECK(config.rules.settings.at("image/empty-url").severity == Severity::error);
  // The preset names rules this binary may not have yet; they are skipped, not errors.
  for (const auto& [id, level] : kRecommended) {
    CHECK(config.rules.settings.contains(id) == (rules::find_rule(id) != nullptr));
  }
}

TEST_CASE("strict makes every warning of recommended an error") {
  TempFolder folder;
  Config config = load_preset(folder, "strict");
  for (const rules::RuleEntry& entry : rules::registry()) {
    INFO(entry.meta.id);
    Severity recommended = kRecommended.at(std::string(entry.meta.id));
    const RuleSetting& setting = config.rules.settings.at(std::string(entry.meta.id));
    if (recommended == Severity::warning) {
      CHECK(setting.severity == Severity::error);
      CHECK(setting.source == "preset strict");
    } else {
      CHECK(setting.severity == recommended);
      CHECK(setting.source == "preset recommended");
    }
  }
}

TEST_CASE("under strict, a warning the config asks for stays a warning") {
  TempFolder folder;
  auto config = folder.load_config("extends: strict\nrules:\n  image/empty-url: warning\n");
  REQUIRE(config.ok());
  CHECK(config->rules.settings.at("image/empty-url").severity == Severity::warning);
  CHECK(config->rules.settings.at("image/empty-url").source == ".contentlint.yaml:3:3");
}

TEST_CASE("none turns everything off") {
  TempFolder folder;
  Config config = load_preset(folder, "none");
  CHECK(config.rules.active.empty());
  for (const rules::RuleEntry& entry : rules::registry()) {
    INFO(entry.meta.id);
    const RuleSetting& setting = config.rules.settings.at(std::string(entry.meta.id));
    CHECK(setting.severity == Severity::off);
    CHECK(setting.source == "preset none");
  }
  auto one = folder.load_config("extends: none\nrules:\n  frontmatter/syntax: warning\n");
  REQUIRE(one.ok());
  REQUIRE(one->rules.active.size() == 1);
  CHECK(one->rules.active[0].entry->meta.id == "frontmatter/syntax");
  CHECK(one->rules.active[0].severity == Severity::warning);
}

TEST_CASE("extends is applied first wherever it stands") {
  TempFolder folder;
  auto config = folder.load_config("rules:\n  frontmatter/syntax: warning\nextends: none\n");
  REQUIRE(config.ok());
  CHECK(config->rules.settings.at("frontmatter/syntax").severity == Severity::warning);
  CHECK(config->rules.settings.at("frontmatter/missing").severity == Severity::off);
}
