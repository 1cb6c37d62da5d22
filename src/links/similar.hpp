/// "Did you mean" for anchors and route slugs (internal to links/).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace contentlint::links::detail {

/// `text` with ASCII letters lowercased.
std::string ascii_lower(std::string_view text);

/// Whether two names are equal ignoring ASCII letter case (other bytes must be equal).
bool equal_ignoring_case(std::string_view a, std::string_view b);

/// Optimal-string-alignment distance over bytes (an adjacent swap is one edit), on the
/// first 128 bytes of each, so a pathological name cannot make it slow.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The edit distance between `typed` and `candidate` when the candidate is a plausible
/// meaning of the typo: at most a third of the longer one's length (at least 2 edits, fewer
/// than its length: `intro-section` for `introduction`), or the shorter one (4 characters
/// or more) starts the other (`install` for `installation`); nullopt otherwise.
std::optional<std::size_t> plausible_distance(std::string_view typed, std::string_view candidate);

}  // namespace contentlint::links::detail
