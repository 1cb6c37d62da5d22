#include "cli/load_config.hpp"

#include <fmt/format.h>

#include "report/terminal.hpp"

namespace contentlint::cli {

namespace fs = std::filesystem;

core::Expected<config::Config> load_config(const std::string& explicit_path, const fs::path& start,
                                           const std::vector<config::Override>& overrides) {
  if (!explicit_path.empty()) {
    if (!fs::is_regular_file(explicit_path)) {
      return core::Error{explicit_path, std::nullopt, "config file not found"};
    }
    return config::load(explicit_path, explicit_path, overrides);
  }
  if (auto found = config::discover(start)) {
    std::string display = fs::relative(*found).generic_string();
    return config::load(*found, display.empty() ? found->string() : display, overrides);
  }
  return config::defaults(fs::current_path(), overrides);
}

void print_errors(const std::vector<core::Error>& errors) {
  // Paths and messages come from the repository (a file named "x\n::error::y.md"): one
  // error, one line, no terminal escapes, and no workflow command forged on a CI log.
  for (const core::Error& error : errors) {
    std::string line = report::escape_terminal(error.to_string());
    if (line.starts_with("::")) line.insert(0, "./");  // a path still, not a command
    fmt::print(stderr, "{}\n", line);
  }
}

}  // namespace contentlint::cli
