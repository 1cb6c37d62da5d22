/// Glob patterns as .gitignore and .contentlint.yaml write them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace contentlint::config {

/// A compiled glob: `*` (any run of characters but `/`), `?`, `[abc]`, `[!a-z]`, `{a,b}`,
/// and `**` (any number of whole path segments). Matching is linear in the path length
/// times the pattern length, never exponential. Paths use `/` separators.
class Glob {
 public:
  static core::Expected<Glob> compile(std::string_view pattern);

  bool matches(std::string_view path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::vector<std::string> alternatives_;  // `{a,b}` expanded
};

}  // namespace contentlint::config
