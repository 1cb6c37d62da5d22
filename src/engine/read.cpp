#include "engine/read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace contentlint::engine {
namespace {

// Sizes as people read them: "4 MB", "12.5 MB", "900 KB".
std::string human_size(std::uint64_t bytes) {
  constexpr double kMiB = 1024.0 * 1024.0;
  if (bytes >= (std::uint64_t{1} << 20)) {
    double mib = static_cast<double>(bytes) / kMiB;
    return mib == static_cast<double>(static_cast<std::uint64_t>(mib))
               ? fmt::format("{:.0f} MB", mib)
               : fmt::format("{:.1f} MB", mib);
  }
  return fmt::format("{} KB", (bytes + 1023) / 1024);
}

core::Error too_large(std::string_view display, std::uint64_t size, std::uint64_t max_bytes) {
  std::string shown = human_size(size);
  std::string limit = human_size(max_bytes);
  if (shown.ends_with(".0 MB")) {
    // Just over the limit: "4.0 MB, larger than the 4 MB limit" would read as a contradiction.
    shown = fmt::format("{} bytes", size);
    limit += fmt::format(" ({} bytes)", max_bytes);
  }
  return core::Error{
      std::string(display), std::nullopt,
      fmt::format("file is {}, larger than the {} limit; not checked", shown, limit)};
}

// Closes the descriptor on every path out of read_file.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// The rest of `fd`, of `size` bytes by fstat (0 when it cannot tell), within `max_bytes`.
core::Expected<std::string> read_to_end(int fd, std::uint64_t size, std::string_view display,
                                        std::uint64_t max_bytes) {
  if (size > max_bytes) return too_large(display, size, max_bytes);
  std::string bytes;
  // One byte more than the size, so the read that finds the end needs no larger buffer.
  bytes.resize(static_cast<std::size_t>(size) + 1);
  std::size_t done = 0;
  while (true) {
    if (done == bytes.size()) {
      // The file grew since fstat (or /proc or a pipe reports size 0): read on, within
      // the limit.
      if (done > max_bytes) return too_large(display, done, max_bytes);
      bytes.resize(bytes.size() + std::max<std::size_t>(4096, bytes.size() / 2));
    }
    ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      return core::Error{std::string(display), std::nullopt,
                         fmt::format("cannot read: {}", std::strerror(errno))};
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  if (done > max_bytes) return too_large(display, done, max_bytes);
  bytes.resize(done);
  return bytes;
}

}  // namespace

core::Expected<std::string> read_file(const std::filesystem::path& path, std::string_view display,
                                      std::uint64_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
  if (file.fd < 0) {
    return core::Error{std::string(display), std::nullopt,
                       fmt::format("cannot read: {}", std::strerror(errno))};
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    return core::Error{std::string(display), std::nullopt, "not a regular file"};
  }
  return read_to_end(file.fd, static_cast<std::uint64_t>(info.st_size), display, max_bytes);
}

core::Expected<std::string> read_stdin(std::string_view display, std::uint64_t max_bytes) {
  struct stat info {};
  bool regular = ::fstat(STDIN_FILENO, &info) == 0 && S_ISREG(info.st_mode);
  return read_to_end(STDIN_FILENO, regular ? static_cast<std::uint64_t>(info.st_size) : 0, display,
                     max_bytes);
}

}  // namespace contentlint::engine
