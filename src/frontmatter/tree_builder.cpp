// The span rules shared by both YAML readers. They were written against yaml-cpp 0.7,
// which gives only start marks: ends are found in the text, and where yaml-cpp marks a
// token other than the node (an empty value marks the next token) the rules say where
// the node stands. libyaml's events are fed through the same rules, so the two readers
// agree byte for byte.

#include "frontmatter/tree_builder.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contentlint::frontmatter::detail {
namespace {

std::size_t count_nodes(const core::Node& node) {
  std::size_t count = 1;
  for (const core::Node& item : node.items) count += count_nodes(item);
  for (const core::Entry& entry : node.entries) {
    count += count_nodes(entry.key) + count_nodes(entry.value);
  }
  return count;
}

// The end of a scalar that starts at `begin`. Returns npos for a quoted scalar whose
// closing quote is missing.
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

std::string shorten_tag(std::string_view tag) {
  constexpr std::string_view kCore = "tag:yaml.org,2002:";
  if (tag.starts_with(kCore)) return "!!" + std::string(tag.substr(kCore.size()));
  return std::string(tag);
}

}  // namespace

std::size_t TreeBuilder::offset(std::ptrdiff_t pos) const {
  if (pos < 0) return span_.end;
  return std::min(span_.begin + static_cast<std::size_t>(pos), span_.end);
}

std::optional<std::size_t> TreeBuilder::open_flow_begin() const {
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
    if (it->flow) return it->node.span.begin;
  }
  return std::nullopt;
}

AnchorId TreeBuilder::define_anchor(std::string name) {
  anchor_names_[++last_anchor_] = std::move(name);
  return last_anchor_;
}

void TreeBuilder::on_null(std::size_t at, AnchorId anchor) {
  core::Node node;
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

void TreeBuilder::on_alias(std::size_t at, AnchorId anchor) {
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

void TreeBuilder::on_scalar(std::size_t at, std::string_view tag, AnchorId anchor,
                            std::string value) {
  core::Node node;
  node.kind = core::NodeKind::scalar;
  node.text = std::move(value);
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

void TreeBuilder::on_open(core::NodeKind kind, std::size_t at, std::string_view tag,
                          AnchorId anchor, bool flow) {
  at = skip_properties(at);
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
  frame.flow = flow;
  stack_.push_back(std::move(frame));
}

void TreeBuilder::on_close() {
  Open frame = std::move(stack_.back());
  stack_.pop_back();
  core::Node& node = frame.node;
  std::size_t end = node.span.begin + (frame.flow ? 1 : 0);
  if (!node.items.empty()) end = std::max(end, node.items.back().span.end);
  if (!node.entries.empty()) end = std::max(end, node.entries.back().value.span.end);
  if (frame.flow) {
    char closer = node.kind == core::NodeKind::sequence ? ']' : '}';
    std::size_t found = text_.substr(0, span_.end).find(closer, end);
    if (found != std::string_view::npos) end = found + 1;
  }
  // skip_properties takes all of `![a]` for the tag of the sequence `[a]`, which then
  // opens at the end of the block; its end must not pass the block.
  node.span.end = std::min(end, span_.end);
  finish(std::move(node), frame.anchor);
}

std::size_t TreeBuilder::alias_end(std::size_t at) const {
  std::size_t end = std::min(at + 1, span_.end);
  while (end < span_.end &&
         std::string_view(" \t\r\n,]}").find(text_[end]) == std::string_view::npos) {
    ++end;
  }
  return end;
}

std::size_t TreeBuilder::skip_properties(std::size_t at) const {
  while (at < span_.end && (text_[at] == '!' || text_[at] == '&')) {
    while (at < span_.end && text_[at] != ' ' && text_[at] != '\t' && text_[at] != '\n' &&
           text_[at] != '\r') {
      ++at;
    }
    while (at < span_.end && (text_[at] == ' ' || text_[at] == '\t')) ++at;
  }
  return at;
}

const core::Node* TreeBuilder::pending_key() const {
  if (stack_.empty() || stack_.back().node.kind != core::NodeKind::mapping) return nullptr;
  return stack_.back().key ? &*stack_.back().key : nullptr;
}

std::string TreeBuilder::anchor_name(AnchorId anchor) const {
  auto it = anchor_names_.find(anchor);
  return it != anchor_names_.end() ? it->second : std::to_string(anchor);
}

void TreeBuilder::finish(core::Node node, AnchorId anchor) {
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

void TreeBuilder::note_key(Open& mapping, const core::Node& key) {
  if (!key.is_scalar()) return;
  auto [it, inserted] = mapping.keys.emplace(key.text, key.position);
  if (inserted) return;
  problems_.push_back(
      {ProblemKind::duplicate_key, key.span,
       fmt::format("duplicate key '{}' (first defined at line {}); the last one wins "
                   "silently",
                   key.text, it->second.line)});
}

void sort_problems(std::vector<Problem>& problems) {
  std::stable_sort(problems.begin(), problems.end(),
                   [](const Problem& a, const Problem& b) { return a.span.begin < b.span.begin; });
}

std::string with_lf_breaks(std::string_view yaml) {
  std::string copy(yaml);
  for (std::size_t i = 0; i < copy.size(); ++i) {
    if (copy[i] == '\r' && (i + 1 == copy.size() || copy[i + 1] != '\n')) copy[i] = '\n';
  }
  return copy;
}

}  // namespace contentlint::frontmatter::detail
