/// The reporter of each format, one per file; make_reporter picks among them.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "report/reporter.hpp"

namespace contentlint::report {

std::unique_ptr<Reporter> make_pretty_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_compact_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options);

/// `text` as a JSON string literal, quotes included: `"` and `\` escaped, control
/// characters as \n, \t, ... or \u00XX, U+2028/U+2029 as \u2028/\u2029 (so the output
/// can be embedded in JavaScript), and each invalid UTF-8 byte as U+FFFD.
std::string json_string(std::string_view text);

}  // namespace contentlint::report
