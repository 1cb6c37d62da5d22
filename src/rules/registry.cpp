#include <algorithm>
#include <vector>

#include "rules/catalog.hpp"

namespace contentlint::rules {

std::span<const RuleEntry> registry() {
  // Explicit and sorted by id; a unit test keeps it that way. No self-registration:
  // it silently drops rules when linking static libraries.
  static const std::vector<RuleEntry> entries = {
      code_fence_language(),
      frontmatter_duplicate_key(),
      frontmatter_missing(),
      frontmatter_schema(),
      frontmatter_syntax(),
      frontmatter_unclosed(),
      heading_empty(),
      heading_increment(),
      heading_title_h1(),
      image_alt_text(),
      image_empty_url(),
      image_not_found(),
      link_anchor(),
      link_empty(),
      link_external(),
      link_malformed(),
      link_not_found(),
      markdown_too_complex(),
      suppression_unknown_rule(),
      suppression_unused(),
      tag_duplicate(),
      tag_format(),
      tag_required(),
      tag_unknown(),
      text_bidi_control(),
      text_encoding(),
      text_final_newline(),
      text_trailing_space(),
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
