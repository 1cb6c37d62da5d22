#include "cli/load_config.hpp"

#include <fmt/format.h>

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
  for (const core::Error& error : errors) fmt::print(stderr, "{}\n", error.to_string());
}

}  // namespace contentlint::cli
