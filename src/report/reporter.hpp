/// Output formats of a run: pick one by name, then write a finished RunResult with it.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "engine/result.hpp"
#include "rules/rule.hpp"

namespace contentlint::report {

/// The output formats, one file each. docs/json-format.md, sarif-format.md,
/// github-format.md and junit-format.md describe the machine-readable ones.
enum class Format { pretty, compact, json, sarif, github, junit };

/// Every format, in the order `--help` lists them.
inline constexpr Format kAllFormats[] = {Format::pretty, Format::compact, Format::json,
                                         Format::sarif,  Format::github,  Format::junit};

/// "pretty", "compact", "json", "sarif", "github" or "junit".
std::string_view to_string(Format format);
/// The format with this exact (lower-case) name, or nullopt.
std::optional<Format> parse_format(std::string_view name);

/// Where the current directory sits in its git repository. sarif and github's
/// annotations name files relative to the repository root (that is what code scanning
/// and pull-request annotations match against), while the other formats keep the
/// display paths, which are relative to the current directory.
struct RepositoryLocation {
  /// The root's absolute path with '/' separators and no trailing '/' ("/home/me/site");
  /// empty when unknown (sarif then leaves out the root's URI).
  std::string root;
  /// The current directory relative to the root, ending in '/' ("examples/"), or empty
  /// when the current directory is the root.
  std::string directory;
};

/// The repository that holds `current` (an absolute directory): the nearest folder
/// upward with a `.git` entry (a directory, or a file in worktrees and submodules).
/// Outside any repository, `current` itself stands for the root.
RepositoryLocation locate_repository(const std::filesystem::path& current);

/// How a reporter renders; the same options for every format.
struct ReportOptions {
  /// ANSI colours (the CLI decides from --color, NO_COLOR and the terminal). Only the
  /// human formats (pretty, compact) use it; json never does.
  bool color = false;
  /// --quiet: list only error diagnostics. pretty and compact then end with an
  /// errors-only summary ("2 errors in 12 files"); json keeps its full summary counts
  /// (docs/json-format.md).
  bool quiet = false;
  /// contentlint's version, written where a format names the tool (json's "tool",
  /// sarif's tool.driver).
  std::string tool_version;
  /// The rules the run knows (the config's catalog), which sarif describes in
  /// tool.driver.rules. Non-owning: the catalog must outlive the reporter. A reported
  /// rule that is not here gets a descriptor with its id only.
  std::span<const rules::RuleEntry* const> rules;
  /// Where display paths are, for the formats that name files by repository path.
  RepositoryLocation repository;
};

/// Writes one run in one format. Reporters only format: every count comes from
/// RunResult::summary and every position from the diagnostics.
class Reporter {
 public:
  virtual ~Reporter() = default;
  /// Writes the whole report, ending with a line break. Stream failures are left for
  /// the caller to check (e.g. a full disk behind --output).
  virtual void write(const engine::RunResult& result, std::ostream& out) const = 0;
};

/// The reporter for `format`; never null.
std::unique_ptr<Reporter> make_reporter(Format format, const ReportOptions& options);

}  // namespace contentlint::report
