/// `--cache`: the findings of files that have not changed since an earlier run, kept on
/// disk next to the config, so a re-run checks only what changed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "core/diagnostic.hpp"
#include "links/resolution_log.hpp"
#include "links/site.hpp"

namespace contentlint::engine {

/// A 64-bit FNV-1a hash: stable across machines and standard libraries, as a cache on
/// disk needs.
std::uint64_t stable_hash(std::string_view bytes, std::uint64_t seed = 14695981039346656037ull);

/// A hash of everything besides a file's own text that its findings depend on: the tool's
/// version, the config and preset files, the collections' schema folders, the rule-dirs,
/// every rule's level in every rule set (so --rule overrides count) and the link mode.
std::uint64_t settings_fingerprint(const config::Config& config, std::string_view tool_version);

/// Findings on disk, one entry per file, under `folder` (`.contentlint-cache/files/` next
/// to the config). An entry is used only when the file's bytes and the settings are the
/// same and every link target it resolved still resolves to the same place and is
/// unchanged (size and modification time), so a finding about a linked file, a route or
/// an anchor in another file stays true. Entries are written to a temporary file and
/// renamed, so concurrent runs never read half an entry. Thread-safe.
class ResultCache {
 public:
  ResultCache(std::filesystem::path folder, std::uint64_t settings);

  /// The findings stored for the file `relative` (from the config's folder) with these
  /// bytes, when still valid; their ranges and source lines are as stored.
  std::optional<std::vector<core::Diagnostic>> find(std::string_view relative,
                                                    std::string_view bytes,
                                                    const links::Site& site) const;
  /// Stores the findings of a file and the resolutions they depended on. A cache that
  /// cannot be written only costs time on the next run, so failures are ignored.
  void store(std::string_view relative, std::string_view bytes,
             const std::vector<links::Resolved>& resolved,
             const std::vector<core::Diagnostic>& diagnostics) const {
    store(relative, stable_hash(bytes), bytes.size(), resolved, diagnostics);
  }
  /// The same, for bytes already hashed with stable_hash.
  void store(std::string_view relative, std::uint64_t content, std::size_t size,
             const std::vector<links::Resolved>& resolved,
             const std::vector<core::Diagnostic>& diagnostics) const;

 private:
  std::filesystem::path entry_path(std::string_view relative) const;

  std::filesystem::path folder_;
  std::uint64_t settings_;
};

}  // namespace contentlint::engine
