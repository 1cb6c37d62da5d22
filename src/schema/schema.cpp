// The entry points: loading (load.cpp, keywords.cpp) and validation (validate.cpp,
// alternatives.cpp).
//
// Messages (P is "'path': " for a value below the root, empty for the root itself):
//   type           P expected a string, found an integer
//                  (several types: "a string or nothing (null)"; a string `format` or
//                  integer `unix-time` names the format: "expected a date like 2024-03-11")
//   required       missing required field 'image.url'
//                  missing required field 'pubDate' (found 'pubdate': a misspelling?)
//   unknown key    unknown field 'pubdate' (did you mean 'pubDate'?)     (additionalProperties:
//   false) false schema   'legacy' is not allowed deprecated     'summary' is deprecated
//   (Violation::deprecated) enum           P expected one of 'a', 'b', found 'c' (did you mean
//   'a'?) const / enum1  P expected 'a', found 'c' pattern        P expected a string matching
//   '^[a-z]+$', found 'Hello' format         P expected a date like 2024-03-11, found '11/03/2024'
//   minLength      P expected at least 1 character, found an empty string   (or "found 3")
//   maxLength      P expected at most 160 characters, found 170
//   minItems       P expected at least 1 item, found an empty list          (or "found 2")
//   maxItems       P expected at most 5 items, found 7
//   uniqueItems    'tags[3]': expected unique items, found a duplicate of 'tags[1]'
//   minProperties  P expected at least 1 field, found none                  (or "found 2")
//   maxProperties  P expected at most 3 fields, found 4
//   minimum        P expected at least 1, found 0         (maximum: "at most")
//   exclusive*     P expected more than 0, found 0        (exclusiveMaximum: "less than")
//   multipleOf     P expected a multiple of 5, found 12
//   anyOf/oneOf    P expected one of: a date-time, a date, found '11/03/2024'
//                  (when exactly one alternative accepts the value's type, that
//                  alternative's own violations instead)
//   oneOf          P expected exactly one of: a string, a date, found a value that matches 2 of
//   them not            P expected anything except 'draft', found 'draft' depth          too deeply
//   nested to validate work           too complex to validate
// Spans: a value's node; the key for a key's problem, a missing field (its parent's key,
// or the root anchor for a top-level field), and for a value that is empty (`key:`).
// A value of the wrong type gets only the type violation: what else its schema says
// about it is noise. So does a value outside its `const`/`enum`.
#include <algorithm>

#include "schema/loader.hpp"
#include "schema/validation.hpp"

namespace contentlint::schema {

core::Expected<std::shared_ptr<const Schema>> Schema::load(const std::string& path,
                                                           const std::string& display_path) {
  auto schema = std::make_shared<CompiledSchema>();
  if (auto error = Loader(*schema).load_file(path, display_path)) {
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
