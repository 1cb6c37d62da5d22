/// The engine: checks files with the configured rules, in parallel, in a stable order.
#pragma once

#include <string>
#include <vector>

#include "config/config.hpp"
#include "core/error.hpp"
#include "engine/result.hpp"

namespace contentlint::engine {

struct RunOptions {
  std::vector<std::string> paths;  // files, folders or globs; empty: the config's include globs
  unsigned jobs = 0;               // worker threads; 0: all cores
};

/// What a run produced: the results, and the tool errors that make it exit 2.
struct Run {
  RunResult result;
  std::vector<core::Error> errors;
};

/// Discovers the files named by `options` and checks each one.
Run run(const config::Config& config, const RunOptions& options);

/// Checks one file's text as if it were at `path` (relative to the current directory):
/// its collection, schema and relative links resolve from there. For --stdin and editors.
FileResult check_text(const config::Config& config, const std::string& path, std::string text);

}  // namespace contentlint::engine
