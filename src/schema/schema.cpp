// The entry points: loading (load.cpp, keywords.cpp) and validation (validate.cpp,
// alternatives.cpp).
//
// Every validation message. P is "'path': " for a value below the root (empty for the
// root itself); V is the value found: 'text' quoted, numbers and booleans as written,
// "nothing (null)", or "a list"/"a mapping".
//
//   type          P expected a string, found an integer
//                 P expected a string or nothing (null), found a list
//                 P expected a date like 2024-03-11, found an integer   (type + format)
//   required      missing required field 'image.url'
//                 missing required field 'pubDate' (found 'pubdate': a misspelling?)
//   unknown       unknown field 'pubdate' (did you mean 'pubDate'?)
//   false         'legacy' is not allowed      (root: "no value is allowed here")
//   deprecated    'summary' is deprecated      (Violation::deprecated is set)
//   enum          P expected one of 'a', 'b', found V (did you mean 'a'?)
//                 P expected one of 1, 2, 3, 4, 5, 6, 7, 8 (and 2 more), found V
//   const         P expected 'a', found V      (and a one-value enum)
//   pattern       P expected a string matching '^[a-z]+$', found 'Hello'
//   format        P expected a date like 2024-03-11, found '11/03/2024'
//   minLength     P expected at least 1 character, found an empty string
//                 P expected at least 3 characters, found 2
//   maxLength     P expected at most 160 characters, found 170
//   minItems      P expected at least 1 item, found an empty list   (or "found 2")
//   maxItems      P expected at most 5 items, found 7
//   uniqueItems   'tags[3]': expected unique items, found a duplicate of 'tags[1]'
//   minProperties P expected at least 1 field, found none   (or "found 2")
//   maxProperties P expected at most 3 fields, found 4
//   minimum       P expected at least 1, found 0      (maximum: "at most")
//   exclusive*    P expected more than 0, found 0     (exclusiveMaximum: "less than")
//   multipleOf    P expected a multiple of 5, found 12
//   anyOf, oneOf  P expected one of: a date-time, a date, found V
//                 (see Validation::report_alternatives for when an alternative's own
//                 violations are reported instead)
//   oneOf         P expected exactly one of: a string, a date, found a value that
//                 matches 2 of them
//   not           P expected anything except 'draft', found V
//   limits        too deeply nested to validate
//                 too complex to validate
//
// Spans: a value's node; the key for a problem with a key, for a missing field (its
// parent's key, or the root anchor for a top-level field) and for an empty value
// (`key:`). A value of the wrong type gets only the type violation, and a value outside
// its `const`/`enum` only that one: what else its schema says about it is noise.
#include <algorithm>

#include "schema/loader.hpp"
#include "schema/validation.hpp"

namespace contentlint::schema {

core::Expected<std::shared_ptr<const Schema>> Schema::load(const std::string& path,
                                                           const std::string& display_path,
                                                           const std::string& confine) {
  auto schema = std::make_shared<CompiledSchema>();
  if (auto error = Loader(*schema, confine).load_file(path, display_path)) {
    return std::move(*error);
  }
  return std::shared_ptr<const Schema>(std::move(schema));
}

core::Expected<std::shared_ptr<const Schema>> Schema::load_from_node(
    const core::Node& root, const std::string& path, const std::string& display_path) {
  auto schema = std::make_shared<CompiledSchema>();
  if (auto error = Loader(*schema).load_node(root, path, display_path)) {
    return std::move(*error);
  }
  return std::shared_ptr<const Schema>(std::move(schema));
}

std::vector<Violation> CompiledSchema::validate(const core::Node& value,
                                                core::ByteSpan root_anchor) const {
  std::vector<Violation> violations;
  Validation validation(*this, value, root_anchor, &violations);
  validation.check(0, value, nullptr);
  validation.finish();
  std::stable_sort(
      violations.begin(), violations.end(),
      [](const Violation& a, const Violation& b) { return a.span.begin < b.span.begin; });
  return violations;
}

}  // namespace contentlint::schema
