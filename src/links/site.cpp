#include "links/site.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <fstream>
#include <mutex>
#include <tuple>
#include <unordered_map>

#include "core/document.hpp"
#include "frontmatter/frontmatter.hpp"
#include "links/disk.hpp"
#include "links/resolution_log.hpp"
#include "links/routes.hpp"
#include "links/url.hpp"
#include "markdown/facts.hpp"

namespace contentlint::links {
namespace {

namespace fs = std::filesystem;
using detail::Found;

// A linked document larger than this is not read for its anchors.
constexpr std::uintmax_t kMaxDocumentBytes = 16 * 1024 * 1024;

// What a folder link serves, first match wins.
constexpr std::string_view kIndexFiles[] = {"index.md",   "index.mdx", "index.markdown",
                                            "index.html", "index.htm", "README.md"};
// What an extensionless relative link may name, as site builders serve it.
constexpr std::string_view kPageSuffixes[] = {".md", ".mdx", ".markdown", ".html", ".astro"};

// `path` split at '/' with "." and ".." applied on top of `start`; nullopt when ".." goes
// above the first segment of `start`'s base.
std::optional<std::vector<std::string>> normalize(std::string_view path,
                                                  std::vector<std::string> start) {
  std::vector<std::string> segments = std::move(start);
  std::size_t begin = 0;
  while (begin <= path.size()) {
    std::size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(begin, end - begin);
    if (segment == "..") {
      if (segments.empty()) return std::nullopt;
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.emplace_back(segment);
    }
    begin = end + 1;
  }
  return segments;
}

bool has_extension(std::string_view name) {
  std::size_t dot = name.rfind('.');
  return dot != std::string_view::npos && dot != 0;
}

// Whether a route path names a page rather than a file: no extension, or an HTML one.
bool names_page(std::string_view route) {
  std::string_view last = route.substr(route.rfind('/') + 1);
  return !has_extension(last) || last.ends_with(".html") || last.ends_with(".htm");
}

std::string join_route(std::span<const std::string> segments) {
  std::string out;
  for (const std::string& segment : segments) out += "/" + segment;
  return out.empty() ? "/" : out;
}

// `cwd` is the working directory when the Site was made: fs::absolute would ask the
// kernel for it again for every link of every file.
// Most paths arrive absolute and normal already, and lexically_normal rebuilds every one.
bool is_normal_absolute(const fs::path& path) {
  // One pass over the names: none empty but after a trailing '/', none "." or "..".
  const std::string_view text = path.native();
  if (!text.starts_with('/')) return false;
  for (std::size_t slash = 0; slash != std::string_view::npos;) {
    const std::size_t next = text.find('/', slash + 1);
    const std::string_view name = text.substr(slash + 1, next - slash - 1);
    if ((name.empty() && next != std::string_view::npos) || name == "." || name == "..") {
      return false;
    }
    slash = next;
  }
  return true;
}

fs::path normal_absolute(const fs::path& path, const fs::path& cwd) {
  if (!path.is_absolute()) return (cwd / path).lexically_normal();
  return is_normal_absolute(path) ? path : path.lexically_normal();
}

// Whether the folder `path` is `base` or inside it (both absolute and lexically normal,
// as strings).
bool is_within(std::string_view path, std::string_view base) {
  while (base.size() > 1 && base.ends_with('/')) base.remove_suffix(1);
  if (!path.starts_with(base)) return false;
  return path.size() == base.size() || base == "/" || path[base.size()] == '/';
}

// `shown` with the names in `corrections` replaced by their case on disk.
std::string with_corrections(std::string_view shown,
                             const std::vector<std::pair<std::string, std::string>>& corrections) {
  std::string out;
  std::size_t begin = 0;
  while (begin <= shown.size()) {
    std::size_t end = shown.find('/', begin);
    if (end == std::string_view::npos) end = shown.size();
    std::string_view segment = shown.substr(begin, end - begin);
    std::string decoded = percent_decode(segment);
    std::string_view replacement = segment;
    for (const auto& [written, on_disk] : corrections) {
      if (written == decoded) replacement = on_disk;
    }
    out += replacement;
    if (end < shown.size()) out += '/';
    begin = end + 1;
  }
  return out;
}

// What a root-relative route resolves to, apart from how the link wrote it.
struct RouteOutcome {
  Resolution::Kind kind = Resolution::Kind::unverified;
  std::string target;
  std::vector<std::pair<std::string, std::string>> corrections;
  std::optional<std::string> suggestion;
};

}  // namespace

bool Resolution::broken() const {
  return kind == Kind::not_found || kind == Kind::case_mismatch || kind == Kind::outside;
}

std::string Resolution::problem(std::string_view what) const {
  switch (kind) {
    case Kind::not_found:
      if (routed && want == Want::link && names_page(shown)) {
        std::string message = fmt::format("no page or entry for route '{}'", shown);
        if (suggestion) message += fmt::format(" (did you mean '{}'?)", *suggestion);
        return message;
      }
      return fmt::format("{} not found: {}", what, shown);
    case Kind::case_mismatch:
      return fmt::format("{} '{}' exists only as '{}'; the letter case must match on Linux", what,
                         shown, actual);
    case Kind::outside:
      return fmt::format("{} '{}' points outside the site", what, shown);
    default:
      return {};
  }
}

bool is_markdown(std::string_view path) {
  std::string_view name = path.substr(path.rfind('/') + 1);
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;  // ".md" is a hidden name
  std::string_view extension = name.substr(dot);
  return extension == ".md" || extension == ".mdx" || extension == ".markdown";
}

/// The caches behind the const queries; every member is guarded (by its mutex or its
/// once_flag), so Site's queries may run on any number of threads.
struct Site::State {
  fs::path cwd;
  fs::path root;
  std::optional<fs::path> public_root;
  std::optional<fs::path> pages_root;
  std::optional<HttpUrl> site_url;  // path without a trailing '/'
  bool has_collection_routes = false;

  detail::DiskCache disk;

  std::once_flag pages_once;
  detail::PageRoutes pages;
  std::once_flag collections_once;
  std::vector<detail::CollectionRoute> collections;

  // The file-based routes of pages-dir, read at the first call; nullptr without one.
  const detail::PageRoutes* page_routes() {
    if (!pages_root) return nullptr;
    std::call_once(pages_once, [&] { pages = detail::PageRoutes::scan(*pages_root); });
    return &pages;
  }
  // The entries of the collections with a route, read at the first call.
  const std::vector<detail::CollectionRoute>& collection_routes(const SiteOptions& options) {
    std::call_once(collections_once, [&] {
      if (!has_collection_routes) return;
      for (const RouteCollection& collection : options.collections) {
        collections.push_back(
            detail::CollectionRoute::scan(collection.route, root, collection.include));
      }
    });
    return collections;
  }

  struct AnchorSlot {
    std::once_flag once;
    std::optional<Anchors> anchors;
  };
  std::mutex anchors_mutex;
  std::unordered_map<std::string, std::unique_ptr<AnchorSlot>> anchors;

  // The Markdown files the run checks, and the anchors of those checked so far: a 24-byte
  // record a file and 4 bytes an anchor, kept for the run.
  struct RunFile {
    std::uint64_t hash = 0;   // of the path: files are found by it
    std::uint32_t index = 0;  // the path is path_of(index)
    std::uint32_t first = 0;  // its anchors' hashes: anchor_hashes[first, first + count)
    std::uint32_t waiting = kNoQuestion;  // the first question waiting for it
    std::uint32_t count : 31 = 0;
    bool checked : 1 = false;
  };
  std::mutex run_files_mutex;
  std::function<Site::PathPieces(std::size_t)> path_of;

  // The path of the run's file at `index`.
  std::string path(std::uint32_t index) const {
    const Site::PathPieces pieces = path_of(index);
    std::string joined;
    joined.reserve(pieces.folder.size() + pieces.name.size());
    return joined.append(pieces.folder).append(pieces.name);
  }
  std::vector<RunFile> run_files;           // sorted by hash
  std::deque<std::uint32_t> anchor_hashes;  // grows without moving what it holds
  bool all_checked = false;

  // Questions about files not checked yet (LaterAnchor): the answer to each, 1 byte, and
  // the fragments of those still waiting, listed by the file they wait for and dropped
  // as it is checked, so a run keeps about as many as wait at once.
  static constexpr std::uint32_t kNoQuestion = UINT32_MAX;
  struct Question {
    FragmentKey fragment;
    std::uint32_t id;    // into answers
    std::uint32_t next;  // the next waiting for the same file, or the next free slot
  };
  std::vector<Site::AnchorAnswer> answers;
  std::vector<Question> questions;
  std::uint32_t free_question = kNoQuestion;

  // Whether the checked `file` has the anchor `fragment`. Under run_files_mutex.
  Site::AnchorAnswer named(const RunFile& file, const FragmentKey& fragment) const {
    auto first = anchor_hashes.begin() + file.first;
    return digest_contains(first, first + file.count, fragment) ? Site::AnchorAnswer::yes
                                                                : Site::AnchorAnswer::no;
  }

  // Answers the questions waiting for `file` (`answer` of a fragment) and frees their
  // slots. Under run_files_mutex.
  template <typename Answer>
  void answer_waiting(RunFile& file, Answer answer) {
    for (std::uint32_t slot = file.waiting; slot != kNoQuestion;) {
      Question& question = questions[slot];
      answers[question.id] = answer(question.fragment);
      std::uint32_t next = question.next;
      question.next = free_question;
      free_question = slot;
      slot = next;
    }
    file.waiting = kNoQuestion;
  }

  // The run's file at `path`, or nullptr. Under run_files_mutex.
  RunFile* run_file(std::string_view path) {
    const std::uint64_t hash = std::hash<std::string_view>{}(path);
    auto found = std::lower_bound(
        run_files.begin(), run_files.end(), hash,
        [](const RunFile& file, std::uint64_t wanted) { return file.hash < wanted; });
    for (; found != run_files.end() && found->hash == hash; ++found) {
      const Site::PathPieces pieces = path_of(found->index);
      if (path.size() == pieces.folder.size() + pieces.name.size() &&
          path.starts_with(pieces.folder) && path.ends_with(pieces.name)) {
        return &*found;
      }
    }
    return nullptr;
  }

  // Whether `path` (absolute, normal) is a Markdown file the run checks.
  bool checks(std::string_view path) {
    std::lock_guard lock(run_files_mutex);
    return run_file(path) != nullptr;
  }

  // Broken root-relative routes found so far: a broken link is often copied from file to
  // file, and its suggestion reads every slug. Routes that resolve are not kept (a run
  // would keep one for nearly every file), as resolving one again costs a few lookups.
  std::mutex routes_mutex;
  std::unordered_map<std::string, RouteOutcome> broken_routes;
};

Site::Site(SiteOptions options) : options_(std::move(options)), state_(std::make_unique<State>()) {
  State& state = *state_;
  std::error_code ignored;
  state.cwd = fs::current_path(ignored);
  state.root = normal_absolute(options_.root, state.cwd);
  if (!options_.public_dir.empty()) {
    state.public_root = (state.root / options_.public_dir).lexically_normal();
  }
  if (!options_.pages_dir.empty()) {
    state.pages_root = (state.root / options_.pages_dir).lexically_normal();
  }
  if (!options_.site_url.empty()) {
    state.site_url = parse_http_url(options_.site_url);
    if (state.site_url) {
      std::string_view path = state.site_url->path;
      while (path.ends_with('/')) path.remove_suffix(1);
      state.site_url->path = path;
    }
  }
  for (const RouteCollection& collection : options_.collections) {
    if (!collection.route.empty()) state.has_collection_routes = true;
  }
}

Site::~Site() = default;

fs::path Site::absolute(const fs::path& path) const { return normal_absolute(path, state_->cwd); }

const Resolution& FileLinks::resolve(std::string_view destination, Want want) const {
  std::string key;
  key.reserve(destination.size() + 1);
  key += want == Want::image ? 'i' : 'l';
  key += destination;
  auto found = resolved_.find(key);
  if (found == resolved_.end()) {
    found = resolved_.emplace(std::move(key), site_->resolve(file_, destination, want)).first;
  }
  return found->second;
}

void Site::read_routes() const {
  state_->page_routes();
  state_->collection_routes(options_);
}

bool Site::routes_configured() const {
  return state_->pages_root.has_value() || state_->has_collection_routes;
}

namespace {

// Resolves a root-relative route (already normalized) against the site; `disk`, pages and
// collections come from the Site's state. public-dir is read through its folders'
// listings: every route link is looked for there first, and most are not files.
struct RouteResolver {
  using Via = detail::DiskCache::Via;

  const detail::DiskCache& disk;
  const std::optional<fs::path>& public_root;
  const fs::path& root;
  const detail::PageRoutes* pages;  // nullptr without pages-dir
  const std::vector<detail::CollectionRoute>& collections;
  bool routes_configured;

  // A file under public-dir: the file, or a folder's index.html.
  Found public_file(std::span<const std::string> segments) const {
    if (!public_root) return {};
    Found found = disk.lookup(*public_root, segments, Via::listings);
    if (found.kind == Found::Kind::directory) {
      for (std::string_view index : {"index.html", "index.htm"}) {
        std::string name(index);
        Found inside =
            disk.lookup(found.path, std::span<const std::string>(&name, 1), Via::listings);
        if (inside.exact()) {
          inside.corrections = found.corrections;
          return inside;
        }
      }
      return {};
    }
    return found;
  }

  RouteOutcome resolve(std::span<const std::string> segments, Want want) const {
    using Kind = Resolution::Kind;
    RouteOutcome route;
    Found file = public_file(segments);
    if (file.exact()) {
      route.kind = Kind::file;
      route.target = file.path.string();
      return route;
    }
    const detail::Page* page = pages != nullptr ? pages->match_static(segments) : nullptr;
    if (page != nullptr) {
      route.kind = Kind::route;
      route.target = page->file.string();
      return route;
    }
    if (want == Want::link) {
      std::string path = join_route(segments);
      const detail::CollectionRoute* shaped = nullptr;
      std::string slug;
      for (const detail::CollectionRoute& collection : collections) {
        detail::CollectionRoute::Match match = collection.match(path);
        if (!match.entry.empty()) {
          route.kind = Kind::route;
          route.target = std::move(match.entry);
          return route;
        }
        if (match.shaped && shaped == nullptr) {
          shaped = &collection;
          slug = match.slug;
        }
      }
      // A collection route names entries, even where a dynamic page would take any slug.
      if (shaped != nullptr && file.kind == Found::Kind::none) {
        route.kind = Kind::not_found;
        if (auto nearest = shaped->nearest_slug(slug)) {
          route.suggestion = shaped->route_for(*nearest);
        }
        return route;
      }
    }
    page = pages != nullptr ? pages->match_dynamic(segments) : nullptr;
    if (page != nullptr) {
      route.kind = Kind::route;
      route.target = page->file.string();
      return route;
    }
    if (file.kind != Found::Kind::none) {
      route.kind = Kind::case_mismatch;
      route.target = file.path.string();
      route.corrections = file.corrections;
      return route;
    }
    // Only what the config describes is known to be missing: files where public-dir is
    // set, pages where pages-dir is (a route outside every collection's shape may be any
    // page without it). `/resume.pdf` with no public-dir may well be served.
    bool names_file = !names_page(join_route(segments));
    bool known = want == Want::image || names_file ? public_root.has_value() : pages != nullptr;
    if (known) {
      route.kind = Kind::not_found;
      return route;
    }
    if (!public_root && !routes_configured) {
      // Nothing says where the site's files are; a file at the same path from the
      // repository's root (as GitHub resolves it) still gets its anchors checked.
      Found at_root = disk.lookup(root, segments);
      if (at_root.exact()) {
        route.kind = Kind::file;
        route.target = at_root.path.string();
      }
    }
    return route;
  }
};

}  // namespace

Resolution Site::resolve(const fs::path& from_file, std::string_view destination, Want want) const {
  Resolution result = locate(from_file, destination, want);
  if (ResolutionLog* log = ResolutionLog::current()) {
    log->add({from_file, std::string(destination), want, result.kind, result.target});
  }
  return result;
}

Resolution Site::locate(const fs::path& from_file, std::string_view destination, Want want) const {
  using Kind = Resolution::Kind;
  State& state = *state_;
  Resolution result;
  result.want = want;
  Destination parsed = parse_destination(destination);
  if (parsed.fragment) result.fragment = percent_decode(*parsed.fragment);
  result.shown = std::string(parsed.path);

  std::string_view route_path;
  switch (parsed.kind) {
    case Destination::Kind::empty:
      result.kind = Kind::unverified;
      return result;
    case Destination::Kind::fragment:
      result.kind = Kind::file;
      result.same_document = true;
      result.target = from_file.native();
      return result;
    case Destination::Kind::protocol_relative:
      result.kind = Kind::external;
      return result;
    case Destination::Kind::external: {
      std::optional<HttpUrl> url = parse_http_url(destination);
      const std::optional<HttpUrl>& site = state.site_url;
      if (!url || !site || url->host != site->host) {
        result.kind = Kind::external;
        return result;
      }
      route_path = url->path;
      if (!route_path.starts_with(site->path) ||
          (route_path.size() > site->path.size() && route_path[site->path.size()] != '/')) {
        result.kind = Kind::external;  // the same host, outside the site's base path
        return result;
      }
      route_path.remove_prefix(site->path.size());
      result.shown = route_path.empty() ? "/" : std::string(route_path);
      break;
    }
    case Destination::Kind::root:
      route_path = parsed.path;
      break;
    case Destination::Kind::relative:
      break;
  }

  if (parsed.kind != Destination::Kind::relative) {
    result.routed = true;
    auto segments = normalize(percent_decode(route_path), {});
    if (!segments) {
      result.kind = Kind::outside;
      return result;
    }
    std::string key = (want == Want::image ? "i" : "l") + join_route(*segments);
    {
      std::lock_guard lock(state.routes_mutex);
      if (auto cached = state.broken_routes.find(key); cached != state.broken_routes.end()) {
        result.kind = cached->second.kind;
        result.target = cached->second.target;
        result.actual = with_corrections(result.shown, cached->second.corrections);
        result.suggestion = cached->second.suggestion;
        return result;
      }
    }
    static const std::vector<detail::CollectionRoute> kNone;
    RouteResolver resolver{state.disk,
                           state.public_root,
                           state.root,
                           state.page_routes(),
                           want == Want::link && state.has_collection_routes
                               ? state.collection_routes(options_)
                               : kNone,
                           routes_configured()};
    RouteOutcome route = resolver.resolve(*segments, want);
    result.kind = route.kind;
    result.target = route.target;
    result.actual = with_corrections(result.shown, route.corrections);
    result.suggestion = route.suggestion;
    if (result.broken()) {
      std::lock_guard lock(state.routes_mutex);
      state.broken_routes.emplace(std::move(key), std::move(route));
    }
    return result;
  }

  // Relative: from the linking file's folder, never above the site's root (an article
  // outside the root resolves from the file system's root, as a browser would).
  // Worked on as strings: path operations split and rebuild every name, for every link.
  fs::path normalized;  // only for a linking file not given absolute and normal
  const fs::path& file = is_normal_absolute(from_file)
                             ? from_file
                             : (normalized = normal_absolute(from_file, state.cwd));
  std::string_view folder = file.native();
  folder = folder.substr(0, folder.rfind('/'));
  bool inside = is_within(folder, state.root.native());
  fs::path file_system_root;
  const fs::path& base = inside ? state.root : (file_system_root = file.root_path());
  std::vector<std::string> start =
      normalize(
          inside ? folder.substr(std::min(folder.size(), state.root.native().size())) : folder, {})
          .value_or(std::vector<std::string>{});
  std::string decoded = percent_decode(parsed.path);
  auto segments = normalize(decoded, std::move(start));
  if (!segments) {
    result.kind = Kind::outside;
    return result;
  }

  // The path itself, then the names a site would serve at an extensionless path or a
  // `.html` path written for a Markdown file; the first that exists as written wins.
  std::optional<Found> mismatch;
  std::string mismatch_suffix;
  auto exists = [&](std::span<const std::string> candidate, std::string_view suffix) {
    // A file the run checks is there as spelled (discovery read its name from its folder):
    // no stat(), and nothing to keep for the next file that links to it.
    if (std::string path = detail::join_below(base.native(), candidate); state.checks(path)) {
      result.kind = Kind::file;
      result.target = std::move(path);
      return true;
    }
    Found found = state.disk.lookup(base, candidate);
    if (found.exact()) {
      result.kind = Kind::file;
      result.target = found.path.native();
      if (found.kind == Found::Kind::directory) {
        for (std::string_view index : kIndexFiles) {
          std::string name(index);
          if (state.disk.lookup(found.path, std::span<const std::string>(&name, 1)).exact()) {
            result.target = (found.path / name).native();
            break;
          }
        }
      }
      return true;
    }
    if (found.kind != Found::Kind::none && !mismatch) {
      mismatch = std::move(found);
      mismatch_suffix = suffix;
    }
    return false;
  };
  if (exists(*segments, "")) return result;
  if (want == Want::link && !segments->empty()) {
    std::vector<std::string> candidate = *segments;
    const std::string last = segments->back();
    if (!has_extension(last)) {
      for (std::string_view suffix : kPageSuffixes) {
        candidate.back() = last + std::string(suffix);
        if (exists(candidate, suffix)) return result;
      }
    } else if (last.ends_with(".html") || last.ends_with(".htm")) {
      const std::string stem = last.substr(0, last.rfind('.'));
      for (std::string_view suffix : {".md", ".mdx"}) {
        candidate.back() = stem + std::string(suffix);
        if (exists(candidate, "")) return result;
      }
    }
  }
  if (!mismatch) {
    result.kind = Kind::not_found;
    return result;
  }
  result.kind = Kind::case_mismatch;
  result.target = mismatch->path.native();
  if (!mismatch_suffix.empty() && !mismatch->corrections.empty()) {
    // The suffix was added to the last name; the message quotes the name as written.
    auto& [written, on_disk] = mismatch->corrections.back();
    if (written.ends_with(mismatch_suffix) && on_disk.size() >= mismatch_suffix.size()) {
      written.resize(written.size() - mismatch_suffix.size());
      on_disk.resize(on_disk.size() - mismatch_suffix.size());
    }
  }
  result.actual = with_corrections(result.shown, mismatch->corrections);
  return result;
}

const Anchors* Site::anchors_of(const fs::path& file) const {
  State& state = *state_;
  State::AnchorSlot* slot = nullptr;
  {
    std::lock_guard lock(state.anchors_mutex);
    auto& owned = state.anchors[normal_absolute(file, state.cwd).string()];
    if (!owned) owned = std::make_unique<State::AnchorSlot>();
    slot = owned.get();
  }
  std::call_once(slot->once, [&] {
    std::error_code error;
    std::uintmax_t size = fs::file_size(file, error);
    if (error || size > kMaxDocumentBytes) return;
    std::ifstream in(file, std::ios::binary);
    if (!in) return;
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    // Parsed and dropped here: only the anchors stay for the run.
    core::Document document(file.string(), std::move(bytes));
    frontmatter::Split split = frontmatter::split(document);
    slot->anchors = Anchors::of(markdown::extract(document, split.body));
  });
  return slot->anchors ? &*slot->anchors : nullptr;
}

void Site::expect(std::size_t count, std::function<PathPieces(std::size_t)> path_of) {
  State& state = *state_;
  std::lock_guard lock(state.run_files_mutex);
  state.run_files.clear();
  state.path_of = std::move(path_of);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string path = state.path(static_cast<std::uint32_t>(i));
    if (!is_markdown(path)) continue;
    state.run_files.push_back(
        {.hash = std::hash<std::string_view>{}(path), .index = static_cast<std::uint32_t>(i)});
  }
  std::sort(state.run_files.begin(), state.run_files.end(),
            [](const State::RunFile& a, const State::RunFile& b) { return a.hash < b.hash; });
  state.run_files.shrink_to_fit();
}

void Site::remember_anchors(const fs::path& file, const markdown::Body& body) const {
  std::string key = normal_absolute(file, state_->cwd).string();
  // Only for files of the run: an editor's single check has no one to tell.
  if (!state_->checks(key)) return;
  // Built outside the lock other threads wait on.
  const std::vector<std::uint32_t> digest = anchor_digest(Anchors::of(body));
  std::lock_guard lock(state_->run_files_mutex);
  State::RunFile* run_file = state_->run_file(key);
  run_file->first = static_cast<std::uint32_t>(state_->anchor_hashes.size());
  run_file->count = static_cast<std::uint32_t>(digest.size());
  run_file->checked = true;
  state_->anchor_hashes.insert(state_->anchor_hashes.end(), digest.begin(), digest.end());
  state_->answer_waiting(
      *run_file, [&](const FragmentKey& fragment) { return state_->named(*run_file, fragment); });
}

Site::AnchorAnswer Site::has_anchor(std::string_view file, std::string_view fragment) const {
  {
    std::lock_guard lock(state_->run_files_mutex);
    const State::RunFile* found = state_->run_file(file);
    if (found != nullptr && found->checked) return state_->named(*found, FragmentKey(fragment));
    if (found != nullptr && !state_->all_checked) return AnchorAnswer::later;
  }
  const Anchors* anchors = anchors_of(file);
  if (anchors == nullptr) return AnchorAnswer::unknown;
  return anchors->contains(fragment) ? AnchorAnswer::yes : AnchorAnswer::no;
}

Site::LaterAnchor Site::later_anchor(std::string_view file, std::string_view fragment) const {
  FragmentKey key(fragment);
  State& state = *state_;
  std::lock_guard lock(state.run_files_mutex);
  State::RunFile* target = state.run_file(file);
  const auto id = static_cast<std::uint32_t>(state.answers.size());
  if (target == nullptr || target->checked || state.all_checked) {
    // Checked since has_anchor answered (by another thread), or not one of the run's.
    state.answers.push_back(target != nullptr && target->checked ? state.named(*target, key)
                                                                 : AnchorAnswer::unknown);
    return LaterAnchor(*this, id);
  }
  state.answers.push_back(AnchorAnswer::later);
  std::uint32_t slot = state.free_question;
  if (slot == State::kNoQuestion) {
    slot = static_cast<std::uint32_t>(state.questions.size());
    state.questions.push_back({key, id, State::kNoQuestion});
  } else {
    state.free_question = state.questions[slot].next;
    state.questions[slot] = {key, id, State::kNoQuestion};
  }
  state.questions[slot].next = target->waiting;
  target->waiting = slot;
  return LaterAnchor(*this, id);
}

Site::AnchorAnswer Site::answer(std::uint32_t question) const {
  std::lock_guard lock(state_->run_files_mutex);
  return state_->answers[question];
}

void Site::all_checked() {
  State& state = *state_;
  std::lock_guard lock(state.run_files_mutex);
  state.all_checked = true;
  // A file of the run that was not checked after all (it could not be read) is read from
  // disk, as has_anchor does for it.
  for (State::RunFile& file : state.run_files) {
    if (file.waiting == State::kNoQuestion) continue;
    const Anchors* anchors = anchors_of(fs::path(state.path(file.index)));
    std::vector<std::uint32_t> digest;
    if (anchors != nullptr) digest = anchor_digest(*anchors);
    state.answer_waiting(file, [&](const FragmentKey& fragment) {
      if (anchors == nullptr) return AnchorAnswer::unknown;
      return digest_contains(digest.begin(), digest.end(), fragment) ? AnchorAnswer::yes
                                                                     : AnchorAnswer::no;
    });
  }
}

}  // namespace contentlint::links
