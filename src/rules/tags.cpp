#include "rules/tags.hpp"

#include <array>

#include "core/utf8.hpp"

namespace contentlint::rules::tags {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }
bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// ASCII spellings of U+00C0..U+00FF; "" marks × and ÷, which separate words.
constexpr std::array<std::string_view, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// The base letters of U+0100..U+017F (Latin Extended-A), one per code point; the two
// ligatures (Ĳ ĳ, Œ œ) are spelled out in transliterate().
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkklllllllllln"
    "nnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedA.size() == 0x80);

// How `cp` reads in an ASCII tag: its letters, "" for a separator, or nullopt to keep it.
std::optional<std::string_view> transliterate(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp == 0x132 || cp == 0x133) return "ij";
  if (cp == 0x152 || cp == 0x153) return "oe";
  if (cp >= 0x100 && cp <= 0x17F) return kLatinExtendedA.substr(cp - 0x100, 1);
  // Latin-1 punctuation and symbols, no-break space, general punctuation (dashes, curly
  // quotes, ellipsis), the ideographic space: separators like their ASCII cousins.
  if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000) return "";
  return std::nullopt;
}

// The bytes of `text` in [begin, end) other than separators, comments and line breaks, as
// found between two items of a flow sequence.
struct Gap {
  std::optional<std::size_t> comma;    // the separating comma
  std::optional<std::size_t> content;  // the next item's properties (`&anchor`, `!!str`)
  bool line_break = false;
  bool comment = false;
  bool anchor = false;
};

Gap scan_gap(std::string_view text, std::size_t begin, std::size_t end) {
  Gap gap;
  for (std::size_t i = begin; i < end; ++i) {
    char c = text[i];
    if (is_space(c)) continue;
    if (is_break(c)) {
      gap.line_break = true;
    } else if (c == '#' && !gap.content) {
      gap.comment = true;
      while (i + 1 < end && !is_break(text[i + 1])) ++i;
    } else if (c == ',' && !gap.comma && !gap.content) {
      gap.comma = i;
    } else {
      if (!gap.content) gap.content = i;
      gap.anchor = gap.anchor || c == '&';
    }
  }
  return gap;
}

std::size_t line_begin(std::string_view text, std::size_t offset) {
  while (offset > 0 && !is_break(text[offset - 1])) --offset;
  return offset;
}

// The start of the line after the one holding `offset` (the text's end on the last line).
std::size_t next_line(std::string_view text, std::size_t offset) {
  while (offset < text.size() && !is_break(text[offset])) ++offset;
  if (offset < text.size() && text[offset] == '\r') ++offset;
  if (offset < text.size() && text[offset] == '\n') ++offset;
  return offset;
}

bool all_blank(std::string_view text) {
  for (char c : text) {
    if (!is_space(c)) return false;
  }
  return true;
}

// Past spaces, an optional comma, spaces and a comment after an item; the offset of the
// line break (or the text's end) when nothing else follows the item on its line.
std::optional<std::size_t> rest_of_line(std::string_view text, std::size_t at, bool& comma) {
  comma = false;
  while (at < text.size() && is_space(text[at])) ++at;
  if (at < text.size() && text[at] == ',') {
    comma = true;
    ++at;
    while (at < text.size() && is_space(text[at])) ++at;
  }
  if (at < text.size() && text[at] == '#') {
    while (at < text.size() && !is_break(text[at])) ++at;
  }
  if (at < text.size() && !is_break(text[at])) return std::nullopt;
  return at;
}

// Whether the scalar's bytes can be cut out whole: not a block scalar (whose span is only
// its indicator) and not a plain scalar folded over several lines (whose span is only its
// first line).
bool whole_span(const core::Document& document, const core::Node& item) {
  if (!item.is_scalar() || item.span.empty()) return false;
  std::string_view source = document.slice(item.span);
  if (source.front() == '|' || source.front() == '>') return false;
  bool alias = source.front() == '*';
  bool quoted = source.front() == '"' || source.front() == '\'';
  return alias || quoted || source == item.text;
}

// Removes the comma at `at`; a space stands in for it where the next byte would
// otherwise join what is before it.
core::Edit remove_comma(std::string_view text, std::size_t at) {
  bool separated = at + 1 >= text.size() || is_space(text[at + 1]) || is_break(text[at + 1]);
  return {{at, at + 1}, separated ? "" : " "};
}

std::optional<std::vector<core::Edit>> remove_from_flow(const core::Document& document,
                                                        const TagField& field, std::size_t index) {
  std::string_view text = document.text();
  core::ByteSpan sequence = field.value->span;
  if (sequence.size() < 2 || text[sequence.begin] != '[' || text[sequence.end - 1] != ']') {
    return std::nullopt;
  }
  std::span<const core::Node> items = field.items();
  std::size_t count = items.size();
  auto gap_before = [&](std::size_t k) {
    std::size_t begin = k == 0 ? sequence.begin + 1 : items[k - 1].span.end;
    std::size_t end = k == count ? sequence.end - 1 : items[k].span.begin;
    return scan_gap(text, begin, std::max(begin, end));
  };
  Gap before = gap_before(index);
  Gap after = gap_before(index + 1);
  if (before.anchor) return std::nullopt;
  const core::Node& item = items[index];
  std::size_t start = before.content.value_or(item.span.begin);
  std::size_t end = item.span.end;

  // An item on a line of its own goes with its line.
  std::size_t line = line_begin(text, start);
  bool comma_after = false;
  auto line_end = rest_of_line(text, end, comma_after);
  if (line > sequence.begin && all_blank(text.substr(line, start - line)) && line_end) {
    // A comma that separates it from the next item on a later line: too unusual to edit.
    if (!comma_after && index + 1 < count) return std::nullopt;
    std::vector<core::Edit> edits;
    // The last item takes the comma before it, or the previous item would trail one.
    if (!comma_after && before.comma) edits.push_back(remove_comma(text, *before.comma));
    edits.push_back({{line, next_line(text, *line_end)}, ""});
    return edits;
  }

  auto plain = [](const Gap& gap) { return !gap.line_break && !gap.comment; };
  if (index > 0 && plain(before)) {
    return std::vector<core::Edit>{{{items[index - 1].span.end, end}, ""}};
  }
  if (index + 1 < count && plain(after) && after.comma) {
    return std::vector<core::Edit>{
        {{start, after.content.value_or(items[index + 1].span.begin)}, ""}};
  }
  if (count == 1 && plain(after)) {
    return std::vector<core::Edit>{{{start, after.comma ? *after.comma + 1 : end}, ""}};
  }
  if (index + 1 == count && index > 0 && before.comma && !after.comma) {
    return std::vector<core::Edit>{remove_comma(text, *before.comma), {{start, end}, ""}};
  }
  return std::nullopt;
}

std::optional<std::vector<core::Edit>> remove_from_block(const core::Document& document,
                                                         const core::Node& item) {
  std::string_view text = document.text();
  std::size_t line = line_begin(text, item.span.begin);
  std::size_t at = line;
  while (at < item.span.begin && is_space(text[at])) ++at;
  if (at >= item.span.begin || text[at] != '-' || !is_space(text[at + 1])) return std::nullopt;
  // Between `-` and the item only tags may stand: an anchor may be named by an alias.
  for (++at; at < item.span.begin; ++at) {
    if (is_space(text[at])) continue;
    if (text[at] != '!') return std::nullopt;
    while (at < item.span.begin && !is_space(text[at])) ++at;
  }
  bool comma = false;
  auto line_end = rest_of_line(text, item.span.end, comma);
  if (!line_end || comma) return std::nullopt;
  return std::vector<core::Edit>{{{line, next_line(text, *line_end)}, ""}};
}

// Whether `text` reads back as the same string when written as a plain scalar, in block
// or flow context alike.
bool plain_safe(std::string_view text) {
  if (text.empty() || is_space(text.front()) || is_space(text.back())) return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
    if (std::string_view(",[]{}").find(c) != std::string_view::npos) return false;
    if (c == ':' && (i + 1 == text.size() || is_space(text[i + 1]))) return false;
    if (c == '#' && is_space(text[i - 1])) return false;
  }
  core::Node node;
  node.kind = core::NodeKind::scalar;
  node.style = core::ScalarStyle::plain;
  node.text = std::string(text);
  return node.scalar_type() == core::ScalarType::string;
}

std::string escape_quotes(std::string_view text, char quote) {
  std::string out;
  for (char c : text) {
    if (quote == '"' && (c == '"' || c == '\\')) out += '\\';
    out += c;
    if (quote == '\'' && c == '\'') out += '\'';
  }
  return out;
}

}  // namespace

std::span<const core::Node> TagField::items() const {
  if (value == nullptr || !value->is_sequence()) return {};
  return value->items;
}

TagField find_field(const core::Document& document, const frontmatter::FrontMatter& front_matter,
                    std::string_view field) {
  TagField result;
  if (!front_matter.split.present || !front_matter.split.closed) return result;
  for (const frontmatter::Problem& problem : front_matter.yaml.problems) {
    if (problem.kind != frontmatter::ProblemKind::duplicate_key) return result;
  }
  const auto& root = front_matter.yaml.root;
  if (!root || root->is_null()) {
    result.state = FieldState::missing;
    return result;
  }
  if (!root->is_mapping()) return result;
  const core::Node* node = &*root;
  result.state = FieldState::missing;
  while (true) {
    std::size_t dot = field.find('.');
    std::string_view name = field.substr(0, dot);
    if (!node->is_mapping()) return result;
    const core::Entry* found = nullptr;
    for (const core::Entry& entry : node->entries) {
      if (entry.key.is_scalar() && entry.key.text == name) found = &entry;
    }
    if (found == nullptr) return result;
    result.key = &found->key;
    node = &found->value;
    if (dot == std::string_view::npos) break;
    field.remove_prefix(dot + 1);
  }
  result.value = node;
  if (node->is_sequence()) {
    result.state = FieldState::list;
    result.flow = !node->span.empty() && document.text()[node->span.begin] == '[';
  } else {
    result.state = node->is_null() ? FieldState::list : FieldState::not_a_list;
  }
  return result;
}

std::string normalize(std::string_view tag) {
  std::string out;
  bool pending_dash = false;
  auto append = [&](std::string_view letters) {
    if (letters.empty()) {
      pending_dash = true;
      return;
    }
    if (pending_dash && !out.empty()) out += '-';
    pending_dash = false;
    out += letters;
  };
  for (std::size_t at = 0; at < tag.size();) {
    char c = tag[at];
    if (static_cast<unsigned char>(c) < 0x80) {
      ++at;
      char lower = ascii_lower(c);
      append(is_ascii_alnum(c) ? std::string_view(&lower, 1) : std::string_view());
      continue;
    }
    std::size_t begin = at;
    char32_t cp = core::decode_code_point(tag, at);
    if (auto letters = transliterate(cp)) {
      append(*letters);
    } else {
      append(tag.substr(begin, at - begin));
    }
  }
  return out;
}

std::string fold_case(std::string_view tag) {
  std::string out(tag);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::optional<core::Edit> replace_item(const core::Document& document, const core::Node& item,
                                       std::string_view replacement) {
  if (!whole_span(document, item)) return std::nullopt;
  if (replacement.find_first_of("\r\n") != std::string_view::npos) return std::nullopt;
  std::string_view source = document.slice(item.span);
  char first = source.front();
  if (first == '*') return std::nullopt;
  if ((first == '"' || first == '\'') && source.size() >= 2 && source.back() == first) {
    return core::Edit{{item.span.begin + 1, item.span.end - 1}, escape_quotes(replacement, first)};
  }
  if (plain_safe(replacement)) return core::Edit{item.span, std::string(replacement)};
  return core::Edit{item.span, "'" + escape_quotes(replacement, '\'') + "'"};
}

std::optional<std::vector<core::Edit>> remove_item(const core::Document& document,
                                                   const TagField& field, std::size_t index) {
  std::span<const core::Node> items = field.items();
  if (index >= items.size() || !whole_span(document, items[index])) return std::nullopt;
  // Alias expansion keeps the order of the source; anything else is not a list to edit.
  for (std::size_t i = 1; i < items.size(); ++i) {
    if (items[i].span.begin < items[i - 1].span.end) return std::nullopt;
  }
  if (field.flow) return remove_from_flow(document, field, index);
  if (document.slice(field.value->span).starts_with('-')) {
    return remove_from_block(document, items[index]);
  }
  return std::nullopt;
}

}  // namespace contentlint::rules::tags
