#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "report/formats.hpp"
#include "report/reporter.hpp"

namespace contentlint::report {
namespace {

// The segments of `path` with `.` dropped and `..` applied. A `..` that would climb
// above the start is kept only when `keep_leading_parents`, else it is refused (nullopt).
std::optional<std::vector<std::string_view>> normalize(std::string_view path,
                                                       bool keep_leading_parents) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty() && segments.back() != "..") {
        segments.pop_back();
      } else if (keep_leading_parents) {
        segments.push_back(segment);
      } else {
        return std::nullopt;
      }
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  return segments;
}

std::string join(const std::vector<std::string_view>& segments) {
  std::string out;
  for (std::string_view segment : segments) {
    if (!out.empty()) out += '/';
    out += segment;
  }
  return out;
}

}  // namespace

RepositoryLocation locate_repository(const std::filesystem::path& current) {
  namespace fs = std::filesystem;
  const fs::path start = current.lexically_normal();
  for (fs::path folder = start;; folder = folder.parent_path()) {
    std::error_code error;
    if (fs::exists(folder / ".git", error)) {
      std::string directory = start.lexically_relative(folder).generic_string();
      if (directory == ".") directory.clear();
      if (!directory.empty() && directory.back() != '/') directory += '/';
      std::string root = folder.generic_string();
      if (root.size() > 1 && root.back() == '/') root.pop_back();
      return {root, directory};
    }
    if (folder == folder.parent_path()) break;
  }
  std::string root = start.generic_string();
  if (root.size() > 1 && root.back() == '/') root.pop_back();
  return {root, ""};
}

std::optional<std::string> repository_path(const RepositoryLocation& repository,
                                           std::string_view display_path) {
  if (!display_path.empty() && display_path.front() == '/') {
    if (repository.root.empty()) return std::nullopt;
    const std::string prefix = repository.root == "/" ? "/" : repository.root + "/";
    if (display_path.substr(0, prefix.size()) != prefix) return std::nullopt;
    auto segments = normalize(display_path.substr(prefix.size()), false);
    if (!segments) return std::nullopt;
    return join(*segments);
  }
  const std::string joined = repository.directory + std::string(display_path);
  auto segments = normalize(joined, false);  // views into `joined`
  if (!segments) return std::nullopt;
  return join(*segments);
}

std::string absolute_path(const RepositoryLocation& repository, std::string_view display_path) {
  std::string joined;
  if (!display_path.empty() && display_path.front() == '/') {
    joined = display_path;
  } else if (!repository.root.empty()) {
    joined = repository.root + "/" + repository.directory + std::string(display_path);
  } else {
    return std::string(display_path);
  }
  // Above the file system's root there is only the root: `..` there is dropped.
  auto segments = normalize(joined, true);
  std::vector<std::string_view> kept;
  for (std::string_view segment : *segments) {
    if (segment != "..") kept.push_back(segment);
  }
  return "/" + join(kept);
}

std::string percent_encode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                            byte == '_' || byte == '~' || byte == '/';
    if (unreserved) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

}  // namespace contentlint::report
