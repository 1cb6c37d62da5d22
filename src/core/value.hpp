/// A YAML/JSON value tree that remembers where every node stands in its file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/position.hpp"

namespace contentlint::core {

enum class NodeKind { null, scalar, sequence, mapping };

/// How a scalar was written. yaml-cpp tells plain scalars from all others, which is what
/// the YAML 1.2 core schema needs: only plain scalars are resolved to null/bool/number.
enum class ScalarStyle { plain, quoted };

/// The type a scalar resolves to under the YAML 1.2 core schema.
enum class ScalarType { null, boolean, integer, number, string };

struct Entry;

/// One node. Positions are in the *file* the value was read from (for front matter: the
/// Markdown file, not the YAML block). Aliases are expanded when the tree is built, so
/// the tree is finite and acyclic.
struct Node {
  NodeKind kind = NodeKind::null;
  ScalarStyle style = ScalarStyle::plain;
  std::string tag;             // explicit tag as written ("!!str"), empty when none
  std::string text;            // a scalar's value after unquoting and folding
  ByteSpan span;               // from the node's first byte to just after its last
  Position position;           // of span.begin
  std::vector<Node> items;     // sequence items
  std::vector<Entry> entries;  // mapping entries, in source order, duplicates kept

  bool is_null() const { return kind == NodeKind::null; }
  bool is_scalar() const { return kind == NodeKind::scalar; }
  bool is_sequence() const { return kind == NodeKind::sequence; }
  bool is_mapping() const { return kind == NodeKind::mapping; }

  /// The core-schema type of a scalar (`'3'` is a string, `3` an integer, `~` null);
  /// a null node resolves to ScalarType::null.
  ScalarType scalar_type() const;
  std::optional<bool> as_bool() const;
  std::optional<std::int64_t> as_integer() const;
  std::optional<double> as_number() const;  // integers and floats

  /// The value of the last entry with this scalar key, or nullptr.
  const Node* find(std::string_view key) const;
  /// Follows a dotted path of mapping keys ("image.url"), or nullptr.
  const Node* find_path(std::string_view dotted) const;
};

/// One key/value pair of a mapping; the key keeps its own position.
struct Entry {
  Node key;
  Node value;
};

/// A short human name for a node's type: "a string", "an integer", "a mapping", ...
std::string_view describe_type(const Node& node);

}  // namespace contentlint::core
