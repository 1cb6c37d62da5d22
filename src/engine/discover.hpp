/// File discovery: which Markdown files a run checks, from paths, globs, ignores and .gitignore.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/glob.hpp"

namespace contentlint::engine {

/// The patterns of `.gitignore` files (and `.git/info/exclude`), with git's semantics:
/// a pattern without `/` matches a name at any depth below its file's folder, a leading or
/// inner `/` anchors it to that folder, a trailing `/` matches folders only, `!` re-includes,
/// `#` starts a comment, `\#`, `\!` and `\ ` escape, trailing spaces are trimmed. Deeper
/// files override shallower ones; within a file the last matching line wins. Lines that do
/// not compile (an unclosed `[`) never match, as in git. Paths are relative to one base
/// folder (the repository's top), with `/` separators.
class IgnoreRules {
 public:
  /// Adds the lines of the ignore file found in `folder` ("" for the base folder).
  void add(std::string_view folder, std::string_view text);
  /// Adds `.git/info/exclude` lines: relative to the base, below every `.gitignore`.
  void add_fallback(std::string_view text);
  /// Reads `directory/.gitignore` as the ignore file of `folder`, when it is a regular
  /// file; an absent or unreadable file adds nothing.
  void load(const std::filesystem::path& directory, std::string_view folder);

  /// Whether `relative` is ignored. Only the path itself is tested, not its parents: a
  /// walk prunes ignored folders before it reaches what they hold (and git does not let
  /// a `!` line re-include a file inside an ignored folder either).
  bool ignored(std::string_view relative, bool is_directory) const;

 private:
  struct Rule {
    core::Glob glob;  // relative to the ignore file's folder
    bool negated = false;
    bool directory_only = false;
  };
  static bool add_line(std::vector<Rule>& rules, std::string_view line);
  static const Rule* last_match(const std::vector<Rule>& rules, std::string_view path,
                                bool is_directory);

  std::map<std::string, std::vector<Rule>, std::less<>> by_folder_;
  std::vector<Rule> fallback_;
};

/// Where and what to look for.
struct DiscoverOptions {
  /// The config's folder: `include` and `ignore` are relative to it. A relative root is
  /// taken from `cwd`.
  std::filesystem::path root;
  /// Display paths and path arguments are relative to it. Empty: the current directory.
  std::filesystem::path cwd;
  /// With no paths, the files to check, relative to root (empty: `*.md`, `*.markdown`).
  std::vector<core::Glob> include;
  /// The config `ignore`: never checked, even when named on the command line.
  std::vector<core::Glob> ignore;
  bool use_gitignore = true;
};

/// One file to check. A run keeps one for every file until it ends, so the names of a
/// folder are kept once for all the files found in it, and the file keeps only its own
/// name, among those of its folder's other files.
class DiscoveredFile {
 public:
  /// What the files of one folder share: the three names of the folder, each as the text
  /// its files' names follow ("posts/"; "" for cwd itself), and the names of its files.
  struct Folder {
    std::string path;      // absolute
    std::string display;   // relative to cwd
    std::string relative;  // relative to DiscoverOptions::root
    std::string names;     // the files' names, one after another
  };

  DiscoveredFile(std::shared_ptr<const Folder> folder, std::uint32_t name_begin,
                 std::uint32_t name_size)
      : folder_(std::move(folder)), name_begin_(name_begin), name_size_(name_size) {}

  /// Absolute, lexically normal, symlinks not resolved.
  std::string path() const { return folder_->path + std::string(name()); }
  /// Relative to cwd, `/` separators, no leading "./".
  std::string display() const { return folder_->display + std::string(name()); }
  /// display().size(), without building it.
  std::size_t display_size() const { return folder_->display.size() + name_size_; }
  /// Relative to DiscoverOptions::root, `/` separators ("../x.md" for a file outside it).
  std::string relative_to_root() const { return folder_->relative + std::string(name()); }

  /// The folder the file was found in, and the file's own name there.
  const Folder& folder() const { return *folder_; }
  std::string_view name() const {
    return std::string_view(folder_->names).substr(name_begin_, name_size_);
  }

  /// Orders files by display path, without building it.
  friend bool operator<(const DiscoveredFile& a, const DiscoveredFile& b);
  /// Whether the files have the same display path.
  friend bool operator==(const DiscoveredFile& a, const DiscoveredFile& b);

 private:
  std::shared_ptr<const Folder> folder_;
  std::uint32_t name_begin_ = 0;
  std::uint32_t name_size_ = 0;
};

/// What discovery found, and what went wrong on the way.
struct Discovered {
  std::vector<DiscoveredFile> files;  // unique, sorted by display path
  std::vector<core::Error> errors;    // missing paths, unreadable folders, bad glob arguments
  std::vector<std::string> notes;     // not failures: a glob argument that matched nothing
};

/// The files named by `paths` (files, folders, or globs relative to cwd), or with no
/// paths the files under root that match `include`.
///
/// - A named file is checked whatever its extension and whatever .gitignore says, unless
///   it or a folder above it matches the config `ignore` (pre-commit passes every staged
///   file; the config must still be able to exclude some).
/// - A named folder is walked for `*.md` and `*.markdown`; a glob's matches are whatever
///   it matches. Walks skip `.git`, `.hg`, `.svn`, what `ignore` or .gitignore excludes,
///   and anything that is not a regular file (FIFOs, sockets, devices: never opened).
///   Symlinks inside a walk are followed to files but never to folders (no loops, no
///   trees outside the root); a symlink named on the command line is followed. A symlink
///   to a file is refused with an error when it dangles, loops, or leads outside the
///   repository (the nearest folder above root holding `.git`, else root); so is a FIFO,
///   socket or device the walk would otherwise have kept ("not a regular file").
/// - A path argument that exists is a path even if it contains `*?[{`.
/// - A named path that does not exist is an error "no such file or directory"; a
///   folder without Markdown is not an error.
Discovered discover(const std::vector<std::string>& paths, const DiscoverOptions& options);

/// Whether a path argument holds `*?[{`: discover expands it as a glob when no such path
/// exists.
bool has_glob_characters(std::string_view text);

}  // namespace contentlint::engine
