// anyOf, oneOf, not and if/then/else, and how a value that no alternative accepts is
// explained (see schema.cpp for every message).
#include <fmt/format.h>

#include <algorithm>

#include "schema/text.hpp"
#include "schema/validation.hpp"

namespace contentlint::schema {

bool Validation::check_applicators(const SchemaNode& schema, const core::Node& value,
                                   const core::Node* key) {
  bool ok = true;
  for (SchemaId branch : schema.all_of) {
    ok &= check(branch, value, key);
    if (!ok && out_ == nullptr) {
      return false;
    }
  }
  if (!schema.any_of.empty()) {
    ok &= check_any_of(schema.any_of, value, key);
  }
  if (!ok && out_ == nullptr) {
    return false;
  }
  if (!schema.one_of.empty()) {
    ok &= check_one_of(schema.one_of, value, key);
  }
  if (!ok && out_ == nullptr) {
    return false;
  }
  if (schema.not_schema != kNoSchema) {
    bool matched = false;
    {
      Quiet quiet(*this);
      matched = check(schema.not_schema, value, key);
    }
    if (matched) {
      ok = fail(span_of(value, key), [&] {
        std::vector<std::string> descriptions;
        describe(schema.not_schema, descriptions, 0);
        return fmt::format("{}expected anything except {}, found {}", prefix(),
                           join(descriptions, " or "), render_value(value));
      });
    }
  }
  if (schema.if_schema != kNoSchema &&
      (schema.then_schema != kNoSchema || schema.else_schema != kNoSchema)) {
    bool condition = false;
    {
      Quiet quiet(*this);
      condition = check(schema.if_schema, value, key);
    }
    SchemaId branch = condition ? schema.then_schema : schema.else_schema;
    if (branch != kNoSchema) {
      ok &= check(branch, value, key);
    }
  }
  return ok;
}

void Validation::report_deprecations(SchemaId branch, const core::Node& value,
                                     const core::Node* key) {
  if (out_ != nullptr && schema_.any_deprecated) {
    check(branch, value, key);
  }
}

bool Validation::check_any_of(const std::vector<SchemaId>& branches, const core::Node& value,
                              const core::Node* key) {
  for (SchemaId branch : branches) {
    bool passed = false;
    {
      Quiet quiet(*this);
      passed = check(branch, value, key);
    }
    if (passed) {
      report_deprecations(branch, value, key);
      return true;
    }
  }
  if (out_ != nullptr) {
    report_alternatives(branches, value, key);
  }
  return false;
}

bool Validation::check_one_of(const std::vector<SchemaId>& branches, const core::Node& value,
                              const core::Node* key) {
  std::size_t passed = 0;
  SchemaId first_passed = kNoSchema;
  for (SchemaId branch : branches) {
    bool ok = false;
    {
      Quiet quiet(*this);
      ok = check(branch, value, key);
    }
    if (ok && passed++ == 0) {
      first_passed = branch;
    }
  }
  if (passed == 1) {
    report_deprecations(first_passed, value, key);
    return true;
  }
  if (out_ == nullptr) {
    return false;
  }
  if (passed == 0) {
    report_alternatives(branches, value, key);
  } else {
    report(span_of(value, key),
           fmt::format("{}expected exactly one of: {}, found a value that matches {} of them",
                       prefix(), describe_all(branches), passed));
  }
  return false;
}

void Validation::report_alternatives(const std::vector<SchemaId>& branches, const core::Node& value,
                                     const core::Node* key) {
  std::vector<SchemaId> matching;
  for (SchemaId branch : branches) {
    if (type_matches(branch, value, 0)) {
      matching.push_back(branch);
    }
  }
  if (matching.size() == 1) {
    check(matching.front(), value, key);
    return;
  }
  bool explainable = matching.empty() || (!value.is_mapping() && !value.is_sequence());
  if (explainable && !matching.empty()) {
    std::vector<std::string> seen;
    for (SchemaId branch : matching) {
      std::vector<std::string> parts;
      describe(branch, parts, 0);
      std::string description = join(parts, ", ");
      if (std::find(seen.begin(), seen.end(), description) != seen.end()) {
        explainable = false;
      }
      seen.push_back(std::move(description));
    }
  }
  if (!explainable) {
    report_closest(matching, value, key);
    return;
  }
  std::string found =
      matching.empty() ? std::string(core::describe_type(value)) : render_value(value);
  report(span_of(value, key),
         fmt::format("{}expected one of: {}, found {}", prefix(), describe_all(branches), found));
}

void Validation::report_closest(const std::vector<SchemaId>& branches, const core::Node& value,
                                const core::Node* key) {
  std::vector<Violation>* saved = out_;
  std::vector<Violation> best, scratch;
  bool have_best = false;
  for (SchemaId branch : branches) {
    scratch.clear();
    out_ = &scratch;
    check(branch, value, key);
    if (!have_best || scratch.size() < best.size()) {
      best.swap(scratch);
      have_best = true;
    }
  }
  out_ = saved;
  for (Violation& violation : best) {
    out_->push_back(std::move(violation));
  }
}

bool Validation::type_matches(SchemaId id, const core::Node& value, int depth) const {
  if (depth > kMaxLookahead) {
    return true;
  }
  const SchemaNode& schema = schema_.nodes[id];
  if (schema.always_false) {
    return false;
  }
  if (schema.ref != kNoSchema && !type_matches(schema.ref, value, depth + 1)) {
    return false;
  }
  std::uint8_t type = json_type(value);
  if (schema.types != 0 && !accepts_type(schema.types, type, value)) {
    return false;
  }
  auto same_kind = [&](const core::Node& allowed) {
    std::uint8_t allowed_type = json_type(allowed);
    if (allowed_type == kNumber) {
      allowed_type = kInteger;
    }
    return allowed_type == (type == kNumber ? std::uint8_t{kInteger} : type);
  };
  if (schema.const_value && !same_kind(*schema.const_value)) {
    return false;
  }
  if (schema.enum_values &&
      std::none_of(schema.enum_values->begin(), schema.enum_values->end(), same_kind)) {
    return false;
  }
  if (type == kObject) {
    for (const Property& property : schema.properties) {
      const core::Node* field = value.find(property.name);
      if (field == nullptr) {
        continue;
      }
      const SchemaNode* pinned = &schema_.nodes[property.schema];
      if (pinned->ref != kNoSchema) {
        pinned = &schema_.nodes[pinned->ref];
      }
      if (pinned->const_value && !json_equal(*pinned->const_value, *field)) {
        return false;
      }
      if (pinned->enum_values && !in_enum(*pinned->enum_values, *field)) {
        return false;
      }
    }
  }
  return std::all_of(schema.all_of.begin(), schema.all_of.end(),
                     [&](SchemaId part) { return type_matches(part, value, depth + 1); });
}

std::string Validation::describe_all(const std::vector<SchemaId>& branches) const {
  std::vector<std::string> descriptions;
  for (SchemaId branch : branches) {
    describe(branch, descriptions, 0);
  }
  return join(descriptions, ", ");
}

void Validation::describe(SchemaId id, std::vector<std::string>& out, int depth) const {
  auto add = [&](std::string text) {
    if (std::find(out.begin(), out.end(), text) == out.end()) {
      out.push_back(std::move(text));
    }
  };
  const SchemaNode& schema = schema_.nodes[id];
  if (depth > kMaxLookahead) {
    return add("another value");
  }
  if (schema.always_false) {
    return add("nothing");
  }
  if (schema.format != Format::none) {
    return add(std::string(format_noun(schema.format)));
  }
  if (schema.const_value) {
    return add(render_allowed(*schema.const_value));
  }
  if (schema.enum_values) {
    for (const core::Node& allowed : *schema.enum_values) {
      add(render_allowed(allowed));
    }
    return;
  }
  if (schema.types == kString && schema.pattern) {
    return add(fmt::format("a string matching {}", quote(schema.pattern->pattern())));
  }
  if (schema.types != 0) {
    return add(describe_types(schema.types));
  }
  if (schema.ref != kNoSchema) {
    return describe(schema.ref, out, depth + 1);
  }
  if (!schema.any_of.empty() || !schema.one_of.empty()) {
    for (SchemaId branch : schema.any_of) {
      describe(branch, out, depth + 1);
    }
    for (SchemaId branch : schema.one_of) {
      describe(branch, out, depth + 1);
    }
    return;
  }
  if (!schema.properties.empty() || !schema.required.empty()) {
    return add("a mapping");
  }
  if (schema.items != kNoSchema || !schema.prefix_items.empty()) {
    return add("a list");
  }
  add("another value");
}

}  // namespace contentlint::schema
