/// The subcommands; main.cpp only wires them to CLI11.
#pragma once

#include <CLI/CLI.hpp>

namespace contentlint::cli {

/// Each `add_*` declares a subcommand's flags and returns the function that runs it
/// once parsing succeeded; the function returns the process exit code.
using Command = std::function<int()>;

Command add_check(CLI::App& app);
Command add_rules(CLI::App& app);
Command add_explain(CLI::App& app);
Command add_lsp(CLI::App& app);
Command add_init(CLI::App& app);
Command add_config(CLI::App& app);

/// Exit codes: the contract with CI systems and hooks.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

}  // namespace contentlint::cli
