// The fast YAML reader: libyaml's event API fed to the shared TreeBuilder.
//
// libyaml's marks differ from yaml-cpp's in two ways that matter here, and both are
// translated before the builder sees them: they count characters, not bytes, and an
// empty value is marked right after its `:` or `-` where yaml-cpp marks the next token.
// Where yaml-cpp 0.7 reads YAML differently from libyaml (each case below names one; the
// yaml_differential fuzz target found them), and on any libyaml error, an undefined
// alias or a hazard the builder stops at, this reader gives up and yaml-cpp reads the
// block: what it says about a block is what the tool has always said.

#include <yaml.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "frontmatter/tree_builder.hpp"

namespace contentlint::frontmatter::detail {
namespace {

// libyaml's marks count code points; the builder wants bytes. A cursor walks from the
// last mark to the next, forward or back, so a block costs one pass or so.
class CharToByte {
 public:
  explicit CharToByte(std::string_view text)
      : text_(text), ascii_(std::all_of(text.begin(), text.end(), [](char c) {
          return (static_cast<unsigned char>(c) & 0x80) == 0;
        })) {}

  std::size_t operator()(std::size_t chars) {
    if (ascii_) return std::min(chars, text_.size());
    while (chars_ < chars && bytes_ < text_.size()) {
      ++bytes_;
      while (bytes_ < text_.size() && is_continuation(text_[bytes_])) ++bytes_;
      ++chars_;
    }
    while (chars_ > chars) {
      --bytes_;
      while (bytes_ > 0 && is_continuation(text_[bytes_])) --bytes_;
      --chars_;
    }
    return bytes_;
  }

 private:
  static bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

  std::string_view text_;
  bool ascii_;
  std::size_t chars_ = 0;
  std::size_t bytes_ = 0;
};

// A key yaml-cpp 0.7 fails to read without a value in braces (it allows 1024 bytes and
// counts a little differently; this leaves a margin).
constexpr std::size_t kLongKey = 1000;

// Where yaml-cpp's next token after `at` starts: past blanks, line breaks and comments.
std::size_t next_token(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    char c = text[at];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++at;
    } else if (c == '#') {
      while (at < text.size() && text[at] != '\n') ++at;
    } else {
      break;
    }
  }
  return at;
}

// A `?` that may be an explicit key: yaml-cpp 0.7 and libyaml disagree on where it is
// one (at the end of the input, before a non-blank in brackets). Front matter does not
// use explicit keys, so any `?` that starts a token sends the block to yaml-cpp.
bool has_key_indicator(std::string_view text) {
  for (std::size_t at = text.find('?'); at != std::string_view::npos; at = text.find('?', at + 1)) {
    if (at == 0 || std::string_view(" \t\n\r[{,").find(text[at - 1]) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// Whether a tag or an anchor starts at `at` (an empty node may start at the very end).
bool has_properties(std::string_view text, std::size_t at) {
  return at < text.size() && (text[at] == '!' || text[at] == '&');
}

// Where the node whose properties (tag, anchor) start at `at` itself starts.
std::size_t after_properties(std::string_view text, std::size_t at) {
  while (has_properties(text, at)) {
    at = std::min(text.find_first_of(" \t\n\r", at), text.size());
    at = std::min(text.find_first_not_of(" \t", at), text.size());
  }
  return next_token(text, at);
}

// The byte column of `at` (0-based); indentation is spaces, so it orders like libyaml's.
std::size_t column(std::string_view text, std::size_t at) {
  std::size_t line = text.rfind('\n', at == 0 ? 0 : at - 1);
  return line == std::string_view::npos || at == 0 ? at : at - line - 1;
}

// Whether the blanks around `at` hold a line break.
bool breaks_line_around(std::string_view text, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0 && std::string_view(" \t\n").find(text[begin - 1]) != std::string_view::npos) {
    --begin;
  }
  std::size_t end = std::min(text.find_first_not_of(" \t\n", at), text.size());
  return text.substr(begin, end - begin).find('\n') != std::string_view::npos;
}

// Whether a line after `at` starts with a tab.
bool tab_starts_line_after(std::string_view text, std::size_t at) {
  for (std::size_t end = text.find('\n', at); end != std::string_view::npos;
       end = text.find('\n', end + 1)) {
    if (end + 1 < text.size() && text[end + 1] == '\t') return true;
  }
  return false;
}

// Only blanks, line breaks and comments: what yaml-cpp reads as no document at all.
bool is_blank(std::string_view text) { return next_token(text, 0) == text.size(); }

// Whether the block scalar whose header starts at `at` has the keep indicator `+`:
// yaml-cpp 0.7 drops the kept line breaks at the end of the input (`|+` then blank lines).
bool keeps_trailing_lines(std::string_view text, std::size_t at) {
  std::string_view header = text.substr(at);
  header = header.substr(0, header.find_first_of(" \t\n"));
  return header.find('+') != std::string_view::npos;
}

// Whether the text ends in a line of spaces with no line break after it: yaml-cpp 0.7
// folds that line into a folded scalar before it as a space, where YAML keeps a break.
bool ends_in_unbroken_blank_line(std::string_view text) {
  std::size_t last = text.rfind('\n');
  std::string_view tail = last == std::string_view::npos ? text : text.substr(last + 1);
  return !tail.empty() && tail.find_first_not_of(' ') == std::string_view::npos;
}

// Whether a name that libyaml read from `at` ends where yaml-cpp's would: libyaml takes
// only letters, digits, `-` and `_`, yaml-cpp anything up to a blank or `[]{},`.
bool name_ends_alike(std::string_view text, std::size_t at) {
  while (at < text.size() && (std::isalnum(static_cast<unsigned char>(text[at])) != 0 ||
                              text[at] == '-' || text[at] == '_')) {
    ++at;
  }
  return at == text.size() ||
         std::string_view(" \t\n\r[]{},").find(text[at]) != std::string_view::npos;
}

// The same for each anchor among the properties (tag, anchor) that start at `at`, and no
// tag that yaml-cpp reads otherwise.
bool properties_alike(std::string_view text, std::size_t at) {
  constexpr std::string_view kBlank = " \t\n\r";
  while (has_properties(text, at)) {
    if (text[at] == '&' && !name_ends_alike(text, at + 1)) return false;
    // yaml-cpp 0.7 reads a lone `!` at the very end as the tag "!!", and does not decode
    // `%xx` escapes in a tag.
    if (text[at] == '!' && at + 1 == text.size()) return false;
    std::size_t end = std::min(text.find_first_of(kBlank, at), text.size());
    if (text[at] == '!' && text.substr(at, end - at).find('%') != std::string_view::npos) {
      return false;
    }
    at = end;
    at = std::min(text.find_first_not_of(" \t", at), text.size());
  }
  return true;
}

// Whether a flow scalar's source holds an empty line, which yaml-cpp 0.7 folds into
// fewer line breaks than YAML (and libyaml) keeps.
bool has_empty_line(std::string_view source) {
  for (std::size_t at = source.find('\n'); at != std::string_view::npos;
       at = source.find('\n', at + 1)) {
    std::size_t next = source.find_first_not_of(" \t\r", at + 1);
    if (next != std::string_view::npos && source[next] == '\n') return true;
  }
  return false;
}

bool is_null_word(std::string_view value) {
  return value == "~" || value == "null" || value == "Null" || value == "NULL";
}

// The tags both parsers resolve alike: `!`, `!name`, `!!name` and their verbatim forms.
// yaml-cpp 0.7 refuses some handles libyaml takes (`!/!str`); those go to yaml-cpp.
bool is_simple_tag(const yaml_char_t* tag) {
  if (tag == nullptr) return true;
  std::string_view text(reinterpret_cast<const char*>(tag));
  if (text == "!") return true;
  if (text.starts_with("tag:yaml.org,2002:")) {
    text.remove_prefix(18);
  } else if (text.starts_with("!")) {
    text.remove_prefix(1);
  } else {
    return false;
  }
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

const char* chars(const yaml_char_t* text) { return reinterpret_cast<const char*>(text); }

class Parser {
 public:
  Parser(std::string_view yaml) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(yaml.data()),
                                 yaml.size());
  }
  ~Parser() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  /// The next event, or nullptr on a libyaml error.
  const yaml_event_t* next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    return has_event_ ? &event_ : nullptr;
  }

 private:
  yaml_parser_t parser_;
  yaml_event_t event_;
  bool has_event_ = false;
};

// Feeds one document's events to `builder`. False when libyaml fails or the events
// hold something the yaml-cpp reader would treat differently.
bool read_document(Parser& parser, TreeBuilder& builder, std::string_view yaml,
                   bool& has_document) {
  CharToByte to_byte(yaml);
  std::unordered_map<std::string, AnchorId> anchors;
  auto at = [&](const yaml_mark_t& mark) {
    return builder.offset(static_cast<std::ptrdiff_t>(to_byte(mark.index)));
  };
  // The id of a node's anchor (0: none); nullopt when yaml-cpp would read another name.
  auto define = [&](const yaml_char_t* anchor, std::size_t begin) -> std::optional<AnchorId> {
    if (!properties_alike(yaml, begin)) return std::nullopt;
    if (anchor == nullptr) return 0;
    std::string name(chars(anchor));
    AnchorId id = builder.define_anchor(name);
    anchors[std::move(name)] = id;
    return id;
  };
  struct Frame {
    bool flow = false;
    bool mapping = false;
    std::size_t column = 0;     // in characters, as libyaml counts
    bool at_value = false;      // a mapping's next node is a value
    std::size_t key_begin = 0;  // where a mapping's last key starts, in bytes
  };
  std::vector<Frame> open;
  std::size_t flow_level = 0;
  // Whether a node stands where yaml-cpp reads it as part of its parent. libyaml takes a
  // node on the line below a `-` or a key at the same column as its item or value
  // (`-` then `>` below it); yaml-cpp ends the collection there. Only a block sequence
  // may be a mapping's value at the key's column.
  auto placed_alike = [&](std::size_t begin, bool empty, bool sequence) {
    if (open.empty()) return true;
    Frame& parent = open.back();
    bool is_value = parent.mapping && parent.at_value;
    if (parent.mapping && !is_value) parent.key_begin = begin;
    if (parent.mapping) parent.at_value = !parent.at_value;
    if (parent.flow || empty || (parent.mapping && !is_value)) return true;
    // The node's properties and its content (which may follow them on the next line).
    return (column(yaml, begin) > parent.column &&
            column(yaml, after_properties(yaml, begin)) > parent.column) ||
           (is_value && sequence);
  };
  auto push = [&](std::size_t begin, bool is_flow, bool mapping) {
    open.push_back({is_flow, mapping, column(yaml, after_properties(yaml, begin)), false});
    flow_level += is_flow ? 1 : 0;
  };
  while (const yaml_event_t* event = parser.next()) {
    switch (event->type) {
      case YAML_STREAM_START_EVENT:
      case YAML_DOCUMENT_START_EVENT:
        break;
      case YAML_NO_EVENT:
        return false;
      case YAML_STREAM_END_EVENT:
        // No document: yaml-cpp reads one from anything but blanks and comments (`...`).
        return is_blank(yaml);
      case YAML_DOCUMENT_END_EVENT:
        // yaml-cpp looks at the token after the document, and fails on a bad one; libyaml
        // must read that far too (text after an implicit end must start a new document).
        has_document = true;
        return parser.next() != nullptr;
      case YAML_ALIAS_EVENT: {
        if (!name_ends_alike(yaml, to_byte(event->start_mark.index) + 1) ||
            !placed_alike(to_byte(event->start_mark.index), false, false)) {
          return false;
        }
        auto it = anchors.find(chars(event->data.alias.anchor));
        if (it == anchors.end()) return false;  // yaml-cpp's error to report
        builder.on_alias(at(event->start_mark), it->second);
        break;
      }
      case YAML_SCALAR_EVENT: {
        const auto& scalar = event->data.scalar;
        std::string_view value(chars(scalar.value), scalar.length);
        bool plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;
        bool block =
            scalar.style == YAML_LITERAL_SCALAR_STYLE || scalar.style == YAML_FOLDED_SCALAR_STYLE;
        std::size_t begin = to_byte(event->start_mark.index);
        std::size_t end = to_byte(event->end_mark.index);
        bool is_key = !open.empty() && open.back().mapping && !open.back().at_value;
        if (!is_simple_tag(scalar.tag) || !properties_alike(yaml, begin) ||
            // yaml-cpp 0.7 drops the tag of an empty node at the end of the input.
            (scalar.tag != nullptr && plain && value.empty()) ||
            // yaml-cpp 0.7 indents a block scalar at the top by its own column, and one
            // after a tag or an anchor by the properties' column.
            (block && (open.empty() || has_properties(yaml, begin))) ||
            (block ? keeps_trailing_lines(yaml, begin)
                   : has_empty_line(yaml.substr(begin, end - begin))) ||
            (scalar.style == YAML_FOLDED_SCALAR_STYLE && ends_in_unbroken_blank_line(yaml)) ||
            // yaml-cpp 0.7 ends a plain scalar at `?` inside brackets; libyaml does not.
            (plain && flow_level > 0 && value.find('?') != std::string_view::npos) ||
            // ...and continues a plain scalar onto the next line less often than libyaml
            // (never at the top, not before a line starting with a backquote): rare in
            // front matter, so left to yaml-cpp.
            (plain && yaml.substr(begin, end - begin).find('\n') != std::string_view::npos) ||
            // ...and, after a tag or an anchor at the top, takes a tab that starts a later
            // line for indentation, which it refuses.
            (plain && open.empty() && has_properties(yaml, begin) &&
             tab_starts_line_after(yaml, end)) ||
            !placed_alike(begin, plain && value.empty(), false)) {
          return false;
        }
        std::optional<AnchorId> anchor = define(scalar.anchor, begin);
        if (!anchor) return false;
        // yaml-cpp 0.7 takes an anchored empty key, or one in brackets, for a missing node,
        // and fails on a key without a value in braces before a line break (`{a\n}`),
        // across one (`{'a\nb'}`) or over 1 KiB long; libyaml marks the missing value at
        // the token after the key.
        if (*anchor != 0 && plain && value.empty() && (is_key || flow_level > 0)) return false;
        if (plain && value.empty() && !is_key && !open.empty() && open.back().flow &&
            open.back().mapping &&
            (breaks_line_around(yaml, begin) ||
             (begin > open.back().key_begin &&
              (begin - open.back().key_begin > kLongKey ||
               yaml.substr(open.back().key_begin, begin - open.back().key_begin).find('\n') !=
                   std::string_view::npos)))) {
          return false;
        }
        if (scalar.tag == nullptr && plain && (value.empty() || is_null_word(value))) {
          // An empty node: yaml-cpp marks the token after it.
          std::size_t start = value.empty() && *anchor == 0 ? next_token(yaml, begin) : begin;
          builder.on_null(builder.offset(static_cast<std::ptrdiff_t>(start)), *anchor);
          break;
        }
        std::string_view tag = scalar.tag != nullptr ? chars(scalar.tag) : plain ? "?" : "!";
        builder.on_scalar(builder.offset(static_cast<std::ptrdiff_t>(begin)), tag, *anchor,
                          std::string(value));
        break;
      }
      case YAML_SEQUENCE_START_EVENT: {
        const auto& sequence = event->data.sequence_start;
        bool is_flow = sequence.style == YAML_FLOW_SEQUENCE_STYLE;
        std::size_t begin = to_byte(event->start_mark.index);
        if (!is_simple_tag(sequence.tag) || !placed_alike(begin, false, !is_flow)) return false;
        std::optional<AnchorId> anchor = define(sequence.anchor, begin);
        if (!anchor) return false;
        builder.on_open(core::NodeKind::sequence,
                        builder.offset(static_cast<std::ptrdiff_t>(begin)),
                        sequence.tag != nullptr ? chars(sequence.tag) : "?", *anchor, is_flow);
        push(begin, is_flow, false);
        break;
      }
      case YAML_MAPPING_START_EVENT: {
        const auto& mapping = event->data.mapping_start;
        bool is_flow = mapping.style == YAML_FLOW_MAPPING_STYLE;
        std::size_t begin = to_byte(event->start_mark.index);
        if (!is_simple_tag(mapping.tag) || !placed_alike(begin, false, false)) return false;
        std::optional<AnchorId> anchor = define(mapping.anchor, begin);
        if (!anchor) return false;
        builder.on_open(core::NodeKind::mapping, builder.offset(static_cast<std::ptrdiff_t>(begin)),
                        mapping.tag != nullptr ? chars(mapping.tag) : "?", *anchor, is_flow);
        push(begin, is_flow, true);
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        if (open.empty()) return false;
        flow_level -= open.back().flow ? 1 : 0;
        open.pop_back();
        builder.on_close();
        break;
    }
  }
  return false;
}

}  // namespace

std::optional<Yaml> parse_with_libyaml(const core::Document& document, core::ByteSpan span) {
  std::string_view yaml = document.slice(span);
  // A NUL or an encoding mark: yaml-cpp guesses UTF-16 or UTF-32 where libyaml would not,
  // and libyaml skips a byte order mark at the start of any line, yaml-cpp reads it.
  if (yaml.find('\0') != std::string_view::npos ||
      yaml.find("\xEF\xBB\xBF") != std::string_view::npos || yaml.starts_with("\xFE\xFF") ||
      yaml.starts_with("\xFF\xFE")) {
    return std::nullopt;
  }
  if (has_key_indicator(yaml)) return std::nullopt;
  std::string lf_copy;
  if (yaml.find('\r') != std::string_view::npos) {
    lf_copy = with_lf_breaks(yaml);
    yaml = lf_copy;
  }
  Yaml result;
  TreeBuilder builder(document, span, result.problems);
  Parser parser(yaml);
  bool has_document = false;
  try {
    if (!read_document(parser, builder, yaml, has_document)) return std::nullopt;
  } catch (const Stop&) {
    return std::nullopt;  // a cycle, an alias bomb, too deep: yaml-cpp's to report
  }
  if (has_document) result.root = builder.take_root();
  sort_problems(result.problems);
  return result;
}

}  // namespace contentlint::frontmatter::detail
