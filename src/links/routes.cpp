#include "links/routes.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <system_error>
#include <unordered_set>

#include "core/document.hpp"
#include "frontmatter/frontmatter.hpp"
#include "links/similar.hpp"
#include "markdown/slug.hpp"

namespace contentlint::links::detail {
namespace {

namespace fs = std::filesystem;

// Deeper folder trees are not walked: no real site nests pages or entries this deep, and
// a symlink loop must end somewhere.
constexpr std::size_t kMaxDepth = 32;
// Front matter past this many bytes from the start of an entry is not read for `slug:`.
constexpr std::size_t kFrontMatterBytes = 64 * 1024;

bool is_rest(std::string_view segment) {
  return segment.starts_with("[...") && segment.ends_with(']');
}

bool skipped_name(std::string_view name) {
  return name.empty() || name.front() == '.' || name == "node_modules";
}

// Splits a file name into stem and extension at its last dot ("rss.xml.js": "rss.xml",
// "js"); a leading dot does not start an extension.
std::pair<std::string, std::string> split_extension(const std::string& name) {
  std::size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return {name, ""};
  return {name.substr(0, dot), name.substr(dot + 1)};
}

// The route segments of a page or entry: its folders and its stem, without a last
// "index" (about/index.md serves /about).
std::vector<std::string> route_segments(std::vector<std::string> folders, const std::string& stem) {
  if (stem != "index") folders.push_back(stem);
  return folders;
}

bool route_matches(const std::vector<std::string>& route, std::span<const std::string> path) {
  // reach[j]: the first i route segments can consume the first j path segments.
  std::vector<char> reach(path.size() + 1, 0), next(path.size() + 1, 0);
  reach[0] = 1;
  for (const std::string& segment : route) {
    std::fill(next.begin(), next.end(), 0);
    if (is_rest(segment)) {
      char any = 0;
      for (std::size_t j = 0; j <= path.size(); ++j) {
        any = static_cast<char>(any | reach[j]);
        next[j] = any;
      }
    } else {
      for (std::size_t j = 0; j < path.size(); ++j) {
        if (reach[j] && segment_matches(segment, path[j])) next[j + 1] = 1;
      }
    }
    std::swap(reach, next);
  }
  return reach[path.size()] != 0;
}

std::size_t parameter_count(const Page& page) {
  std::size_t count = 0;
  for (const std::string& segment : page.segments) {
    count += static_cast<std::size_t>(std::count(segment.begin(), segment.end(), '['));
  }
  return count;
}

bool has_rest(const Page& page) {
  return std::any_of(page.segments.begin(), page.segments.end(),
                     [](const std::string& s) { return is_rest(s); });
}

// Whether `text` (from offset `from`) holds a line that closes front matter.
bool has_closing_fence(std::string_view text, std::size_t from) {
  for (std::size_t at = from; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) return false;  // the last line may be cut short
    std::string_view line = text.substr(at, end - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    while (line.ends_with(' ') || line.ends_with('\t')) line.remove_suffix(1);
    if (line == "---" || line == "...") return true;
    at = end + 1;
  }
  return false;
}

// The start of `file` up to the end of its front matter (or kFrontMatterBytes): entries
// are read once more here for their `slug:`, so most of each body is never read.
std::string front_matter_prefix(const fs::path& file) {
  constexpr std::size_t kChunk = 4096;
  std::string bytes;
  // Plain reads: an ifstream's set-up costs more than reading the 4 KB most entries need.
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return bytes;
  while (bytes.size() < kFrontMatterBytes) {
    std::size_t scanned = bytes.size();
    bytes.resize(scanned + kChunk);
    ssize_t got = ::read(fd, bytes.data() + scanned, kChunk);
    while (got < 0 && errno == EINTR) got = ::read(fd, bytes.data() + scanned, kChunk);
    bytes.resize(scanned + static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
    if (got <= 0) break;
    std::string_view text(bytes);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (!text.starts_with("---")) break;  // no front matter (or not yet enough bytes)
    std::size_t opening_end = bytes.find('\n');
    if (opening_end == std::string::npos) continue;
    // Scan from the line the last chunk cut, and never the opening fence itself.
    std::size_t from = opening_end + 1;
    if (scanned > 0) {
      std::size_t cut = bytes.rfind('\n', scanned - 1);
      if (cut != std::string::npos) from = std::max(from, cut + 1);
    }
    if (has_closing_fence(bytes, from)) break;
  }
  ::close(fd);
  return bytes;
}

// The `slug:` of an entry's front matter, when it has one.
std::optional<std::string> front_matter_slug(const fs::path& file) {
  std::string bytes = front_matter_prefix(file);
  if (bytes.find("slug") == std::string::npos) return std::nullopt;
  core::Document document(file.string(), std::move(bytes));
  frontmatter::Split split = frontmatter::split(document);
  if (!split.present || !split.closed) return std::nullopt;
  if (document.slice(split.yaml).find("slug") == std::string_view::npos) return std::nullopt;
  frontmatter::Yaml yaml = frontmatter::parse_yaml(document, split.yaml);
  if (!yaml.root || !yaml.root->is_mapping()) return std::nullopt;
  const core::Node* slug = yaml.root->find("slug");
  if (slug == nullptr || !slug->is_scalar()) return std::nullopt;
  std::string_view text = slug->text;
  while (text.starts_with('/')) text.remove_prefix(1);
  while (text.ends_with('/')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

// Calls `visit(file, folders)` for every regular file under `top` (folders: the names of
// the folders between `top` and the file), walking iteratively; `enter(folders)` decides
// whether a folder is walked.
template <typename Enter, typename Visit>
void walk(const fs::path& top, Enter enter, Visit visit) {
  struct Pending {
    fs::path folder;
    std::vector<std::string> names;
  };
  std::vector<Pending> stack{{top, {}}};
  while (!stack.empty()) {
    Pending current = std::move(stack.back());
    stack.pop_back();
    // Names and types only: a directory_entry keeps a path and its list of names, which
    // for a folder of ten thousand posts is megabytes held for one sort.
    struct Listed {
      std::string name;
      bool folder = false;
    };
    std::vector<Listed> entries;
    std::error_code error;
    fs::directory_iterator it(current.folder, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::directory_iterator(); it.increment(error)) {
      std::string name = it->path().filename().string();
      if (skipped_name(name)) continue;
      std::error_code ignored;
      if (it->is_directory(ignored)) {
        entries.push_back({std::move(name), true});
      } else if (it->is_regular_file(ignored)) {
        entries.push_back({std::move(name), false});
      }
    }
    // Sorted, so which of two files claiming one route wins does not depend on the disk.
    std::sort(entries.begin(), entries.end(),
              [](const Listed& a, const Listed& b) { return a.name < b.name; });
    for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
      if (entry->folder) {
        if (current.names.size() + 1 >= kMaxDepth) continue;
        std::vector<std::string> names = current.names;
        names.push_back(entry->name);
        if (enter(names)) stack.push_back({current.folder / entry->name, std::move(names)});
      } else {
        visit(current.folder / entry->name, current.names);
      }
    }
  }
}

std::string join(std::span<const std::string> segments) {
  std::string out;
  for (const std::string& segment : segments) {
    if (!out.empty()) out += '/';
    out += segment;
  }
  return out;
}

}  // namespace

bool is_page_extension(std::string_view extension) {
  return extension == "astro" || extension == "md" || extension == "mdx" ||
         extension == "markdown" || extension == "html" || extension == "js" || extension == "ts";
}

bool segment_matches(std::string_view pattern, std::string_view name) {
  // The pattern as tokens: a byte, kOne (any byte) or kRun (any run); `[p]` is "kOne kRun".
  constexpr int kOne = -1;
  constexpr int kRun = -2;
  std::vector<int> tokens;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    std::size_t close = pattern[i] == '[' ? pattern.find(']', i + 1) : std::string_view::npos;
    if (close != std::string_view::npos) {
      tokens.push_back(kOne);
      tokens.push_back(kRun);
      i = close;
    } else {
      tokens.push_back(static_cast<unsigned char>(pattern[i]));
    }
  }
  // Wildcard matching with one backtrack point: at most pattern times name steps.
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t mark = 0;
  while (t < name.size()) {
    if (p < tokens.size() &&
        (tokens[p] == kOne || tokens[p] == static_cast<unsigned char>(name[t]))) {
      ++p;
      ++t;
    } else if (p < tokens.size() && tokens[p] == kRun) {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < tokens.size() && tokens[p] == kRun) ++p;
  return p == tokens.size();
}

PageRoutes PageRoutes::scan(const fs::path& pages) {
  PageRoutes routes;
  std::vector<Page> static_pages;
  std::vector<Page> dynamic_pages;
  walk(
      pages, [](const std::vector<std::string>& names) { return names.back().front() != '_'; },
      [&](const fs::path& file, const std::vector<std::string>& folders) {
        std::string name = file.filename().string();
        if (name.front() == '_') return;
        auto [stem, extension] = split_extension(name);
        if (!is_page_extension(extension)) return;
        Page page{file, route_segments(folders, stem), false};
        page.dynamic = std::any_of(page.segments.begin(), page.segments.end(),
                                   [](const std::string& s) { return s.find('[') != s.npos; });
        (page.dynamic ? dynamic_pages : static_pages).push_back(std::move(page));
      });
  // Astro's priority: fewer parameters first, a rest parameter last.
  std::stable_sort(dynamic_pages.begin(), dynamic_pages.end(), [](const Page& a, const Page& b) {
    return std::pair(has_rest(a), parameter_count(a)) < std::pair(has_rest(b), parameter_count(b));
  });
  for (Page& page : static_pages) {
    routes.static_.emplace(join(page.segments), routes.pages_.size());
    routes.pages_.push_back(std::move(page));
  }
  for (Page& page : dynamic_pages) routes.pages_.push_back(std::move(page));
  return routes;
}

const Page* PageRoutes::match_static(std::span<const std::string> path) const {
  auto found = static_.find(join(path));
  return found != static_.end() ? &pages_[found->second] : nullptr;
}

const Page* PageRoutes::match_dynamic(std::span<const std::string> path) const {
  for (const Page& page : pages_) {
    if (page.dynamic && route_matches(page.segments, path)) return &page;
  }
  return nullptr;
}

std::string glob_base(std::string_view pattern) {
  if (pattern.starts_with("./")) pattern.remove_prefix(2);
  std::string base;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = pattern.find('/', start);
    if (slash == std::string_view::npos) break;  // the last segment names files
    std::string_view segment = pattern.substr(start, slash - start);
    if (segment.find_first_of("*?[{\\") != std::string_view::npos) break;
    if (!segment.empty() && segment != ".") {
      if (!base.empty()) base += '/';
      base += segment;
    }
    start = slash + 1;
  }
  return base;
}

CollectionRoute CollectionRoute::scan(std::string_view route, const fs::path& root,
                                      std::span<const core::Glob> include) {
  CollectionRoute result;
  std::size_t placeholder = route.find("{slug}");
  std::size_t length = 6;
  if (placeholder == std::string_view::npos) {
    placeholder = route.find("{id}");
    length = 4;
  }
  if (placeholder == std::string_view::npos) return result;
  result.valid_ = true;
  result.prefix_ = std::string(route.substr(0, placeholder));
  result.suffix_ = std::string(route.substr(placeholder + length));
  while (result.suffix_.ends_with('/')) result.suffix_.pop_back();
  result.include_.assign(include.begin(), include.end());
  for (const core::Glob& glob : include) {
    std::string base = glob_base(glob.pattern());
    result.tops_.push_back((base.empty() ? root : root / base).string());
  }

  const Scanned scanned = result.scan_entries();
  result.nested_ = scanned.nested;
  auto keep = [&](std::string_view text) {
    Slice slice{static_cast<std::uint32_t>(result.text_.size()),
                static_cast<std::uint32_t>(text.size())};
    result.text_ += text;
    return slice;
  };
  result.entries_.reserve(scanned.entries.size());
  for (const Scanned::Entry& entry : scanned.entries) {
    Entry kept{.top = entry.top, .by_slug = entry.by_slug};
    if (!entry.by_slug) kept.text = keep(scanned.of(entry.path));
    result.entries_.push_back(kept);
  }
  std::map<std::string, Slice, std::less<>> tails;
  result.slugs_.reserve(scanned.slugs.size());
  for (const Scanned::Slug& slug : scanned.slugs) {
    const std::string_view text = scanned.of(slug.text);
    if (Entry& entry = result.entries_[slug.entry]; entry.by_slug) {
      const std::string_view tail =
          scanned.of(scanned.entries[slug.entry].path).substr(text.size());
      auto found = tails.find(tail);
      if (found == tails.end()) found = tails.emplace(std::string(tail), keep(tail)).first;
      entry.text = found->second;
    }
    result.slugs_.push_back({std::hash<std::string_view>{}(text), slug.entry});
  }
  std::stable_sort(result.slugs_.begin(), result.slugs_.end(),
                   [](const Slug& a, const Slug& b) { return a.hash < b.hash; });
  result.text_.shrink_to_fit();
  return result;
}

CollectionRoute::Scanned CollectionRoute::scan_entries() const {
  Scanned result;
  // The slugs so far, as indices into slugs: the first file to claim a slug keeps it.
  auto hash = [&](std::uint32_t slug) {
    return std::hash<std::string_view>()(result.of(result.slugs[slug].text));
  };
  auto equal = [&](std::uint32_t a, std::uint32_t b) {
    return result.of(result.slugs[a].text) == result.of(result.slugs[b].text);
  };
  std::unordered_set<std::uint32_t, decltype(hash), decltype(equal)> seen(0, hash, equal);
  auto append = [&](std::string_view name) {
    Slice slice{static_cast<std::uint32_t>(result.text.size()),
                static_cast<std::uint32_t>(name.size())};
    result.text += name;
    return slice;
  };
  // Whether `slug` is new and now names the last entry.
  auto add = [&](const std::string& slug) {
    if (slug.empty()) return false;
    const std::size_t text_size = result.text.size();
    const auto entry = static_cast<std::uint32_t>(result.entries.size() - 1);
    const Slice path = result.entries.back().path;
    const Slice text = result.of(path).starts_with(slug)
                           ? Slice{path.begin, static_cast<std::uint32_t>(slug.size())}
                           : append(slug);
    result.slugs.push_back({text, entry});
    if (!seen.insert(static_cast<std::uint32_t>(result.slugs.size() - 1)).second) {
      result.slugs.pop_back();
      result.text.resize(text_size);
      return false;
    }
    if (slug.find('/') != std::string::npos) result.nested = true;
    return true;
  };
  for (std::uint32_t top_index = 0; top_index < include_.size(); ++top_index) {
    const core::Glob& glob = include_[top_index];
    const std::string base = glob_base(glob.pattern());
    auto relative_to_root = [&](const std::vector<std::string>& names) {
      std::string path = base;
      for (const std::string& name : names) path += (path.empty() ? "" : "/") + name;
      return path;
    };
    walk(
        tops_[top_index],
        [&](const std::vector<std::string>& names) {
          return glob.may_match_inside(relative_to_root(names));
        },
        [&](const fs::path& file, const std::vector<std::string>& folders) {
          std::string name = file.filename().string();
          std::vector<std::string> names = folders;
          names.push_back(name);
          if (!glob.matches(relative_to_root(names))) return;
          const std::size_t text_size = result.text.size();
          result.entries.push_back({top_index, append(join(names))});
          std::vector<std::string> segments = route_segments(folders, split_extension(name).first);
          // Astro's slug: the path from the collection's folder without the extension,
          // each segment slugified; the path as written is accepted too.
          const std::string written = join(segments);
          const bool as_written = add(written);
          std::vector<std::string> slugged;
          for (const std::string& segment : segments) {
            slugged.push_back(markdown::github_slug(segment));
          }
          const bool slugified = add(join(slugged));
          if (!as_written && !slugified) {  // both claimed by files before it
            result.entries.pop_back();
            result.text.resize(text_size);
          } else if (as_written && !slugified) {
            // The path as written names the entry alone: the rest of its path is a tail.
            Scanned::Entry& entry = result.entries.back();
            entry.by_slug = result.of(entry.path).starts_with(written);
          }
        });
  }
  return result;
}

std::string CollectionRoute::Scanned::file(const CollectionRoute& route,
                                           std::uint32_t entry) const {
  const Entry& found = entries[entry];
  std::string path = route.tops_[found.top];
  if (!path.ends_with('/')) path += '/';
  path += of(found.path);
  return path;
}

std::string CollectionRoute::file(const Slug& slug, std::string_view text) const {
  const Entry& entry = entries_[slug.entry];
  std::string path = tops_[entry.top];
  if (!path.ends_with('/')) path += '/';
  if (entry.by_slug) path += text;
  path += std::string_view(text_).substr(entry.text.begin, entry.text.size);
  return path;
}

const CollectionRoute::Slug* CollectionRoute::find(std::string_view text) const {
  const std::uint64_t hash = std::hash<std::string_view>{}(text);
  auto found =
      std::lower_bound(slugs_.begin(), slugs_.end(), hash,
                       [](const Slug& slug, std::uint64_t wanted) { return slug.hash < wanted; });
  if (found == slugs_.end() || found->hash != hash) return nullptr;
  return &*found;
}

CollectionRoute::Match CollectionRoute::match(std::string_view path) const {
  Match result;
  if (!valid_ || path.size() <= prefix_.size() + suffix_.size()) return result;
  if (!path.starts_with(prefix_) || !path.ends_with(suffix_)) return result;
  result.slug =
      std::string(path.substr(prefix_.size(), path.size() - prefix_.size() - suffix_.size()));
  if (const Slug* slug = find(result.slug)) {
    result.shaped = true;
    result.entry = file(*slug, result.slug);
    return result;
  }
  const Overrides& more = overrides();
  // A path deeper than every entry is some other page under the same prefix
  // (/blog/post/comments), not a missing entry.
  if (result.slug.find('/') != std::string::npos && !nested_ && !more.nested) return result;
  result.shaped = true;
  if (auto entry = more.entries.find(result.slug); entry != more.entries.end()) {
    result.entry = more.scanned.file(*this, entry->second);
  }
  return result;
}

const CollectionRoute::Overrides& CollectionRoute::overrides() const {
  std::call_once(overrides_->once, [this] {
    Overrides& more = *overrides_;
    more.scanned = scan_entries();
    for (std::uint32_t i = 0; i < more.scanned.entries.size(); ++i) {
      std::optional<std::string> slug = front_matter_slug(more.scanned.file(*this, i));
      if (!slug || find(*slug) != nullptr) continue;
      auto [entry, added] = more.entries.emplace(std::move(*slug), i);
      if (added) {
        more.nested |= entry->first.find('/') != std::string::npos;
        more.slugs.push_back(&entry->first);
      }
    }
  });
  return *overrides_;
}

std::optional<std::string> CollectionRoute::nearest_slug(std::string_view slug) const {
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  std::string typed = ascii_lower(slug);
  auto consider = [&](std::string_view candidate) {
    auto distance = plausible_distance(typed, ascii_lower(candidate));
    if (distance && (!best || *distance < best_distance)) {
      best = candidate;
      best_distance = *distance;
    }
  };
  const Overrides& more = overrides();
  for (const Scanned::Slug& candidate : more.scanned.slugs)
    consider(more.scanned.of(candidate.text));
  for (const std::string* candidate : more.slugs) consider(*candidate);
  if (!best) return std::nullopt;
  return std::string(*best);
}

}  // namespace contentlint::links::detail
