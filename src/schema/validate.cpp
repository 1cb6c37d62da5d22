// Validating a value keyword by keyword (see schema.cpp for every message).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "core/utf8.hpp"
#include "schema/text.hpp"
#include "schema/validation.hpp"

namespace contentlint::schema {
namespace {

// How far `x` (finite) is from the nearest integer. Not with std::trunc or std::round:
// the binary needs no libm without them, and loading it was a twentieth of a run over
// one file.
double distance_to_integer(double x) {
  if (std::fabs(x) >= 0x1p52) return 0;  // every double this large is an integer
  const double fraction = std::fabs(x - static_cast<double>(static_cast<std::int64_t>(x)));
  return std::min(fraction, 1 - fraction);
}

bool is_whole(double x) { return std::isfinite(x) && distance_to_integer(x) == 0; }

bool is_whole(const core::Node& value) {
  auto number = value.as_number();
  return number && is_whole(*number);
}

bool is_integer_value(std::uint8_t type, const core::Node& value) {
  return type == kInteger || (type == kNumber && is_whole(value));
}

// The noun for what a schema's `type` asks, naming its format where it has one.
std::string expected_type(const SchemaNode& schema) {
  bool string_format = schema.format != Format::none && schema.format != Format::unix_time;
  if ((string_format && schema.types == kString) ||
      (schema.format == Format::unix_time && schema.types == kInteger)) {
    return fmt::format("{} like {}", format_noun(schema.format), format_example(schema.format));
  }
  return describe_types(schema.types);
}

}  // namespace

bool accepts_type(std::uint8_t mask, std::uint8_t type, const core::Node& value) {
  if ((mask & type) != 0) {
    return true;
  }
  if (type == kInteger) {
    return (mask & kNumber) != 0;
  }
  if (type == kNumber) {
    return (mask & kInteger) != 0 && is_whole(value);
  }
  return false;
}

std::string join(const std::vector<std::string>& parts, std::string_view last_separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out += i + 1 == parts.size() ? last_separator : std::string_view(", ");
    }
    out += parts[i];
  }
  return out;
}

std::string describe_types(std::uint8_t mask) {
  static constexpr std::pair<std::uint8_t, std::string_view> kNouns[] = {
      {kString, "a string"},     {kInteger, "an integer"}, {kNumber, "a number"},
      {kBoolean, "a boolean"},   {kArray, "a list"},       {kObject, "a mapping"},
      {kNull, "nothing (null)"},
  };
  if ((mask & kNumber) != 0) {
    mask &= static_cast<std::uint8_t>(~kInteger);
  }
  std::vector<std::string> nouns;
  for (const auto& [bit, noun] : kNouns) {
    if ((mask & bit) != 0) {
      nouns.emplace_back(noun);
    }
  }
  return join(nouns, " or ");
}

void append_key(std::string& path, std::string_view key) {
  bool plain = !key.empty() && key.find_first_of(".[]") == std::string_view::npos;
  if (!plain) {
    path += fmt::format("[\"{}\"]", key);
    return;
  }
  if (!path.empty()) {
    path += '.';
  }
  path += key;
}

void append_index(std::string& path, std::size_t index) {
  fmt::format_to(std::back_inserter(path), "[{}]", index);
}

bool Validation::check(SchemaId id, const core::Node& value, const core::Node* key) {
  Depth depth(depth_);
  if (depth_ > kMaxValidationDepth || ++steps_ > max_steps_) {
    hit_limit(
        value, key,
        depth_ > kMaxValidationDepth ? "too deeply nested to validate" : "too complex to validate");
    return false;
  }
  const SchemaNode& schema = schema_.nodes[id];
  if (schema.always_false) {
    return fail(key != nullptr ? key->span : span_of(value, key), [&] {
      return path_.empty() ? std::string("no value is allowed here")
                           : fmt::format("'{}' is not allowed", path_);
    });
  }
  bool ok = true;
  if (schema.ref != kNoSchema) {
    ok = check(schema.ref, value, key);
    if (!ok && out_ == nullptr) {
      return false;
    }
  }
  std::uint8_t type = json_type(value);
  if (schema.types != 0 && !accepts_type(schema.types, type, value)) {
    return fail(span_of(value, key), [&] {
      return fmt::format("{}expected {}, found {}", prefix(), expected_type(schema),
                         core::describe_type(value));
    });
  }
  if (schema.const_value && !json_equal(*schema.const_value, value)) {
    return fail(span_of(value, key), [&] {
      return fmt::format("{}expected {}, found {}", prefix(), render_allowed(*schema.const_value),
                         render_value(value));
    });
  }
  if (schema.enum_values && !in_enum(*schema.enum_values, value)) {
    return fail(span_of(value, key), [&] { return enum_message(*schema.enum_values, value); });
  }
  switch (type) {
    case kObject:
      ok &= check_object(schema, value, key);
      break;
    case kArray:
      ok &= check_array(schema, value, key);
      break;
    case kString:
      ok &= check_string(schema, value, key);
      break;
    case kInteger:
    case kNumber:
      ok &= check_number(schema, value, key);
      break;
    default:
      break;
  }
  if (schema.format == Format::unix_time && !is_integer_value(type, value)) {
    ok = fail(span_of(value, key), [&] {
      return fmt::format("{}expected {} like {}, found {}", prefix(), format_noun(schema.format),
                         format_example(schema.format), render_value(value));
    });
  }
  if (!ok && out_ == nullptr) {
    return false;
  }
  return check_applicators(schema, value, key) && ok;
}

void Validation::finish() {
  if (limit_ && out_ != nullptr) {
    out_->push_back(std::move(*limit_));
  }
}

void Validation::hit_limit(const core::Node& value, const core::Node* key,
                           std::string_view message) {
  if (!limit_) {
    limit_ = Violation{span_of(value, key), path_, std::string(message)};
  }
}

std::string Validation::prefix() const {
  return path_.empty() ? std::string() : fmt::format("'{}': ", path_);
}

core::ByteSpan Validation::span_of(const core::Node& value, const core::Node* key) const {
  if (&value == &root_) {
    return anchor_;
  }
  if (key != nullptr && (value.is_null() || value.span.empty())) {
    return key->span;
  }
  return value.span;
}

core::ByteSpan Validation::missing_span(const core::Node& value, const core::Node* key) const {
  if (key != nullptr) {
    return key->span;
  }
  if (&value == &root_) {
    return anchor_;
  }
  if (!value.entries.empty()) {
    return value.entries.front().key.span;
  }
  return value.span;
}

void Validation::report(core::ByteSpan span, std::string message, bool deprecated) {
  if (out_ != nullptr) {
    out_->push_back({span, path_, std::move(message), deprecated});
  }
}

bool Validation::in_enum(const std::vector<core::Node>& values, const core::Node& value) const {
  return std::any_of(values.begin(), values.end(),
                     [&](const core::Node& allowed) { return json_equal(allowed, value); });
}

std::string Validation::enum_message(const std::vector<core::Node>& values,
                                     const core::Node& value) const {
  constexpr std::size_t kShown = 8;
  std::string expected;
  if (values.size() == 1) {
    expected = render_allowed(values.front());
  } else {
    expected = "one of ";
    for (std::size_t i = 0; i < values.size() && i < kShown; ++i) {
      if (i > 0) {
        expected += ", ";
      }
      expected += render_allowed(values[i]);
    }
    if (values.size() > kShown) {
      expected += fmt::format(" (and {} more)", values.size() - kShown);
    }
  }
  std::string hint;
  if (json_type(value) == kString) {
    Nearest nearest(value.text);
    for (const core::Node& allowed : values) {
      if (json_type(allowed) == kString) {
        nearest.consider(allowed.text);
      }
    }
    if (auto best = nearest.best()) {
      hint = fmt::format(" (did you mean {}?)", quote(*best));
    }
  }
  return fmt::format("{}expected {}, found {}{}", prefix(), expected, render_value(value), hint);
}

bool Validation::is_deprecated(SchemaId id) const {
  for (int hops = 0; id != kNoSchema && hops < kMaxLookahead; ++hops) {
    if (schema_.nodes[id].deprecated) {
      return true;
    }
    id = schema_.nodes[id].ref;
  }
  return false;
}

bool Validation::is_unknown(const SchemaNode& schema, std::string_view name) const {
  if (schema.find_property(name) != nullptr) {
    return false;
  }
  return std::none_of(
      schema.pattern_properties.begin(), schema.pattern_properties.end(),
      [&](const PatternProperty& pattern) { return RE2::PartialMatch(name, *pattern.regex); });
}

bool Validation::check_object(const SchemaNode& schema, const core::Node& value,
                              const core::Node* key) {
  bool ok = true;
  // Keys taken as misspellings of missing required fields, so they are not also
  // reported as unknown.
  std::vector<const core::Node*> claimed;
  for (const std::string& name : schema.required) {
    if (value.find(name) != nullptr) {
      continue;
    }
    ok = false;
    if (out_ == nullptr) {
      return false;
    }
    const core::Node* near = nullptr;
    Nearest nearest(name);
    for (const core::Entry& entry : value.entries) {
      if (!entry.key.is_scalar() || !is_unknown(schema, entry.key.text)) {
        continue;
      }
      if (std::find(claimed.begin(), claimed.end(), &entry.key) != claimed.end()) {
        continue;
      }
      if (nearest.consider(entry.key.text)) {
        near = &entry.key;
      }
    }
    Segment segment(path_, name);
    if (near != nullptr) {
      claimed.push_back(near);
      report(near->span, fmt::format("missing required field '{}' (found '{}': a misspelling?)",
                                     path_, near->text));
    } else {
      report(missing_span(value, key), fmt::format("missing required field '{}'", path_));
    }
  }
  for (const core::Entry& entry : value.entries) {
    if (!entry.key.is_scalar()) {
      continue;
    }
    const std::string& name = entry.key.text;
    Segment segment(path_, name);
    bool matched = false;
    if (const Property* property = schema.find_property(name)) {
      matched = true;
      ok &= check(property->schema, entry.value, &entry.key);
      if (out_ != nullptr && is_deprecated(property->schema)) {
        report(entry.key.span, fmt::format("'{}' is deprecated", path_), true);
      }
    }
    for (const PatternProperty& pattern : schema.pattern_properties) {
      if (!RE2::PartialMatch(name, *pattern.regex)) {
        continue;
      }
      matched = true;
      ok &= check(pattern.schema, entry.value, &entry.key);
    }
    if (!matched && schema.additional_properties != kNoSchema) {
      if (schema_.nodes[schema.additional_properties].always_false) {
        ok = false;
        bool is_claimed = std::find(claimed.begin(), claimed.end(), &entry.key) != claimed.end();
        if (out_ != nullptr && !is_claimed) {
          report(entry.key.span, unknown_message(schema, name));
        }
      } else {
        ok &= check(schema.additional_properties, entry.value, &entry.key);
      }
    }
    if (schema.property_names != kNoSchema) {
      core::Node name_node = entry.key;  // a field name is a string, even `3` or `true`
      name_node.style = core::ScalarStyle::quoted;
      name_node.tag.clear();
      ok &= check(schema.property_names, name_node, &entry.key);
    }
    if (!ok && out_ == nullptr) {
      return false;
    }
  }
  std::size_t count = value.entries.size();
  if (schema.min_properties && count < *schema.min_properties) {
    ok = fail(span_of(value, key), [&] {
      return fmt::format("{}expected at least {}, found {}", prefix(),
                         count_of(*schema.min_properties, "field"),
                         count == 0 ? std::string("none") : std::to_string(count));
    });
  }
  if (schema.max_properties && count > *schema.max_properties) {
    ok = fail(span_of(value, key), [&] {
      return fmt::format("{}expected at most {}, found {}", prefix(),
                         count_of(*schema.max_properties, "field"), count);
    });
  }
  return ok;
}

std::string Validation::unknown_message(const SchemaNode& schema, std::string_view name) const {
  Nearest nearest(name);
  for (const Property& property : schema.properties) {
    nearest.consider(property.name);
  }
  std::string hint;
  if (auto best = nearest.best()) {
    hint = fmt::format(" (did you mean '{}'?)", *best);
  }
  return fmt::format("unknown field '{}'{}", path_, hint);
}

bool Validation::check_array(const SchemaNode& schema, const core::Node& value,
                             const core::Node* key) {
  bool ok = true;
  const std::vector<core::Node>& items = value.items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    SchemaId item_schema = i < schema.prefix_items.size() ? schema.prefix_items[i] : schema.items;
    if (item_schema == kNoSchema) {
      continue;
    }
    Segment segment(path_, i);
    ok &= check(item_schema, items[i], nullptr);
    if (!ok && out_ == nullptr) {
      return false;
    }
  }
  std::size_t count = items.size();
  if (schema.min_items && count < *schema.min_items) {
    ok = fail(span_of(value, key), [&] {
      return fmt::format("{}expected at least {}, found {}", prefix(),
                         count_of(*schema.min_items, "item"),
                         count == 0 ? std::string("an empty list") : std::to_string(count));
    });
  }
  if (schema.max_items && count > *schema.max_items) {
    ok = fail(span_of(value, key), [&] {
      return fmt::format("{}expected at most {}, found {}", prefix(),
                         count_of(*schema.max_items, "item"), count);
    });
  }
  if (schema.unique_items) {
    ok &= check_unique(items);
  }
  return ok;
}

bool Validation::check_unique(const std::vector<core::Node>& items) {
  bool ok = true;
  auto duplicate = [&](std::size_t later, std::size_t earlier) {
    Segment segment(path_, later);
    std::string earlier_path = path_.substr(0, path_.rfind('[')) + fmt::format("[{}]", earlier);
    ok = fail(items[later].span, [&] {
      return fmt::format("{}expected unique items, found a duplicate of '{}'", prefix(),
                         earlier_path);
    });
  };
  bool all_scalar = std::all_of(items.begin(), items.end(), [](const core::Node& item) {
    return !item.is_mapping() && !item.is_sequence();
  });
  if (all_scalar) {
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto [it, inserted] = first.emplace(*scalar_key(items[i]), i);
      if (!inserted) {
        duplicate(i, it->second);
      }
      if (!ok && out_ == nullptr) {
        return false;
      }
    }
    return ok;
  }
  for (std::size_t i = 1; i < items.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!json_equal(items[i], items[j])) {
        continue;
      }
      duplicate(i, j);
      if (out_ == nullptr) {
        return false;
      }
      break;
    }
  }
  return ok;
}

bool Validation::check_string(const SchemaNode& schema, const core::Node& value,
                              const core::Node* key) {
  bool ok = true;
  const std::string& text = value.text;
  if (schema.min_length || schema.max_length) {
    std::size_t length = core::count_code_points(text);
    if (schema.min_length && length < *schema.min_length) {
      ok = fail(span_of(value, key), [&] {
        return fmt::format("{}expected at least {}, found {}", prefix(),
                           count_of(*schema.min_length, "character"),
                           length == 0 ? std::string("an empty string") : std::to_string(length));
      });
    }
    if (schema.max_length && length > *schema.max_length) {
      ok = fail(span_of(value, key), [&] {
        return fmt::format("{}expected at most {}, found {}", prefix(),
                           count_of(*schema.max_length, "character"), length);
      });
    }
  }
  if (schema.pattern && !RE2::PartialMatch(text, *schema.pattern)) {
    ok = fail(span_of(value, key), [&] {
      return fmt::format("{}expected a string matching {}, found {}", prefix(),
                         quote(schema.pattern->pattern()), quote(text));
    });
  }
  if (schema.format != Format::none && !matches_format(schema.format, text)) {
    ok = fail(span_of(value, key), [&] {
      return fmt::format("{}expected {} like {}, found {}", prefix(), format_noun(schema.format),
                         format_example(schema.format), quote(text));
    });
  }
  return ok;
}

bool Validation::check_number(const SchemaNode& schema, const core::Node& value,
                              const core::Node* key) {
  auto number = value.as_number();
  if (!number) {
    return true;
  }
  double x = *number;
  bool ok = true;
  auto bound = [&](const std::optional<Bound>& limit, bool broken, std::string_view relation) {
    if (!limit || !broken) {
      return;
    }
    ok = fail(span_of(value, key), [&] {
      return fmt::format("{}expected {} {}, found {}", prefix(), relation, limit->text, value.text);
    });
  };
  bound(schema.minimum, schema.minimum && x < schema.minimum->value, "at least");
  bound(schema.maximum, schema.maximum && x > schema.maximum->value, "at most");
  bound(schema.exclusive_minimum, schema.exclusive_minimum && x <= schema.exclusive_minimum->value,
        "more than");
  bound(schema.exclusive_maximum, schema.exclusive_maximum && x >= schema.exclusive_maximum->value,
        "less than");
  if (schema.multiple_of && !is_multiple(value, x, schema.multiple_of->value)) {
    ok = fail(span_of(value, key), [&] {
      return fmt::format("{}expected a multiple of {}, found {}", prefix(),
                         schema.multiple_of->text, value.text);
    });
  }
  return ok;
}

bool Validation::is_multiple(const core::Node& value, double x, double divisor) {
  auto integer = value.as_integer();
  if (integer && is_whole(divisor) && std::fabs(divisor) < 9.0e18) {
    return *integer % static_cast<std::int64_t>(divisor) == 0;
  }
  double quotient = x / divisor;
  if (!std::isfinite(quotient)) {
    return false;
  }
  return distance_to_integer(quotient) <= 1e-9 * std::max(1.0, std::fabs(quotient));
}

}  // namespace contentlint::schema
