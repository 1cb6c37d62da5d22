/// Output formats of a run: pick one by name, then write a finished RunResult with it.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "engine/result.hpp"

namespace contentlint::report {

/// The output formats. sarif, github and junit join this list with their files.
enum class Format { pretty, compact, json };

/// Every format, in the order `--help` lists them.
inline constexpr Format kAllFormats[] = {Format::pretty, Format::compact, Format::json};

/// "pretty", "compact" or "json".
std::string_view to_string(Format format);
/// The format with this exact (lower-case) name, or nullopt.
std::optional<Format> parse_format(std::string_view name);

/// How a reporter renders; the same options for every format.
struct ReportOptions {
  /// ANSI colours (the CLI decides from --color, NO_COLOR and the terminal). Only the
  /// human formats (pretty, compact) use it; json never does.
  bool color = false;
  /// --quiet: list only error diagnostics. pretty and compact then end with an
  /// errors-only summary ("2 errors in 12 files"); json keeps its full summary counts
  /// (docs/json-format.md).
  bool quiet = false;
  /// contentlint's version, written where a format names the tool (json's "tool").
  std::string tool_version;
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
