/// The presets shipped in rules/ (recommended, strict, none), embedded at build time.
#pragma once

#include <span>
#include <string_view>

namespace contentlint::config {

struct EmbeddedFile {
  std::string_view name;  // the file's stem: "recommended"
  std::string_view text;  // its YAML
};

std::span<const EmbeddedFile> embedded_presets();

}  // namespace contentlint::config
