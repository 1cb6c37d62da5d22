#include "links/disk.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <memory>
#include <system_error>

#include "links/similar.hpp"

namespace contentlint::links::detail {

namespace fs = std::filesystem;

std::string join_below(std::string_view base, std::span<const std::string> segments) {
  std::string out(base);
  for (const std::string& segment : segments) {
    if (!out.ends_with('/')) out += '/';
    out += segment;
  }
  return out;
}

const DiskCache::Listing& DiskCache::listing(const fs::path& folder) const {
  Listing* slot = nullptr;
  {
    std::lock_guard lock(mutex_);
    auto& owned = listings_[folder.string()];
    if (!owned) owned = std::make_unique<Listing>();
    slot = owned.get();
  }
  // Read outside the map's lock, so threads listing different folders do not wait on
  // each other; call_once makes each folder read exactly once.
  std::call_once(slot->once, [&] { read_listing(folder.c_str(), *slot); });
  return *slot;
}

// With readdir rather than fs::directory_iterator, which builds a path and splits it into
// its names for every entry: listing the forty images of a public folder was a twentieth
// of a run over one file. A folder that cannot be read lists nothing.
void DiskCache::read_listing(const char* folder, Listing& into) {
  std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(folder), ::closedir);
  if (!dir) return;
  while (const dirent* entry = ::readdir(dir.get())) {
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    bool directory = entry->d_type == DT_DIR;
    if (entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN) {  // as stat() sees it
      struct stat info {};
      directory =
          ::fstatat(::dirfd(dir.get()), entry->d_name, &info, 0) == 0 && S_ISDIR(info.st_mode);
    }
    into.entries.push_back({static_cast<std::uint32_t>(into.names.size()),
                            static_cast<std::uint32_t>(name.size()), directory});
    into.names += name;
  }
  std::sort(into.entries.begin(), into.entries.end(),
            [&](const Entry& a, const Entry& b) { return into.name(a) < into.name(b); });
  into.names.shrink_to_fit();
  into.entries.shrink_to_fit();
}

Found::Kind DiskCache::stat_kind(const std::string& path) const {
  {
    std::lock_guard lock(mutex_);
    if (auto known = stats_.find(path); known != stats_.end()) return known->second;
  }
  struct stat info {};
  Found::Kind kind = Found::Kind::none;
  if (::stat(path.c_str(), &info) == 0) {
    kind = S_ISDIR(info.st_mode) ? Found::Kind::directory : Found::Kind::file;
  }
  std::lock_guard lock(mutex_);
  stats_.emplace(path, kind);
  return kind;
}

Found DiskCache::lookup(const fs::path& base, std::span<const std::string> segments,
                        Via via) const {
  Found found;
#if defined(__linux__)
  // Linux file systems match names exactly, so a path stat() finds is spelled as on disk
  // and needs no listing: a run over one file then never lists a folder of a thousand
  // posts. Only a miss goes through the listings, to find a name in another case.
  bool plain = std::none_of(segments.begin(), segments.end(), [](const std::string& name) {
    return name.find('\0') != std::string::npos;  // a decoded %00 would cut the path short
  });
  if (via == Via::stat && !segments.empty() && plain) {
    std::string full = join_below(base.native(), segments);
    Found::Kind kind = stat_kind(full);
    if (kind != Found::Kind::none) {
      found.path = std::move(full);
      found.kind = kind;
      return found;
    }
  }
#endif
  if (stat_kind(base.native()) != Found::Kind::directory) return found;
  found.path = base;
  found.kind = Found::Kind::directory;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& name = segments[i];
    if (found.kind != Found::Kind::directory) return Found{};
    const Listing& folder = listing(found.path);
    const std::vector<Entry>& entries = folder.entries;
    auto exact = std::lower_bound(
        entries.begin(), entries.end(), name,
        [&](const Entry& entry, const std::string& wanted) { return folder.name(entry) < wanted; });
    const Entry* match = nullptr;
    if (exact != entries.end() && folder.name(*exact) == name) {
      match = &*exact;
    } else {
      for (const Entry& entry : entries) {
        if (equal_ignoring_case(folder.name(entry), name)) {
          match = &entry;
          found.corrections.emplace_back(name, folder.name(entry));
          break;
        }
      }
    }
    if (match == nullptr) return Found{};
    found.path /= folder.name(*match);
    found.kind = match->directory ? Found::Kind::directory : Found::Kind::file;
  }
  return found;
}

}  // namespace contentlint::links::detail
