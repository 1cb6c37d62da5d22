/// Writing YAML text: a small value tree and a deterministic emitter for the files init writes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contentlint::init {

/// A YAML value to write. Mapping entries keep the order they were added in (callers sort
/// where order means nothing); a scalar is a string unless it was made with `raw`.
struct YamlValue {
  enum class Kind { scalar, sequence, mapping };
  Kind kind = Kind::scalar;
  std::string text;  // a scalar's value
  bool raw = false;  // write `text` as it is (numbers, booleans), never quoted
  std::vector<YamlValue> items;
  std::vector<std::pair<std::string, YamlValue>> entries;
  std::string comment;  // a `# ...` line written above this value's key (mapping entries)

  static YamlValue string(std::string text);
  static YamlValue raw_scalar(std::string text);  // `true`, `3`, `off`
  static YamlValue sequence(std::vector<YamlValue> items = {});
  static YamlValue mapping();
  /// A sequence of strings.
  static YamlValue strings(const std::vector<std::string>& texts);

  /// Appends an entry to a mapping and returns its value.
  YamlValue& add(std::string key, YamlValue value, std::string comment = {});
  /// The value of `key` in a mapping, or nullptr.
  YamlValue* find(std::string_view key);
};

/// `text` as a YAML scalar that reads back as the same string under the YAML 1.2 core
/// schema: plain when that is safe, else double-quoted with escapes.
std::string quote(std::string_view text);

/// The YAML text of `value` (a mapping at the top), ending with a line break. Sequences of
/// scalars are written in flow style (`[a, b]`) when they fit in 100 columns, mappings in
/// block style with two-space indentation. Deterministic: the same tree, the same bytes.
std::string emit(const YamlValue& value);

}  // namespace contentlint::init
