// Hostile input: deep values, exponential schemas. Each ends in one violation, quickly.
#include <chrono>

#include "schema_helpers.hpp"

using namespace contentlint::schema::testing;

namespace {

std::string nested(int depth, const std::string& leaf) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{a: ";
  text += leaf;
  for (int i = 0; i < depth; ++i) text += "}";
  return text;
}

}  // namespace

TEST_CASE("limits: depth met inside anyOf is still reported, where it was met") {
  TempDir dir;
  auto schema = load(dir, R"($defs:
  node:
    anyOf:
      - {type: object, properties: {a: {$ref: "#/$defs/node"}}, required: [a]}
      - {type: object, properties: {a: {$ref: "#/$defs/node"}}, maxProperties: 1}
properties:
  a: {$ref: "#/$defs/node"}
)");
  Lines found = check(*schema, "a: " + nested(40, "1") + "\n");
  CHECK(std::count(found.begin(), found.end(), "2:88 too deeply nested to validate") == 1);
}

TEST_CASE("limits: alternatives that each descend give up instead of taking forever") {
  TempDir dir;
  // Six alternatives descend into `a`: a naive check is 6^depth.
  std::string text = "$defs:\n  node:\n    anyOf:\n";
  for (int i = 0; i < 6; ++i) {
    text += "      - {type: object, properties: {a: {$ref: '#/$defs/node'}, b" + std::to_string(i) +
            ": {}}}\n";
  }
  text += "properties:\n  a: {$ref: '#/$defs/node'}\n";
  auto schema = load(dir, text);
  auto start = std::chrono::steady_clock::now();
  Lines found = check(*schema, "a: " + nested(12, "1") + "\n");
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(10));
  // Where the budget runs out depends on the budget; that it does, and once, does not.
  REQUIRE(found.size() == 1);
  CHECK(found[0].starts_with("2:"));
  CHECK(found[0].ends_with(" too complex to validate"));
}

TEST_CASE("limits: a long in-place $ref chain is bounded by the depth limit") {
  TempDir dir;
  std::string text = "$ref: '#/$defs/d0'\n$defs:\n";
  for (int i = 0; i < 100; ++i) {
    text += "  d" + std::to_string(i) + ": {$ref: '#/$defs/d" + std::to_string(i + 1) + "'}\n";
  }
  text += "  d100: {type: string}\n";
  auto schema = load(dir, text);
  CHECK(check(*schema, "a: 1\n") == Lines{"1:1 too deeply nested to validate"});
}
