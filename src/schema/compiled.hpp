/// The internal, compiled form of a schema: what loading produces and validation reads.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/value.hpp"
#include "schema/formats.hpp"
#include "schema/schema.hpp"

namespace contentlint::schema {

/// An index into CompiledSchema::nodes; kNoSchema when a keyword is absent.
using SchemaId = std::uint32_t;
inline constexpr SchemaId kNoSchema = UINT32_MAX;

/// JSON types as bits of a mask; a mask of 0 means "any type".
enum TypeBit : std::uint8_t {
  kNull = 1,
  kBoolean = 2,
  kInteger = 4,
  kNumber = 8,
  kString = 16,
  kArray = 32,
  kObject = 64,
};

/// A number from the schema, with its text as written so messages repeat it verbatim.
struct Bound {
  double value = 0;
  std::string text;
};

/// One entry of `properties`.
struct Property {
  std::string name;
  SchemaId schema = kNoSchema;
};

/// One entry of `patternProperties`; the regex is compiled once, at load.
struct PatternProperty {
  std::unique_ptr<RE2> regex;
  SchemaId schema = kNoSchema;
};

/// One schema object (or boolean schema) after its keywords were checked and compiled.
struct SchemaNode {
  bool always_false = false;  // the `false` schema
  bool deprecated = false;
  bool unique_items = false;
  std::uint8_t types = 0;
  Format format = Format::none;

  std::optional<std::uint64_t> min_length, max_length;
  std::optional<std::uint64_t> min_items, max_items;
  std::optional<std::uint64_t> min_properties, max_properties;
  std::optional<Bound> minimum, maximum, exclusive_minimum, exclusive_maximum, multiple_of;

  std::unique_ptr<RE2> pattern;

  std::vector<Property> properties;  // sorted by name, for binary search
  std::vector<PatternProperty> pattern_properties;
  SchemaId additional_properties = kNoSchema;
  SchemaId property_names = kNoSchema;
  std::vector<std::string> required;  // in schema order

  std::vector<SchemaId> prefix_items;  // `prefixItems`, or draft-07 `items: [...]`
  SchemaId items = kNoSchema;          // items after the prefix

  std::optional<std::vector<core::Node>> enum_values;
  std::optional<core::Node> const_value;

  std::vector<SchemaId> all_of, any_of, one_of;
  SchemaId not_schema = kNoSchema;
  SchemaId if_schema = kNoSchema, then_schema = kNoSchema, else_schema = kNoSchema;
  SchemaId ref = kNoSchema;

  const Property* find_property(std::string_view name) const;
};

/// A whole loaded schema: node 0 is the root.
class CompiledSchema final : public Schema {
 public:
  std::vector<Violation> validate(const core::Node& value,
                                  core::ByteSpan root_anchor) const override;

  std::deque<SchemaNode> nodes;  // a deque: loading holds references while it appends
  bool any_deprecated = false;   // lets anyOf/oneOf skip a second pass for deprecations
};

/// The most nested schema applications one validation follows (value depth and `$ref`
/// chains together) before it reports "too deeply nested to validate".
inline constexpr int kMaxValidationDepth = 64;

}  // namespace contentlint::schema
