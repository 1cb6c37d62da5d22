/// Directory listings read once per run, and lookups that see letter case as Linux does
/// (internal to links/).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace contentlint::links::detail {

/// What a lookup found.
struct Found {
  enum class Kind { none, file, directory };
  Kind kind = Kind::none;
  std::filesystem::path path;  // with every name in its letter case on disk
  /// Names whose letter case differs from the disk's: (as looked up, as on disk).
  std::vector<std::pair<std::string, std::string>> corrections;

  bool exact() const { return kind != Kind::none && corrections.empty(); }
};

/// The path of `segments` below the folder `base`, joined as a string (a path would split
/// and rebuild its names at every `/=`).
std::string join_below(std::string_view base, std::span<const std::string> segments);

/// Folder listings, each read from disk once and kept for the run. A name that is not
/// found exactly (on Linux: by stat()) is looked for in the listings, so a name whose case
/// differs from the disk's is caught even on macOS and Windows, where the file system
/// would quietly accept it and the Linux server that builds the site would not.
/// Thread-safe.
class DiskCache {
 public:
  /// How lookup finds a path: `stat` asks stat() for the whole path first (once per run
  /// per path: for folders too large to list for a run over one file); `listings` reads
  /// only the folders' listings, so a run keeps nothing per path looked up (for a folder
  /// such as public-dir, which links name again and again by routes that are not there).
  enum class Via { stat, listings };

  /// Looks `segments` (plain names, no "." or "..") up below the folder `base`. A name
  /// with another case is found (and listed in `corrections`) when no exact one exists.
  Found lookup(const std::filesystem::path& base, std::span<const std::string> segments,
               Via via = Via::stat) const;

 private:
  // A folder's names as hashes: a folder of ten thousand posts, listed to find one name in
  // another case, would otherwise keep every name for the run. The folder is read again
  // for the name on disk only when a name is found in another case, which is rare. A hash
  // collision could only make a missing name look present, with odds of about 2^-64.
  // The lowercase name's hash only tells when to read the folder again (which compares the
  // names themselves), so 32 bits of it are enough: 16 bytes a name.
  struct Entry {
    std::uint64_t name = 0;    // the name's hash
    std::uint32_t folded = 0;  // part of the hash of the name in ASCII lowercase
    bool directory = false;
  };
  struct Listing {
    std::once_flag once;
    std::vector<Entry> entries;  // sorted by `name`
  };
  // A folder entry's name and whether it is a folder, as stat() sees it.
  struct Named {
    std::string name;
    bool directory = false;
  };

  const Listing& listing(const std::filesystem::path& folder) const;
  static void read_listing(const char* folder, Listing& into);
  /// The entry of `folder` named `name` in another letter case (the first in byte order
  /// when several are), read from disk.
  static std::optional<Named> name_ignoring_case(const char* folder, std::string_view name);
  /// What stat() says of `path`, asked once per run: many files link to the same posts
  /// and images.
  Found::Kind stat_kind(const std::string& path) const;

  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::unique_ptr<Listing>> listings_;
  mutable std::unordered_map<std::string, Found::Kind> stats_;
};

}  // namespace contentlint::links::detail
