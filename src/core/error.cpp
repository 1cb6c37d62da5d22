#include "core/error.hpp"

#include <fmt/format.h>

namespace contentlint::core {

std::string Error::to_string() const {
  if (!position) return fmt::format("{}: {}", path, message);
  return fmt::format("{}:{}:{}: {}", path, position->line, position->column, message);
}

}  // namespace contentlint::core
