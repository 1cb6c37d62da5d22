/// Reading one file to check, safely: regular files only, never blocking on a FIFO,
/// never more than kMaxFileBytes; and standard input within the same limit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/error.hpp"

namespace contentlint::engine {

/// The largest file that is read and checked: 4 MiB. The largest real articles are a few
/// hundred KB; a bigger file is generated or hostile, and every parser's time and memory
/// grow with it.
constexpr std::uint64_t kMaxFileBytes = std::uint64_t{4} << 20;

/// The whole content of the regular file `path`; `display` names it in errors. A FIFO,
/// device or folder is an error ("not a regular file"), never a blocking read; so is a
/// file larger than `max_bytes`, found from its size before any byte is read (and again
/// while reading, for a file that grows).
core::Expected<std::string> read_file(const std::filesystem::path& path, std::string_view display,
                                      std::uint64_t max_bytes = kMaxFileBytes);

/// All of standard input (a pipe, a terminal or a redirected file), within the same limit:
/// more than `max_bytes` is an error, found as soon as the read passes it.
core::Expected<std::string> read_stdin(std::string_view display,
                                       std::uint64_t max_bytes = kMaxFileBytes);

}  // namespace contentlint::engine
