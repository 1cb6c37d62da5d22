/// Byte scanners over a body's source (internal to markdown/): CommonMark link syntax,
/// entities and raw HTML, each a forward scan that never passes a given limit.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/position.hpp"

namespace contentlint::markdown::detail {

bool is_blank(char c);  // a space or a tab
bool is_line_end(char c);
bool is_ascii_punctuation(char c);

/// The source of one block: the document's text (a view into the Document), the offset
/// no scan may reach, and how many `>` markers a continuation line of the block may
/// carry (its block quote depth).
struct Source {
  std::string_view text;
  std::size_t limit = 0;
  int quotes = 0;

  bool at(std::size_t pos, char c) const { return pos < limit && text[pos] == c; }
  bool at_line_end(std::size_t pos) const { return pos < limit && is_line_end(text[pos]); }
  std::size_t skip_blanks(std::size_t pos) const;
  /// Past one "\n", "\r\n" or "\r" at `pos` (unchanged when there is none).
  std::size_t skip_line_end(std::size_t pos) const;
  /// From a line start past its container prefix: blanks, then up to `quotes` `>`
  /// markers, each followed by blanks. Paragraph continuation lines start after it.
  std::size_t skip_prefix(std::size_t pos) const;
  /// Blanks and at most one line ending (with the next line's prefix), as CommonMark
  /// allows between the parts of a link; a blank line is not crossed.
  std::size_t skip_space(std::size_t pos) const;
  /// The bytes of `span` with each line ending and the next line's container prefix
  /// replaced by "\n": a label that continues over lines, as cmark reads it.
  std::string content(core::ByteSpan span) const;
};

/// Decodes the entity at `text[pos]` (`&name;`, `&#123;`, `&#x1F;`) as cmark does,
/// appending its value to `out`; returns its length in bytes, or 0 when there is none.
std::size_t decode_entity(std::string_view text, std::size_t pos, std::string& out);

/// Resolves backslash escapes and entities, as CommonMark does in destinations, titles
/// and info strings.
std::string unescape(std::string_view raw);

/// Resolves entities only (raw HTML attribute values).
std::string decode_entities(std::string_view raw);

/// `(destination "title")` after a link's `]`, with offsets in the source.
struct InlineTail {
  core::ByteSpan destination;           // inside `<...>` when angle-bracketed
  std::optional<core::ByteSpan> title;  // inside the quotes or parentheses
  std::size_t end = 0;                  // after `)`
};

/// Parses an inline link tail starting at the `(` at `open`.
std::optional<InlineTail> parse_inline_tail(const Source& source, std::size_t open);

/// Parses a link label starting at the `[` at `open`: the bytes between the brackets
/// (at most 999 characters, no unescaped bracket). The closing `]` is at the span's end.
std::optional<core::ByteSpan> parse_label(const Source& source, std::size_t open);

/// A reference definition found in the source.
struct ParsedDefinition {
  core::ByteSpan label;        // between the brackets
  core::ByteSpan destination;  // inside `<...>` when angle-bracketed
  std::size_t end = 0;         // after the destination or the title
  std::size_t next_line = 0;   // the start of the line after the definition
};

/// Parses a reference definition `[label]: destination "title"` starting at `open`.
std::optional<ParsedDefinition> parse_definition(const Source& source, std::size_t open);

/// One attribute of a raw HTML tag; offsets index the scanned HTML string.
struct HtmlAttribute {
  std::string_view name;
  std::size_t value_begin = 0;  // inside the quotes; an attribute without a value has
  std::size_t value_end = 0;    // an empty value right after its name
};

/// A start tag or a comment in raw HTML; offsets index the scanned HTML string.
struct HtmlItem {
  enum class Kind { tag, comment };
  Kind kind = Kind::tag;
  std::string_view name;          // tag name as written
  std::size_t begin = 0;          // `<`
  std::size_t end = 0;            // after `>`
  std::size_t content_begin = 0;  // a comment's text between `<!--` and `-->`
  std::size_t content_end = 0;
  std::vector<HtmlAttribute> attributes;
};

/// The start tags and complete comments in `html`, in order. The contents of `<script>`,
/// `<style>` and `<textarea>` are skipped, like a browser would treat them as text.
std::vector<HtmlItem> scan_html(std::string_view html);

/// Where the bytes of a node's literal are in the source. cmark's literals of raw HTML
/// lose each continuation line's container prefix (`> `, list indentation) and
/// normalize line endings; every other byte is as written.
class LiteralMap {
 public:
  /// The source offset of `literal_offset`.
  std::size_t source(std::size_t literal_offset) const;
  std::size_t end() const { return end_; }

 private:
  friend std::optional<LiteralMap> match_literal(const Source&, std::size_t, std::string_view);
  std::vector<std::pair<std::size_t, std::size_t>> anchors_;  // (literal, source) line starts
  std::size_t end_ = 0;
};

/// Matches `literal` against the source from `pos`, skipping container prefixes and
/// leading blanks at line starts; nullopt when the bytes disagree.
std::optional<LiteralMap> match_literal(const Source& source, std::size_t pos,
                                        std::string_view literal);

}  // namespace contentlint::markdown::detail
