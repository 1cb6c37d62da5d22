/// The schema dialect: JSON Schema (draft-07, 2020-12) in YAML or JSON files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/position.hpp"
#include "core/value.hpp"

namespace contentlint::schema {

/// One way a value breaks its schema, at the node it is about.
struct Violation {
  core::ByteSpan span;      // the offending key or value, in the validated file
  std::string path;         // the field path, "image.url" or "tags[2]"
  std::string message;      // says what was expected and what was found
  bool deprecated = false;  // a present field marked `deprecated: true`: advice, not a breach
};

/// A loaded and checked schema. Loading resolves `$ref`s (to `#/$defs/...`,
/// `#/definitions/...` and sibling files) and rejects unsupported or malformed keywords.
/// A loaded schema is immutable; `validate` may run on many threads at once.
class Schema {
 public:
  /// Loads the schema file at `path` (YAML or JSON); `display_path` is used in errors,
  /// which name the schema file's line and column. A non-empty `confine` is a folder that
  /// every file a `$ref` names must lie in (the config's folder: schemas come from pull
  /// requests, and a `$ref` must not read the rest of the machine).
  static core::Expected<std::shared_ptr<const Schema>> load(const std::string& path,
                                                            const std::string& display_path,
                                                            const std::string& confine = "");

  /// Loads a schema already read into a tree (e.g. one embedded in a config file).
  /// `path` is the file the tree came from: sibling `$ref`s resolve against its folder.
  /// Errors name `display_path` and the positions stored in the tree's nodes.
  static core::Expected<std::shared_ptr<const Schema>> load_from_node(
      const core::Node& root, const std::string& path, const std::string& display_path);

  virtual ~Schema() = default;

  /// Every violation of `value`, in source order. `root_anchor` is where a problem with
  /// the root itself is reported (the opening `---` of the front matter).
  virtual std::vector<Violation> validate(const core::Node& value,
                                          core::ByteSpan root_anchor) const = 0;
};

}  // namespace contentlint::schema
