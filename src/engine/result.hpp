/// What a run found: the finished diagnostics per file, ready for a reporter.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace contentlint::engine {

/// One checked file and its diagnostics, sorted by position. Ranges and source lines
/// are already resolved, so reporters need not read the file.
struct FileResult {
  std::string path;  // display path: relative to the current directory, no leading "./"
  std::vector<core::Diagnostic> diagnostics;
};

struct Summary {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t fixable = 0;
};

/// All files checked in one run, sorted by path (files without findings included).
struct RunResult {
  std::vector<FileResult> files;
  Summary summary;
};

/// Counts the diagnostics of `files` by severity.
Summary summarize(const std::vector<FileResult>& files);

}  // namespace contentlint::engine
