#include "markdown/source_scan.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "markdown/unicode_tables.hpp"

namespace contentlint::markdown::detail {
namespace {

// CommonMark: a label holds at most 999 characters; cmark counts bytes.
constexpr std::size_t kMaxLabelBytes = 999;
// cmark gives up on named entities longer than this.
constexpr std::size_t kMaxEntityName = 32;
// cmark decodes numeric references of up to 8 digits.
constexpr std::size_t kMaxEntityDigits = 8;

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

// Scans a link title opening at `open` (`"`, `'` or `(`): the span between the
// delimiters. A title may continue over lines but not over a blank line.
std::optional<core::ByteSpan> parse_title(const Source& source, std::size_t open) {
  if (open >= source.limit) return std::nullopt;
  char opener = source.text[open];
  if (opener != '"' && opener != '\'' && opener != '(') return std::nullopt;
  char closer = opener == '(' ? ')' : opener;
  std::size_t pos = open + 1;
  while (pos < source.limit) {
    char c = source.text[pos];
    if (c == '\\' && pos + 1 < source.limit && is_ascii_punctuation(source.text[pos + 1])) {
      pos += 2;
    } else if (c == closer) {
      return core::ByteSpan{open + 1, pos};
    } else if (opener == '(' && c == '(') {
      return std::nullopt;
    } else if (is_line_end(c)) {
      pos = source.skip_prefix(source.skip_line_end(pos));
      if (pos >= source.limit || source.at_line_end(pos)) return std::nullopt;
    } else {
      ++pos;
    }
  }
  return std::nullopt;
}

// Scans a link destination at `pos`: `<...>` (returned span inside the brackets, `after`
// past `>`) or a raw destination with balanced parentheses (possibly empty).
std::optional<core::ByteSpan> parse_destination(const Source& source, std::size_t pos,
                                                std::size_t& after) {
  if (source.at(pos, '<')) {
    std::size_t end = pos + 1;
    while (end < source.limit) {
      char c = source.text[end];
      if (c == '\\' && end + 1 < source.limit && is_ascii_punctuation(source.text[end + 1])) {
        end += 2;
      } else if (c == '>') {
        after = end + 1;
        return core::ByteSpan{pos + 1, end};
      } else if (c == '<' || is_line_end(c)) {
        return std::nullopt;
      } else {
        ++end;
      }
    }
    return std::nullopt;
  }
  std::size_t end = pos;
  int depth = 0;
  while (end < source.limit) {
    auto c = static_cast<unsigned char>(source.text[end]);
    if (c == '\\' && end + 1 < source.limit && is_ascii_punctuation(source.text[end + 1])) {
      end += 2;
    } else if (c == '(') {
      ++depth;
      ++end;
    } else if (c == ')') {
      if (depth == 0) break;
      --depth;
      ++end;
    } else if (c <= 0x20 || c == 0x7F) {
      break;
    } else {
      ++end;
    }
  }
  if (depth != 0) return std::nullopt;
  after = end;
  return core::ByteSpan{pos, end};
}

std::size_t skip_html_space(std::string_view html, std::size_t pos) {
  while (pos < html.size() && is_html_space(html[pos])) ++pos;
  return pos;
}

bool is_attribute_name_start(char c) { return is_ascii_alpha(c) || c == '_' || c == ':'; }
bool is_attribute_name_char(char c) {
  return is_attribute_name_start(c) || is_ascii_digit(c) || c == '.' || c == '-';
}

// Parses a start tag at `html[begin]` == '<' followed by a letter.
std::optional<HtmlItem> parse_tag(std::string_view html, std::size_t begin) {
  HtmlItem tag;
  tag.kind = HtmlItem::Kind::tag;
  tag.begin = begin;
  std::size_t pos = begin + 1;
  while (pos < html.size() &&
         (is_ascii_alpha(html[pos]) || is_ascii_digit(html[pos]) || html[pos] == '-')) {
    ++pos;
  }
  tag.name = html.substr(begin + 1, pos - begin - 1);
  while (true) {
    std::size_t next = skip_html_space(html, pos);
    if (next >= html.size()) return std::nullopt;
    if (html[next] == '>') {
      tag.end = next + 1;
      return tag;
    }
    if (html[next] == '/' && next + 1 < html.size() && html[next + 1] == '>') {
      tag.end = next + 2;
      return tag;
    }
    if (next == pos || !is_attribute_name_start(html[next])) return std::nullopt;
    std::size_t name_end = next;
    while (name_end < html.size() && is_attribute_name_char(html[name_end])) ++name_end;
    HtmlAttribute attribute{html.substr(next, name_end - next), name_end, name_end};
    pos = name_end;
    std::size_t equals = skip_html_space(html, name_end);
    if (equals < html.size() && html[equals] == '=') {
      std::size_t value = skip_html_space(html, equals + 1);
      if (value >= html.size()) return std::nullopt;
      char quote = html[value];
      if (quote == '"' || quote == '\'') {
        std::size_t close = html.find(quote, value + 1);
        if (close == std::string_view::npos) return std::nullopt;
        attribute.value_begin = value + 1;
        attribute.value_end = close;
        pos = close + 1;
      } else {
        std::size_t end = value;
        while (end < html.size() && !is_html_space(html[end]) &&
               std::string_view("\"'=<>`").find(html[end]) == std::string_view::npos) {
          ++end;
        }
        if (end == value) return std::nullopt;
        attribute.value_begin = value;
        attribute.value_end = end;
        pos = end;
      }
    }
    tag.attributes.push_back(attribute);
  }
}

// The offset of the end tag `</name` at or after `pos` (case-insensitive), or the end.
std::size_t find_end_tag(std::string_view html, std::size_t pos, std::string_view name) {
  while ((pos = html.find("</", pos)) != std::string_view::npos) {
    if (equals_ignoring_case(html.substr(pos + 2, name.size()), name)) return pos;
    pos += 2;
  }
  return html.size();
}

}  // namespace

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_line_end(char c) { return c == '\n' || c == '\r'; }
bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

std::size_t Source::skip_blanks(std::size_t pos) const {
  while (pos < limit && is_blank(text[pos])) ++pos;
  return pos;
}

std::size_t Source::skip_line_end(std::size_t pos) const {
  if (at(pos, '\r')) {
    ++pos;
    return at(pos, '\n') ? pos + 1 : pos;
  }
  return at(pos, '\n') ? pos + 1 : pos;
}

std::size_t Source::skip_prefix(std::size_t pos) const {
  pos = skip_blanks(pos);
  for (int marker = 0; marker < quotes && at(pos, '>'); ++marker) pos = skip_blanks(pos + 1);
  return pos;
}

std::size_t Source::skip_space(std::size_t pos) const {
  pos = skip_blanks(pos);
  if (!at_line_end(pos)) return pos;
  std::size_t next = skip_prefix(skip_line_end(pos));
  if (next >= limit || at_line_end(next)) return pos;
  return next;
}

std::string Source::content(core::ByteSpan span) const {
  std::string out;
  out.reserve(span.size());
  for (std::size_t pos = span.begin; pos < span.end;) {
    if (is_line_end(text[pos])) {
      out += '\n';
      pos = skip_prefix(skip_line_end(pos));
    } else {
      out += text[pos++];
    }
  }
  return out;
}

std::size_t decode_entity(std::string_view text, std::size_t pos, std::string& out) {
  if (pos >= text.size() || text[pos] != '&') return 0;
  std::size_t cursor = pos + 1;
  if (cursor < text.size() && text[cursor] == '#') {
    ++cursor;
    bool hex = cursor < text.size() && (text[cursor] == 'x' || text[cursor] == 'X');
    if (hex) ++cursor;
    std::size_t digits_begin = cursor;
    char32_t value = 0;
    while (cursor < text.size() &&
           (hex ? is_hex_digit(text[cursor]) : is_ascii_digit(text[cursor]))) {
      char c = text[cursor];
      char32_t digit = is_ascii_digit(c) ? static_cast<char32_t>(c - '0')
                                         : static_cast<char32_t>(ascii_lower(c) - 'a' + 10);
      value = std::min<char32_t>(value * (hex ? 16 : 10) + digit, 0x110000);
      ++cursor;
    }
    std::size_t digits = cursor - digits_begin;
    if (digits < 1 || digits > kMaxEntityDigits || cursor >= text.size() || text[cursor] != ';') {
      return 0;
    }
    if (value == 0 || (value >= 0xD800 && value < 0xE000) || value >= 0x110000) value = 0xFFFD;
    core::append_utf8(out, value);
    return cursor + 1 - pos;
  }
  std::size_t name_end = cursor;
  while (name_end < text.size() && name_end - cursor <= kMaxEntityName &&
         (is_ascii_alpha(text[name_end]) || is_ascii_digit(text[name_end]))) {
    ++name_end;
  }
  if (name_end == cursor || name_end >= text.size() || text[name_end] != ';') return 0;
  const char* value = find_entity(text.substr(cursor, name_end - cursor));
  if (value == nullptr) return 0;
  out += value;
  return name_end + 1 - pos;
}

std::string unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t pos = 0; pos < raw.size();) {
    if (raw[pos] == '\\' && pos + 1 < raw.size() && is_ascii_punctuation(raw[pos + 1])) {
      out += raw[pos + 1];
      pos += 2;
    } else if (std::size_t length = decode_entity(raw, pos, out); length > 0) {
      pos += length;
    } else {
      out += raw[pos++];
    }
  }
  return out;
}

std::string decode_entities(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t pos = 0; pos < raw.size();) {
    if (std::size_t length = decode_entity(raw, pos, out); length > 0) {
      pos += length;
    } else {
      out += raw[pos++];
    }
  }
  return out;
}

std::optional<InlineTail> parse_inline_tail(const Source& source, std::size_t open) {
  if (!source.at(open, '(')) return std::nullopt;
  InlineTail tail;
  std::size_t pos = source.skip_space(open + 1);
  if (source.at(pos, ')')) {
    tail.destination = {open + 1, open + 1};
    tail.end = pos + 1;
    return tail;
  }
  std::size_t after = pos;
  auto destination = parse_destination(source, pos, after);
  if (!destination) return std::nullopt;
  tail.destination = *destination;
  pos = source.skip_space(after);
  if (pos > after && !source.at(pos, ')')) {
    std::optional<core::ByteSpan> title = parse_title(source, pos);
    if (!title) return std::nullopt;
    tail.title = title;
    pos = source.skip_space(title->end + 1);
  }
  if (!source.at(pos, ')')) return std::nullopt;
  tail.end = pos + 1;
  return tail;
}

std::optional<core::ByteSpan> parse_label(const Source& source, std::size_t open) {
  if (!source.at(open, '[')) return std::nullopt;
  std::size_t pos = open + 1;
  while (pos < source.limit && pos - open <= kMaxLabelBytes + 1) {
    char c = source.text[pos];
    if (c == '\\' && pos + 1 < source.limit && is_ascii_punctuation(source.text[pos + 1])) {
      pos += 2;
    } else if (c == '[') {
      return std::nullopt;
    } else if (c == ']') {
      return core::ByteSpan{open + 1, pos};
    } else if (is_line_end(c)) {
      pos = source.skip_prefix(source.skip_line_end(pos));
      if (source.at_line_end(pos)) return std::nullopt;
    } else {
      ++pos;
    }
  }
  return std::nullopt;
}

std::optional<ParsedDefinition> parse_definition(const Source& source, std::size_t open) {
  std::optional<core::ByteSpan> label = parse_label(source, open);
  if (!label) return std::nullopt;
  std::string_view label_text = source.text.substr(label->begin, label->size());
  if (std::all_of(label_text.begin(), label_text.end(),
                  [](char c) { return is_blank(c) || is_line_end(c); })) {
    return std::nullopt;
  }
  if (!source.at(label->end + 1, ':')) return std::nullopt;
  std::size_t pos = source.skip_space(label->end + 2);
  std::size_t after = pos;
  auto destination = parse_destination(source, pos, after);
  if (!destination || (destination->empty() && !source.at(pos, '<'))) return std::nullopt;
  ParsedDefinition definition{*label, *destination, after, after};
  auto line_rest_blank = [&](std::size_t from) {
    std::size_t end = source.skip_blanks(from);
    return end >= source.limit || source.at_line_end(end) ? std::optional(end) : std::nullopt;
  };
  std::size_t title_start = source.skip_space(after);
  if (title_start > after) {
    if (auto title = parse_title(source, title_start)) {
      if (auto line_end = line_rest_blank(title->end + 1)) {
        definition.end = title->end + 1;
        definition.next_line = source.skip_line_end(*line_end);
        return definition;
      }
    }
  }
  auto line_end = line_rest_blank(after);
  if (!line_end) return std::nullopt;
  definition.next_line = source.skip_line_end(*line_end);
  return definition;
}

std::vector<HtmlItem> scan_html(std::string_view html) {
  std::vector<HtmlItem> items;
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.substr(pos, 4) == "<!--") {
      std::size_t close = html.find("-->", pos + 4);
      if (close == std::string_view::npos) break;
      HtmlItem comment;
      comment.kind = HtmlItem::Kind::comment;
      comment.begin = pos;
      comment.end = close + 3;
      comment.content_begin = pos + 4;
      comment.content_end = close;
      items.push_back(comment);
      pos = close + 3;
      continue;
    }
    if (pos + 1 < html.size() && is_ascii_alpha(html[pos + 1])) {
      if (auto tag = parse_tag(html, pos)) {
        pos = tag->end;
        std::string_view name = tag->name;
        items.push_back(std::move(*tag));
        for (std::string_view raw_text : {"script", "style", "textarea"}) {
          if (equals_ignoring_case(name, raw_text)) pos = find_end_tag(html, pos, raw_text);
        }
        continue;
      }
    }
    ++pos;
  }
  return items;
}

std::size_t LiteralMap::source(std::size_t literal_offset) const {
  auto anchor =
      std::upper_bound(anchors_.begin(), anchors_.end(), literal_offset,
                       [](std::size_t offset, const std::pair<std::size_t, std::size_t>& a) {
                         return offset < a.first;
                       });
  if (anchor == anchors_.begin()) return anchors_.empty() ? end_ : anchors_.front().second;
  --anchor;
  return anchor->second + (literal_offset - anchor->first);
}

std::optional<LiteralMap> match_literal(const Source& source, std::size_t pos,
                                        std::string_view literal) {
  LiteralMap map;
  std::size_t i = 0;
  bool first_line = true;
  while (true) {
    pos = first_line ? source.skip_blanks(pos) : source.skip_prefix(pos);
    while (i < literal.size() && is_blank(literal[i])) ++i;
    map.anchors_.emplace_back(i, pos);
    first_line = false;
    while (i < literal.size() && !is_line_end(literal[i])) {
      if (source.at(pos, literal[i])) {
        ++i;
        ++pos;
      } else if (source.at(pos, '\0') && literal.substr(i, 3) == kReplacementCharacter) {
        // cmark replaces NUL bytes with U+FFFD: three literal bytes for one source byte,
        // so offsets after it on this line need an anchor of their own.
        i += 3;
        ++pos;
        map.anchors_.emplace_back(i, pos);
      } else {
        return std::nullopt;
      }
    }
    if (i >= literal.size()) break;
    i += literal.substr(i, 2) == "\r\n" ? 2 : 1;
    if (!source.at_line_end(pos)) {
      if (pos >= source.limit && i >= literal.size()) break;
      return std::nullopt;
    }
    pos = source.skip_line_end(pos);
    if (i >= literal.size()) break;
  }
  map.end_ = pos;
  return map;
}

}  // namespace contentlint::markdown::detail
