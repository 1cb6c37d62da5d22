/// The tags field of a front matter and in-place edits of its items, shared by the tag rules.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/document.hpp"
#include "core/value.hpp"
#include "frontmatter/frontmatter.hpp"

namespace contentlint::rules::tags {

/// What a front matter holds under the tags field.
enum class FieldState {
  unreadable,  // no closed front matter, or YAML that did not read as a mapping
  missing,     // no such field (an empty front matter has none)
  not_a_list,  // a string, number or mapping: the schema's business, not the tag rules'
  list,        // a sequence, or nothing at all (`tags:`), which counts as an empty list
};

/// The tags field of one front matter. The pointers point into the FrontMatter's tree,
/// which must outlive this.
struct TagField {
  FieldState state = FieldState::unreadable;
  const core::Node* key = nullptr;    // the key that names the field (the last one if repeated)
  const core::Node* value = nullptr;  // its value
  bool flow = false;                  // written `[a, b]` rather than as `- a` lines

  /// The list's items in source order (none for a null value). Items that are not
  /// scalars (nested lists, mappings, nulls) are included; the rules skip them.
  std::span<const core::Node> items() const;
};

/// Finds `field`, a dotted path of keys ("tags", "taxonomy.tags"), in the front matter of
/// `document`.
TagField find_field(const core::Document& document, const frontmatter::FrontMatter& front_matter,
                    std::string_view field);

/// `tag` as a lowercase kebab-case tag: ASCII letters lowercased, common accented Latin
/// letters transliterated (é → e, ß → ss), every run of other ASCII characters (spaces,
/// `_`, punctuation) turned into one `-`, and `-` trimmed from both ends. Other non-ASCII
/// characters are kept. "Clan Six" → "clan-six", "Dev_Rel" → "dev-rel".
std::string normalize(std::string_view tag);

/// ASCII letters lowercased, everything else as it is: how tags compare regardless of case.
std::string fold_case(std::string_view tag);

/// An edit that makes the scalar `item` read `replacement`, written in place: inside the
/// quotes of a quoted scalar (escaped for its quote style); for a plain scalar, the
/// replacement itself, or single-quoted when it would not read back as the same string
/// (`true`, `2024`, `a: b`). Nullopt when the item cannot be edited in place: not a scalar,
/// an alias, a block scalar, a plain scalar folded over several lines, or a replacement
/// with a line break.
std::optional<core::Edit> replace_item(const core::Document& document, const core::Node& item,
                                       std::string_view replacement);

/// The edits that remove scalar item `index` of the list in `field`, so that the text
/// still reads as YAML with exactly the other items. In a block list, the item's whole
/// `- item` line(s) with the line break. In a flow sequence, the item with the `, ` before
/// it (after it, for the first item); an item on a line of its own loses its line, and the
/// last one also its preceding comma. Nullopt when the layout is too unusual to edit
/// safely: an item with an anchor (an alias elsewhere may name it), a block scalar, a
/// plain scalar folded over lines, or text on the item's line that belongs to no item.
std::optional<std::vector<core::Edit>> remove_item(const core::Document& document,
                                                   const TagField& field, std::size_t index);

}  // namespace contentlint::rules::tags
