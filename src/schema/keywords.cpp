// Loading a schema: checking each keyword's value and compiling it.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "schema/loader.hpp"
#include "schema/text.hpp"

namespace contentlint::schema {
namespace {

// Subschemas nested inside one another (a `$ref` starts counting again: refs are
// resolved from a work list, not by recursion).
constexpr int kMaxSchemaDepth = 64;

// Every keyword the dialect accepts, for "did you mean" suggestions.
constexpr std::array<std::string_view, 46> kKeywords{
    "$comment",
    "$defs",
    "$id",
    "$ref",
    "$schema",
    "additionalItems",
    "additionalProperties",
    "allOf",
    "anyOf",
    "const",
    "default",
    "definitions",
    "deprecated",
    "description",
    "else",
    "enum",
    "examples",
    "exclusiveMaximum",
    "exclusiveMinimum",
    "format",
    "if",
    "items",
    "markdownDescription",
    "maxItems",
    "maxLength",
    "maxProperties",
    "maximum",
    "minItems",
    "minLength",
    "minProperties",
    "minimum",
    "multipleOf",
    "not",
    "oneOf",
    "pattern",
    "patternProperties",
    "prefixItems",
    "properties",
    "propertyNames",
    "readOnly",
    "required",
    "then",
    "title",
    "type",
    "uniqueItems",
    "writeOnly",
};

struct TypeName {
  std::string_view name;
  std::uint8_t bit;
};
constexpr std::array<TypeName, 7> kTypeNames{{
    {"null", kNull},
    {"boolean", kBoolean},
    {"integer", kInteger},
    {"number", kNumber},
    {"string", kString},
    {"array", kArray},
    {"object", kObject},
}};

std::string suggestion(const Nearest& nearest) {
  if (auto best = nearest.best()) {
    return fmt::format(" (did you mean '{}'?)", *best);
  }
  return {};
}

bool is_supported_dialect(std::string_view uri) {
  if (uri.ends_with('#')) {
    uri.remove_suffix(1);
  }
  if (uri.starts_with("https://")) {
    uri.remove_prefix(8);
  } else if (uri.starts_with("http://")) {
    uri.remove_prefix(7);
  } else {
    return false;
  }
  return uri == "json-schema.org/draft-07/schema" ||
         uri == "json-schema.org/draft/2019-09/schema" ||
         uri == "json-schema.org/draft/2020-12/schema";
}

bool is_string(const core::Node& node) { return json_type(node) == kString; }

}  // namespace

SchemaId Loader::compile(const SourceFile& file, const core::Node& node, int depth) {
  if (auto it = compiled_.find(&node); it != compiled_.end()) {
    return it->second;
  }
  if (depth > kMaxSchemaDepth) {
    fail(file, node,
         fmt::format("schema nested too deeply (more than {} levels)", kMaxSchemaDepth));
    return kNoSchema;
  }
  auto id = static_cast<SchemaId>(out_.nodes.size());
  out_.nodes.emplace_back();
  compiled_.emplace(&node, id);
  if (json_type(node) == kBoolean) {
    out_.nodes[id].always_false = !node.as_bool().value_or(true);
    return id;
  }
  if (!node.is_mapping()) {
    fail(file, node,
         fmt::format("a schema must be a mapping or a boolean, found {}", render_value(node)));
    return kNoSchema;
  }
  const core::Node* items_list = nullptr;
  const core::Node* prefix_items = nullptr;
  for (const core::Entry& entry : node.entries) {
    if (!entry.key.is_scalar()) {
      fail(file, entry.key,
           fmt::format("a schema keyword must be text, found {}", core::describe_type(entry.key)));
      return kNoSchema;
    }
    if (!keyword(file, id, entry, depth)) {
      return kNoSchema;
    }
    if (entry.key.text == "items" && entry.value.is_sequence()) {
      items_list = &entry.key;
    }
    if (entry.key.text == "prefixItems") {
      prefix_items = &entry.key;
    }
  }
  if (items_list != nullptr && prefix_items != nullptr) {
    fail(file, *items_list, "'items' as a list (draft-07) cannot be combined with 'prefixItems'");
    return kNoSchema;
  }
  SchemaNode& schema = out_.nodes[id];
  std::sort(schema.properties.begin(), schema.properties.end(),
            [](const Property& a, const Property& b) { return a.name < b.name; });
  return id;
}

SchemaId Loader::subschema(const SourceFile& file, const core::Node& node, int depth) {
  return compile(file, node, depth + 1);
}

bool Loader::schema_list(const SourceFile& file, const core::Entry& entry, int depth,
                         std::vector<SchemaId>& out) {
  if (!entry.value.is_sequence() || entry.value.items.empty()) {
    return fail_value(file, entry.value, entry.key.text, "a non-empty list of schemas");
  }
  for (const core::Node& item : entry.value.items) {
    SchemaId id = subschema(file, item, depth);
    if (id == kNoSchema) {
      return false;
    }
    out.push_back(id);
  }
  return true;
}

bool Loader::single(const SourceFile& file, const core::Entry& entry, int depth,
                    SchemaId SchemaNode::*slot, SchemaId id_of_parent) {
  SchemaId id = subschema(file, entry.value, depth);
  if (id == kNoSchema) {
    return false;
  }
  out_.nodes[id_of_parent].*slot = id;
  return true;
}

std::optional<std::uint64_t> Loader::count(const SourceFile& file, const core::Entry& entry) {
  const core::Node& value = entry.value;
  std::uint8_t type = json_type(value);
  if (type == kInteger) {
    if (auto integer = value.as_integer(); integer && *integer >= 0) {
      return static_cast<std::uint64_t>(*integer);
    }
  } else if (type == kNumber) {
    double number = value.as_number().value_or(-1);
    if (number >= 0 && number == std::trunc(number) && number < 1.8e19) {
      return static_cast<std::uint64_t>(number);
    }
  }
  fail_value(file, value, entry.key.text, "a non-negative integer");
  return std::nullopt;
}

std::optional<Bound> Loader::bound(const SourceFile& file, const core::Entry& entry) {
  const core::Node& value = entry.value;
  std::uint8_t type = json_type(value);
  if (type == kInteger || type == kNumber) {
    if (auto number = value.as_number(); number && std::isfinite(*number)) {
      return Bound{*number, value.text};
    }
  }
  if (type == kBoolean &&
      (entry.key.text == "exclusiveMinimum" || entry.key.text == "exclusiveMaximum")) {
    fail_value(file, value, entry.key.text,
               "a number (the draft-04 boolean form is not supported)");
  } else {
    fail_value(file, value, entry.key.text, "a number");
  }
  return std::nullopt;
}

std::unique_ptr<RE2> Loader::regex(const SourceFile& file, const core::Node& node) {
  RE2::Options options;
  options.set_log_errors(false);
  auto compiled = std::make_unique<RE2>(node.text, options);
  if (!compiled->ok()) {
    fail(file, node, fmt::format("invalid pattern {}: {}", quote(node.text), compiled->error()));
    return nullptr;
  }
  return compiled;
}

bool Loader::types(const SourceFile& file, const core::Entry& entry, std::uint8_t& mask) {
  auto add = [&](const core::Node& name) {
    // A YAML schema's `type: [string, null]` holds a real null, not the string "null".
    if (json_type(name) == kNull) {
      mask |= kNull;
      return true;
    }
    if (!is_string(name)) {
      return fail_value(file, name, "type", "a type name or a list of type names");
    }
    for (const TypeName& type : kTypeNames) {
      if (type.name == name.text) {
        mask |= type.bit;
        return true;
      }
    }
    Nearest nearest(name.text);
    for (const TypeName& type : kTypeNames) {
      nearest.consider(type.name);
    }
    return fail(file, name,
                fmt::format("unknown type {}{}", quote(name.text), suggestion(nearest)));
  };
  if (!entry.value.is_sequence()) {
    return add(entry.value);
  }
  if (entry.value.items.empty()) {
    return fail_value(file, entry.value, "type", "a type name or a non-empty list of type names");
  }
  for (const core::Node& item : entry.value.items) {
    if (!add(item)) {
      return false;
    }
  }
  return true;
}

bool Loader::keyword(const SourceFile& file, SchemaId id, const core::Entry& entry, int depth) {
  std::string_view name = entry.key.text;
  const core::Node& value = entry.value;
  auto string_value = [&] { return is_string(value) || fail_value(file, value, name, "a string"); };
  auto boolean_value = [&] {
    return json_type(value) == kBoolean || fail_value(file, value, name, "a boolean");
  };
  auto schema_map = [&](auto&& each) {
    if (!value.is_mapping()) {
      return fail_value(file, value, name, "a mapping of names to schemas");
    }
    for (const core::Entry& member : value.entries) {
      if (!member.key.is_scalar()) {
        return fail(
            file, member.key,
            fmt::format("'{}' keys must be text, found {}", name, core::describe_type(member.key)));
      }
      SchemaId child = subschema(file, member.value, depth);
      if (child == kNoSchema || !each(member, child)) {
        return false;
      }
    }
    return true;
  };
  auto node = [&]() -> SchemaNode& { return out_.nodes[id]; };

  if (name == "$schema") {
    if (!string_value()) {
      return false;
    }
    if (!is_supported_dialect(value.text)) {
      return fail(file, value,
                  fmt::format("unsupported $schema {}: use draft-07, 2019-09 or 2020-12",
                              quote(value.text)));
    }
    return true;
  }
  if (name == "$id" || name == "$comment" || name == "title" || name == "description" ||
      name == "markdownDescription") {
    return string_value();
  }
  if (name == "default" || name == "const") {
    if (name == "const") {
      node().const_value = value;
    }
    return true;
  }
  if (name == "examples") {
    return value.is_sequence() || fail_value(file, value, name, "a list");
  }
  if (name == "readOnly" || name == "writeOnly") {
    return boolean_value();
  }
  if (name == "deprecated") {
    if (!boolean_value()) {
      return false;
    }
    node().deprecated = value.as_bool().value_or(false);
    return true;
  }
  if (name == "$defs" || name == "definitions") {
    return schema_map([](const core::Entry&, SchemaId) { return true; });
  }
  if (name == "$ref") {
    if (!string_value()) {
      return false;
    }
    pending_.push_back({id, &file, &value});
    return true;
  }
  if (name == "type") {
    return types(file, entry, node().types);
  }
  if (name == "properties") {
    return schema_map([&](const core::Entry& member, SchemaId child) {
      node().properties.push_back({member.key.text, child});
      return true;
    });
  }
  if (name == "patternProperties") {
    return schema_map([&](const core::Entry& member, SchemaId child) {
      auto compiled = regex(file, member.key);
      if (!compiled) {
        return false;
      }
      node().pattern_properties.push_back({std::move(compiled), child});
      return true;
    });
  }
  if (name == "required") {
    if (!value.is_sequence()) {
      return fail_value(file, value, name, "a list of strings");
    }
    for (const core::Node& item : value.items) {
      if (!is_string(item)) {
        return fail_value(file, item, name, "a list of strings");
      }
      node().required.push_back(item.text);
    }
    return true;
  }
  if (name == "additionalProperties") {
    return single(file, entry, depth, &SchemaNode::additional_properties, id);
  }
  if (name == "propertyNames") {
    return single(file, entry, depth, &SchemaNode::property_names, id);
  }
  if (name == "not") {
    return single(file, entry, depth, &SchemaNode::not_schema, id);
  }
  if (name == "if") {
    return single(file, entry, depth, &SchemaNode::if_schema, id);
  }
  if (name == "then") {
    return single(file, entry, depth, &SchemaNode::then_schema, id);
  }
  if (name == "else") {
    return single(file, entry, depth, &SchemaNode::else_schema, id);
  }
  if (name == "items") {
    if (value.is_sequence()) {
      std::vector<SchemaId> prefix;
      if (!schema_list(file, entry, depth, prefix)) {
        return false;
      }
      node().prefix_items = std::move(prefix);
      return true;
    }
    return single(file, entry, depth, &SchemaNode::items, id);
  }
  if (name == "additionalItems") {
    // Draft-07: the items after a tuple `items: [...]`. 2020-12 spells it `items`.
    SchemaId child = subschema(file, value, depth);
    if (child == kNoSchema) {
      return false;
    }
    additional_items_.emplace(id, child);
    return true;
  }
  if (name == "prefixItems") {
    std::vector<SchemaId> prefix;
    if (!schema_list(file, entry, depth, prefix)) {
      return false;
    }
    node().prefix_items = std::move(prefix);
    return true;
  }
  if (name == "allOf") {
    return schema_list(file, entry, depth, node().all_of);
  }
  if (name == "anyOf") {
    return schema_list(file, entry, depth, node().any_of);
  }
  if (name == "oneOf") {
    return schema_list(file, entry, depth, node().one_of);
  }
  if (name == "enum") {
    if (!value.is_sequence() || value.items.empty()) {
      return fail_value(file, value, name, "a non-empty list");
    }
    node().enum_values = value.items;
    return true;
  }
  if (name == "pattern") {
    if (!string_value()) {
      return false;
    }
    node().pattern = regex(file, value);
    return node().pattern != nullptr;
  }
  if (name == "format") {
    if (!string_value()) {
      return false;
    }
    auto format = parse_format(value.text);
    if (!format) {
      Nearest nearest(value.text);
      for (std::string_view known : format_names()) {
        nearest.consider(known);
      }
      return fail(file, value,
                  fmt::format("unknown format {}{}", quote(value.text), suggestion(nearest)));
    }
    node().format = *format;
    return true;
  }
  if (name == "uniqueItems") {
    if (!boolean_value()) {
      return false;
    }
    node().unique_items = value.as_bool().value_or(false);
    return true;
  }
  using CountSlot = std::optional<std::uint64_t> SchemaNode::*;
  static constexpr std::array<std::pair<std::string_view, CountSlot>, 6> kCounts{{
      {"minLength", &SchemaNode::min_length},
      {"maxLength", &SchemaNode::max_length},
      {"minItems", &SchemaNode::min_items},
      {"maxItems", &SchemaNode::max_items},
      {"minProperties", &SchemaNode::min_properties},
      {"maxProperties", &SchemaNode::max_properties},
  }};
  for (const auto& [keyword_name, slot] : kCounts) {
    if (name != keyword_name) {
      continue;
    }
    auto parsed = count(file, entry);
    if (!parsed) {
      return false;
    }
    node().*slot = *parsed;
    return true;
  }
  using BoundSlot = std::optional<Bound> SchemaNode::*;
  static constexpr std::array<std::pair<std::string_view, BoundSlot>, 5> kBounds{{
      {"minimum", &SchemaNode::minimum},
      {"maximum", &SchemaNode::maximum},
      {"exclusiveMinimum", &SchemaNode::exclusive_minimum},
      {"exclusiveMaximum", &SchemaNode::exclusive_maximum},
      {"multipleOf", &SchemaNode::multiple_of},
  }};
  for (const auto& [keyword_name, slot] : kBounds) {
    if (name != keyword_name) {
      continue;
    }
    auto parsed = bound(file, entry);
    if (!parsed) {
      return false;
    }
    if (name == "multipleOf" && parsed->value <= 0) {
      return fail_value(file, value, name, "a number greater than 0");
    }
    node().*slot = std::move(*parsed);
    return true;
  }
  Nearest nearest(name);
  for (std::string_view known : kKeywords) {
    nearest.consider(known);
  }
  return fail(file, entry.key,
              fmt::format("unsupported schema keyword {}{}", quote(name), suggestion(nearest)));
}

}  // namespace contentlint::schema
