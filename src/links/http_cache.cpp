#include "links/http_cache.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace contentlint::links {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "contentlint-link-cache 1";

// FNV-1a: stable across runs and machines (std::hash is not), which a cache restored in
// CI needs. Collisions are harmless: the file names its URL and a mismatch is a miss.
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string_view outcome_name(LinkResult::Outcome outcome) {
  return outcome == LinkResult::Outcome::ok ? "ok" : "broken";
}

// Splits "key value" at the first space.
bool take_field(std::istream& in, std::string_view key, std::string& value) {
  std::string line;
  if (!std::getline(in, line)) return false;
  if (!line.starts_with(key) || line.size() < key.size() + 1 || line[key.size()] != ' ') {
    return false;
  }
  value = line.substr(key.size() + 1);
  return true;
}

bool to_int(const std::string& text, long long& out) {
  errno = 0;
  char* end = nullptr;
  out = std::strtoll(text.c_str(), &end, 10);
  return errno == 0 && end != text.c_str() && *end == '\0';
}

}  // namespace

fs::path HttpCache::file_for(std::string_view page) const {
  return folder_ / "links" / fmt::format("{:016x}", fnv1a(page));
}

std::optional<LinkResult> HttpCache::read(std::string_view page, std::chrono::seconds ok_age,
                                          std::chrono::seconds broken_age,
                                          std::chrono::system_clock::time_point now) const {
  std::ifstream in(file_for(page), std::ios::binary);
  if (!in) return std::nullopt;
  std::string line;
  if (!std::getline(in, line) || line != kMagic) return std::nullopt;
  std::string url, checked, outcome, status, detail, ids;
  if (!take_field(in, "url", url) || url != page) return std::nullopt;
  if (!take_field(in, "checked", checked) || !take_field(in, "outcome", outcome) ||
      !take_field(in, "status", status) || !take_field(in, "detail", detail) ||
      !take_field(in, "ids", ids)) {
    return std::nullopt;
  }
  long long checked_at = 0, status_code = 0;
  if (!to_int(checked, checked_at) || !to_int(status, status_code)) return std::nullopt;
  LinkResult result;
  if (outcome == "ok") {
    result.outcome = LinkResult::Outcome::ok;
  } else if (outcome == "broken") {
    result.outcome = LinkResult::Outcome::broken;
  } else {
    return std::nullopt;
  }
  auto age = now - std::chrono::system_clock::time_point(std::chrono::seconds(checked_at));
  auto max_age = result.outcome == LinkResult::Outcome::ok ? ok_age : broken_age;
  // A time in the future (a clock set back, a cache from elsewhere) is not trusted either.
  if (age < std::chrono::seconds(0) || age > max_age) return std::nullopt;
  result.status = static_cast<int>(status_code);
  result.detail = detail;
  // "ids <has> <truncated>" then one id a line.
  if (ids.size() != 3 || ids[1] != ' ') return std::nullopt;
  result.has_ids = ids[0] == '1';
  result.truncated = ids[2] == '1';
  while (std::getline(in, line)) result.ids.push_back(line);
  result.from_cache = true;
  return result;
}

std::optional<core::Error> HttpCache::write(std::string_view page, const LinkResult& result,
                                            std::chrono::system_clock::time_point now) const {
  if (result.outcome != LinkResult::Outcome::ok && result.outcome != LinkResult::Outcome::broken) {
    return std::nullopt;
  }
  fs::path file = file_for(page);
  std::error_code error;
  fs::create_directories(file.parent_path(), error);
  if (error) {
    return core::Error{file.parent_path().string(), std::nullopt,
                       fmt::format("cannot create the link cache folder: {}", error.message())};
  }
  std::ostringstream text;
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  text << kMagic << '\n'
       << "url " << page << '\n'
       << "checked " << seconds << '\n'
       << "outcome " << outcome_name(result.outcome) << '\n'
       << "status " << result.status << '\n'
       << "detail " << result.detail << '\n'
       << "ids " << (result.has_ids ? '1' : '0') << ' ' << (result.truncated ? '1' : '0') << '\n';
  for (const std::string& id : result.ids) text << id << '\n';

  // A name no other process or thread uses, in the same folder, so the rename is atomic
  // and concurrent writers of one page each leave a whole file (the last one wins).
  static std::atomic<unsigned> counter{0};
  fs::path temporary = file;
  temporary += fmt::format(".tmp.{}.{}", ::getpid(), counter++);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text.str();
    out.close();
    if (!out) {
      fs::remove(temporary, error);
      return core::Error{temporary.string(), std::nullopt,
                         fmt::format("cannot write the link cache: {}", std::strerror(errno))};
    }
  }
  fs::rename(temporary, file, error);
  if (error) {
    std::string reason = error.message();
    fs::remove(temporary, error);
    return core::Error{file.string(), std::nullopt,
                       fmt::format("cannot write the link cache: {}", reason)};
  }
  return std::nullopt;
}

}  // namespace contentlint::links
