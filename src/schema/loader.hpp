/// Loading a schema (internal): reads its files, checks and compiles every keyword into
/// a CompiledSchema, resolves `$ref`s and rejects `$ref` cycles. load.cpp holds the files,
/// refs and cycles; keywords.cpp the keywords.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.hpp"
#include "core/error.hpp"
#include "core/value.hpp"
#include "schema/compiled.hpp"

namespace contentlint::schema {

/// One schema file, kept while loading: the compiled schema keeps none of it.
struct SourceFile {
  std::filesystem::path path;  // as opened; sibling $refs resolve against its folder
  std::string display_path;
  std::unique_ptr<core::Document> document;
  std::optional<core::Node> owned_root;
  const core::Node* root = nullptr;
};

/// A `$ref` met while compiling, resolved once the tree that holds it is compiled.
struct PendingRef {
  SchemaId from = kNoSchema;
  const SourceFile* file = nullptr;
  const core::Node* value = nullptr;  // the $ref's string node
};

/// One edge of the graph of schemas applied to the same value (no descent into it).
struct Edge {
  SchemaId to = kNoSchema;
  bool is_ref = false;
};

/// Loads one schema (with the sibling files it refers to) into `out`; used once.
class Loader {
 public:
  /// `confine`: when not empty, the folder every `$ref`'d file must lie in.
  explicit Loader(CompiledSchema& out, std::filesystem::path confine = {})
      : out_(out), confine_(std::move(confine)) {}

  std::optional<core::Error> load_file(const std::string& path, const std::string& display_path);

  std::optional<core::Error> load_node(const core::Node& root, const std::string& path,
                                       const std::string& display_path);

 private:
  // A schema on the depth-first walk of check_cycles, and the edge it follows next.
  struct Frame {
    SchemaId id;
    std::vector<Edge> edges;
    std::size_t next = 0;
  };

  std::optional<core::Error> finish(const SourceFile& file);

  // Returns nullptr and sets error_ when the file cannot be read or parsed. A file already
  // read is returned again: every file is read once.
  const SourceFile* read(const std::filesystem::path& path, const std::string& display_path,
                         const SourceFile* referrer = nullptr, const core::Node* ref = nullptr);

  bool fail(const SourceFile& file, const core::Node& node, std::string message);

  bool fail_value(const SourceFile& file, const core::Node& value, std::string_view keyword,
                  std::string_view expected);

  // The id of the compiled schema at `node`, or kNoSchema with error_ set.
  SchemaId compile(const SourceFile& file, const core::Node& node, int depth);

  SchemaId subschema(const SourceFile& file, const core::Node& node, int depth);

  bool schema_list(const SourceFile& file, const core::Entry& entry, int depth,
                   std::vector<SchemaId>& out);

  bool single(const SourceFile& file, const core::Entry& entry, int depth,
              SchemaId SchemaNode::*slot, SchemaId id_of_parent);

  std::optional<std::uint64_t> count(const SourceFile& file, const core::Entry& entry);

  std::optional<Bound> bound(const SourceFile& file, const core::Entry& entry);

  std::unique_ptr<RE2> regex(const SourceFile& file, const core::Node& node);

  bool types(const SourceFile& file, const core::Entry& entry, std::uint8_t& mask);

  bool keyword(const SourceFile& file, SchemaId id, const core::Entry& entry, int depth);

  // By value: resolving appends to pending_, which may move its elements.
  bool resolve(PendingRef pending);

  // A cycle of schemas applied to the same value (through $ref, allOf, anyOf, ...) would
  // never end; one that descends into the value (properties, items) is a recursive schema.
  bool check_cycles();

  bool report_cycle(const std::vector<Frame>& stack, Edge back);

  CompiledSchema& out_;
  std::filesystem::path confine_;
  std::vector<std::unique_ptr<SourceFile>> files_;
  std::unordered_map<std::string, const SourceFile*> by_key_;
  std::unordered_map<const core::Node*, SchemaId> compiled_;
  std::unordered_map<SchemaId, SchemaId> additional_items_;
  std::unordered_map<SchemaId, PendingRef> ref_sites_;
  std::vector<PendingRef> pending_;
  std::optional<core::Error> error_;
};

}  // namespace contentlint::schema
