#include "engine/read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

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

core::Error too_large(const std::string& display, std::uint64_t size, std::uint64_t max_bytes) {
  return core::Error{display, std::nullopt,
                     fmt::format("file is {}, larger than the {} limit; not checked",
                                 human_size(size), human_size(max_bytes))};
}

// Closes the descriptor on every path out of read_file.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

core::Expected<std::string> read_file(const std::filesystem::path& path, const std::string& display,
                                      std::uint64_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
  if (file.fd < 0) {
    return core::Error{display, std::nullopt, fmt::format("cannot read: {}", std::strerror(errno))};
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    return core::Error{display, std::nullopt, "not a regular file"};
  }
  auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_bytes) return too_large(display, size, max_bytes);

  std::string bytes;
  // One byte more than the size, so the read that finds the end needs no larger buffer.
  bytes.resize(static_cast<std::size_t>(size) + 1);
  std::size_t done = 0;
  while (true) {
    if (done == bytes.size()) {
      // The file grew since fstat (or /proc reports size 0): read on, within the limit.
      if (done > max_bytes) return too_large(display, done, max_bytes);
      bytes.resize(bytes.size() + 4096);
    }
    ssize_t got = ::read(file.fd, bytes.data() + done, bytes.size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      return core::Error{display, std::nullopt,
                         fmt::format("cannot read: {}", std::strerror(errno))};
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  bytes.resize(done);
  return bytes;
}

}  // namespace contentlint::engine
