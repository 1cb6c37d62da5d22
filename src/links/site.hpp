/// The site as links see it: files on disk, file-based routes, collection routes, and
/// the anchors of other documents.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/glob.hpp"
#include "links/anchors.hpp"

namespace contentlint::links {

/// A collection whose entries are served at `route` ("/blog/{slug}").
struct RouteCollection {
  std::string name;
  std::string route;
  std::vector<core::Glob> include;  // relative to SiteOptions::root
};

/// What the config says about the site; paths are relative to `root`.
struct SiteOptions {
  std::filesystem::path root;  // absolute: the config file's folder
  std::string public_dir;
  std::string pages_dir;
  std::string site_url;
  std::vector<RouteCollection> collections;
};

/// What a destination must be: a link may name a page, an image only a file (or an
/// endpoint under pages-dir that serves one).
enum class Want { link, image };

/// Where a link destination leads, found offline.
struct Resolution {
  enum class Kind {
    file,           // an existing file or folder
    route,          // a page under pages-dir or an entry of a collection with a route
    external,       // another host, mailto:, tel:, data:, ...: not resolved here
    unverified,     // root-relative, but the config says too little about the site to tell
    not_found,      // nothing is there
    case_mismatch,  // a file is there only with other letter case
    outside,        // leaves the site's root folder
  };
  Kind kind = Kind::unverified;
  /// "#intro" (or "?q#intro"): the link stays in its own document.
  bool same_document = false;
  /// Resolved as a route of the site (root-relative or under `site-url`), not as a path
  /// from the linking file's folder.
  bool routed = false;
  /// file: the file found (a folder's index file, when it has one); route: the page or
  /// entry file; same_document: the linking file; case_mismatch: the file as on disk.
  /// Absolute and lexically normal; a string, as a path would split it into its names
  /// for every link of every file.
  std::string target;
  /// After '#', percent-decoded; nullopt when the destination has no '#'.
  std::optional<std::string> fragment;
  /// The destination's path as written, before '?' and '#' (for a `site-url` link: its
  /// route, "/blog/post"): what messages quote.
  std::string shown;
  /// case_mismatch: `shown` with each name in its letter case on disk.
  std::string actual;
  /// not_found of a collection route: an existing route with a similar slug.
  std::optional<std::string> suggestion;
  /// What was asked for (messages name a missing page differently from a missing image).
  Want want = Want::link;

  /// Whether the destination is broken (not_found, case_mismatch, outside).
  bool broken() const;
  /// The message for a broken destination, `what` naming it ("image file", "linked
  /// file"): "image file not found: img/a.png", "no page or entry for route '/blog/x'",
  /// "linked file 'A.md' exists only as 'a.md'; the letter case must match on Linux",
  /// "linked file '../../x' points outside the site". Empty when not broken.
  std::string problem(std::string_view what) const;
};

/// Whether the file at `path` is Markdown (.md, .mdx, .markdown), whose anchors can be read.
bool is_markdown(std::string_view path);

/// Answers questions about link targets for every file of one run. Shared by the worker
/// threads, so every query is thread-safe; what it reads from disk (folder listings, the
/// pages and collection entries, other documents' anchors) is read once and cached for
/// the run, and only what it needs, so results never depend on which files are linted.
class Site {
 public:
  explicit Site(SiteOptions options);
  ~Site();
  Site(const Site&) = delete;
  Site& operator=(const Site&) = delete;

  const SiteOptions& options() const { return options_; }

  /// Whether root-relative links can be checked: pages-dir or a collection route is set.
  bool routes_configured() const;
  /// Reads the routes (pages-dir's pages, the entries of the collections with a route)
  /// now, where the first link that needs them would read them: a run calls it on a
  /// thread of its own while it lists the files, so no worker waits for them later.
  void read_routes() const;

  /// `path` made absolute against the working directory the Site started in, and
  /// lexically normal: fs::absolute would ask the kernel for the directory every time.
  std::filesystem::path absolute(const std::filesystem::path& path) const;

  /// Resolves `destination` (as written in a link or image, entities decoded) found in
  /// `from_file` (absolute). Relative paths resolve from the file's folder (a folder or an
  /// extensionless name resolves to its index or Markdown file, as sites serve them);
  /// root-relative paths and links under `site-url` against public-dir, pages-dir and
  /// the collections' routes. Percent-escapes are decoded and `?query` ignored.
  Resolution resolve(const std::filesystem::path& from_file, std::string_view destination,
                     Want want = Want::link) const;

  /// The anchors of the Markdown file `file` (absolute), read from disk once per run and
  /// kept as anchors only; nullptr when it cannot be read.
  const Anchors* anchors_of(const std::filesystem::path& file) const;

  /// A path as a run's file list keeps it: its folder's part (with the trailing `/`) and
  /// its name, which the Site compares without joining them.
  struct PathPieces {
    std::string_view folder;
    std::string_view name;
  };
  /// Names the files a run checks, once, before any is checked: `path_of(i)` is the
  /// path of the i-th of `count` files (absolute and lexically normal). The Site keeps a
  /// hash of each Markdown file's path and asks `path_of` for a path when it needs one
  /// again, as the run keeps its own list. Their anchors come from `remember_anchors` as
  /// they are checked, so no checked file is parsed twice for them.
  void expect(std::size_t count, std::function<PathPieces(std::size_t)> path_of);
  /// Records the anchors of `file` (absolute) as it is checked; ignored unless expected.
  void remember_anchors(const std::filesystem::path& file, const markdown::Body& body) const;

  /// Whether a fragment names an anchor of a file: `later` when the file is one the run
  /// checks that has not been checked yet (until all_checked), `unknown` when it cannot be
  /// read.
  enum class AnchorAnswer : std::uint8_t { yes, no, later, unknown };
  /// Answers for the Markdown file `file` (absolute and lexically normal, as
  /// Resolution::target).
  AnchorAnswer has_anchor(std::string_view file, std::string_view fragment) const;

  /// A question has_anchor answered `later`, to ask again as the run goes: its answer is
  /// `later` until the file is checked (or all_checked). A run keeps one for nearly every
  /// fragment into a file checked later, so it is a number, which a std::function holds
  /// without allocating, and the Site keeps the fragment only until the file is checked.
  class LaterAnchor {
   public:
    AnchorAnswer ask() const { return site_->answer(question_); }

   private:
    friend class Site;
    LaterAnchor(const Site& site, std::uint32_t question) : site_(&site), question_(question) {}

    const Site* site_;
    std::uint32_t question_;
  };
  /// The question has_anchor(file, fragment) answered `later` for.
  LaterAnchor later_anchor(std::string_view file, std::string_view fragment) const;

  /// Says that every file of the run has been checked or could not be read: has_anchor
  /// no longer answers `later`, and reads a file that was not checked from disk.
  void all_checked();

 private:
  struct State;

  Resolution locate(const std::filesystem::path& from_file, std::string_view destination,
                    Want want) const;
  AnchorAnswer answer(std::uint32_t question) const;

  SiteOptions options_;
  std::unique_ptr<State> state_;
};

/// One file's links as the site resolves them: each distinct destination is resolved
/// once however many rules ask. Lives while the file is checked, in the one thread that
/// checks it, so it needs no lock.
class FileLinks {
 public:
  FileLinks(const Site& site, const std::filesystem::path& file)
      : site_(&site), file_(site.absolute(file)) {}

  const Site& site() const { return *site_; }
  /// The linking file, absolute and lexically normal.
  const std::filesystem::path& file() const { return file_; }

  /// Site::resolve for this file, remembered for the file's other links and rules.
  const Resolution& resolve(std::string_view destination, Want want = Want::link) const;

 private:
  const Site* site_;
  std::filesystem::path file_;
  mutable std::unordered_map<std::string, Resolution> resolved_;  // keyed by want + destination
};

}  // namespace contentlint::links
