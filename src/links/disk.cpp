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

namespace {

std::uint64_t name_hash(std::string_view name) { return std::hash<std::string_view>{}(name); }

// What a listing keeps of the name in ASCII lowercase.
std::uint32_t folded_hash(std::string_view name) {
  return static_cast<std::uint32_t>(name_hash(ascii_lower(name)));
}

// Calls `visit(name, directory)` for each entry of `folder` but "." and "..", with readdir
// rather than fs::directory_iterator, which builds a path and splits it into its names for
// every entry: listing the forty images of a public folder was a twentieth of a run over
// one file. A folder that cannot be read has no entries.
template <typename Visit>
void for_each_entry(const char* folder, Visit visit) {
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
    visit(name, directory);
  }
}

}  // namespace

void DiskCache::read_listing(const char* folder, Listing& into) {
  for_each_entry(folder, [&](std::string_view name, bool directory) {
    into.entries.push_back({name_hash(name), folded_hash(name), directory});
  });
  std::sort(into.entries.begin(), into.entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  into.entries.shrink_to_fit();
}

std::optional<DiskCache::Named> DiskCache::name_ignoring_case(const char* folder,
                                                              std::string_view name) {
  std::optional<Named> first;
  for_each_entry(folder, [&](std::string_view entry, bool directory) {
    if (entry != name && equal_ignoring_case(entry, name) && (!first || entry < first->name)) {
      first = Named{std::string(entry), directory};
    }
  });
  return first;
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
    const std::vector<Entry>& entries = listing(found.path).entries;
    const std::uint64_t wanted = name_hash(name);
    auto exact =
        std::lower_bound(entries.begin(), entries.end(), wanted,
                         [](const Entry& entry, std::uint64_t hash) { return entry.name < hash; });
    if (exact != entries.end() && exact->name == wanted) {
      found.path /= name;
      found.kind = exact->directory ? Found::Kind::directory : Found::Kind::file;
      continue;
    }
    const std::uint32_t folded = folded_hash(name);
    bool other_case = std::any_of(entries.begin(), entries.end(),
                                  [&](const Entry& entry) { return entry.folded == folded; });
    std::optional<Named> on_disk;
    if (other_case) on_disk = name_ignoring_case(found.path.c_str(), name);
    if (!on_disk) return Found{};
    found.corrections.emplace_back(name, on_disk->name);
    found.path /= on_disk->name;
    found.kind = on_disk->directory ? Found::Kind::directory : Found::Kind::file;
  }
  return found;
}

}  // namespace contentlint::links::detail
