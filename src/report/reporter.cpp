#include "report/reporter.hpp"

#include "report/formats.hpp"

namespace contentlint::report {

std::string_view to_string(Format format) {
  switch (format) {
    case Format::pretty:
      return "pretty";
    case Format::compact:
      return "compact";
    case Format::json:
      return "json";
    case Format::sarif:
      return "sarif";
    case Format::github:
      return "github";
    case Format::junit:
      return "junit";
  }
  return "pretty";
}

std::optional<Format> parse_format(std::string_view name) {
  for (Format format : kAllFormats) {
    if (to_string(format) == name) {
      return format;
    }
  }
  return std::nullopt;
}

std::unique_ptr<Reporter> make_reporter(Format format, const ReportOptions& options) {
  switch (format) {
    case Format::pretty:
      return make_pretty_reporter(options);
    case Format::compact:
      return make_compact_reporter(options);
    case Format::json:
      return make_json_reporter(options);
    case Format::sarif:
      return make_sarif_reporter(options);
    case Format::github:
      return make_github_reporter(options);
    case Format::junit:
      return make_junit_reporter(options);
  }
  return make_pretty_reporter(options);
}

}  // namespace contentlint::report
