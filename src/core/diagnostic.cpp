#include "core/diagnostic.hpp"

#include <algorithm>

namespace contentlint::core {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::off:
      return "off";
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "off";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "off") return Severity::off;
  if (text == "info") return Severity::info;
  if (text == "warning") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

void DiagnosticSink::begin_rule(std::string_view rule, Severity severity) {
  rule_ = rule;
  severity_ = severity;
}

void DiagnosticSink::report(ByteSpan span, std::string message, std::optional<Fix> fix) {
  Diagnostic diagnostic;
  diagnostic.rule = rule_;
  diagnostic.severity = severity_;
  diagnostic.message = std::move(message);
  diagnostic.span = span;
  diagnostic.fix = std::move(fix);
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::report_at_most(Severity at_most, ByteSpan span, std::string message) {
  report(span, std::move(message));
  diagnostics_.back().severity = std::min(severity_, at_most);
}

void DiagnosticSink::report_later(ByteSpan span, std::function<Settled()> settle) {
  report(span, std::string());
  diagnostics_.back().settle = std::move(settle);
}

}  // namespace contentlint::core
