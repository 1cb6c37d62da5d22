#include <catch2/catch.hpp>

#include <utility>

#include "config/config.hpp"
#include "temp_folder.hpp"

using namespace contentlint;
using namespace contentlint::config;
using contentlint::config::testing::CurrentFolder;
using contentlint::config::testing::TempFolder;
using contentlint::config::testing::texts;

namespace {

constexpr std::string_view kSchema = "type: object\nproperties:\n  title: {type: string}\n";

std::vector<std::string> active_ids(const RuleSet& set) {
  std::vector<std::string> ids;
  for (const ActiveRule& active : set.active) ids.emplace_back(active.entry->meta.id);
  return ids;
}

std::vector<std::string> on_ids(const RuleSet& set) {
  std::vector<std::string> ids;
  for (const auto& [id, setting] : set.settings) {
    if (setting.severity != core::Severity::off) ids.push_back(id);
  }
  return ids;
}

std::vector<std::string> patterns(const std::vector<core::Glob>& globs) {
  std::vector<std::string> result;
  for (const core::Glob& glob : globs) result.push_back(glob.pattern());
  return result;
}

}  // namespace

TEST_CASE("an empty config file loads as the recommended preset") {
  TempFolder folder;
  for (std::string_view text : {"", "# only a comment\n", "~\n"}) {
    auto config = folder.load_config(text);
    REQUIRE(config.ok());
    CHECK(config->path == ".contentlint.yaml");
    CHECK(config->root == folder.path());
    CHECK(config->collections.empty());
    CHECK(config->ignore.empty());
    CHECK(config->public_dir.empty());
    CHECK(config->site_url.empty());
    CHECK(config->links == LinkMode::offline);
    const RuleSetting& empty_url = config->rules.settings.at("image/empty-url");
    CHECK(empty_url.severity == core::Severity::error);
    CHECK(empty_url.source == "preset recommended");
    CHECK(empty_url.options == nullptr);
  }
}

TEST_CASE("every key of the config is read") {
  TempFolder folder;
  folder.write("schemas/post.schema.yaml", kSchema);
  folder.write("site-rules/a.yaml", "");
  auto config = folder.load_config(R"(extends: recommended
ignore: ["node_modules/**", "./dist/**"]
public-dir: public
pages-dir: src/pages
site-url: https://example.org
links: external
rule-dirs: [site-rules]
collections:
  posts:
    include: ["src/content/posts/**/*.md"]
    schema: schemas/post.schema.yaml
    route: /blog/{slug}
  alumni:
    include: ["src/content/alumni/*.md", "src/content/cohort-*/*.md"]
    schema: ./schemas/../schemas/post.schema.yaml
  pages:
    include: ["src/content/pages/*.md"]
)");
  REQUIRE(config.ok());
  REQUIRE(config->ignore.size() == 2);
  CHECK(config->ignore[0].pattern() == "node_modules/**");
  CHECK(config->ignore[1].matches("dist/a.md"));  // "./" is the config's folder
  CHECK(config->public_dir == "public");
  CHECK(config->pages_dir == "src/pages");
  CHECK(config->site_url == "https://example.org");
  CHECK(config->links == LinkMode::external);
  CHECK(config->rule_dirs == std::vector<std::string>{"site-rules"});
  REQUIRE(config->collections.size() == 3);

  const Collection& posts = config->collections[0];
  CHECK(posts.name == "posts");
  CHECK(patterns(posts.include) == std::vector<std::string>{"src/content/posts/**/*.md"});
  CHECK(posts.schema_path == "schemas/post.schema.yaml");
  CHECK(posts.route == "/blog/{slug}");
  REQUIRE(posts.schema != nullptr);

  const Collection& alumni = config->collections[1];
  CHECK(alumni.name == "alumni");
  CHECK(alumni.schema_path == "./schemas/../schemas/post.schema.yaml");
  CHECK(alumni.route.empty());
  CHECK(alumni.schema == posts.schema);  // one file, loaded once, shared

  const Collection& pages = config->collections[2];
  CHECK(pages.schema == nullptr);
  CHECK(pages.schema_path.empty());

  CHECK(config->collection_for("src/content/posts/2024/a.md") == &posts);
  CHECK(config->collection_for("src/content/cohort-3/ada.md") == &alumni);
  CHECK(config->collection_for("src/content/pages/about.md") == &pages);
  CHECK(config->collection_for("README.md") == nullptr);
  CHECK(&config->rules_for(&posts) == &posts.rules);
  CHECK(&config->rules_for(nullptr) == &config->rules);
}

TEST_CASE("the first collection that matches a file wins") {
  TempFolder folder;
  auto config = folder.load_config(R"(collections:
  drafts:
    include: ["posts/draft-*.md"]
  posts:
    include: ["posts/*.md"]
)");
  REQUIRE(config.ok());
  CHECK(config->collection_for("posts/draft-1.md")->name == "drafts");
  CHECK(config->collection_for("posts/final.md")->name == "posts");
}

TEST_CASE("a rule's setting resolves preset, config, collection, then --rule") {
  TempFolder folder;
  auto config = folder.load_config(R"(rules:
  image/empty-url: { level: warning, fields: [cover] }
  frontmatter/schema: info
collections:
  posts:
    include: ["posts/**/*.md"]
    rules:
      image/empty-url: error
      frontmatter/missing: { level: off }
  other:
    include: ["other/*.md"]
    rules:
      image/empty-url: { fields: [hero, thumb] }
)",
                                   {{"frontmatter/syntax", core::Severity::warning}});
  REQUIRE(config.ok());

  const RuleSet& global = config->rules;
  const RuleSetting& global_image = global.settings.at("image/empty-url");
  CHECK(global_image.severity == core::Severity::warning);
  CHECK(global_image.source == ".contentlint.yaml:2:3");
  REQUIRE(global_image.options != nullptr);
  CHECK(texts(global_image.options->find("fields")) == std::vector<std::string>{"cover"});
  CHECK(global_image.options->find("level") == nullptr);
  CHECK(global.settings.at("frontmatter/schema").severity == core::Severity::info);
  CHECK(global.settings.at("frontmatter/schema").source == ".contentlint.yaml:3:3");
  CHECK(global.settings.at("frontmatter/missing").severity == core::Severity::error);
  CHECK(global.settings.at("frontmatter/missing").source == "preset recommended");
  CHECK(global.settings.at("frontmatter/syntax").severity == core::Severity::warning);
  CHECK(global.settings.at("frontmatter/syntax").source == "--rule");

  REQUIRE(config->collections.size() == 2);
  const RuleSet& posts = config->collections[0].rules;
  const RuleSetting& posts_image = posts.settings.at("image/empty-url");
  CHECK(posts_image.severity == core::Severity::error);  // a level alone keeps the options
  CHECK(posts_image.source == "collection posts (.contentlint.yaml:8:7)");
  CHECK(texts(posts_image.options->find("fields")) == std::vector<std::string>{"cover"});
  CHECK(posts.settings.at("frontmatter/missing").severity == core::Severity::off);
  CHECK(posts.settings.at("frontmatter/missing").source ==
        "collection posts (.contentlint.yaml:9:7)");
  CHECK(posts.settings.at("frontmatter/schema").severity == core::Severity::info);
  CHECK(posts.settings.at("frontmatter/syntax").source == "--rule");

  const RuleSet& other = config->collections[1].rules;
  const RuleSetting& other_image = other.settings.at("image/empty-url");
  CHECK(other_image.severity == core::Severity::warning);  // options alone keep the level
  CHECK(other_image.source == "collection other (.contentlint.yaml:13:7)");
  CHECK(texts(other_image.options->find("fields")) == std::vector<std::string>{"hero", "thumb"});
  CHECK(other_image.options->entries.size() == 1);  // the later `fields` replaced the earlier
  // Positions in merged options stay those of the config file, for the rules' errors.
  CHECK(other_image.options->find("fields")->position == core::Position{13, 34});
}

TEST_CASE("active rules are the rules that are on, constructed, sorted by id") {
  TempFolder folder;
  auto config = folder.load_config(R"(rules:
  frontmatter/schema: off
collections:
  posts:
    include: ["posts/*.md"]
    rules:
      frontmatter/schema: warning
      image/empty-url: off
)");
  REQUIRE(config.ok());
  for (const RuleSet* set : {&config->rules, &config->collections[0].rules}) {
    CHECK(active_ids(*set) == on_ids(*set));  // settings is a sorted map
    CHECK(set->settings.size() == rules::registry().size());
    for (const ActiveRule& active : set->active) {
      CHECK(active.rule != nullptr);
      CHECK(active.severity == set->settings.at(std::string(active.entry->meta.id)).severity);
    }
  }
  auto global = active_ids(config->rules);
  auto posts = active_ids(config->collections[0].rules);
  CHECK(std::find(global.begin(), global.end(), "frontmatter/schema") == global.end());
  CHECK(std::find(global.begin(), global.end(), "image/empty-url") != global.end());
  CHECK(std::find(posts.begin(), posts.end(), "frontmatter/schema") != posts.end());
  CHECK(std::find(posts.begin(), posts.end(), "image/empty-url") == posts.end());
}

TEST_CASE("options given without a level turn an off rule on at its default level") {
  TempFolder folder;
  auto config = folder.load_config(R"(extends: none
rules:
  image/empty-url: { fields: [cover] }
)");
  REQUIRE(config.ok());
  CHECK(active_ids(config->rules) == std::vector<std::string>{"image/empty-url"});
  CHECK(config->rules.settings.at("image/empty-url").severity == core::Severity::error);
}

TEST_CASE("options point into trees that survive moving the config") {
  TempFolder folder;
  std::vector<Config> configs;
  {
    auto config = folder.load_config("rules:\n  image/empty-url: {fields: [cover]}\n");
    REQUIRE(config.ok());
    configs.push_back(std::move(*config));
  }
  configs.emplace_back(std::move(configs.front()));
  const RuleSetting& setting = configs.back().rules.settings.at("image/empty-url");
  CHECK(texts(setting.options->find("fields")) == std::vector<std::string>{"cover"});
  CHECK(setting.options->find("fields")->position == core::Position{2, 29});
}

TEST_CASE("command-line --rule overrides every rule set, and an unknown id is an error") {
  TempFolder folder;
  auto config = folder.load_config(
      R"(extends: none
collections:
  posts:
    include: ["posts/*.md"]
    rules:
      image/empty-url: error
)",
      {{"image/empty-url", core::Severity::info}, {"frontmatter/syntax", core::Severity::error}});
  REQUIRE(config.ok());
  for (const RuleSet* set : {&config->rules, &config->collections[0].rules}) {
    CHECK(active_ids(*set) == std::vector<std::string>{"frontmatter/syntax", "image/empty-url"});
    CHECK(set->settings.at("image/empty-url").severity == core::Severity::info);
    CHECK(set->settings.at("image/empty-url").source == "--rule");
  }
  CHECK(folder.error_of("", {{"image/empty-ur", core::Severity::off}}) ==
        "--rule: unknown rule 'image/empty-ur'; did you mean 'image/empty-url'?");
  auto defaults_error = defaults(folder.path(), {{"nope", core::Severity::off}});
  REQUIRE_FALSE(defaults_error.ok());
  CHECK(defaults_error.error().to_string() ==
        "--rule: unknown rule 'nope'; `contentlint rules` lists the rules");
}

TEST_CASE("defaults: the recommended preset, no collections, the given root") {
  TempFolder folder;
  auto config = defaults(folder.path(), {{"image/empty-url", core::Severity::warning}});
  REQUIRE(config.ok());
  CHECK(config->path.empty());
  CHECK(config->root == folder.path());
  CHECK(config->collections.empty());
  CHECK(config->rules.settings.at("frontmatter/syntax").severity == core::Severity::error);
  CHECK(config->rules.settings.at("frontmatter/syntax").source == "preset recommended");
  CHECK(config->rules.settings.at("image/empty-url").severity == core::Severity::warning);
  CHECK(config->collection_for("a.md") == nullptr);
}

TEST_CASE("discover finds the nearest .contentlint.yaml upward") {
  TempFolder folder;
  folder.write(".contentlint.yaml", "");
  folder.write("site/.contentlint.yaml", "");
  folder.write("site/src/content/posts/a.md", "");
  std::filesystem::create_directories(folder.path() / "site/src/.contentlint.yaml");  // a folder

  CHECK(discover(folder.path() / "site/src/content/posts") ==
        folder.path() / "site/.contentlint.yaml");
  CHECK(discover(folder.path() / "site/src/content/posts/") ==
        folder.path() / "site/.contentlint.yaml");
  CHECK(discover(folder.path() / "site") == folder.path() / "site/.contentlint.yaml");
  CHECK(discover(folder.path()) == folder.path() / ".contentlint.yaml");
  {
    CurrentFolder current(folder.path() / "site/src");
    CHECK(discover(".") == folder.path() / "site/.contentlint.yaml");
    CHECK(discover("content/posts") == folder.path() / "site/.contentlint.yaml");
  }
}

TEST_CASE("a config's root is its folder, whatever path names it") {
  TempFolder folder;
  folder.write("site/.contentlint.yaml", "");
  CurrentFolder current(folder.path() / "site");
  auto config = load(".contentlint.yaml", ".contentlint.yaml", {});
  REQUIRE(config.ok());
  CHECK(config->root == folder.path() / "site");
}

TEST_CASE("schema paths are displayed relative to the current folder") {
  TempFolder folder;
  folder.write("site/schemas/bad.schema.yaml", "type: [object\n");
  folder.write("site/.contentlint.yaml", R"(collections:
  posts:
    include: ["posts/*.md"]
    schema: schemas/bad.schema.yaml
)");
  CurrentFolder current(folder.path());
  auto config = load("site/.contentlint.yaml", "site/.contentlint.yaml", {});
  REQUIRE_FALSE(config.ok());
  // Schema::load's error, as it is: it names the schema file.
  auto expected = schema::Schema::load((folder.path() / "site/schemas/bad.schema.yaml").string(),
                                       "site/schemas/bad.schema.yaml");
  REQUIRE_FALSE(expected.ok());
  CHECK(config.error().to_string() == expected.error().to_string());
  CHECK(config.error().path == "site/schemas/bad.schema.yaml");
}
