/// How serious a finding is, as configured per rule.
#pragma once

#include <optional>
#include <string_view>

namespace contentlint::core {

/// Ordered from "not reported" to "fails the run".
enum class Severity { off, info, warning, error };

std::string_view to_string(Severity severity);
/// "off", "info", "warning" or "error"; nullopt for anything else.
std::optional<Severity> parse_severity(std::string_view text);

}  // namespace contentlint::core
