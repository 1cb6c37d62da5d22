// `rule-dirs`: declarative rules join the config's catalog and are configured like
// built-in rules.

#include <catch2/catch.hpp>

#include <algorithm>

#include "config/config.hpp"
#include "temp_folder.hpp"

using namespace contentlint;
using namespace contentlint::config;
using contentlint::config::testing::CurrentFolder;
using contentlint::config::testing::TempFolder;

namespace {

constexpr std::string_view kGithub = R"(id: product-name/github
kind: substitution
level: error
message: "'{match}' is written '{expected}'"
swap: {Github: GitHub}
)";

constexpr std::string_view kAvoid = R"(id: style/avoid
kind: existence
message: "avoid '{match}'"
tokens: [simply]
)";

std::vector<std::string> active_ids(const RuleSet& set) {
  std::vector<std::string> ids;
  for (const ActiveRule& active : set.active) ids.emplace_back(active.entry->meta.id);
  return ids;
}

}  // namespace

TEST_CASE("without rule-dirs the catalog is the registry") {
  TempFolder folder;
  auto config = folder.load_config("");
  REQUIRE(config.ok());
  REQUIRE(config->catalog != nullptr);
  CHECK(config->catalog->entries().size() == rules::registry().size());
  auto defaulted = defaults(folder.path(), {});
  REQUIRE(defaulted.ok());
  REQUIRE(defaulted->catalog != nullptr);
  CHECK(defaulted->catalog->entries().size() == rules::registry().size());
}

TEST_CASE("declarative rules are on at their file's level, whatever the preset") {
  TempFolder folder;
  folder.write("site-rules/github.yaml", kGithub);
  folder.write("site-rules/style/avoid.yml", kAvoid);
  CurrentFolder current(folder.path());
  for (std::string preset : {"recommended", "none", "strict"}) {
    INFO(preset);
    auto config = folder.load_config("extends: " + preset + "\nrule-dirs: [site-rules]\n");
    REQUIRE(config.ok());
    CHECK(config->catalog->entries().size() == rules::registry().size() + 2);
    const RuleSetting& github = config->rules.settings.at("product-name/github");
    CHECK(github.severity == core::Severity::error);
    CHECK(github.source == "site-rules/github.yaml");
    const RuleSetting& avoid = config->rules.settings.at("style/avoid");
    // strict makes every warning an error, the declarative ones too.
    CHECK(avoid.severity == (preset == "strict" ? core::Severity::error : core::Severity::warning));
    CHECK(avoid.source == (preset == "strict" ? "preset strict" : "site-rules/style/avoid.yml"));
    auto ids = active_ids(config->rules);
    CHECK(std::find(ids.begin(), ids.end(), "product-name/github") != ids.end());
    CHECK(std::is_sorted(ids.begin(), ids.end()));
  }
}

TEST_CASE("declarative rules take levels in rules:, collections and --rule") {
  TempFolder folder;
  folder.write("site-rules/github.yaml", kGithub);
  folder.write("site-rules/avoid.yaml", kAvoid);
  auto config = folder.load_config(R"(rules:
  product-name/github: warning
  style/avoid: off
collections:
  posts:
    include: ["posts/*.md"]
    rules:
      style/avoid: { level: info }
rule-dirs: [site-rules]
)",
                                   {{"product-name/github", core::Severity::info}});
  REQUIRE(config.ok());
  CHECK(config->rules.settings.at("style/avoid").severity == core::Severity::off);
  CHECK(config->rules.settings.at("style/avoid").source == ".contentlint.yaml:3:3");
  CHECK(config->rules.settings.at("product-name/github").severity == core::Severity::info);
  CHECK(config->rules.settings.at("product-name/github").source == "--rule");
  const RuleSet& posts = config->collections[0].rules;
  CHECK(posts.settings.at("style/avoid").severity == core::Severity::info);
  auto ids = active_ids(posts);
  CHECK(std::find(ids.begin(), ids.end(), "style/avoid") != ids.end());
}

TEST_CASE("mistakes with declarative rules are config errors") {
  TempFolder folder;
  folder.write("site-rules/github.yaml", kGithub);
  CurrentFolder current(folder.path());
  CHECK(folder.error_of("rule-dirs: [site-rules]\nrules:\n  product-name/githb: off\n") ==
        ".contentlint.yaml:3:3: unknown rule 'product-name/githb'; did you mean "
        "'product-name/github'?");
  CHECK(folder.error_of("rule-dirs: [site-rules]\nrules:\n  product-name/github: {fix: no}\n") ==
        ".contentlint.yaml:3:25: rule product-name/github has no option 'fix' (it takes no "
        "options)");
  // Without the folder, the rule is unknown.
  CHECK(folder.error_of("rules:\n  product-name/github: off\n") ==
        ".contentlint.yaml:2:3: unknown rule 'product-name/github'; `contentlint rules` lists "
        "the rules");
  CHECK(
      folder.error_of("rule-dirs: [site-rules]\n", {{"product-name/githb", core::Severity::off}}) ==
      "--rule: unknown rule 'product-name/githb'; did you mean 'product-name/github'?");

  folder.write("broken/rule.yaml", "id: a/b\nkind: existence\nmesage: m\n");
  CHECK(folder.error_of("rule-dirs: [site-rules, broken]\n") ==
        "broken/rule.yaml:3:1: unknown key 'mesage'; did you mean 'message'?");
  folder.write("clash/rule.yaml",
               "id: image/empty-url\nkind: existence\nmessage: m\ntokens: [x]\n");
  CHECK(folder.error_of("rule-dirs: [clash]\n") ==
        "clash/rule.yaml:1:5: rule id 'image/empty-url' is a built-in rule; choose another");
  folder.write("twice/rule.yaml", kGithub);
  CHECK(folder.error_of("rule-dirs: [site-rules, twice]\n") ==
        "twice/rule.yaml:1:5: rule id 'product-name/github' is already defined in "
        "site-rules/github.yaml:1:5");
}
