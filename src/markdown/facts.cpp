#include "markdown/facts.hpp"

#include <cmark.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <utility>

#include "core/utf8.hpp"
#include "markdown/parse_arena.hpp"
#include "markdown/slug.hpp"
#include "markdown/source_scan.hpp"
#include "markdown/unicode_tables.hpp"

namespace contentlint::markdown {
namespace {

using core::ByteSpan;
using detail::Source;

// Link and alt texts are copied out of the block's plain text when a link closes; past
// this nesting depth (only hostile input nests images that deep) they are left empty,
// so the copying stays linear.
constexpr std::size_t kMaxTextDepth = 16;
constexpr std::size_t kMaxLabelBytes = 999;

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

std::string_view literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal == nullptr ? std::string_view() : std::string_view(literal);
}

std::string string_of(const char* text) { return text == nullptr ? std::string() : text; }

std::string_view trim(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Whether an HTML name as written is `lowercase_name` (HTML names ignore ASCII case).
bool is_named(std::string_view written, std::string_view lowercase_name) {
  return written.size() == lowercase_name.size() &&
         std::equal(written.begin(), written.end(), lowercase_name.begin(), [](char w, char l) {
           return (w >= 'A' && w <= 'Z' ? static_cast<char>(w - 'A' + 'a') : w) == l;
         });
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A `{#id}` ending `text`: the offset of its `{` and the id, when there is one.
std::optional<std::pair<std::size_t, std::string_view>> find_custom_id(std::string_view text) {
  if (text.empty() || text.back() != '}') return std::nullopt;
  std::size_t brace = text.rfind("{#");
  if (brace == std::string_view::npos) return std::nullopt;
  std::string_view id = text.substr(brace + 2, text.size() - brace - 3);
  if (id.empty() || id.find_first_of(" \t\n\r{}") != std::string_view::npos) return std::nullopt;
  return std::pair{brace, id};
}

// The end of a bare URL starting at `begin` in `text` (GitHub's rules: it stops at
// whitespace or `<`; trailing punctuation and unbalanced `)` belong to the prose).
std::size_t bare_url_end(std::string_view text, std::size_t begin, std::size_t limit) {
  std::size_t end = begin;
  while (end < limit && !detail::is_blank(text[end]) && !detail::is_line_end(text[end]) &&
         text[end] != '<') {
    ++end;
  }
  auto url = text.substr(begin, end - begin);
  auto unmatched_closers =
      std::count(url.begin(), url.end(), ')') - std::count(url.begin(), url.end(), '(');
  while (end > begin) {
    char last = text[end - 1];
    if (std::string_view("?!.,:;*_~'\"").find(last) != std::string_view::npos) {
      --end;
    } else if (last == ')' && unmatched_closers > 0) {
      --unmatched_closers;
      --end;
    } else {
      break;
    }
  }
  return end;
}

// Sorts `items[from...]` by where they begin, keeping the order of equal ones; most
// lists come out of the walk sorted already, and then this costs one pass.
template <typename T>
void sort_by_begin(std::vector<T>& items, std::size_t from = 0) {
  auto by_begin = [](const T& a, const T& b) { return a.span.begin < b.span.begin; };
  auto first = items.begin() + static_cast<std::ptrdiff_t>(from);
  if (!std::is_sorted(first, items.end(), by_begin)) {
    std::stable_sort(first, items.end(), by_begin);
  }
}

// The source bytes `align_text` must look at one by one: escapes, entities, NUL (read as
// U+FFFD) and the brackets it records.
constexpr std::string_view kAlignStops("\\&[]\0", 5);
constexpr std::array<bool, 256> kAlignSpecial = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : kAlignStops) table[c] = true;
  return table;
}();

// How many leading bytes `literal` and `source` share before a kAlignSpecial byte of the
// source: nearly all of a text node. Eight bytes at a time while none differ and none is
// special, then one at a time.
std::size_t plain_prefix(const char* literal, const char* source, std::size_t size) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighs = 0x8080808080808080;
  auto has_zero_byte = [](std::uint64_t word) { return ((word - kOnes) & ~word & kHighs) != 0; };
  auto has_stop = [&](std::uint64_t word) {
    bool found = false;
    for (unsigned char stop : kAlignStops) found |= has_zero_byte(word ^ (kOnes * stop));
    return found;
  };
  std::size_t n = 0;
  for (; n + 8 <= size; n += 8) {
    std::uint64_t ours;
    std::uint64_t theirs;
    std::memcpy(&ours, literal + n, 8);
    std::memcpy(&theirs, source + n, 8);
    if (ours != theirs || has_stop(theirs)) break;
  }
  while (n < size && literal[n] == source[n] &&
         !kAlignSpecial[static_cast<unsigned char>(source[n])]) {
    ++n;
  }
  return n;
}

struct Frame {
  Link link;
  bool autolink = false;
  bool degraded = false;
  bool keep_text = true;
  std::size_t plain_begin = 0;  // offset into Extractor::plain_
};

struct Bracket {
  std::size_t offset;
  char kind;  // '[' or ']'
};

struct PendingReference {
  std::string label;
  ByteSpan label_span;
  ByteSpan span;
};

// The paragraph or heading whose inlines are being walked.
struct InlineBlock {
  Source source;
  std::size_t cursor = 0;
  // False once the scan lost the node-to-bytes alignment (a case this scanner does not
  // model); nodes then fall back to cmark's positions until one aligns again.
  bool synced = true;
  bool heading = false;
  bool after_backslash_break = false;  // the previous inline was `\` ending a line
  Heading fact;
  std::string heading_text;
  std::string slug_text;  // like heading_text, but line breaks as "\n" as GitHub sees them
  std::vector<Bracket> brackets;
  std::size_t first_run = 0;   // index into Body::text
  std::size_t first_link = 0;  // index into Body::links
};

struct LeafLines {
  std::uint32_t first;
  std::uint32_t last;
};

class Extractor {
 public:
  Extractor(const core::Document& document, ByteSpan span)
      : document_(document), text_(document.text()) {
    span.end = std::min(span.end, text_.size());
    span.begin = std::min(span.begin, span.end);
    span_ = span;
    first_line_ = document.position(span.begin).line;
    first_line_shift_ = span.begin - document.lines().line_span(first_line_).begin;
  }

  Body run() {
    detail::ParseArena arena;  // outlives the tree, which is freed into it
    std::unique_ptr<cmark_node, NodeDeleter> root(parse());
    if (!root) return std::move(body_);
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root.get()));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      visit(cmark_iter_get_node(iter.get()), event);
    }
    scan_uncovered_definitions();
    resolve();
    return std::move(body_);
  }

 private:
  // cmark_parse_document, with the current arena's memory.
  cmark_node* parse() const {
    cmark_parser* parser =
        cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, detail::ParseArena::memory());
    cmark_parser_feed(parser, text_.data() + span_.begin, span_.size());
    cmark_node* root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return root;
  }

  // --- positions -------------------------------------------------------------------

  std::uint32_t document_line(int cmark_line) const {
    return first_line_ + static_cast<std::uint32_t>(std::max(cmark_line, 1)) - 1;
  }

  // cmark's 1-based line and byte column (relative to the body) as a text offset.
  std::size_t offset_of(int cmark_line, int column) const {
    ByteSpan line = document_.lines().line_span(document_line(cmark_line));
    std::size_t begin = line.begin + (cmark_line <= 1 ? first_line_shift_ : 0);
    std::size_t offset = begin + static_cast<std::size_t>(std::max(column, 1)) - 1;
    return std::clamp(offset, std::min(begin, span_.end), std::min(line.end, span_.end));
  }

  std::size_t line_end(std::uint32_t line) const {
    return std::min(document_.lines().line_span(line).end, span_.end);
  }

  std::size_t node_start(cmark_node* node) const {
    return offset_of(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
  }

  // --- the walk --------------------------------------------------------------------

  void visit(cmark_node* node, cmark_event_type event) {
    bool enter = event == CMARK_EVENT_ENTER;
    bool after_backslash_break = std::exchange(block_.after_backslash_break, false);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_BLOCK_QUOTE:
        quote_depth_ += enter ? 1 : -1;
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        enter ? enter_inline_block(node) : exit_inline_block();
        break;
      case CMARK_NODE_CODE_BLOCK:
        code_block(node);
        break;
      case CMARK_NODE_HTML_BLOCK:
        html_block(node);
        break;
      case CMARK_NODE_THEMATIC_BREAK: {
        std::uint32_t line = document_line(cmark_node_get_start_line(node));
        leaves_.push_back({line, line});
        break;
      }
      case CMARK_NODE_TEXT:
        on_text(node, after_backslash_break);
        break;
      case CMARK_NODE_CODE:
        on_code(node);
        break;
      case CMARK_NODE_HTML_INLINE:
        on_html_inline(node);
        break;
      case CMARK_NODE_SOFTBREAK:
        on_break(false);
        break;
      case CMARK_NODE_LINEBREAK:
        on_break(true);
        break;
      case CMARK_NODE_EMPH:
        on_delimiters(node, enter, 1);
        break;
      case CMARK_NODE_STRONG:
        on_delimiters(node, enter, 2);
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        enter ? open_link(node) : close_link(node);
        break;
      default:
        break;
    }
  }

  // --- leaf blocks -----------------------------------------------------------------

  void code_block(cmark_node* node) {
    std::uint32_t first = document_line(cmark_node_get_start_line(node));
    std::size_t start = node_start(node);
    std::string_view literal = literal_of(node);
    CodeBlock block;
    block.fenced = is_fenced(start, line_end(first), literal);
    std::uint32_t last = first;
    // cmark's end line is one too far when a following line closes the block (an
    // indented block's trailing blank lines, an unclosed fence ended by its container),
    // so the literal's lines count, plus a closing fence when the source has one.
    auto lines = static_cast<std::uint32_t>(std::count(literal.begin(), literal.end(), '\n'));
    if (block.fenced) {
      block.info = string_of(cmark_node_get_fence_info(node));
      std::size_t opening = 0;
      while (start + opening < line_end(first) && text_[start + opening] == text_[start]) {
        ++opening;
      }
      std::uint32_t closing = first + lines + 1;
      bool closed = closing <= document_line(cmark_node_get_end_line(node)) &&
                    is_fence_line(closing, text_[start], opening);
      last = closed ? closing : first + lines;
    } else {
      last = first + std::max<std::uint32_t>(lines, 1) - 1;
    }
    block.span = {start, std::max(start, line_end(last))};
    body_.code_blocks.push_back(std::move(block));
    leaves_.push_back({first, last});
  }

  // cmark 0.30 does not say whether a code block is fenced; its first line tells: a fence
  // run of three or more, unless the literal repeats that line (an indented block
  // whose content starts with backticks).
  bool is_fenced(std::size_t start, std::size_t line_stop, std::string_view literal) const {
    char fence = start < line_stop ? text_[start] : '\0';
    if (fence != '`' && fence != '~') return false;
    std::size_t run = start;
    while (run < line_stop && text_[run] == fence) ++run;
    if (run - start < 3) return false;
    std::string_view line = text_.substr(start, line_stop - start);
    std::string_view first_literal_line = literal.substr(0, literal.find('\n'));
    bool indented = start > 0 && detail::is_blank(text_[start - 1]);
    return !(indented && first_literal_line == line);
  }

  void html_block(cmark_node* node) {
    std::uint32_t first = document_line(cmark_node_get_start_line(node));
    std::string_view literal = literal_of(node);
    // cmark's end position of an HTML block that closes on its first line is garbage
    // (line 0); the literal holds every line of the block.
    auto lines = static_cast<std::uint32_t>(std::count(literal.begin(), literal.end(), '\n'));
    if (!literal.empty() && literal.back() != '\n') ++lines;
    std::uint32_t last = first + std::max<std::uint32_t>(lines, 1) - 1;
    leaves_.push_back({first, last});
    Source source{text_, line_end(last), quote_depth_};
    if (auto map = detail::match_literal(source, node_start(node), literal)) {
      extract_html(literal, *map);
    }
  }

  // --- paragraphs and headings -----------------------------------------------------

  void enter_inline_block(cmark_node* node) {
    std::uint32_t first = document_line(cmark_node_get_start_line(node));
    std::uint32_t last = std::max(first, document_line(cmark_node_get_end_line(node)));
    std::size_t start = node_start(node);
    bool heading = cmark_node_get_type(node) == CMARK_NODE_HEADING;
    bool atx = heading && is_atx_start(start, line_end(first));
    if (atx) {
      last = first;
    } else if (heading) {
      last = setext_underline(first, last);
    }
    leaves_.push_back({first, last});
    block_ = InlineBlock{};
    block_.source = Source{text_, line_end(last), quote_depth_};
    block_.first_run = body_.text.size();
    block_.first_link = body_.links.size();
    block_.heading = heading;
    block_.cursor = start;
    plain_.clear();
    if (!heading) {
      skip_definitions();
      return;
    }
    const Source& source = block_.source;
    Heading& fact = block_.fact;
    fact.level = cmark_node_get_heading_level(node);
    fact.setext = !atx;
    if (fact.setext) {
      skip_definitions();
      std::size_t text_end = line_end(last - 1);
      while (text_end > block_.cursor && detail::is_blank(text_[text_end - 1])) --text_end;
      fact.text_span = {block_.cursor, std::max(block_.cursor, text_end)};
      fact.span = {block_.cursor, source.limit};
      return;
    }
    std::size_t pos = start;
    while (source.at(pos, '#')) ++pos;
    pos = source.skip_blanks(pos);
    block_.cursor = pos;
    std::size_t end = source.limit;
    while (end > pos && detail::is_blank(text_[end - 1])) --end;
    std::size_t closing = end;
    while (closing > pos && text_[closing - 1] == '#') --closing;
    if (closing < end && (closing == pos || detail::is_blank(text_[closing - 1]))) {
      end = closing;
      while (end > pos && detail::is_blank(text_[end - 1])) --end;
    }
    fact.text_span = {pos, end};
    fact.span = {start, source.limit};
  }

  // A setext heading's text can never open an ATX heading, so the source tells them
  // apart.
  bool is_atx_start(std::size_t pos, std::size_t stop) const {
    std::size_t run = pos;
    while (run < stop && text_[run] == '#') ++run;
    return run > pos && run - pos <= 6 && (run == stop || detail::is_blank(text_[run]));
  }

  // cmark ends a setext heading on the line after its underline (when that line closes
  // it), so the underline is found in the source: the first line after the text that is
  // only `=` or `-` characters.
  std::uint32_t setext_underline(std::uint32_t first, std::uint32_t cmark_last) const {
    for (std::uint32_t line = first + 1; line <= cmark_last; ++line) {
      if (is_fence_line(line, '=', 1) || is_fence_line(line, '-', 1)) return line;
    }
    return std::max(first + 1, cmark_last);
  }

  // Whether `line`, after its container prefix, is a run of at least `length` `marker`s
  // and blanks after it (a setext underline, a closing code fence).
  bool is_fence_line(std::uint32_t line, char marker, std::size_t length) const {
    Source source{text_, line_end(line), quote_depth_};
    std::size_t pos =
        source.skip_prefix(std::max(document_.lines().line_span(line).begin, span_.begin));
    std::size_t run = pos;
    while (source.at(run, marker)) ++run;
    return run - pos >= length && source.skip_blanks(run) == source.limit;
  }

  // Reference definitions at the start of a paragraph stay in cmark's paragraph
  // position but not in its inlines.
  void skip_definitions() {
    const Source& source = block_.source;
    while (source.at(block_.cursor, '[')) {
      auto parsed = detail::parse_definition(source, block_.cursor);
      if (!parsed) break;
      add_definition(source, *parsed);
      block_.cursor = source.skip_prefix(parsed->next_line);
    }
  }

  void add_definition(const Source& source, const detail::ParsedDefinition& parsed) {
    Definition definition;
    definition.label = normalize_label(source.content(parsed.label));
    definition.destination =
        detail::unescape(text_.substr(parsed.destination.begin, parsed.destination.size()));
    definition.destination_span = parsed.destination;
    definition.span = {parsed.label.begin - 1, parsed.end};
    body_.definitions.push_back(std::move(definition));
  }

  void exit_inline_block() {
    collect_undefined_references();
    if (block_.heading) finish_heading();
    for (std::size_t i = block_.first_run; i < body_.text.size(); ++i) {
      const TextRun& run = body_.text[i];
      if (run.scope == TextRun::Scope::text || run.scope == TextRun::Scope::heading) {
        find_bare_urls(run.span);
      }
    }
    // A link closes after the images inside it, and bare URLs come last.
    sort_by_begin(body_.links, block_.first_link);
    frames_.clear();
    open_images_ = 0;
  }

  void finish_heading() {
    Heading& heading = block_.fact;
    std::string_view text = trim(block_.heading_text);
    std::string_view slug_text = block_.slug_text;
    if (!heading.setext) {
      if (auto custom = find_custom_id(text)) {
        heading.custom_id = std::string(custom->second);
        text = trim(text.substr(0, custom->first));
        slug_text = slug_text.substr(0, slug_text.rfind("{#"));
        std::string_view written = document_.slice(heading.text_span);
        if (auto in_source = find_custom_id(written)) {
          std::size_t end = heading.text_span.begin + in_source->first;
          while (end > heading.text_span.begin && detail::is_blank(text_[end - 1])) --end;
          heading.text_span.end = end;
        }
      }
    }
    heading.text = std::string(text);
    heading.anchor = slugs_.next(trim(slug_text));
    // The `{#id}` is not heading text.
    auto& runs = body_.text;
    for (std::size_t i = block_.first_run; i < runs.size(); ++i) {
      runs[i].span.end = std::min(runs[i].span.end, heading.text_span.end);
      runs[i].span.begin = std::min(runs[i].span.begin, runs[i].span.end);
    }
    runs.erase(std::remove_if(runs.begin() + static_cast<std::ptrdiff_t>(block_.first_run),
                              runs.end(), [](const TextRun& run) { return run.span.empty(); }),
               runs.end());
    body_.headings.push_back(std::move(heading));
  }

  // --- inlines ---------------------------------------------------------------------

  // After the alignment was lost, cmark's own position of a node is the best guess;
  // it is right on a paragraph's first line, where most links are.
  void resync(cmark_node* node) {
    if (block_.synced || cmark_node_get_start_line(node) <= 0) return;
    std::size_t start = node_start(node);
    if (start >= block_.cursor && start < block_.source.limit) {
      block_.cursor = start;
      block_.synced = true;
    }
  }

  TextRun::Scope scope() const {
    if (!frames_.empty()) {
      return frames_.back().link.image ? TextRun::Scope::alt_text : TextRun::Scope::link_text;
    }
    return block_.heading ? TextRun::Scope::heading : TextRun::Scope::text;
  }

  void append_plain(std::string_view text, std::string_view slug_text) {
    if (!frames_.empty()) plain_ += text;
    if (!block_.heading) return;
    if (open_images_ > 0) return;
    block_.heading_text += text;
    block_.slug_text += slug_text;
  }

  void add_run(ByteSpan span) {
    if (span.empty()) return;
    TextRun::Scope run_scope = scope();
    auto& runs = body_.text;
    if (runs.size() > block_.first_run && runs.back().scope == run_scope &&
        runs.back().span.end == span.begin) {
      runs.back().span.end = span.end;
      return;
    }
    runs.push_back({run_scope, span});
  }

  void lose_sync() { block_.synced = false; }

  void on_text(cmark_node* node, bool after_backslash_break) {
    std::string_view literal = literal_of(node);
    append_plain(literal, literal);
    if (!frames_.empty() && frames_.back().autolink) return;  // its `<...>` is matched
    resync(node);
    if (!block_.synced) return;
    if (after_backslash_break) {
      // cmark keeps the blanks that start the line after a backslash break as text;
      // skip_prefix already stepped over them in the source.
      while (!literal.empty() && detail::is_blank(literal.front())) literal.remove_prefix(1);
    }
    std::optional<std::size_t> end = align_text(literal);
    if (!end) return lose_sync();
    add_run({block_.cursor, *end});
    block_.cursor = *end;
  }

  // Matches a text node's literal at the cursor: the source may spell a character as a
  // backslash escape or an entity. Records the brackets that are literal text.
  std::optional<std::size_t> align_text(std::string_view literal) {
    const Source& source = block_.source;
    std::size_t pos = block_.cursor;
    std::size_t brackets_before = block_.brackets.size();
    std::string decoded;
    std::size_t i = 0;
    while (i < literal.size()) {
      // Plain bytes, nearly all of any text, in a tight loop before the cases below.
      std::size_t room = std::min(literal.size() - i, source.limit - std::min(pos, source.limit));
      const std::size_t plain = plain_prefix(literal.data() + i, text_.data() + pos, room);
      i += plain;
      pos += plain;
      if (i == literal.size()) break;
      if (pos >= source.limit) break;
      char c = text_[pos];
      if (c == '\\' && pos + 1 < source.limit && detail::is_ascii_punctuation(text_[pos + 1])) {
        if (literal[i] != text_[pos + 1]) break;
        ++i;
        pos += 2;
        continue;
      }
      if (c == '&') {
        decoded.clear();
        std::size_t length = detail::decode_entity(text_.substr(0, source.limit), pos, decoded);
        if (length > 0 && literal.substr(i, decoded.size()) == decoded) {
          i += decoded.size();
          pos += length;
          continue;
        }
      }
      if (c == '\0' && literal.substr(i, 3) == "\xEF\xBF\xBD") {
        i += 3;
        ++pos;
        continue;
      }
      if (literal[i] != c) break;
      if (c == '[' || c == ']') block_.brackets.push_back({pos, c});
      ++i;
      ++pos;
    }
    if (i == literal.size()) return pos;
    block_.brackets.resize(brackets_before);
    return std::nullopt;
  }

  void on_code(cmark_node* node) {
    std::string_view literal = literal_of(node);
    append_plain(literal, literal);
    resync(node);
    if (!block_.synced) return;
    const Source& source = block_.source;
    std::size_t pos = block_.cursor;
    std::size_t run = pos;
    while (source.at(run, '`')) ++run;
    std::size_t length = run - pos;
    if (length == 0) return lose_sync();
    // Backslashes do not escape in code spans: the span ends at the next run of exactly
    // as many backticks.
    for (std::size_t close = run; close < source.limit;) {
      if (text_[close] != '`') {
        ++close;
        continue;
      }
      std::size_t close_end = close;
      while (source.at(close_end, '`')) ++close_end;
      if (close_end - close == length) {
        block_.cursor = close_end;
        return;
      }
      close = close_end;
    }
    lose_sync();
  }

  void on_html_inline(cmark_node* node) {
    resync(node);
    if (!block_.synced) return;
    std::string_view literal = literal_of(node);
    auto map = detail::match_literal(block_.source, block_.cursor, literal);
    if (!map || !block_.source.at(block_.cursor, '<')) return lose_sync();
    block_.cursor = map->end();
    extract_html(literal, *map);
  }

  void on_break(bool hard) {
    append_plain(" ", "\n");
    if (!block_.synced) return;
    const Source& source = block_.source;
    std::size_t pos = source.skip_blanks(block_.cursor);
    bool backslash = hard && source.at(pos, '\\');
    if (backslash) ++pos;
    if (!source.at_line_end(pos)) return lose_sync();
    block_.cursor = source.skip_prefix(source.skip_line_end(pos));
    block_.after_backslash_break = backslash;
  }

  void on_delimiters(cmark_node* node, bool enter, int count) {
    if (enter) resync(node);
    if (!block_.synced) return;
    for (int i = 0; i < count; ++i) {
      if (!block_.source.at(block_.cursor, '*') && !block_.source.at(block_.cursor, '_')) {
        return lose_sync();
      }
      ++block_.cursor;
    }
  }

  void open_link(cmark_node* node) {
    resync(node);
    Frame frame;
    frame.link.image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
    frame.link.destination = string_of(cmark_node_get_url(node));
    frame.link.title = string_of(cmark_node_get_title(node));
    frame.keep_text = frames_.size() < kMaxTextDepth;
    frame.plain_begin = plain_.size();
    const Source& source = block_.source;
    std::size_t pos = block_.cursor;
    frame.link.span.begin = pos;
    if (!block_.synced) {
      frame.degraded = true;
      frame.link.span.begin = node_start(node);
    } else if (frame.link.image && source.at(pos, '!') && source.at(pos + 1, '[')) {
      block_.cursor = pos + 2;
    } else if (!frame.link.image && source.at(pos, '[')) {
      block_.cursor = pos + 1;
    } else if (!frame.link.image && source.at(pos, '<')) {
      std::size_t close = pos + 1;
      while (close < source.limit && text_[close] != '>' && !detail::is_line_end(text_[close])) {
        ++close;
      }
      if (source.at(close, '>')) {
        frame.autolink = true;
        frame.link.form = Link::Form::autolink;
        frame.link.destination_span = {pos + 1, close};
        frame.link.text_span = frame.link.destination_span;
        frame.link.span = {pos, close + 1};
      } else {
        frame.degraded = true;
      }
    } else {
      frame.degraded = true;
    }
    if (frame.degraded) lose_sync();
    frame.link.text_span.begin = frame.autolink ? frame.link.text_span.begin : block_.cursor;
    if (frame.link.image) ++open_images_;
    frames_.push_back(std::move(frame));
  }

  void close_link(cmark_node* node) {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    Link& link = frame.link;
    if (link.image) --open_images_;
    if (frame.keep_text) link.text = plain_.substr(frame.plain_begin);
    if (frames_.empty()) plain_.clear();
    const Source& source = block_.source;
    if (frame.autolink) {
      block_.cursor = link.span.end;
      body_.links.push_back(std::move(link));
      return;
    }
    std::size_t pos = block_.cursor;
    if (frame.degraded || !block_.synced || !source.at(pos, ']')) {
      // Only cmark's positions are left: the link's extent, not its parts.
      std::size_t end =
          std::min(offset_of(cmark_node_get_end_line(node), cmark_node_get_end_column(node)) + 1,
                   source.limit);
      link.span.end = std::max(end, link.span.begin);
      link.text_span = {link.span.begin, link.span.begin};
      link.destination_span = {link.span.end, link.span.end};
      body_.links.push_back(std::move(link));
      lose_sync();
      return;
    }
    link.text_span.end = pos;
    ++pos;
    std::optional<detail::InlineTail> tail;
    if (source.at(pos, '(')) tail = detail::parse_inline_tail(source, pos);
    if (tail) {
      link.form = Link::Form::inline_;
      link.destination_span = tail->destination;
      pos = tail->end;
    } else {
      link.form = Link::Form::reference;
      std::optional<ByteSpan> label;
      if (source.at(pos, '[')) label = detail::parse_label(source, pos);
      if (label && !trim(document_.slice(*label)).empty()) {
        link.label_span = *label;
        pos = label->end + 1;
      } else {
        // `[text][]` or `[text]`: the text is the label (cmark treats a blank label
        // like `[]`).
        link.label_span = link.text_span;
        if (label) pos = label->end + 1;
      }
      link.label = source.content(link.label_span);
      link.destination_span = link.label_span;
    }
    link.span.end = pos;
    block_.cursor = pos;
    body_.links.push_back(std::move(link));
  }

  // --- raw HTML ----------------------------------------------------------------------

  void extract_html(std::string_view html, const detail::LiteralMap& map) {
    auto span_of = [&](std::size_t begin, std::size_t end) {
      return ByteSpan{map.source(begin), std::max(map.source(begin), map.source(end))};
    };
    for (const detail::HtmlItem& item : detail::scan_html(html)) {
      if (item.kind == detail::HtmlItem::Kind::comment) {
        std::string_view content =
            html.substr(item.content_begin, item.content_end - item.content_begin);
        body_.comments.push_back({std::string(trim(content)), span_of(item.begin, item.end)});
        continue;
      }
      bool anchor_tag = is_named(item.name, "a");
      bool image_tag = is_named(item.name, "img");
      std::optional<Link> link;
      if (anchor_tag || image_tag) {
        link.emplace();
        link->form = Link::Form::html;
        link->image = image_tag;
        link->span = span_of(item.begin, item.end);
        link->text_span = {link->span.end, link->span.end};
      }
      bool has_destination = false;
      for (const detail::HtmlAttribute& attribute : item.attributes) {
        std::string_view value =
            html.substr(attribute.value_begin, attribute.value_end - attribute.value_begin);
        ByteSpan value_span = span_of(attribute.value_begin, attribute.value_end);
        auto attribute_is = [&](std::string_view name) { return is_named(attribute.name, name); };
        if (attribute_is("id") || (anchor_tag && attribute_is("name"))) {
          body_.html_anchors.push_back({detail::decode_entities(value), value_span});
        }
        if (!link) continue;
        if (attribute_is(image_tag ? "src" : "href")) {
          link->destination = detail::decode_entities(value);
          link->destination_span = value_span;
          has_destination = true;
        } else if (attribute_is("title")) {
          link->title = detail::decode_entities(value);
        } else if (image_tag && attribute_is("alt")) {
          link->text = detail::decode_entities(value);
          link->text_span = value_span;
        }
      }
      if (link && has_destination) body_.links.push_back(std::move(*link));
    }
  }

  // --- prose -------------------------------------------------------------------------

  // `[text][label]` and `[label][]` that cmark left as text: a `]` of text followed at
  // once by a `[` of text and, with no bracket between, a `]`.
  void collect_undefined_references() {
    const auto& brackets = block_.brackets;
    std::vector<std::size_t> openers;
    for (std::size_t k = 0; k < brackets.size(); ++k) {
      if (brackets[k].kind == '[') {
        openers.push_back(brackets[k].offset);
        continue;
      }
      if (openers.empty()) continue;
      std::size_t open = openers.back();
      openers.pop_back();
      std::size_t close_text = brackets[k].offset;
      if (k + 2 >= brackets.size() || brackets[k + 1].kind != '[' ||
          brackets[k + 1].offset != close_text + 1 || brackets[k + 2].kind != ']') {
        continue;
      }
      std::size_t close_label = brackets[k + 2].offset;
      k += 2;
      ByteSpan label_span = close_label == close_text + 2 ? ByteSpan{open + 1, close_text}
                                                          : ByteSpan{close_text + 2, close_label};
      std::string label = block_.source.content(label_span);
      if (trim(label).empty() || label.size() > kMaxLabelBytes) continue;
      std::size_t start = open;
      if (open > span_.begin && text_[open - 1] == '!' &&
          !(open - 1 > span_.begin && text_[open - 2] == '\\')) {
        start = open - 1;
      }
      pending_references_.push_back({std::move(label), label_span, {start, close_label + 1}});
    }
  }

  void find_bare_urls(ByteSpan run) {
    std::size_t pos = run.begin;
    while (pos < run.end) {
      std::size_t h = text_.substr(0, run.end).find('h', pos);
      if (h == std::string_view::npos) return;
      pos = h + 1;
      std::string_view rest = text_.substr(h, run.end - h);
      std::size_t scheme = rest.starts_with("https://") ? 8 : rest.starts_with("http://") ? 7 : 0;
      if (scheme == 0) continue;
      if (h > run.begin &&
          std::string_view(" \t*_~(\"'[").find(text_[h - 1]) == std::string_view::npos) {
        continue;
      }
      if (h + scheme >= run.end || !is_alnum(text_[h + scheme])) continue;
      std::size_t end = bare_url_end(text_, h, run.end);
      if (end <= h + scheme) continue;
      Link link;
      link.form = Link::Form::bare_url;
      link.span = {h, end};
      link.destination_span = link.span;
      link.text_span = link.span;
      link.text = std::string(document_.slice(link.span));
      link.destination = detail::unescape(link.text);
      body_.links.push_back(std::move(link));
      pos = end;
    }
  }

  // --- after the walk ----------------------------------------------------------------

  // Definitions that make up a whole paragraph leave no node at all; they sit on the
  // lines no leaf block covers, after any container markers.
  void scan_uncovered_definitions() {
    std::sort(leaves_.begin(), leaves_.end(),
              [](const LeafLines& a, const LeafLines& b) { return a.first < b.first; });
    std::uint32_t last_line = document_.position(span_.end).line;
    Source source{text_, span_.end, INT_MAX};
    std::size_t leaf = 0;
    for (std::uint32_t line = first_line_; line <= last_line;) {
      while (leaf < leaves_.size() && leaves_[leaf].last < line) ++leaf;
      if (leaf < leaves_.size() && leaves_[leaf].first <= line) {
        line = leaves_[leaf].last + 1;
        continue;
      }
      std::size_t pos = std::max(document_.lines().line_span(line).begin, span_.begin);
      pos = skip_container_markers(source, pos);
      if (source.at(pos, '[')) {
        if (auto parsed = detail::parse_definition(source, pos)) {
          add_definition(source, *parsed);
          line = std::max(line + 1, document_.position(parsed->next_line).line);
          if (parsed->next_line >= span_.end) break;
          continue;
        }
      }
      ++line;
    }
  }

  static std::size_t skip_container_markers(const Source& source, std::size_t pos) {
    while (true) {
      pos = source.skip_blanks(pos);
      if (source.at(pos, '>')) {
        ++pos;
        continue;
      }
      std::size_t marker = pos;
      if (source.at(pos, '-') || source.at(pos, '+') || source.at(pos, '*')) {
        ++marker;
      } else {
        while (marker < source.limit && marker - pos < 9 && is_digit(source.text[marker])) ++marker;
        if (marker == pos || !(source.at(marker, '.') || source.at(marker, ')'))) return pos;
        ++marker;
      }
      if (marker < source.limit && !detail::is_blank(source.text[marker])) return pos;
      pos = marker;
    }
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  void resolve() {
    sort_by_begin(body_.definitions);
    std::unordered_map<std::string, std::size_t> definitions;
    for (std::size_t i = 0; i < body_.definitions.size(); ++i) {
      definitions.emplace(body_.definitions[i].label, i);  // the first definition wins
    }
    for (Link& link : body_.links) {
      if (link.form != Link::Form::reference) continue;
      if (auto found = definitions.find(normalize_label(link.label)); found != definitions.end()) {
        link.definition = found->second;
      }
    }
    for (PendingReference& pending : pending_references_) {
      if (definitions.contains(normalize_label(pending.label))) continue;
      body_.undefined_references.push_back(
          {std::move(pending.label), pending.label_span, pending.span});
    }
    sort_by_begin(body_.links);
    sort_by_begin(body_.comments);
    sort_by_begin(body_.html_anchors);
  }

  const core::Document& document_;
  std::string_view text_;  // the Document's text
  ByteSpan span_;
  std::uint32_t first_line_ = 1;
  std::size_t first_line_shift_ = 0;  // bytes before the body on its first line
  Body body_;
  int quote_depth_ = 0;
  SlugCounter slugs_;
  std::vector<LeafLines> leaves_;
  std::vector<PendingReference> pending_references_;
  InlineBlock block_;
  std::vector<Frame> frames_;  // the links and images open at the cursor
  int open_images_ = 0;        // how many of frames_ are images
  std::string plain_;          // plain text of the open links of the current block
};

}  // namespace

Body extract(const core::Document& document, core::ByteSpan span) {
  if (auto too_complex = find_too_complex(document.text(), span)) {
    Body body;
    body.too_complex = std::move(too_complex);
    return body;
  }
  return Extractor(document, span).run();
}

void release_parse_memory() { detail::ParseArena::release_spare(); }

std::string normalize_label(std::string_view label) {
  std::string folded;
  folded.reserve(label.size());
  bool pending_space = false;
  label = trim(label);
  for (std::size_t offset = 0; offset < label.size();) {
    char c = label[offset];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      pending_space = true;
      ++offset;
      continue;
    }
    if (pending_space) folded += ' ';
    pending_space = false;
    detail::append_case_fold(folded, core::decode_code_point(label, offset));
  }
  return folded;
}

}  // namespace contentlint::markdown
