#include "init/init.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "../config/temp_folder.hpp"
#include "config/config.hpp"
#include "schema/schema.hpp"

namespace contentlint::init {
namespace {

using config::testing::TempFolder;
namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

TEST_CASE("write_files never overwrites without --force, and writes nothing then") {
  TempFolder site;
  site.write(".contentlint.yaml", "old\n");
  std::vector<PlannedFile> files = {{"schemas/posts.schema.yaml", "new schema\n"},
                                    {".contentlint.yaml", "new config\n"}};
  auto error = write_files(site.path(), files, false, "site");
  REQUIRE(error);
  CHECK(error->to_string() ==
        "site/.contentlint.yaml: already exists; init never overwrites a file (pass --force to "
        "replace it)");
  CHECK(read(site.path() / ".contentlint.yaml") == "old\n");
  CHECK_FALSE(fs::exists(site.path() / "schemas"));

  CHECK_FALSE(write_files(site.path(), files, true, "site"));
  CHECK(read(site.path() / ".contentlint.yaml") == "new config\n");
  CHECK(read(site.path() / "schemas/posts.schema.yaml") == "new schema\n");
}

TEST_CASE("what init plans loads with config::load and the schema loader") {
  TempFolder site;
  site.write("src/content/posts/a.md",
             "---\ntitle: A\npubDate: 2024-01-01\ntags: [news, how-to]\n---\nText.\n");
  site.write("src/content/posts/b.md", "---\ntitle: B\npubDate: 2024-01-02\ntags: [news]\n---\n");
  site.write("src/content/posts/c.md", "no front matter\n");
  site.write("src/pages/blog/[slug].astro", "getCollection(\"posts\")");
  site.write("public/a.png", "");
  Plan plan = make_plan(site.path());
  std::vector<PlannedFile> files = planned_files(plan);
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == "schemas/posts.schema.yaml");
  CHECK(files[1].path == ".contentlint.yaml");
  CHECK(files[1].text ==
        "# contentlint configuration, written by `contentlint init` for this Astro site.\n"
        "# `contentlint config FILE` shows what applies to a file and where it was set.\n"
        "extends: recommended\n"
        "ignore: [\"node_modules/**\", \"dist/**\"]\n"
        "public-dir: public\n"
        "pages-dir: src/pages\n"
        "collections:\n"
        "  posts:\n"
        "    include: [\"src/content/posts/**/*.md\"]\n"
        "    schema: schemas/posts.schema.yaml\n"
        "    route: \"/blog/{slug}\"\n"
        "    rules:\n"
        "      # the tags the collection uses; add new ones here\n"
        "      tag/unknown:\n"
        "        allowed: [how-to, news]\n");
  REQUIRE(plan.collections.size() == 1);
  CHECK(plan.collections[0].read == 2);
  CHECK(plan.collections[0].unread ==
        std::vector<Note>{{"no front matter", {"src/content/posts/c.md"}}});

  REQUIRE_FALSE(write_files(site.path(), files, false, "."));
  auto loaded = config::load(site.path() / ".contentlint.yaml", ".contentlint.yaml", {});
  INFO((loaded ? std::string() : loaded.error().to_string()));
  REQUIRE(loaded.ok());
  REQUIRE(loaded->collections.size() == 1);
  CHECK(loaded->collections[0].route == "/blog/{slug}");
  CHECK(loaded->collections[0].schema != nullptr);
  CHECK(loaded->public_dir == "public");
}

TEST_CASE("an Astro schema is named as it is, and no schema is written for it") {
  TempFolder site;
  site.write("astro.config.mjs", "export default {}\n");
  site.write("src/content/posts/a.md", "---\ntitle: A\n---\n");
  site.write(".astro/collections/posts.schema.json",
             "{\"$ref\": \"#/definitions/posts\", \"definitions\": {\"posts\": {\"type\": "
             "\"object\"}}, \"$schema\": \"http://json-schema.org/draft-07/schema#\"}");
  Plan plan = make_plan(site.path());
  std::vector<PlannedFile> files = planned_files(plan);
  REQUIRE(files.size() == 1);
  CHECK(files[0].text.find("    schema: .astro/collections/posts.schema.json\n") !=
        std::string::npos);
  REQUIRE_FALSE(write_files(site.path(), files, false, "."));
  CHECK(config::load(site.path() / ".contentlint.yaml", ".contentlint.yaml", {}).ok());
}

engine::RunResult result_with(const std::vector<std::vector<std::string>>& rules_per_file) {
  engine::RunResult result;
  for (std::size_t i = 0; i < rules_per_file.size(); ++i) {
    engine::FileResult file{std::to_string(i) + ".md", {}};
    for (const std::string& rule : rules_per_file[i]) {
      core::Diagnostic diagnostic;
      diagnostic.rule = rule;
      file.diagnostics.push_back(diagnostic);
    }
    result.files.push_back(std::move(file));
  }
  return result;
}

TEST_CASE("a rule that reports in more than half the files, and in 3 or more, starts red") {
  CHECK(red_rules(result_with({{"a", "a"}, {"a"}, {"a", "b"}, {"b"}, {}})) ==
        std::vector<RedRule>{{"a", 3, 5}});
  // Half is not more than half.
  CHECK(red_rules(result_with({{"a"}, {"a"}, {"a"}, {}, {}, {}})).empty());
  // Two files out of three are real defects, not a red linter.
  CHECK(red_rules(result_with({{"a"}, {"a"}, {}})).empty());
}

TEST_CASE("switch_off adds the rules to the config with a reason") {
  Plan plan;
  plan.config = YamlValue::mapping();
  plan.config.add("extends", YamlValue::string("recommended"));
  switch_off(plan, {{"text/trailing-space", 4, 5}});
  CHECK(emit(plan.config) ==
        "extends: recommended\n"
        "rules:\n"
        "  # switched off by init: it reports in 4 of 5 files; turn it on when they are fixed\n"
        "  text/trailing-space: off\n");
  CHECK(plan.switched_off == std::vector<RedRule>{{"text/trailing-space", 4, 5}});
}

}  // namespace
}  // namespace contentlint::init
