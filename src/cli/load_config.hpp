/// Finding and loading the configuration the way every subcommand does.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace contentlint::cli {

/// `explicit_path` when given (--config); else the nearest .contentlint.yaml upward from
/// `start`; else the defaults for the current directory.
core::Expected<config::Config> load_config(const std::string& explicit_path,
                                           const std::filesystem::path& start,
                                           const std::vector<config::Override>& overrides);

/// Prints tool errors to stderr, one `path:line:col: message` a line.
void print_errors(const std::vector<core::Error>& errors);

}  // namespace contentlint::cli
