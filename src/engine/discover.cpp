#include "engine/discover.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

namespace contentlint::engine {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------
// IgnoreRules

bool IgnoreRules::add_line(std::vector<Rule>& rules, std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty() || line.front() == '#') return false;
  // Trailing spaces go unless escaped: an odd run of backslashes before one keeps it.
  while (!line.empty() && line.back() == ' ') {
    std::size_t backslashes = 0;
    while (backslashes + 1 < line.size() && line[line.size() - 2 - backslashes] == '\\') {
      ++backslashes;
    }
    if (backslashes % 2 == 1) break;
    line.remove_suffix(1);
  }
  Rule rule;
  if (!line.empty() && line.front() == '!') {
    rule.negated = true;
    line.remove_prefix(1);
  }
  while (!line.empty() && line.back() == '/') {
    rule.directory_only = true;
    line.remove_suffix(1);
  }
  if (line.empty()) return false;
  // A `/` at the start or in the middle anchors the pattern to the file's folder.
  const bool anchored = line.find('/') != std::string_view::npos;
  if (line.front() == '/') line.remove_prefix(1);
  if (line.empty()) return false;

  std::string pattern = anchored ? "" : "**/";
  // git has no braces: `{` is an ordinary character there.
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      pattern += line.substr(i, 2);
      ++i;
    } else if (line[i] == '{') {
      pattern += "\\{";
    } else {
      pattern += line[i];
    }
  }
  // `dir/**` is everything inside `dir`, not `dir` itself (git keeps `!dir/keep` possible).
  if (pattern.size() >= 3 && pattern.compare(pattern.size() - 3, 3, "/**") == 0) {
    pattern += "/*";
  }
  auto glob = core::Glob::compile(pattern);
  if (!glob) return false;
  rule.glob = std::move(*glob);
  rules.push_back(std::move(rule));
  return true;
}

namespace {

template <typename Add>
void for_each_line(std::string_view text, Add add) {
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    add(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

// Reads a regular file whole; nullopt for anything else, so a FIFO is never opened.
std::optional<std::string> read_regular_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::status(path, ec)) || ec) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return std::nullopt;
  return text;
}

}  // namespace

void IgnoreRules::add(std::string_view folder, std::string_view text) {
  std::vector<Rule> rules;
  for_each_line(text, [&](std::string_view line) { add_line(rules, line); });
  if (rules.empty()) return;
  auto& target = by_folder_[std::string(folder)];
  std::move(rules.begin(), rules.end(), std::back_inserter(target));
}

void IgnoreRules::add_fallback(std::string_view text) {
  for_each_line(text, [&](std::string_view line) { add_line(fallback_, line); });
}

void IgnoreRules::load(const fs::path& directory, std::string_view folder) {
  if (auto text = read_regular_file(directory / ".gitignore")) add(folder, *text);
}

const IgnoreRules::Rule* IgnoreRules::last_match(const std::vector<Rule>& rules,
                                                 std::string_view path, bool is_directory) {
  for (auto it = rules.rbegin(); it != rules.rend(); ++it) {
    if (it->directory_only && !is_directory) continue;
    if (it->glob.matches(path)) return &*it;
  }
  return nullptr;
}

bool IgnoreRules::ignored(std::string_view relative, bool is_directory) const {
  if (relative.empty()) return false;
  // From the deepest folder up: a deeper .gitignore overrides a shallower one.
  std::size_t slash = relative.rfind('/');
  while (true) {
    const std::string_view folder =
        slash == std::string_view::npos ? std::string_view() : relative.substr(0, slash);
    const std::string_view rest =
        slash == std::string_view::npos ? relative : relative.substr(slash + 1);
    if (auto found = by_folder_.find(folder); found != by_folder_.end()) {
      if (const Rule* rule = last_match(found->second, rest, is_directory)) {
        return !rule->negated;
      }
    }
    if (slash == std::string_view::npos || slash == 0) break;
    slash = relative.rfind('/', slash - 1);
  }
  if (const Rule* rule = last_match(fallback_, relative, is_directory)) return !rule->negated;
  return false;
}

// ---------------------------------------------------------------------------------------
// discover

bool has_glob_characters(std::string_view text) {
  return text.find_first_of("*?[{") != std::string_view::npos;
}

namespace {

std::string join(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out;
  out.reserve(a.size() + 1 + b.size());
  out += a;
  out += '/';
  out += b;
  return out;
}

bool is_inside(std::string_view relative) {
  return !(relative == ".." || relative.starts_with("../"));
}

std::string error_text(const std::error_code& ec) {
  if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
    return "no such file or directory";
  }
  std::string text = ec.message();
  if (!text.empty()) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

// Absolute and lexically normal, without a trailing separator.
fs::path absolute_normal(const fs::path& base, const fs::path& path) {
  fs::path out = (base / path).lexically_normal();
  if (!out.has_filename() && out.has_relative_path()) out = out.parent_path();
  return out;
}

// `path` relative to `base` with `/` separators; "" for base itself.
std::string relative_string(const fs::path& path, const fs::path& base) {
  const fs::path relative = path.lexically_relative(base);
  if (relative.empty()) return path.generic_string();  // no relative form exists
  std::string text = relative.generic_string();
  return text == "." ? std::string() : text;
}

bool is_markdown_name(std::string_view name) {
  return name.ends_with(".md") || name.ends_with(".markdown");
}

bool is_vcs_folder(std::string_view name) {
  return name == ".git" || name == ".hg" || name == ".svn";
}

// The nearest folder at or above `start` holding `.git` (a folder, or a file in worktrees
// and submodules): .gitignore files apply from there down.
std::optional<fs::path> find_repository_top(const fs::path& start) {
  for (fs::path dir = start;; dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(dir / ".git", ec))) return dir;
    if (!dir.has_relative_path()) return std::nullopt;
  }
}

/// Paths of a walk's entries relative to some base folder: concatenation while the walk
/// start lies inside the base (the common case, no allocation-heavy path arithmetic),
/// lexical path arithmetic when it does not.
struct Relativizer {
  fs::path base;
  std::string start;  // the walk start relative to base
  bool concatenate = true;

  Relativizer(fs::path base_folder, const fs::path& walk_start)
      : base(std::move(base_folder)), start(relative_string(walk_start, base)) {
    concatenate = is_inside(start) && !fs::path(start).is_absolute();
  }
  std::string of(const fs::path& absolute, std::string_view inside_start) const {
    return concatenate ? join(start, inside_start) : relative_string(absolute, base);
  }
};

/// What a walk keeps.
enum class Filter { markdown, include, pattern };

class Discoverer {
 public:
  explicit Discoverer(const DiscoverOptions& options) : options_(options) {
    std::error_code ec;
    cwd_ = absolute_normal(fs::current_path(ec), options.cwd);
    root_ = absolute_normal(cwd_, options.root);
    boundary_ = fs::weakly_canonical(find_repository_top(root_).value_or(root_), ec);
    if (ec) boundary_ = root_;
  }

  void argument(const std::string& argument);
  void walk_root() { walk(root_, Filter::include, nullptr); }
  Discovered finish();

 private:
  // Why the symlink `link` is not followed: dangling, looping, or leading out of the
  // repository (a pull request could link `post.md` to a secret on the CI machine, and
  // diagnostics quote source lines). nullopt when it may be followed.
  std::optional<std::string> symlink_problem(const fs::path& link) const;
  // Whether the config `ignore` excludes `relative` (to root); with `parents`, also when
  // it excludes a folder above it.
  bool config_ignored(std::string_view relative, bool parents) const;
  void add(const fs::path& absolute, std::string_view display, std::string_view relative_to_root);
  void expand_glob(const std::string& argument);
  void walk(const fs::path& start, Filter filter, const core::Glob* pattern);

  const DiscoverOptions& options_;
  fs::path cwd_;
  fs::path root_;
  fs::path boundary_;  // canonical: the repository's top, or root_ outside a repository
  Discovered result_;
  // The folders found so far, by their three names.
  std::map<std::string, std::shared_ptr<DiscoveredFile::Folder>, std::less<>> folders_;
};

std::optional<std::string> Discoverer::symlink_problem(const fs::path& link) const {
  std::error_code ec;
  const fs::path target = fs::canonical(link, ec);
  if (ec == std::errc::no_such_file_or_directory) {
    return "dangling symbolic link: its target does not exist";
  }
  if (ec) return "cannot follow symbolic link: " + error_text(ec);
  const std::string relative = relative_string(target, boundary_);
  if (!is_inside(relative) || fs::path(relative).is_absolute()) {
    return "symbolic link leads outside the repository; not followed";
  }
  return std::nullopt;
}

bool Discoverer::config_ignored(std::string_view relative, bool parents) const {
  if (options_.ignore.empty() || relative.empty() || !is_inside(relative)) return false;
  auto matches = [&](std::string_view path) {
    return std::any_of(options_.ignore.begin(), options_.ignore.end(),
                       [&](const core::Glob& glob) { return glob.matches(path); });
  };
  if (parents) {
    for (std::size_t slash = relative.find('/'); slash != std::string_view::npos;
         slash = relative.find('/', slash + 1)) {
      if (matches(relative.substr(0, slash))) return true;
    }
  }
  return matches(relative);
}

// An entry's own type (symlinks not followed), from the folder listing where it says
// (d_type): a stat() for every file of a large site costs more than reading most of them.
fs::file_status listed_status(const fs::directory_entry& entry, std::error_code& ec) {
  if (entry.is_symlink(ec)) return fs::file_status(fs::file_type::symlink);
  if (!ec && entry.is_directory(ec)) return fs::file_status(fs::file_type::directory);
  if (!ec && entry.is_regular_file(ec)) return fs::file_status(fs::file_type::regular);
  return entry.symlink_status(ec);  // a FIFO, socket or device, or an error
}

void Discoverer::add(const fs::path& absolute, std::string_view display,
                     std::string_view relative_to_root) {
  const std::string_view path = absolute.native();
  // The file's folder is what its three names hold before its own name. Each ends with
  // it, as each is the same path seen from elsewhere; were one not to, the folder would
  // hold the whole names and the file none.
  std::string_view name = path.substr(path.rfind('/') + 1);
  auto folder_of = [&](std::string_view whole) {
    return whole.substr(0, whole.size() - std::min(whole.size(), name.size()));
  };
  auto follows = [&](std::string_view whole) {
    return whole.ends_with(name) &&
           (whole.size() == name.size() || whole[whole.size() - name.size() - 1] == '/');
  };
  if (!follows(display) || !follows(relative_to_root)) name = "";
  std::string key;
  for (std::string_view part : {folder_of(path), folder_of(display), folder_of(relative_to_root)}) {
    key.append(part);
    key.push_back('\0');
  }
  auto found = folders_.find(key);
  if (found == folders_.end()) {
    auto folder = std::make_shared<DiscoveredFile::Folder>(
        DiscoveredFile::Folder{std::string(folder_of(path)),
                               std::string(folder_of(display)),
                               std::string(folder_of(relative_to_root)),
                               {}});
    found = folders_.emplace(std::move(key), std::move(folder)).first;
  }
  DiscoveredFile::Folder& folder = *found->second;
  const auto begin = static_cast<std::uint32_t>(folder.names.size());
  folder.names.append(name);
  result_.files.emplace_back(found->second, begin, static_cast<std::uint32_t>(name.size()));
}

void Discoverer::argument(const std::string& argument) {
  const fs::path absolute = absolute_normal(cwd_, argument);
  std::error_code ec;
  if (!argument.empty() && fs::is_symlink(fs::symlink_status(absolute, ec))) {
    if (auto problem = symlink_problem(absolute)) {
      result_.errors.push_back(core::Error{argument, std::nullopt, *problem});
      return;
    }
  }
  // status(), not open(): a FIFO named on the command line must not block the run.
  const fs::file_status status =
      argument.empty() ? fs::file_status(fs::file_type::not_found) : fs::status(absolute, ec);
  if (status.type() == fs::file_type::not_found || ec) {
    if (has_glob_characters(argument)) {
      expand_glob(argument);
    } else {
      result_.errors.push_back(core::Error{argument, std::nullopt,
                                           status.type() == fs::file_type::not_found
                                               ? "no such file or directory"
                                               : error_text(ec)});
    }
    return;
  }
  if (fs::is_directory(status)) {
    walk(absolute, Filter::markdown, nullptr);
  } else if (fs::is_regular_file(status)) {
    std::string relative = relative_string(absolute, root_);
    if (config_ignored(relative, true)) return;
    add(absolute, relative_string(absolute, cwd_), std::move(relative));
  } else {
    result_.errors.push_back(core::Error{argument, std::nullopt, "not a regular file"});
  }
}

void Discoverer::expand_glob(const std::string& argument) {
  // The segments before the first one with a wildcard or escape name the folder to walk.
  std::size_t split = 0;
  for (std::size_t begin = 0; begin <= argument.size();) {
    std::size_t end = argument.find('/', begin);
    if (end == std::string::npos) end = argument.size();
    const std::string_view segment = std::string_view(argument).substr(begin, end - begin);
    if (has_glob_characters(segment) || segment.find('\\') != std::string_view::npos) break;
    begin = end + 1;
    split = std::min(begin, argument.size());
  }
  // The whole argument is compiled first so that an error's column counts from its start.
  if (auto whole = core::Glob::compile(argument); !whole) {
    result_.errors.push_back(core::Error{argument, std::nullopt, whole.error().message});
    return;
  }
  auto pattern = core::Glob::compile(std::string_view(argument).substr(split));
  if (!pattern) {
    result_.errors.push_back(core::Error{argument, std::nullopt, pattern.error().message});
    return;
  }
  const fs::path folder = absolute_normal(cwd_, split == 0 ? "." : argument.substr(0, split));
  const std::size_t before = result_.files.size();
  std::error_code ec;
  if (fs::is_directory(fs::status(folder, ec)) && !ec) {
    walk(folder, Filter::pattern, &*pattern);
  }
  if (result_.files.size() == before) result_.notes.push_back("no files match '" + argument + "'");
}

void Discoverer::walk(const fs::path& start, Filter filter, const core::Glob* pattern) {
  const Relativizer display(cwd_, start);
  const Relativizer to_root(root_, start);
  if (config_ignored(to_root.start, true)) return;

  IgnoreRules rules;
  std::optional<Relativizer> to_base;
  if (options_.use_gitignore) {
    fs::path base;
    if (auto top = find_repository_top(start)) {
      base = *top;
      if (auto text = read_regular_file(base / ".git" / "info" / "exclude")) {
        rules.add_fallback(*text);
      }
    } else {
      base = is_inside(to_root.start) ? root_ : start;
    }
    to_base.emplace(base, start);
    // The .gitignore files of the folders above the start apply inside it too.
    fs::path folder = base;
    std::string folder_relative;
    const fs::path start_relative = fs::path(to_base->start);
    for (auto it = start_relative.begin(); it != start_relative.end(); ++it) {
      rules.load(folder, folder_relative);
      folder /= *it;
      folder_relative = join(folder_relative, it->string());
    }
  }

  auto error = [&](const std::string& inside, const std::error_code& ec) {
    std::string path = display.of(start / inside, inside);
    result_.errors.push_back(core::Error{path.empty() ? "." : path, std::nullopt,
                                         "cannot read directory: " + error_text(ec)});
  };

  struct Pending {
    fs::path path;
    std::string inside;  // relative to start, "" for start
  };
  std::vector<Pending> stack;
  stack.push_back(Pending{start, ""});
  while (!stack.empty()) {
    const Pending folder = std::move(stack.back());
    stack.pop_back();
    if (to_base) rules.load(folder.path, to_base->of(folder.path, folder.inside));

    std::error_code ec;
    fs::directory_iterator it(folder.path, ec);
    if (ec) {
      error(folder.inside, ec);
      continue;
    }
    for (const fs::directory_iterator end; it != end;) {
      const fs::directory_entry& entry = *it;
      const std::string name = entry.path().filename().string();
      std::error_code entry_ec;
      const fs::file_status link = listed_status(entry, entry_ec);
      bool is_directory = false;
      bool is_file = false;
      std::optional<std::string> refused;  // why a file the walk keeps cannot be checked
      if (!entry_ec) {
        if (fs::is_symlink(link)) {
          // Followed to files only: a symlinked folder may loop or leave the tree.
          refused = symlink_problem(entry.path());
          const fs::file_status target = refused ? fs::file_status() : entry.status(entry_ec);
          if (!refused && !entry_ec && !fs::is_directory(target) && !fs::is_regular_file(target)) {
            refused = "not a regular file";
          }
          is_file = refused || (fs::is_regular_file(target) && !entry_ec);
        } else {
          is_directory = fs::is_directory(link);
          is_file = fs::is_regular_file(link);
          if (!is_directory && !is_file) {
            // A FIFO, socket or device: never opened, but named when it looks like Markdown.
            refused = "not a regular file";
            is_file = true;
          }
        }
      }
      if (is_directory && is_vcs_folder(name)) is_directory = false;

      if (is_directory || is_file) {
        const std::string inside = join(folder.inside, name);
        const std::string relative = to_root.of(entry.path(), inside);
        bool keep = true;
        switch (filter) {
          case Filter::markdown:
            keep = is_directory || is_markdown_name(name);
            break;
          case Filter::include:
            if (options_.include.empty()) {
              keep = is_directory || is_markdown_name(name);
            } else {
              keep = is_inside(relative) &&
                     std::any_of(options_.include.begin(), options_.include.end(),
                                 [&](const core::Glob& glob) {
                                   return is_directory ? glob.may_match_inside(relative)
                                                       : glob.matches(relative);
                                 });
            }
            break;
          case Filter::pattern:
            keep = is_directory ? pattern->may_match_inside(inside) : pattern->matches(inside);
            break;
        }
        keep = keep && !config_ignored(relative, false) &&
               !(to_base && rules.ignored(to_base->of(entry.path(), inside), is_directory));
        if (keep && is_directory) {
          stack.push_back(Pending{entry.path(), inside});
        } else if (keep && refused) {
          result_.errors.push_back(
              core::Error{display.of(entry.path(), inside), std::nullopt, *refused});
        } else if (keep) {
          add(entry.path(), display.of(entry.path(), inside), relative);
        }
      }

      it.increment(ec);
      if (ec) {
        error(folder.inside, ec);
        break;
      }
    }
  }
}

Discovered Discoverer::finish() {
  auto& files = result_.files;
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  files.shrink_to_fit();  // kept for the whole run
  for (auto& [key, folder] : folders_) folder->names.shrink_to_fit();
  folders_.clear();
  return std::move(result_);
}

}  // namespace

bool operator<(const DiscoveredFile& a, const DiscoveredFile& b) {
  if (a.folder_ == b.folder_) return a.name() < b.name();
  // The display paths compared as joined, a piece of each at a time.
  std::string_view a_pieces[] = {a.folder_->display, a.name()};
  std::string_view b_pieces[] = {b.folder_->display, b.name()};
  std::size_t i = 0;
  std::size_t j = 0;
  while (true) {
    while (i < 2 && a_pieces[i].empty()) ++i;
    while (j < 2 && b_pieces[j].empty()) ++j;
    if (i == 2 || j == 2) return i == 2 && j < 2;
    const std::size_t size = std::min(a_pieces[i].size(), b_pieces[j].size());
    if (int order = a_pieces[i].substr(0, size).compare(b_pieces[j].substr(0, size))) {
      return order < 0;
    }
    a_pieces[i].remove_prefix(size);
    b_pieces[j].remove_prefix(size);
  }
}

bool operator==(const DiscoveredFile& a, const DiscoveredFile& b) {
  if (a.folder_ == b.folder_) return a.name_begin_ == b.name_begin_ || a.name() == b.name();
  return !(a < b) && !(b < a);
}

Discovered discover(const std::vector<std::string>& paths, const DiscoverOptions& options) {
  Discoverer discoverer(options);
  if (paths.empty()) {
    discoverer.walk_root();
  } else {
    for (const std::string& path : paths) discoverer.argument(path);
  }
  return discoverer.finish();
}

}  // namespace contentlint::engine
