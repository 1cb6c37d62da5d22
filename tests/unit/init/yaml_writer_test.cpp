#include "init/yaml_writer.hpp"

#include <catch2/catch.hpp>

#include "core/document.hpp"
#include "frontmatter/frontmatter.hpp"

namespace contentlint::init {
namespace {

TEST_CASE("quote leaves plain what reads back as the same string") {
  CHECK(quote("posts") == "posts");
  CHECK(quote("src/pages") == "src/pages");
  CHECK(quote("Clan Six") == "Clan Six");
  CHECK(quote("$schema") == "$schema");
  CHECK(quote("tag/unknown") == "tag/unknown");
  CHECK(quote(".astro/collections/posts.schema.json") == ".astro/collections/posts.schema.json");
  CHECK(quote("-draft") == "-draft");
}

TEST_CASE("quote double-quotes what a plain scalar would change") {
  CHECK(quote("") == "\"\"");
  CHECK(quote("true") == "\"true\"");
  CHECK(quote("no") == "\"no\"");
  CHECK(quote("null") == "\"null\"");
  CHECK(quote("2024") == "\"2024\"");
  CHECK(quote("2024-03-11") == "\"2024-03-11\"");
  CHECK(quote("-1") == "\"-1\"");
  CHECK(quote("a: b") == "\"a: b\"");
  CHECK(quote("a #b") == "\"a #b\"");
  CHECK(quote("node_modules/**") == "\"node_modules/**\"");
  CHECK(quote("/blog/{slug}") == "\"/blog/{slug}\"");
  CHECK(quote("https://example.org") == "\"https://example.org\"");
  CHECK(quote(" padded") == "\" padded\"");
  CHECK(quote("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
  CHECK(quote("two\nlines\t") == "\"two\\nlines\\t\"");
  CHECK(quote("- item") == "\"- item\"");
  CHECK(quote("n") == "\"n\"");
  CHECK(quote(".5") == "\".5\"");
}

TEST_CASE("emit writes block mappings, flow lists of scalars and block lists of mappings") {
  YamlValue root = YamlValue::mapping();
  root.add("extends", YamlValue::string("recommended"));
  root.add("ignore", YamlValue::strings({"node_modules/**", "dist/**"}));
  root.add("empty", YamlValue::sequence());
  root.add("none", YamlValue::mapping());
  YamlValue& rules = root.add("rules", YamlValue::mapping());
  rules.add("text/trailing-space", YamlValue::raw_scalar("off"), "switched off");
  YamlValue list = YamlValue::sequence();
  YamlValue item = YamlValue::mapping();
  item.add("format", YamlValue::string("date"));
  item.add("type", YamlValue::string("string"));
  list.items.push_back(item);
  list.items.push_back(YamlValue::string("plain"));
  root.add("anyOf", std::move(list));
  CHECK(emit(root) ==
        "extends: recommended\n"
        "ignore: [\"node_modules/**\", \"dist/**\"]\n"
        "empty: []\n"
        "none: {}\n"
        "rules:\n"
        "  # switched off\n"
        "  text/trailing-space: off\n"
        "anyOf:\n"
        "  - format: date\n"
        "    type: string\n"
        "  - plain\n");
}

TEST_CASE("emit breaks a long list of scalars into block lines") {
  YamlValue root = YamlValue::mapping();
  std::vector<std::string> words;
  for (int i = 0; i < 12; ++i) words.push_back("announcement-" + std::to_string(i));
  root.add("allowed", YamlValue::strings(words));
  std::string text = emit(root);
  CHECK(text.starts_with("allowed:\n  - announcement-0\n  - announcement-1\n"));
}

TEST_CASE("what emit writes reads back as the same tree") {
  YamlValue root = YamlValue::mapping();
  root.add("a: b", YamlValue::strings({"yes", "", "x\"y", "é"}));
  YamlValue& nested = root.add("nested", YamlValue::mapping());
  nested.add("n", YamlValue::raw_scalar("3"));
  core::Document document("x.yaml", emit(root));
  frontmatter::Yaml yaml = frontmatter::parse_yaml(document, {0, document.text().size()});
  REQUIRE(yaml.problems.empty());
  REQUIRE(yaml.root);
  const core::Node* list = yaml.root->find("a: b");
  REQUIRE(list != nullptr);
  REQUIRE(list->items.size() == 4);
  CHECK(list->items[0].text == "yes");
  CHECK(list->items[0].scalar_type() == core::ScalarType::string);
  CHECK(list->items[1].text.empty());
  CHECK(list->items[2].text == "x\"y");
  CHECK(list->items[3].text == "é");
  CHECK(yaml.root->find_path("nested.n")->as_integer() == 3);
}

}  // namespace
}  // namespace contentlint::init
