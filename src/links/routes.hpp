/// The routes a site serves, read from disk once per run: file-based pages and the
/// entries of collections with a `route` (internal to links/).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/glob.hpp"

namespace contentlint::links::detail {

/// The extensions whose files under pages-dir are pages or endpoints.
bool is_page_extension(std::string_view extension);

/// One file under pages-dir and the route it serves.
struct Page {
  std::filesystem::path file;
  /// The route's segments: static names, patterns with `[param]` parts ("[slug]",
  /// "post-[id].png"), or a rest parameter `[...path]` alone, which matches any number
  /// of segments, none included.
  std::vector<std::string> segments;
  bool dynamic = false;
};

/// The file-based routes of pages-dir, as Astro serves them: `about.astro` and
/// `about/index.md` at /about, `[slug].astro` at any one segment, `[...slug].astro` at
/// any path; files and folders whose name starts with `_` or `.` are not routes.
class PageRoutes {
 public:
  /// Reads the folder tree under `pages` (a missing folder gives no pages).
  static PageRoutes scan(const std::filesystem::path& pages);
  /// The page whose route has only static segments and equals `path`, or nullptr.
  const Page* match_static(std::span<const std::string> path) const;
  /// The first dynamic page whose route matches `path`, with fewer parameters first.
  const Page* match_dynamic(std::span<const std::string> path) const;

  std::size_t size() const { return pages_.size(); }

 private:
  std::vector<Page> pages_;                    // static pages first, then dynamic ones
  std::map<std::string, std::size_t> static_;  // "a/b" -> index into pages_
};

/// Whether the route segment pattern `pattern` ("[slug]", "post-[id]") matches `name`;
/// every `[param]` stands for one or more characters. Linear in time per character pair.
bool segment_matches(std::string_view pattern, std::string_view name);

/// A collection's `route` ("/blog/{slug}") and the entries it may name.
class CollectionRoute {
 public:
  /// Scans the files of the collection's include globs under `root`. A route without
  /// `{slug}` (or `{id}`) names no entries and matches nothing. An entry is named by its
  /// path (as written and slugified) and by the `slug:` of its front matter; the front
  /// matter is read only once a route names no entry by its path (see Overrides).
  static CollectionRoute scan(std::string_view route, const std::filesystem::path& root,
                              std::span<const core::Glob> include);

  /// What a route path says about this collection.
  struct Match {
    bool shaped = false;  // the path has the route's shape: "/blog/<something>"
    std::string entry;    // the entry file it names (absolute), empty when none does
    std::string slug;     // what stands for `{slug}`
  };
  /// `path` is "/a/b" (decoded, normalized, no trailing slash).
  Match match(std::string_view path) const;
  /// The entry slug nearest to `slug`, for "did you mean" (nullopt when none is close).
  std::optional<std::string> nearest_slug(std::string_view slug) const;
  /// The route with `slug` put in.
  std::string route_for(std::string_view slug) const {
    return prefix_ + std::string(slug) + suffix_;
  }

 private:
  struct Slice {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
  };
  // Every entry and slug as the scan finds them, with their text: what suggestions and
  // front matter slugs need, read only when a run needs them.
  struct Scanned {
    struct Entry {
      std::uint32_t top = 0;  // index into tops_
      Slice path;             // below the top, `/` separators
      bool by_slug = false;   // its only slug is its path without `tail`
    };
    struct Slug {
      Slice text;
      std::uint32_t entry = 0;  // index into entries
    };
    std::string text;            // the entries' paths, and slugs that do not start them
    std::vector<Entry> entries;  // each entry once, in scan order
    std::vector<Slug> slugs;     // each slug once, in scan order
    bool nested = false;         // some slug holds a '/': it may span several segments
    std::string_view of(Slice slice) const {
      return std::string_view(text).substr(slice.begin, slice.size);
    }
    // The entry's file, absolute.
    std::string file(const CollectionRoute& route, std::uint32_t entry) const;
  };
  Scanned scan_entries() const;

  // What a collection keeps for the run, for nearly every file of a large site: a hash for
  // each slug, and for each entry the text its file adds to the slug that names it
  // (".md", "/index.md": a few such tails are shared by all), or, for the few entries
  // named otherwise, its path. A hash collision could only make a missing entry look
  // present, with odds of about 2^-64.
  struct Entry {
    std::uint32_t top : 31 = 0;  // index into tops_
    bool by_slug : 1 = false;    // `text` is the tail after its slug, else its path
    Slice text;                  // in text_
  };
  struct Slug {
    std::uint64_t hash = 0;
    std::uint32_t entry = 0;  // index into entries_
  };
  // The file of the entry `slug` names, absolute.
  std::string file(const Slug& slug, std::string_view text) const;
  // The slug `text` names, by an entry's path; nullptr when none.
  const Slug* find(std::string_view text) const;

  bool valid_ = false;
  std::string prefix_;   // "/blog/"
  std::string suffix_;   // after the placeholder, "" mostly
  bool nested_ = false;  // some slug holds a '/': a slug may then span several segments
  std::vector<core::Glob> include_;
  std::vector<std::string> tops_;  // the folders of the include globs, absolute
  std::string text_;               // the entries' tails and paths
  std::vector<Entry> entries_;     // each entry once, in scan order
  std::vector<Slug> slugs_;        // each slug once, by hash

  // What a run reads only when a route names no entry by its path: every entry with its
  // text, and the entries' own `slug:` fields. Most links name entries by their files,
  // and reading every entry at the first route link would cost a run over one file a
  // read of the whole collection. A path slug wins over a front matter one that is the
  // same.
  struct Overrides {
    std::once_flag once;
    Scanned scanned;
    std::unordered_map<std::string, std::uint32_t> entries;  // slug -> index into entries
    std::vector<const std::string*> slugs;  // the keys of `entries`, in a stable order
    bool nested = false;                    // some slug holds a '/'
  };
  const Overrides& overrides() const;
  std::unique_ptr<Overrides> overrides_ = std::make_unique<Overrides>();
};

/// The folder a glob's matches lie under: its literal leading segments without the last
/// segment ("src/content/posts/**/*.md" -> "src/content/posts").
std::string glob_base(std::string_view pattern);

}  // namespace contentlint::links::detail
