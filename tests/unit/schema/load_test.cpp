// Errors in schema files: exact `file:line:col: message`.
#include "schema_helpers.hpp"

using namespace contentlint::schema::testing;
using contentlint::schema::Schema;

TEST_CASE("an unsupported keyword, with a suggestion when it is a misspelling") {
  TempDir dir;
  CHECK(load_error(dir, "type: object\nproperties:\n  title:\n    foo: 1\n") ==
        "schemas/post.schema.yaml:4:5: unsupported schema keyword 'foo'");
  CHECK(load_error(dir, "type: object\nrequried: [title]\n") ==
        "schemas/post.schema.yaml:2:1: unsupported schema keyword 'requried' (did you mean "
        "'required'?)");
  CHECK(load_error(dir, "minlength: 3\n") ==
        "schemas/post.schema.yaml:1:1: unsupported schema keyword 'minlength' (did you mean "
        "'minLength'?)");
  CHECK(load_error(dir, "dependentRequired: {}\n") ==
        "schemas/post.schema.yaml:1:1: unsupported schema keyword 'dependentRequired'");
}

TEST_CASE("keyword values of the wrong type") {
  TempDir dir;
  CHECK(load_error(dir, "required: 3\n") ==
        "schemas/post.schema.yaml:1:11: 'required' must be a list of strings, found 3");
  CHECK(load_error(dir, "required: [a, 3]\n") ==
        "schemas/post.schema.yaml:1:15: 'required' must be a list of strings, found 3");
  CHECK(load_error(dir, "properties:\n  t:\n    minLength: \"x\"\n") ==
        "schemas/post.schema.yaml:3:16: 'minLength' must be a non-negative integer, found 'x'");
  CHECK(load_error(dir, "maxItems: -1\n") ==
        "schemas/post.schema.yaml:1:11: 'maxItems' must be a non-negative integer, found -1");
  CHECK(load_error(dir, "minimum: ten\n") ==
        "schemas/post.schema.yaml:1:10: 'minimum' must be a number, found 'ten'");
  CHECK(load_error(dir, "exclusiveMinimum: true\n") ==
        "schemas/post.schema.yaml:1:19: 'exclusiveMinimum' must be a number (the draft-04 boolean "
        "form is not supported), found true");
  CHECK(load_error(dir, "multipleOf: 0\n") ==
        "schemas/post.schema.yaml:1:13: 'multipleOf' must be a number greater than 0, found 0");
  CHECK(load_error(dir, "uniqueItems: yes\n") ==
        "schemas/post.schema.yaml:1:14: 'uniqueItems' must be a boolean, found 'yes'");
  CHECK(load_error(dir, "properties: [a]\n") ==
        "schemas/post.schema.yaml:1:13: 'properties' must be a mapping of names to schemas, found "
        "a list");
  CHECK(load_error(dir, "anyOf: []\n") ==
        "schemas/post.schema.yaml:1:8: 'anyOf' must be a non-empty list of schemas, found a list");
  CHECK(load_error(dir, "enum: a\n") ==
        "schemas/post.schema.yaml:1:7: 'enum' must be a non-empty list, found 'a'");
  CHECK(load_error(dir, "pattern: 3\n") ==
        "schemas/post.schema.yaml:1:10: 'pattern' must be a string, found 3");
  CHECK(load_error(dir, "title: [a]\n") ==
        "schemas/post.schema.yaml:1:8: 'title' must be a string, found a list");
  CHECK(load_error(dir, "deprecated: 1\n") ==
        "schemas/post.schema.yaml:1:13: 'deprecated' must be a boolean, found 1");
  CHECK(load_error(dir, "examples: a\n") ==
        "schemas/post.schema.yaml:1:11: 'examples' must be a list, found 'a'");
  CHECK(load_error(dir, "$ref: 3\n") ==
        "schemas/post.schema.yaml:1:7: '$ref' must be a string, found 3");
}

TEST_CASE("a schema that is neither a mapping nor a boolean") {
  TempDir dir;
  CHECK(load_error(dir, "properties:\n  title: string\n") ==
        "schemas/post.schema.yaml:2:10: a schema must be a mapping or a boolean, found 'string'");
  CHECK(load_error(dir, "items: 3\n") ==
        "schemas/post.schema.yaml:1:8: a schema must be a mapping or a boolean, found 3");
}

TEST_CASE("unknown types and formats, with suggestions") {
  TempDir dir;
  CHECK(load_error(dir, "type: str\n") ==
        "schemas/post.schema.yaml:1:7: unknown type 'str' (did you mean 'string'?)");
  CHECK(load_error(dir, "type: [string, map]\n") ==
        "schemas/post.schema.yaml:1:16: unknown type 'map'");
  CHECK(
      load_error(dir, "type: []\n") ==
      "schemas/post.schema.yaml:1:7: 'type' must be a type name or a non-empty list of type names, "
      "found a list");
  CHECK(load_error(dir, "format: datetime\n") ==
        "schemas/post.schema.yaml:1:9: unknown format 'datetime' (did you mean 'date-time'?)");
  CHECK(load_error(dir, "format: phone\n") ==
        "schemas/post.schema.yaml:1:9: unknown format 'phone'");
}

TEST_CASE("an invalid regex is reported at the pattern") {
  TempDir dir;
  CHECK(load_error(dir, "pattern: \"([a-z\"\n") ==
        "schemas/post.schema.yaml:1:10: invalid pattern '([a-z': missing ]: [a-z");
  CHECK(load_error(dir, "patternProperties:\n  \"(?=x)\": {}\n") ==
        "schemas/post.schema.yaml:2:3: invalid pattern '(?=x)': invalid perl operator: (?=");
}

TEST_CASE("$schema must name a supported draft") {
  TempDir dir;
  CHECK(load_error(dir, "$schema: http://json-schema.org/draft-07/schema#\n") == "loaded");
  CHECK(load_error(dir, "$schema: http://json-schema.org/draft-07/schema\n") == "loaded");
  CHECK(load_error(dir, "$schema: https://json-schema.org/draft/2019-09/schema\n") == "loaded");
  CHECK(load_error(dir, "$schema: https://json-schema.org/draft/2020-12/schema#\n") == "loaded");
  CHECK(load_error(dir, "$schema: http://json-schema.org/draft-04/schema#\n") ==
        "schemas/post.schema.yaml:1:10: unsupported $schema "
        "'http://json-schema.org/draft-04/schema#': "
        "use draft-07, 2019-09 or 2020-12");
}

TEST_CASE("$ref errors: unresolved pointers, with a suggestion") {
  TempDir dir;
  CHECK(load_error(dir, "properties:\n  a: {$ref: '#/$defs/imge'}\n$defs:\n  image: {}\n") ==
        "schemas/post.schema.yaml:2:13: $ref '#/$defs/imge' points to nothing in "
        "schemas/post.schema.yaml (did you mean '#/$defs/image'?)");
  CHECK(load_error(dir, "properties:\n  a: {$ref: '#/definitions/x'}\n") ==
        "schemas/post.schema.yaml:2:13: $ref '#/definitions/x' points to nothing in "
        "schemas/post.schema.yaml");
  CHECK(load_error(dir, "items: [{}]\nproperties:\n  a: {$ref: '#/items/1'}\n") ==
        "schemas/post.schema.yaml:3:13: $ref '#/items/1' points to nothing in "
        "schemas/post.schema.yaml");
}

TEST_CASE("$ref errors: unsupported forms") {
  TempDir dir;
  CHECK(load_error(dir, "$ref: https://example.org/s.json\n") ==
        "schemas/post.schema.yaml:1:7: unsupported $ref 'https://example.org/s.json': only '#/...' "
        "pointers and relative file paths are supported");
  CHECK(load_error(dir, "$ref: '#anchor'\n") ==
        "schemas/post.schema.yaml:1:7: unsupported $ref '#anchor': only JSON pointers like "
        "'#/$defs/name' are supported");
}

TEST_CASE("$ref errors: a cycle that never descends into the value") {
  TempDir dir;
  CHECK(load_error(dir, R"($ref: '#/$defs/a'
$defs:
  a: {$ref: '#/$defs/b'}
  b: {allOf: [{$ref: '#/$defs/a'}]}
)") == "schemas/post.schema.yaml:4:22: $ref cycle: #/$defs/a -> #/$defs/b -> #/$defs/a");
  CHECK(load_error(dir, "$defs:\n  self: {$ref: '#/$defs/self'}\n") ==
        "schemas/post.schema.yaml:2:16: $ref cycle: #/$defs/self -> #/$defs/self");
  CHECK(load_error(dir, "anyOf: [{$ref: '#'}]\n") ==
        "schemas/post.schema.yaml:1:16: $ref cycle: # -> #");
}

TEST_CASE("$ref errors: a cycle across files") {
  TempDir dir;
  dir.write("schemas/b.yaml", "$ref: 'post.schema.yaml'\n");
  CHECK(load_error(dir, "$ref: 'b.yaml'\n") ==
        "schemas/b.yaml:1:7: $ref cycle: post.schema.yaml -> b.yaml -> post.schema.yaml");
}

TEST_CASE("$ref errors: a missing sibling file, and errors inside a sibling") {
  TempDir dir;
  CHECK(load_error(dir, "properties:\n  a: {$ref: 'missing.schema.yaml#/$defs/x'}\n") ==
        "schemas/post.schema.yaml:2:13: $ref 'missing.schema.yaml#/$defs/x': cannot read "
        "schemas/missing.schema.yaml: No such file or directory");
  dir.write("schemas/bad.yaml", "$defs:\n  x: {type: strin}\n");
  CHECK(load_error(dir, "properties:\n  a: {$ref: 'bad.yaml#/$defs/x'}\n") ==
        "schemas/bad.yaml:2:13: unknown type 'strin' (did you mean 'string'?)");
  dir.write("schemas/broken.yaml", "a: 'unclosed\n");
  CHECK(load_error(dir, "$ref: 'broken.yaml'\n").starts_with("schemas/broken.yaml:1:4: "));
}

TEST_CASE("unused definitions are checked too") {
  TempDir dir;
  CHECK(load_error(dir, "definitions:\n  unused: {minLenght: 1}\n") ==
        "schemas/post.schema.yaml:2:12: unsupported schema keyword 'minLenght' (did you mean "
        "'minLength'?)");
}

TEST_CASE("tuple items and prefixItems cannot be combined") {
  TempDir dir;
  CHECK(load_error(dir, "items: [{}]\nprefixItems: [{}]\n") ==
        "schemas/post.schema.yaml:1:1: 'items' as a list (draft-07) cannot be combined with "
        "'prefixItems'");
}

TEST_CASE("YAML errors in a schema file name the file, line and column") {
  TempDir dir;
  std::string error = load_error(dir, "type: object\nproperties:\n  title: {type: 'string}\n");
  CHECK(error.starts_with("schemas/post.schema.yaml:3:17: "));
  CHECK(
      load_error(dir, "type: object\ntype: array\n").starts_with("schemas/post.schema.yaml:2:1: "));
}

TEST_CASE("unreadable and empty schema files") {
  TempDir dir;
  auto missing = Schema::load(dir.path("nope.yaml"), "schemas/nope.yaml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().to_string() ==
        "schemas/nope.yaml: cannot read schema file: No such file or directory");
  CHECK(load_error(dir, "") == "schemas/post.schema.yaml: the schema file is empty");
  CHECK(load_error(dir, "# only a comment\n") ==
        "schemas/post.schema.yaml: the schema file is empty");
}

TEST_CASE("schemas nested past the limit are a load error, not a crash") {
  TempDir dir;
  auto nested = [](int depth) {
    std::string text;
    for (int i = 0; i < depth; ++i) text += "{not: ";
    text += "{}";
    for (int i = 0; i < depth; ++i) text += "}";
    return text + "\n";
  };
  CHECK(load_error(dir, nested(40)) == "loaded");
  // The YAML reader's own depth limit stops a file first...
  std::string error = load_error(dir, nested(100));
  CHECK(error.starts_with("schemas/post.schema.yaml:1:"));
  // ...so the schema's limit is met by trees built in memory.
  contentlint::core::Node root;
  contentlint::core::Node* node = &root;
  for (int i = 0; i < 70; ++i) {
    node->kind = contentlint::core::NodeKind::mapping;
    contentlint::core::Entry entry;
    entry.key.kind = contentlint::core::NodeKind::scalar;
    entry.key.text = "not";
    entry.key.position = {1, static_cast<std::uint32_t>(i + 1)};
    node->entries.push_back(std::move(entry));
    node = &node->entries.back().value;
    node->position = {1, static_cast<std::uint32_t>(i + 2)};
  }
  node->kind = contentlint::core::NodeKind::mapping;
  auto deep = Schema::load_from_node(root, dir.path("deep.yaml"), "deep.yaml");
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().to_string() ==
        "deep.yaml:1:66: schema nested too deeply (more than 64 levels)");
}

TEST_CASE("load_from_node: a schema embedded in another file") {
  TempDir dir;
  dir.write("schemas/shared.yaml", "$defs:\n  s: {type: string}\n");
  contentlint::core::Document config(".contentlint.yaml",
                                     "collections:\n  posts:\n    schema:\n      properties:\n"
                                     "        title: {$ref: 'schemas/shared.yaml#/$defs/s'}\n"
                                     "        bad: {frmat: date}\n");
  auto yaml = contentlint::frontmatter::parse_yaml(config, {0, config.text().size()});
  REQUIRE(yaml.root);
  const contentlint::core::Node* embedded = yaml.root->find_path("collections.posts.schema");
  REQUIRE(embedded != nullptr);
  auto error =
      Schema::load_from_node(*embedded, dir.path(".contentlint.yaml"), ".contentlint.yaml");
  REQUIRE_FALSE(error.ok());
  CHECK(error.error().to_string() ==
        ".contentlint.yaml:6:15: unsupported schema keyword 'frmat' (did you mean 'format'?)");

  const contentlint::core::Node* properties = embedded->find("properties");
  contentlint::core::Node good = *embedded;
  good.entries.front().value.entries.pop_back();
  (void)properties;
  auto schema = Schema::load_from_node(good, dir.path(".contentlint.yaml"), ".contentlint.yaml");
  REQUIRE(schema.ok());
  CHECK(check(**schema, "title: 3\n") == Lines{"2:8 'title': expected a string, found an integer"});
}
