// YAML → core::Node with positions, through yaml-cpp's event API.
//
// Debian's yaml-cpp 0.7 has hazards this file exists to contain: a self-referencing
// alias builds a cyclic graph, alias fan-out explodes, duplicate keys and unterminated
// quotes are accepted silently, a tab used as indentation becomes part of a key, and
// its depth-limit error says only "bad file". Aliases are expanded here, within a node
// budget, and every hazard becomes a Problem at its place in the file.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <unordered_map>

#include "frontmatter/frontmatter.hpp"

namespace contentlint::frontmatter {
namespace {

constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kMaxNodes = 100000;  // including nodes copied for aliases

// Thrown inside the handler to stop yaml-cpp; caught in parse_yaml, never beyond.
struct Stop {
  Problem problem;
};

std::size_t count_nodes(const core::Node& node) {
  std::size_t count = 1;
  for (const core::Node& item : node.items) count += count_nodes(item);
  for (const core::Entry& entry : node.entries) {
    count += count_nodes(entry.key) + count_nodes(entry.value);
  }
  return count;
}

// The end of a scalar that starts at `begin`: yaml-cpp gives only start marks.
// Returns npos for a quoted scalar whose closing quote is missing.
std::size_t scalar_end(std::string_view text, std::size_t begin, std::size_t limit, bool in_flow) {
  if (begin >= limit) return begin;
  char first = text[begin];
  if (first == '"' || first == '\'') {
    for (std::size_t i = begin + 1; i < limit; ++i) {
      if (first == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == first) {
        if (first == '\'' && i + 1 < limit && text[i + 1] == '\'') {
          ++i;
        } else {
          return i + 1;
        }
      }
    }
    return std::string_view::npos;
  }
  std::size_t end = begin;
  for (std::size_t i = begin; i < limit; ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') break;
    if (c == '#' && i > begin && (text[i - 1] == ' ' || text[i - 1] == '\t')) break;
    if (in_flow && (c == ',' || c == ']' || c == '}')) break;
    if (c == ':' &&
        (i + 1 == limit || text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n' ||
         text[i + 1] == '\r' || (in_flow && text[i + 1] == ','))) {
      break;
    }
    if (c != ' ' && c != '\t') end = i + 1;
  }
  return end;
}

bool is_null_literal(std::string_view text, std::size_t at) {
  for (std::string_view word : {"~", "null", "Null", "NULL"}) {
    if (text.substr(at).starts_with(word)) return true;
  }
  return false;
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const core::Document& document, core::ByteSpan span, std::vector<Problem>& problems)
      : document_(document), text_(document.text()), span_(span), problems_(problems) {}

  std::optional<core::Node> take_root() { return std::move(root_); }

  /// Where the innermost `[` or `{` that is still open starts.
  std::optional<std::size_t> open_flow_begin() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->flow) return it->node.span.begin;
    }
    return std::nullopt;
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    core::Node node;
    std::size_t at = offset(mark);
    if (is_null_literal(text_, at) && at < span_.end) {
      node.span = {at, scalar_end(text_, at, span_.end, in_flow())};
    } else if (const core::Node* key = pending_key()) {
      // An empty value (`key:` and a line break): yaml-cpp marks the next token, so the
      // value stands where its key is.
      node.span = key->span;
    } else {
      node.span = {at, at};
    }
    finish(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    std::size_t at = offset(mark);
    auto it = anchored_.find(anchor);
    if (it == anchored_.end()) {
      // The anchor is still open: the alias is inside the node it names.
      throw Stop{{ProblemKind::syntax,
                  {at, alias_end(at)},
                  fmt::format("alias *{} refers to the node that contains it (a cycle)",
                              anchor_name(anchor))}};
    }
    nodes_ += it->second.size;
    if (nodes_ > kMaxNodes) {
      throw Stop{{ProblemKind::too_complex,
                  {at, alias_end(at)},
                  fmt::format("aliases expand to more than {} values (an alias bomb?); "
                              "too complex to check",
                              kMaxNodes)}};
    }
    core::Node copy = it->second.node;
    copy.span = {at, alias_end(at)};
    copy.position = document_.position(at);
    finish(std::move(copy), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    core::Node node;
    node.kind = core::NodeKind::scalar;
    node.text = value;
    std::size_t at = offset(mark);
    // Skip a tag or anchor written before the value; the mark points at them.
    at = skip_properties(at);
    char first = at < span_.end ? text_[at] : '\0';
    node.style = tag == "?" ? core::ScalarStyle::plain : core::ScalarStyle::quoted;
    if (tag != "?" && tag != "!") node.tag = shorten_tag(tag);
    if (first == '|' || first == '>') {
      node.span = {at, at + 1};  // a block scalar: its indicator stands for it
    } else {
      std::size_t end = scalar_end(text_, at, span_.end, in_flow());
      if (end == std::string_view::npos) {
        throw Stop{{ProblemKind::syntax,
                    {at, at + 1},
                    fmt::format("unterminated {}-quoted string: add the closing {}",
                                first == '"' ? "double" : "single", first)}};
      }
      node.span = {at, end};
    }
    finish(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(core::NodeKind::sequence, mark, tag, anchor, style);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(core::NodeKind::mapping, mark, tag, anchor, style);
  }
  void OnMapEnd() override { close(); }

  void OnAnchor(const YAML::Mark&, const std::string& name) override {
    anchor_names_[++last_anchor_] = name;
  }

 private:
  struct Open {
    core::Node node;
    YAML::anchor_t anchor = 0;
    bool flow = false;
    std::optional<core::Node> key;  // a mapping's key waiting for its value
    std::map<std::string, core::Position, std::less<>> keys;
  };
  struct Anchored {
    core::Node node;
    std::size_t size = 0;
  };

  std::size_t offset(const YAML::Mark& mark) const {
    if (mark.pos < 0) return span_.end;
    return std::min(span_.begin + static_cast<std::size_t>(mark.pos), span_.end);
  }

  std::size_t alias_end(std::size_t at) const {
    std::size_t end = std::min(at + 1, span_.end);
    while (end < span_.end &&
           std::string_view(" \t\r\n,]}").find(text_[end]) == std::string_view::npos) {
      ++end;
    }
    return end;
  }

  std::size_t skip_properties(std::size_t at) const {
    while (at < span_.end && (text_[at] == '!' || text_[at] == '&')) {
      while (at < span_.end && text_[at] != ' ' && text_[at] != '\t' && text_[at] != '\n' &&
             text_[at] != '\r') {
        ++at;
      }
      while (at < span_.end && (text_[at] == ' ' || text_[at] == '\t')) ++at;
    }
    return at;
  }

  static std::string shorten_tag(const std::string& tag) {
    constexpr std::string_view kCore = "tag:yaml.org,2002:";
    if (std::string_view(tag).starts_with(kCore)) return "!!" + tag.substr(kCore.size());
    return tag;
  }

  bool in_flow() const { return !stack_.empty() && stack_.back().flow; }

  const core::Node* pending_key() const {
    if (stack_.empty() || stack_.back().node.kind != core::NodeKind::mapping) return nullptr;
    return stack_.back().key ? &*stack_.back().key : nullptr;
  }

  std::string anchor_name(YAML::anchor_t anchor) const {
    auto it = anchor_names_.find(anchor);
    return it != anchor_names_.end() ? it->second : std::to_string(anchor);
  }

  void open(core::NodeKind kind, const YAML::Mark& mark, const std::string& tag,
            YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
    std::size_t at = skip_properties(offset(mark));
    if (stack_.size() >= kMaxDepth) {
      throw Stop{{ProblemKind::too_complex,
                  {at, std::min(at + 1, span_.end)},
                  fmt::format("nested more than {} levels deep; too complex to check", kMaxDepth)}};
    }
    Open frame;
    frame.node.kind = kind;
    frame.node.span = {at, at};
    if (tag != "?" && tag != "!") frame.node.tag = shorten_tag(tag);
    frame.anchor = anchor;
    frame.flow = style == YAML::EmitterStyle::Flow;
    stack_.push_back(std::move(frame));
  }

  void close() {
    Open frame = std::move(stack_.back());
    stack_.pop_back();
    core::Node& node = frame.node;
    std::size_t end = node.span.begin + (frame.flow ? 1 : 0);
    if (!node.items.empty()) end = std::max(end, node.items.back().span.end);
    if (!node.entries.empty()) end = std::max(end, node.entries.back().value.span.end);
    if (frame.flow) {
      char closer = node.kind == core::NodeKind::sequence ? ']' : '}';
      std::size_t found = std::string_view(text_).substr(0, span_.end).find(closer, end);
      if (found != std::string_view::npos) end = found + 1;
    }
    // skip_properties takes all of `![a]` for the tag of the sequence `[a]`, which then
    // opens at the end of the block; its end must not pass the block.
    node.span.end = std::min(end, span_.end);
    finish(std::move(node), frame.anchor);
  }

  void finish(core::Node node, YAML::anchor_t anchor) {
    if (++nodes_ > kMaxNodes) {
      throw Stop{{ProblemKind::too_complex, node.span,
                  fmt::format("more than {} values; too complex to check", kMaxNodes)}};
    }
    node.position = document_.position(node.span.begin);
    if (anchor != 0) anchored_[anchor] = {node, count_nodes(node)};
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Open& parent = stack_.back();
    if (parent.node.kind == core::NodeKind::sequence) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.key) {
      parent.key = std::move(node);
    } else {
      core::Entry entry{std::move(*parent.key), std::move(node)};
      parent.key.reset();
      note_key(parent, entry.key);
      parent.node.entries.push_back(std::move(entry));
    }
  }

  void note_key(Open& mapping, const core::Node& key) {
    if (!key.is_scalar()) return;
    auto [it, inserted] = mapping.keys.emplace(key.text, key.position);
    if (inserted) return;
    problems_.push_back(
        {ProblemKind::duplicate_key, key.span,
         fmt::format("duplicate key '{}' (first defined at line {}); the last one wins "
                     "silently",
                     key.text, it->second.line)});
  }

  const core::Document& document_;
  std::string_view text_;
  core::ByteSpan span_;
  std::vector<Problem>& problems_;
  std::vector<Open> stack_;
  std::optional<core::Node> root_;
  std::unordered_map<YAML::anchor_t, Anchored> anchored_;
  std::unordered_map<YAML::anchor_t, std::string> anchor_names_;
  YAML::anchor_t last_anchor_ = 0;
  std::size_t nodes_ = 0;
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
    std::size_t indicator = trimmed.find_last_of("|>");
    if (indicator != std::string_view::npos && indicator > 0 &&
        trimmed.find_first_not_of("+-0123456789", indicator + 1) == std::string_view::npos &&
        (trimmed[indicator - 1] == ' ' || trimmed[indicator - 1] == ':')) {
      block_indent = indent;
    }
  }
  return std::nullopt;
}

}  // namespace

Yaml parse_yaml(const core::Document& document, core::ByteSpan span) {
  Yaml result;
  if (auto tab = find_tab_indentation(document, span)) {
    result.problems.push_back(*tab);
    return result;
  }
  // yaml-cpp 0.7 does not take a lone CR (classic Mac line endings) as a line break, as
  // YAML does; a same-length copy with LF keeps every offset of its marks.
  std::string yaml(document.slice(span));
  for (std::size_t i = 0; i < yaml.size(); ++i) {
    if (yaml[i] == '\r' && (i + 1 == yaml.size() || yaml[i + 1] != '\n')) yaml[i] = '\n';
  }
  std::istringstream input{std::move(yaml)};
  TreeBuilder builder(document, span, result.problems);
  try {
    YAML::Parser parser(input);
    // One document only: a front matter block holds one, and LoadAll can loop forever.
    parser.HandleNextDocument(builder);
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
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const Problem& a, const Problem& b) { return a.span.begin < b.span.begin; });
  return result;
}

}  // namespace contentlint::frontmatter
