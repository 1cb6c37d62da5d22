/// Internal: builds a core::Node tree with byte spans from YAML parse events, whichever
/// parser produced them (yaml-cpp or libyaml), so both follow one set of span rules.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.hpp"
#include "core/value.hpp"
#include "frontmatter/frontmatter.hpp"

namespace contentlint::frontmatter::detail {

/// How deep collections may nest, and how many nodes (alias copies included) a tree holds.
inline constexpr std::size_t kMaxDepth = 64;
inline constexpr std::size_t kMaxNodes = 100000;

/// Thrown by TreeBuilder to stop the parser feeding it; caught by each reader, never beyond.
struct Stop {
  Problem problem;
};

/// Numbers anchors in the order they are defined, as yaml-cpp does; 0 is "no anchor".
using AnchorId = std::size_t;

/// The tree under construction. Every `at` is a parser's start mark made into a file
/// offset with offset(): the first byte of the node's properties (tag, anchor) or of the
/// node itself. Tags are yaml-cpp's: "?" for none on a plain scalar or a collection, "!"
/// for none on a quoted or block scalar, else the resolved tag ("tag:yaml.org,2002:str").
class TreeBuilder {
 public:
  TreeBuilder(const core::Document& document, core::ByteSpan span, std::vector<Problem>& problems)
      : document_(document), text_(document.text()), span_(span), problems_(problems) {}

  /// A parser's offset from the start of the block, clamped to it; negative: its end.
  std::size_t offset(std::ptrdiff_t pos) const;

  std::optional<core::Node> take_root() { return std::move(root_); }

  /// Where the innermost `[` or `{` that is still open starts.
  std::optional<std::size_t> open_flow_begin() const;

  /// Whether an alias to `anchor` would find a finished node (else it is a cycle).
  bool is_anchored(AnchorId anchor) const { return anchored_.contains(anchor); }

  AnchorId define_anchor(std::string name);
  void on_null(std::size_t at, AnchorId anchor);
  void on_alias(std::size_t at, AnchorId anchor);
  void on_scalar(std::size_t at, std::string_view tag, AnchorId anchor, std::string value);
  void on_open(core::NodeKind kind, std::size_t at, std::string_view tag, AnchorId anchor,
               bool flow);
  void on_close();

 private:
  struct Open {
    core::Node node;
    AnchorId anchor = 0;
    bool flow = false;
    std::optional<core::Node> key;  // a mapping's key waiting for its value
    std::map<std::string, core::Position, std::less<>> keys;
  };
  struct Anchored {
    core::Node node;
    std::size_t size = 0;
  };

  std::size_t alias_end(std::size_t at) const;
  std::size_t skip_properties(std::size_t at) const;
  bool in_flow() const { return !stack_.empty() && stack_.back().flow; }
  const core::Node* pending_key() const;
  std::string anchor_name(AnchorId anchor) const;
  void finish(core::Node node, AnchorId anchor);
  void note_key(Open& mapping, const core::Node& key);

  const core::Document& document_;
  std::string_view text_;
  core::ByteSpan span_;
  std::vector<Problem>& problems_;
  std::vector<Open> stack_;
  std::optional<core::Node> root_;
  std::unordered_map<AnchorId, Anchored> anchored_;
  std::unordered_map<AnchorId, std::string> anchor_names_;
  AnchorId last_anchor_ = 0;
  std::size_t nodes_ = 0;
};

/// Sorts problems into source order (stable: equal places keep the order found).
void sort_problems(std::vector<Problem>& problems);

/// The block as the parsers read it: a lone CR (classic Mac line endings) becomes LF,
/// which keeps every offset; yaml-cpp 0.7 does not take a lone CR as a line break.
std::string with_lf_breaks(std::string_view yaml);

/// The yaml-cpp reader, as parse_yaml ran it before libyaml: every error message and
/// position comes from here. Does not look for tab indentation (parse_yaml does first).
Yaml parse_with_yaml_cpp(const core::Document& document, core::ByteSpan span);

/// The libyaml reader: the same tree and duplicate-key problems as parse_with_yaml_cpp
/// for a block both read, or nullopt when libyaml refuses it or the tree would carry
/// any other problem (then parse_with_yaml_cpp says what is wrong).
std::optional<Yaml> parse_with_libyaml(const core::Document& document, core::ByteSpan span);

}  // namespace contentlint::frontmatter::detail
