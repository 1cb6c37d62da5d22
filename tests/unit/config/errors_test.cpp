#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "temp_folder.hpp"

using namespace contentlint;
using namespace contentlint::config;
using contentlint::config::testing::TempFolder;

// Every error names the config, the line and column, and says what was expected.

TEST_CASE("unknown keys are errors, with the nearest known key") {
  TempFolder folder;
  CHECK(folder.error_of("colections:\n  posts: {include: [a]}\n") ==
        ".contentlint.yaml:1:1: unknown key 'colections'; did you mean 'collections'?");
  CHECK(folder.error_of("ignore: []\nPublic-Dir: public\n") ==
        ".contentlint.yaml:2:1: unknown key 'Public-Dir'; did you mean 'public-dir'?");
  CHECK(folder.error_of("zzz: 1\n") ==
        ".contentlint.yaml:1:1: unknown key 'zzz'; expected one of: extends, ignore, public-dir, "
        "pages-dir, site-url, collections, rules, rule-dirs, links");
  // A preset-only key is not a config key.
  CHECK(folder.error_of("promote-warnings: true\n") ==
        ".contentlint.yaml:1:1: unknown key 'promote-warnings'; expected one of: extends, "
        "ignore, public-dir, pages-dir, site-url, collections, rules, rule-dirs, links");
  CHECK(folder.error_of("collections:\n  posts:\n    include: [a]\n    scheme: s.yaml\n") ==
        ".contentlint.yaml:4:5: unknown key 'scheme'; did you mean 'schema'?");
}

TEST_CASE("the config must be a mapping") {
  TempFolder folder;
  CHECK(folder.error_of("- extends\n") ==
        ".contentlint.yaml:1:1: the config must be a mapping of keys, found a list");
  CHECK(folder.error_of("recommended\n") ==
        ".contentlint.yaml:1:1: the config must be a mapping of keys, found a string");
}

TEST_CASE("YAML errors and duplicate keys are errors at their place") {
  TempFolder folder;
  CHECK(folder.error_of("ignore: []\nrules: {}\nignore: [a]\n") ==
        ".contentlint.yaml:3:1: duplicate key 'ignore' (first defined at line 1); the last one "
        "wins silently");
  CHECK(folder.error_of("rules:\n  image/empty-url: 'error\n") ==
        ".contentlint.yaml:2:20: unterminated single-quoted string: add the closing '");
  CHECK(folder.error_of("rules:\n\timage/empty-url: error\n") ==
        ".contentlint.yaml:2:1: tab character in indentation; YAML indents with spaces only");
}

TEST_CASE("an unreadable config is an error naming it") {
  TempFolder folder;
  auto missing = load(folder.path() / "nope.yaml", "nope.yaml", {});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().to_string() ==
        "nope.yaml: cannot read the config file: No such file or directory");
  auto directory = load(folder.path(), "site", {});
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.error().to_string() == "site: is a folder, not a config file");
}

TEST_CASE("wrong types say what was expected and what was found") {
  TempFolder folder;
  CHECK(folder.error_of("ignore: node_modules/**\n") ==
        ".contentlint.yaml:1:9: 'ignore' must be a list of globs, found a string");
  CHECK(folder.error_of("ignore:\n  - dist/**\n  - [a]\n") ==
        ".contentlint.yaml:3:5: 'ignore' must be a list of globs, found a list in it");
  CHECK(folder.error_of("ignore:\n") ==
        ".contentlint.yaml:1:1: 'ignore' must be a list of globs, found nothing (null)");
  CHECK(folder.error_of("extends: [recommended]\n") ==
        ".contentlint.yaml:1:10: 'extends' must be a string, found a list");
  CHECK(folder.error_of("public-dir: [public]\n") ==
        ".contentlint.yaml:1:13: 'public-dir' must be a string, found a list");
  CHECK(folder.error_of("pages-dir: ''\n") == ".contentlint.yaml:1:12: 'pages-dir' is empty");
  CHECK(folder.error_of("rule-dirs: rules\n") ==
        ".contentlint.yaml:1:12: 'rule-dirs' must be a list of folders, found a string");
  CHECK(folder.error_of("collections: [posts]\n") ==
        ".contentlint.yaml:1:14: 'collections' must be a mapping of collection names to "
        "collections, found a list");
  CHECK(folder.error_of("rules: [image/empty-url]\n") ==
        ".contentlint.yaml:1:8: 'rules' must be a mapping of rule ids to levels or options, "
        "found a list");
}

TEST_CASE("bad values of known keys") {
  TempFolder folder;
  CHECK(folder.error_of("extends: recomended\n") ==
        ".contentlint.yaml:1:10: unknown preset 'recomended'; did you mean 'recommended'?");
  CHECK(folder.error_of("extends: airbnb\n") ==
        ".contentlint.yaml:1:10: unknown preset 'airbnb'; expected one of: recommended, strict, "
        "none");
  CHECK(folder.error_of("site-url: example.org\n") ==
        ".contentlint.yaml:1:11: 'site-url' must be an absolute http(s) URL like "
        "https://example.org, found 'example.org'");
  CHECK(folder.error_of("site-url: https:///a\n") ==
        ".contentlint.yaml:1:11: 'site-url' must be an absolute http(s) URL like "
        "https://example.org, found 'https:///a'");
  CHECK(folder.error_of("site-url: http://example.org/docs/\n") == "loaded");
  CHECK(folder.error_of("links: online\n") ==
        ".contentlint.yaml:1:8: 'links' must be offline or external, found 'online'");
  CHECK(folder.error_of("rule-dirs: [rules, styles]\n") ==
        ".contentlint.yaml:1:13: rule folder 'rules' not found");
  auto glob = core::Glob::compile("src/[a");
  REQUIRE_FALSE(glob.ok());
  CHECK(folder.error_of("ignore: ['src/[a']\n") ==
        ".contentlint.yaml:1:10: " + glob.error().message);
}

TEST_CASE("collection errors") {
  TempFolder folder;
  CHECK(folder.error_of("collections:\n  posts: src/**\n") ==
        ".contentlint.yaml:2:10: collection 'posts' must be a mapping, found a string");
  CHECK(folder.error_of("collections:\n  posts:\n    route: /blog/{slug}\n") ==
        ".contentlint.yaml:2:3: collection 'posts' has no 'include' (a list of globs)");
  CHECK(folder.error_of("collections:\n  posts:\n    include: posts/*.md\n") ==
        ".contentlint.yaml:3:14: 'include' must be a list of globs, found a string");
  CHECK(folder.error_of("collections:\n  posts:\n    include: []\n") ==
        ".contentlint.yaml:3:14: 'include' of collection 'posts' is empty");
  CHECK(folder.error_of("collections:\n  posts:\n    include: [a]\n    route: blog/{slug}\n") ==
        ".contentlint.yaml:4:12: 'route' must start with '/', found 'blog/{slug}'");
  CHECK(folder.error_of(
            "collections:\n  posts:\n    include: [a]\n    schema: schemas/post.schema.yaml\n") ==
        ".contentlint.yaml:4:13: schema file 'schemas/post.schema.yaml' not found");
  CHECK(folder.error_of("collections:\n  posts:\n    include: [a]\n    rules: error\n") ==
        ".contentlint.yaml:4:12: 'rules' must be a mapping of rule ids to levels or options, "
        "found a string");
  CHECK(folder.error_of(
            "collections:\n  posts:\n    include: [a]\n    rules:\n      image/empty: off\n") ==
        ".contentlint.yaml:5:7: unknown rule 'image/empty'; did you mean 'image/empty-url'?");
}

TEST_CASE("rule errors: unknown ids, bad levels, wrong types") {
  TempFolder folder;
  CHECK(folder.error_of("rules:\n  image/empty-ur: error\n") ==
        ".contentlint.yaml:2:3: unknown rule 'image/empty-ur'; did you mean 'image/empty-url'?");
  CHECK(folder.error_of("rules:\n  empty-url: error\n") ==
        ".contentlint.yaml:2:3: unknown rule 'empty-url'; did you mean 'image/empty-url'?");
  CHECK(folder.error_of("rules:\n  foo/bar: error\n") ==
        ".contentlint.yaml:2:3: unknown rule 'foo/bar'; `contentlint rules` lists the rules");
  CHECK(folder.error_of("rules:\n  image/empty-url: warn\n") ==
        ".contentlint.yaml:2:20: unknown level 'warn' for rule image/empty-url; did you mean "
        "'warning'?");
  CHECK(folder.error_of("rules:\n  image/empty-url: eror\n") ==
        ".contentlint.yaml:2:20: unknown level 'eror' for rule image/empty-url; did you mean "
        "'error'?");
  CHECK(folder.error_of("rules:\n  image/empty-url: false\n") ==
        ".contentlint.yaml:2:20: unknown level 'false' for rule image/empty-url; expected off, "
        "info, warning or error");
  CHECK(folder.error_of("rules:\n  image/empty-url: {level: high}\n") ==
        ".contentlint.yaml:2:28: unknown level 'high' for rule image/empty-url; expected off, "
        "info, warning or error");
  CHECK(folder.error_of("rules:\n  image/empty-url: {level: [error]}\n") ==
        ".contentlint.yaml:2:28: the level of rule image/empty-url must be off, info, warning or "
        "error, found a list");
  CHECK(folder.error_of("rules:\n  image/empty-url: [error]\n") ==
        ".contentlint.yaml:2:20: rule image/empty-url must be a level (off, info, warning or "
        "error) or a mapping of options, found a list");
  CHECK(folder.error_of("rules:\n  image/empty-url:\n") ==
        ".contentlint.yaml:2:3: rule image/empty-url must be a level (off, info, warning or "
        "error) or a mapping of options, found nothing (null)");
}

TEST_CASE("bad options are the rule's own errors, at the option") {
  TempFolder folder;
  CHECK(folder.error_of("rules:\n  image/empty-url: {fields: cover}\n") ==
        ".contentlint.yaml:2:29: option 'fields' must be a list of strings, found a string");
  CHECK(folder.error_of("rules:\n  image/empty-url: {level: error, feilds: [cover]}\n") ==
        ".contentlint.yaml:2:35: rule image/empty-url has no option 'feilds' (it takes: fields)");
  // Options of a rule that is off are checked too.
  CHECK(folder.error_of("rules:\n  image/empty-url: {level: off, fields: cover}\n") ==
        ".contentlint.yaml:2:41: option 'fields' must be a list of strings, found a string");
  CHECK(folder.error_of("collections:\n  posts:\n    include: [a]\n    rules:\n"
                        "      image/empty-url: {fields: [[a]]}\n") ==
        ".contentlint.yaml:5:34: option 'fields' must be a list of strings, found a list in it");
}
