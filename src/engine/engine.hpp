/// The engine: checks files with the configured rules, in parallel, in a stable order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "core/error.hpp"
#include "engine/result.hpp"

namespace contentlint::engine {

/// What to do with safe fixes: nothing, write them (--fix), or print them (--diff).
enum class FixMode { none, write, diff };

/// `--shard K/N`: the K-th (1-based) of N parts of the files. A file's part follows from
/// a hash of its path from the config's folder, so it stays put as other files come and go
/// and every machine of a CI matrix agrees without talking to the others.
struct Shard {
  unsigned index = 1;
  unsigned count = 1;
};

/// Parses "K/N" with 1 <= K <= N <= 1024.
core::Expected<Shard> parse_shard(std::string_view text);
/// Whether the file at `relative_path` (from the config's folder, `/` separators) is in
/// `shard`.
bool in_shard(const Shard& shard, std::string_view relative_path);

struct RunOptions {
  std::vector<std::string> paths;  // files, folders or globs; empty: the config's include globs
  unsigned jobs = 0;               // worker threads; 0: all cores
  FixMode fix = FixMode::none;
  std::optional<Shard> shard;  // only this part of the files
  /// --cache: reuse the findings of unchanged files (engine/cache.hpp); not with fixes,
  /// nor with external links, whose answers age on their own schedule.
  bool cache = false;
};

/// What a run produced: the results, and the tool errors that make it exit 2.
struct Run {
  RunResult result;  // after fixing: what remains
  std::vector<core::Error> errors;
  std::vector<std::string> diffs;  // FixMode::diff: one unified diff per changed file
  std::vector<std::string> notes;  // files whose fixes were not applied, and why
};

/// Discovers the files named by `options` and checks each one.
Run run(const config::Config& config, const RunOptions& options);

/// Checks one file's text as if it were at `path` (relative to the current directory):
/// its collection, schema and relative links resolve from there. For --stdin and editors.
FileResult check_text(const config::Config& config, const std::string& path, std::string text);

/// A file's text after its safe fixes, and what remains to report.
struct Fixed {
  FileResult result;  // the diagnostics of the final text
  std::string text;   // the fixed bytes (BOM restored); equal to the input when unchanged
  std::optional<std::string> refused;  // why nothing was applied (parse error, no convergence)
};

/// Applies safe fixes to `bytes` as if they were the file at `path`, re-linting after
/// each pass (at most 10) until nothing changes. A file whose front matter does not parse
/// is never changed, and neither is one whose fixes break the parse or do not converge.
Fixed fix_text(const config::Config& config, const std::string& path, std::string bytes);

}  // namespace contentlint::engine
