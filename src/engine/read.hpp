/// Reading one file to check, safely: regular files only, never blocking on a FIFO.
#pragma once

#include <filesystem>
#include <string>

#include "core/error.hpp"

namespace contentlint::engine {

/// The whole content of the regular file `path`; `display` names it in errors. A FIFO,
/// device or folder is an error ("not a regular file"), never a blocking read.
core::Expected<std::string> read_file(const std::filesystem::path& path,
                                      const std::string& display);

}  // namespace contentlint::engine
