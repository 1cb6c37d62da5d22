// YAML → core::Node with positions. libyaml reads first, being about ten times faster;
// whatever it refuses is read again by yaml-cpp, whose error messages and positions the
// tool has always given (tree_builder.cpp holds the span rules both readers share).
//
// Debian's yaml-cpp 0.7 has hazards this file exists to contain: a self-referencing
// alias builds a cyclic graph, alias fan-out explodes, duplicate keys and unterminated
// quotes are accepted silently, a tab used as indentation becomes part of a key, and
// its depth-limit error says only "bad file". Aliases are expanded by the builder, within
// a node budget, and every hazard becomes a Problem at its place in the file.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "frontmatter/frontmatter.hpp"
#include "frontmatter/tree_builder.hpp"

namespace contentlint::frontmatter {
namespace {

using detail::TreeBuilder;

// yaml-cpp's events, handed to the shared builder.
class YamlCppEvents final : public YAML::EventHandler {
 public:
  explicit YamlCppEvents(TreeBuilder& builder) : builder_(builder) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    builder_.on_null(at(mark), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    builder_.on_alias(at(mark), anchor);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    builder_.on_scalar(at(mark), tag, anchor, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    builder_.on_open(core::NodeKind::sequence, at(mark), tag, anchor,
                     style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { builder_.on_close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    builder_.on_open(core::NodeKind::mapping, at(mark), tag, anchor,
                     style == YAML::EmitterStyle::Flow);
  }
  void OnMapEnd() override { builder_.on_close(); }
  // yaml-cpp numbers anchors 1, 2, ... in this same order.
  void OnAnchor(const YAML::Mark&, const std::string& name) override {
    builder_.define_anchor(name);
  }

 private:
  std::size_t at(const YAML::Mark& mark) const { return builder_.offset(mark.pos); }

  TreeBuilder& builder_;
};

// yaml-cpp's messages, said the way an article's author can act on them.
std::string human_message(const std::string& message) {
  static const std::map<std::string, std::string, std::less<>> kMessages = {
      {YAML::ErrorMsg::END_OF_MAP,
       "bad indentation: this line does not continue the mapping above"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, "a '{' mapping is not closed with '}'"},
      {YAML::ErrorMsg::END_OF_SEQ, "bad indentation: this line does not continue the list above"},
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, "a '[' list is not closed with ']'"},
      {YAML::ErrorMsg::MAP_VALUE, "unexpected ':' in a value; quote the value if it contains ': '"},
      {YAML::ErrorMsg::BLOCK_ENTRY, "unexpected '-' list item here; check the indentation"},
      {YAML::ErrorMsg::MAP_KEY, "unexpected key here; check the indentation"},
      {YAML::ErrorMsg::UNKNOWN_TOKEN, "unexpected character"},
      {YAML::ErrorMsg::EOF_IN_SCALAR,
       "the quoted string is not closed before the end of the front matter"},
      {YAML::ErrorMsg::UNKNOWN_ANCHOR, "alias refers to an anchor that is not defined"},
      {YAML::ErrorMsg::BAD_FILE, "nested too deeply; too complex to check"},
  };
  auto it = kMessages.find(message);
  return it != kMessages.end() ? it->second : message;
}

// yaml-cpp 0.7 takes a tab in indentation as part of the next key; YAML forbids it.
std::optional<Problem> find_tab_indentation(const core::Document& document, core::ByteSpan span) {
  const core::LineIndex& lines = document.lines();
  std::uint32_t first = document.position(span.begin).line;
  std::uint32_t last = document.position(span.end).line;
  // Lines more indented than a block scalar's header are its content, where tabs are text.
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t block_indent = kNone;
  for (std::uint32_t line = first; line <= last && line <= lines.line_count(); ++line) {
    core::ByteSpan bytes = lines.line_span(line);
    if (bytes.begin >= span.end) break;
    std::string_view text = document.slice(bytes);
    std::size_t indent = text.find_first_not_of(' ');
    if (indent == std::string_view::npos) continue;
    if (block_indent != kNone &&
        (indent > block_indent || text.find_first_not_of(" \t") == std::string_view::npos)) {
      continue;
    }
    block_indent = kNone;
    if (text[indent] == '\t' && text.find_first_not_of(" \t") != std::string_view::npos) {
      return Problem{ProblemKind::syntax,
                     {bytes.begin + indent, bytes.begin + indent + 1},
                     "tab character in indentation; YAML indents with spaces only"};
    }
    std::string_view trimmed = text.substr(0, text.find(" #"));
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
      trimmed.remove_suffix(1);
    // A block scalar's header ends the line: `|` or `>`, then indentation and chomping
    // indicators. Scanned by hand: find_last_of and find_first_not_of with a set search
    // the set once per byte, and this runs on every line of every front matter.
    std::size_t indicator = trimmed.size();
    auto is_header_flag = [](char c) { return c == '+' || c == '-' || (c >= '0' && c <= '9'); };
    while (indicator > 0 && is_header_flag(trimmed[indicator - 1])) --indicator;
    if (indicator >= 2 && (trimmed[indicator - 1] == '|' || trimmed[indicator - 1] == '>') &&
        (trimmed[indicator - 2] == ' ' || trimmed[indicator - 2] == ':')) {
      block_indent = indent;
    }
  }
  return std::nullopt;
}

}  // namespace

namespace detail {

Yaml parse_with_yaml_cpp(const core::Document& document, core::ByteSpan span) {
  Yaml result;
  std::istringstream input{with_lf_breaks(document.slice(span))};
  TreeBuilder builder(document, span, result.problems);
  YamlCppEvents events(builder);
  try {
    YAML::Parser parser(input);
    // One document only: a front matter block holds one, and LoadAll can loop forever.
    parser.HandleNextDocument(events);
    result.root = builder.take_root();
  } catch (const Stop& stop) {
    result.problems.push_back(stop.problem);
  } catch (const YAML::Exception& error) {
    std::size_t at = span.end;
    if (!error.mark.is_null() && error.mark.pos >= 0) {
      at = std::min(span.begin + static_cast<std::size_t>(error.mark.pos), span.end);
    }
    // yaml-cpp notices an unclosed bracket where the next line starts; the author needs
    // to see the bracket.
    auto open = builder.open_flow_begin();
    if (open && (error.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW ||
                 error.msg == YAML::ErrorMsg::END_OF_MAP_FLOW)) {
      at = *open;
    }
    result.problems.push_back(
        {ProblemKind::syntax, {at, std::min(at + 1, span.end)}, human_message(error.msg)});
  } catch (const std::exception& error) {
    result.problems.push_back({ProblemKind::syntax, {span.begin, span.begin}, error.what()});
  }
  sort_problems(result.problems);
  return result;
}

}  // namespace detail

Yaml parse_yaml(const core::Document& document, core::ByteSpan span) {
  if (auto tab = find_tab_indentation(document, span)) {
    Yaml result;
    result.problems.push_back(*tab);
    return result;
  }
  if (auto fast = detail::parse_with_libyaml(document, span)) return std::move(*fast);
  return detail::parse_with_yaml_cpp(document, span);
}

}  // namespace contentlint::frontmatter
