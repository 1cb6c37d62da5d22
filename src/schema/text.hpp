/// Small helpers shared by schema loading and validation: suggestions, quoting, JSON
/// types and equality of value trees.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/value.hpp"

namespace contentlint::schema {

/// Optimal-string-alignment distance (an adjacent swap costs 1), capped at 3: the
/// suggestions below never need more.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Whether `typed` looks like a misspelling of `known`: equal ignoring case, a prefix of
/// at least 3 characters ("str" for "string"), or at most 2 edits apart where that is at
/// most a third of the longer name ("url"/"uri" yes, "date"/"name" no).
bool is_near(std::string_view typed, std::string_view known);

/// Picks the known name nearest to `typed` among the candidates offered to it.
class Nearest {
 public:
  explicit Nearest(std::string_view typed) : typed_(typed) {}
  /// Returns true when `known` became the best candidate so far.
  bool consider(std::string_view known);
  std::optional<std::string_view> best() const { return best_; }

 private:
  std::string_view typed_;
  std::optional<std::string_view> best_;
  std::size_t best_score_ = SIZE_MAX;
};

/// `'text'`, with control characters escaped and long text cut to 50 code points.
std::string quote(std::string_view text);

/// A value as messages show it: strings quoted, numbers and booleans as written, null
/// as "nothing (null)", lists and mappings by their type ("a list").
std::string render_value(const core::Node& node);

/// A value the schema allows (an `enum` or `const` entry): as render_value, but null is
/// "null" there.
std::string render_allowed(const core::Node& node);

/// "1 character", "2 characters".
std::string count_of(std::uint64_t count, std::string_view singular);

/// The JSON type of a node, as a TypeBit of schema/compiled.hpp; numbers that are whole
/// (3.0) still report kNumber.
std::uint8_t json_type(const core::Node& node);

/// JSON equality: 1 equals 1.0, mappings compare regardless of key order. Trees deeper
/// than a fixed bound compare unequal rather than recurse further.
bool json_equal(const core::Node& a, const core::Node& b);

/// A string that equal scalars (by json_equal) share and unequal ones do not; nullopt for
/// lists and mappings.
std::optional<std::string> scalar_key(const core::Node& node);

}  // namespace contentlint::schema
