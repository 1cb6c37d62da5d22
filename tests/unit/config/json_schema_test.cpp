// schemas/contentlint.schema.json describes .contentlint.yaml for editors; these tests keep
// it in step with what the loader accepts. JSON is YAML, so the YAML reader reads it.

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>

#include "config/config.hpp"
#include "config/links_config.hpp"
#include "config/presets.hpp"
#include "frontmatter/frontmatter.hpp"

using namespace contentlint;

namespace {

struct SchemaFile {
  std::unique_ptr<core::Document> document;
  core::Node root;
};

const SchemaFile& schema_file() {
  static const SchemaFile file = [] {
    std::ifstream stream(CONTENTLINT_SOURCE_DIR "/schemas/contentlint.schema.json");
    std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    SchemaFile result;
    result.document =
        std::make_unique<core::Document>("schemas/contentlint.schema.json", std::move(text));
    auto yaml = frontmatter::parse_yaml(*result.document, {0, result.document->text().size()});
    if (yaml.problems.empty() && yaml.root) result.root = std::move(*yaml.root);
    return result;
  }();
  return file;
}

std::set<std::string> keys(const core::Node* mapping) {
  std::set<std::string> result;
  if (mapping == nullptr) return result;
  for (const core::Entry& entry : mapping->entries) result.insert(entry.key.text);
  return result;
}

std::set<std::string> texts(const core::Node* sequence) {
  std::set<std::string> result;
  if (sequence == nullptr) return result;
  for (const core::Node& item : sequence->items) result.insert(item.text);
  return result;
}

template <typename Range>
std::set<std::string> as_set(const Range& words) {
  return std::set<std::string>(words.begin(), words.end());
}

}  // namespace

TEST_CASE("the config's JSON schema parses and is draft-07") {
  const core::Node& root = schema_file().root;
  REQUIRE(root.is_mapping());
  CHECK(root.find("$schema")->text == "http://json-schema.org/draft-07/schema#");
  CHECK(root.find("additionalProperties")->text == "false");
}

TEST_CASE("the JSON schema lists exactly the keys the loader accepts") {
  const core::Node& root = schema_file().root;
  CHECK(keys(root.find("properties")) == as_set(config::config_keys()));
  CHECK(keys(root.find_path("definitions.collection.properties")) ==
        as_set(config::collection_keys()));
  CHECK(texts(root.find_path("definitions.collection.required")) ==
        std::set<std::string>{"include"});
  CHECK(keys(root.find_path("definitions.links.properties")) == as_set(config::links_keys()));
}

TEST_CASE("the JSON schema's enums match the presets, levels and link modes") {
  const core::Node& root = schema_file().root;
  std::set<std::string> presets;
  for (const config::EmbeddedFile& file : config::embedded_presets()) {
    presets.emplace(file.name);
  }
  CHECK(texts(root.find_path("properties.extends.enum")) == presets);
  CHECK(texts(root.find_path("definitions.level.enum")) ==
        std::set<std::string>{"off", "info", "warning", "error"});
  CHECK(texts(root.find_path("definitions.link-mode.enum")) ==
        std::set<std::string>{"offline", "external"});
}

TEST_CASE("the JSON schema names every rule, with exactly its documented options") {
  const core::Node* rule_nodes = schema_file().root.find_path("definitions.rules.properties");
  REQUIRE(rule_nodes != nullptr);
  for (const rules::RuleEntry& entry : rules::registry()) {
    INFO(entry.meta.id);
    const core::Node* rule = rule_nodes->find(entry.meta.id);
    REQUIRE(rule != nullptr);
    const core::Node* any_of = rule->find("anyOf");
    REQUIRE(any_of != nullptr);
    REQUIRE(any_of->items.size() == 2);
    const core::Node& object = any_of->items[1];
    std::set<std::string> expected{"level"};
    for (const rules::OptionDoc& option : entry.meta.options) expected.emplace(option.name);
    CHECK(keys(object.find("properties")) == expected);
    CHECK(object.find("additionalProperties")->text == "false");
  }
}
