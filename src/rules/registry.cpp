#include <algorithm>
#include <vector>

#include "rules/catalog.hpp"

namespace contentlint::rules {

std::span<const RuleEntry> registry() {
  // Explicit and sorted by id; a unit test keeps it that way. No self-registration:
  // it silently drops rules when linking static libraries.
  static const std::vector<RuleEntry> entries = {
      frontmatter_duplicate_key(),
      frontmatter_missing(),
      frontmatter_schema(),
      frontmatter_syntax(),
      frontmatter_unclosed(),
      image_empty_url(),
      text_encoding(),
  };
  return entries;
}

const RuleEntry* find_rule(std::string_view id) {
  auto rules = registry();
  auto it = std::lower_bound(
      rules.begin(), rules.end(), id,
      [](const RuleEntry& entry, std::string_view key) { return entry.meta.id < key; });
  return it != rules.end() && it->meta.id == id ? &*it : nullptr;
}

}  // namespace contentlint::rules
