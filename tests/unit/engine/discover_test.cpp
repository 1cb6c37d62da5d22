#include "engine/discover.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using contentlint::core::Glob;
using contentlint::engine::discover;
using contentlint::engine::Discovered;
using contentlint::engine::DiscoverOptions;
using contentlint::engine::IgnoreRules;
using Strings = std::vector<std::string>;

namespace {

/// A scratch folder under the system temp dir, removed (without following links) at the end.
class TempTree {
 public:
  TempTree() {
    std::string pattern = (fs::temp_directory_path() / "contentlint-discover-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    root_ = pattern;
  }
  ~TempTree() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const fs::path& root() const { return root_; }
  void file(const std::string& relative, const std::string& text = "# x\n") const {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  void folder(const std::string& relative) const { fs::create_directories(root_ / relative); }
  void symlink(const std::string& target, const std::string& relative) const {
    fs::create_symlink(target, root_ / relative);
  }
  void fifo(const std::string& relative) const {
    REQUIRE(mkfifo((root_ / relative).c_str(), 0644) == 0);
  }

 private:
  fs::path root_;
};

Glob glob(const std::string& pattern) {
  auto compiled = Glob::compile(pattern);
  REQUIRE(compiled.ok());
  return *compiled;
}

Strings displays(const Discovered& found) {
  Strings out;
  for (const auto& file : found.files) {
    out.emplace_back(file.display());
    CHECK(file.display_size() == out.back().size());  // in every test that lists files
  }
  return out;
}

Strings errors(const Discovered& found) {
  Strings out;
  for (const auto& error : found.errors) {
    CHECK_FALSE(error.position.has_value());
    out.push_back(error.path + ": " + error.message);
  }
  return out;
}

// The site used by most tests:
//   .gitignore        build/, *.draft.md, !keep.draft.md, /top-only.md
//   docs/.gitignore   local.md
//   .git/info/exclude excluded.md
//   config ignore     dist/**
void build_site(const TempTree& tree) {
  tree.file(".gitignore", "# generated\nbuild/\n*.draft.md\n!keep.draft.md\n/top-only.md\n");
  tree.file(".git/HEAD.md");
  tree.file(".git/info/exclude", "excluded.md\n");
  tree.file("a.md");
  tree.file("b.markdown");
  tree.file("notes.txt");
  tree.file("top-only.md");
  tree.file("x.draft.md");
  tree.file("keep.draft.md");
  tree.file("excluded.md");
  tree.file("build/out.md");
  tree.file("docs/.gitignore", "local.md\n");
  tree.file("docs/c.md");
  tree.file("docs/top-only.md");
  tree.file("docs/y.draft.md");
  tree.file("docs/local.md");
  tree.file("docs/sub/local.md");
  tree.file("docs/sub/keep.md");
  tree.file("other/local.md");
  tree.file("d.md/inner.md");  // a folder named like a Markdown file
  tree.file("dist/e.md");
  tree.folder("empty");
  tree.symlink("docs", "linkdir");            // a symlinked folder: never followed in walks
  tree.symlink(".", "other/cycle");           // a loop, were it followed
  tree.symlink("loop.md", "loop.md");         // resolves to itself: ELOOP
  tree.symlink("missing.md", "dangling.md");  // points nowhere
  tree.symlink("a.md", "alias.md");           // a symlinked file: checked, under its own name
  tree.fifo("fifo.md");
}

DiscoverOptions site_options(const TempTree& tree) {
  DiscoverOptions options;
  options.root = tree.root();
  options.cwd = tree.root();
  options.ignore.push_back(glob("dist/**"));
  return options;
}

const Strings kSiteMarkdown = {
    "a.md",           "alias.md",         "b.markdown",       "d.md/inner.md",
    "docs/c.md",      "docs/sub/keep.md", "docs/top-only.md", "keep.draft.md",
    "other/local.md",
};

}  // namespace

TEST_CASE("ignore rules: a pattern without a slash matches at any depth") {
  IgnoreRules rules;
  rules.add("", "*.log\n");
  CHECK(rules.ignored("a.log", false));
  CHECK(rules.ignored("x/y/a.log", false));
  CHECK(rules.ignored("x.log", true));
  CHECK_FALSE(rules.ignored("a.md", false));
  CHECK_FALSE(rules.ignored("a.log/b.md", false));
}

TEST_CASE("ignore rules: a leading or inner slash anchors to the file's folder") {
  IgnoreRules rules;
  rules.add("", "/top.md\ndoc/*.md\n");
  CHECK(rules.ignored("top.md", false));
  CHECK_FALSE(rules.ignored("x/top.md", false));
  CHECK(rules.ignored("doc/a.md", false));
  CHECK_FALSE(rules.ignored("x/doc/a.md", false));
  CHECK_FALSE(rules.ignored("doc/x/a.md", false));
}

TEST_CASE("ignore rules: a trailing slash matches folders only") {
  IgnoreRules rules;
  rules.add("", "build/\n");
  CHECK(rules.ignored("build", true));
  CHECK(rules.ignored("x/build", true));
  CHECK_FALSE(rules.ignored("build", false));
}

TEST_CASE("ignore rules: ! re-includes, the last matching line wins") {
  IgnoreRules rules;
  rules.add("", "*.md\n!keep*.md\nkeep-not.md\n");
  CHECK(rules.ignored("a.md", false));
  CHECK_FALSE(rules.ignored("keep.md", false));
  CHECK_FALSE(rules.ignored("x/keep.md", false));
  CHECK(rules.ignored("keep-not.md", false));
}

TEST_CASE("ignore rules: comments, escapes, trailing spaces, CRLF") {
  IgnoreRules rules;
  rules.add("", "# a.md\n\\#hash.md\n\\!bang.md\ntrail.md   \nspace.md\\ \ncrlf.md\r\n\n");
  CHECK_FALSE(rules.ignored("# a.md", false));
  CHECK_FALSE(rules.ignored("a.md", false));
  CHECK(rules.ignored("#hash.md", false));
  CHECK(rules.ignored("!bang.md", false));
  CHECK_FALSE(rules.ignored("bang.md", false));
  CHECK(rules.ignored("trail.md", false));
  CHECK_FALSE(rules.ignored("trail.md   ", false));
  CHECK(rules.ignored("space.md ", false));
  CHECK_FALSE(rules.ignored("space.md", false));
  CHECK(rules.ignored("crlf.md", false));
}

TEST_CASE("ignore rules: ** forms, braces are literal, bad lines never match") {
  IgnoreRules rules;
  rules.add("", "**/cache\na/**/b.md\nabc/**\n{x,y}.md\n[oops\nafter.md\n");
  CHECK(rules.ignored("cache", true));
  CHECK(rules.ignored("p/q/cache", false));
  CHECK(rules.ignored("a/b.md", false));
  CHECK(rules.ignored("a/x/y/b.md", false));
  CHECK(rules.ignored("abc/x", false));
  CHECK(rules.ignored("abc/x/y", true));
  CHECK_FALSE(rules.ignored("abc", true));  // everything inside, not the folder itself
  CHECK(rules.ignored("{x,y}.md", false));
  CHECK_FALSE(rules.ignored("x.md", false));
  CHECK_FALSE(rules.ignored("[oops", false));
  CHECK(rules.ignored("after.md", false));
}

TEST_CASE("ignore rules: a nested file applies to its subtree and overrides its parents") {
  IgnoreRules rules;
  rules.add("", "*.tmp\n");
  rules.add("docs", "!keep.tmp\n/only.md\n");
  CHECK(rules.ignored("keep.tmp", false));
  CHECK(rules.ignored("other/keep.tmp", false));
  CHECK_FALSE(rules.ignored("docs/keep.tmp", false));
  CHECK_FALSE(rules.ignored("docs/sub/keep.tmp", false));
  CHECK(rules.ignored("docs/sub/x.tmp", false));
  CHECK(rules.ignored("docs/only.md", false));
  CHECK_FALSE(rules.ignored("docs/sub/only.md", false));
  CHECK_FALSE(rules.ignored("only.md", false));
  CHECK_FALSE(rules.ignored("docsx/only.md", false));
}

TEST_CASE("ignore rules: .git/info/exclude ranks below every .gitignore") {
  IgnoreRules rules;
  rules.add_fallback("*.md\n");
  rules.add("", "!a.md\n");
  CHECK_FALSE(rules.ignored("a.md", false));
  CHECK(rules.ignored("b.md", false));
  CHECK(rules.ignored("x/b.md", false));
}

TEST_CASE("discover: with no paths, walks the root for Markdown, honouring every ignore") {
  TempTree tree;
  build_site(tree);
  const Discovered found = discover({}, site_options(tree));
  CHECK(displays(found) == kSiteMarkdown);
  // Markdown-named entries that cannot be checked are named, never opened or followed.
  Strings walk_errors = errors(found);
  std::sort(walk_errors.begin(), walk_errors.end());
  CHECK(walk_errors == Strings{"dangling.md: dangling symbolic link: its target does not exist",
                               "fifo.md: not a regular file",
                               "loop.md: cannot follow symbolic link: too many levels of "
                               "symbolic links"});
  CHECK(found.notes.empty());

  const auto& alias = found.files[1];
  CHECK(alias.path() == tree.root() / "alias.md");
  CHECK(alias.relative_to_root() == "alias.md");
  const auto& nested = found.files[5];
  CHECK(nested.path() == tree.root() / "docs/sub/keep.md");
  CHECK(nested.relative_to_root() == "docs/sub/keep.md");
}

TEST_CASE("discover: the current folder named as a path walks the same files") {
  TempTree tree;
  build_site(tree);
  CHECK(displays(discover({"."}, site_options(tree))) == kSiteMarkdown);
  CHECK(displays(discover({tree.root().string()}, site_options(tree))) == kSiteMarkdown);
}

TEST_CASE("discover: without .gitignore only the config ignore and .git are skipped") {
  TempTree tree;
  build_site(tree);
  DiscoverOptions options = site_options(tree);
  options.use_gitignore = false;
  CHECK(displays(discover({}, options)) ==
        Strings{"a.md", "alias.md", "b.markdown", "build/out.md", "d.md/inner.md", "docs/c.md",
                "docs/local.md", "docs/sub/keep.md", "docs/sub/local.md", "docs/top-only.md",
                "docs/y.draft.md", "excluded.md", "keep.draft.md", "other/local.md", "top-only.md",
                "x.draft.md"});
}

TEST_CASE("discover: include globs choose the files and prune the walk") {
  TempTree tree;
  build_site(tree);
  DiscoverOptions options = site_options(tree);
  options.include = {glob("docs/**/*.md"), glob("*.markdown")};
  CHECK(displays(discover({}, options)) ==
        Strings{"b.markdown", "docs/c.md", "docs/sub/keep.md", "docs/top-only.md"});
  options.include = {glob("notes.txt")};
  CHECK(displays(discover({}, options)) == Strings{"notes.txt"});
}

TEST_CASE("discover: named files are checked unless the config ignore excludes them") {
  TempTree tree;
  build_site(tree);
  DiscoverOptions options = site_options(tree);
  options.ignore.push_back(glob("other"));
  const Discovered found = discover(
      {"x.draft.md", "build/out.md", "dist/e.md", "other/local.md", "notes.txt", "alias.md"},
      options);
  CHECK(displays(found) == Strings{"alias.md", "build/out.md", "notes.txt", "x.draft.md"});
  CHECK(errors(found).empty());
  CHECK(found.files[0].path() == tree.root() / "alias.md");
}

TEST_CASE("discover: missing, dangling, looping and special paths are errors when named") {
  TempTree tree;
  build_site(tree);
  const Discovered found =
      discover({"missing.md", "dangling.md", "a.md/x", "fifo.md", "loop.md", "", "a.md"},
               site_options(tree));
  CHECK(displays(found) == Strings{"a.md"});
  CHECK(errors(found) ==
        Strings{"missing.md: no such file or directory",
                "dangling.md: dangling symbolic link: its target does not exist",
                "a.md/x: no such file or directory", "fifo.md: not a regular file",
                "loop.md: cannot follow symbolic link: too many levels of symbolic links",
                ": no such file or directory"});
}

TEST_CASE("discover: a named folder is walked with the .gitignore files above it") {
  TempTree tree;
  build_site(tree);
  const DiscoverOptions options = site_options(tree);
  CHECK(displays(discover({"docs"}, options)) ==
        Strings{"docs/c.md", "docs/sub/keep.md", "docs/top-only.md"});
  CHECK(displays(discover({"docs/sub/"}, options)) == Strings{"docs/sub/keep.md"});
  // named, so walked although .gitignore excludes it; what it holds is still filtered
  CHECK(displays(discover({"build"}, options)) == Strings{"build/out.md"});
  // the config ignore wins even over a named folder
  CHECK(displays(discover({"dist"}, options)).empty());
  // a named symlink is followed; inside the walk, symlinked folders are not
  CHECK(displays(discover({"linkdir"}, options)) ==
        Strings{"linkdir/c.md", "linkdir/sub/keep.md", "linkdir/top-only.md"});
  CHECK(displays(discover({"other"}, options)) == Strings{"other/local.md"});

  DiscoverOptions ignoring = options;
  ignoring.ignore.push_back(glob("docs"));
  CHECK(displays(discover({"docs/sub", "docs/s*/*.md"}, ignoring)).empty());
}

TEST_CASE("discover: a folder without Markdown is no error") {
  TempTree tree;
  build_site(tree);
  const Discovered found = discover({"empty"}, site_options(tree));
  CHECK(found.files.empty());
  CHECK(found.errors.empty());
  CHECK(found.notes.empty());
}

TEST_CASE("discover: glob arguments are relative to the current folder") {
  TempTree tree;
  build_site(tree);
  const DiscoverOptions options = site_options(tree);
  CHECK(displays(discover({"docs/*.md"}, options)) == Strings{"docs/c.md", "docs/top-only.md"});
  CHECK(displays(discover({"**/local.md"}, options)) == Strings{"other/local.md"});
  CHECK(displays(discover({"*.{md,markdown}"}, options)) ==
        Strings{"a.md", "alias.md", "b.markdown", "keep.draft.md"});
  CHECK(displays(discover({"./d*/**/*.md"}, options)) ==
        Strings{"d.md/inner.md", "docs/c.md", "docs/sub/keep.md", "docs/top-only.md"});
  CHECK(displays(discover({(tree.root() / "docs/s*/*.md").string()}, options)) ==
        Strings{"docs/sub/keep.md"});
}

TEST_CASE("discover: a glob that matches nothing is a note, a bad glob an error") {
  TempTree tree;
  build_site(tree);
  const DiscoverOptions options = site_options(tree);
  const Discovered none = discover({"nothing/*.md", "docs/*.mdx"}, options);
  CHECK(none.files.empty());
  CHECK(none.errors.empty());
  CHECK(none.notes == Strings{"no files match 'nothing/*.md'", "no files match 'docs/*.mdx'"});

  const Discovered bad = discover({"docs/[a"}, options);
  CHECK(errors(bad) == Strings{"docs/[a: invalid glob 'docs/[a': unclosed '[' at column 6"});
}

TEST_CASE("discover: an existing path with glob characters is a path") {
  TempTree tree;
  tree.file("a[1].md");
  tree.file("a1.md");
  DiscoverOptions options;
  options.root = options.cwd = tree.root();
  CHECK(displays(discover({"a[1].md"}, options)) == Strings{"a[1].md"});
  CHECK(displays(discover({"a[0-9].md"}, options)) == Strings{"a1.md"});
}

TEST_CASE("discover: results are unique and sorted by display path") {
  TempTree tree;
  build_site(tree);
  tree.file("B.md");
  const Discovered found = discover(
      {"docs/c.md", "./docs/c.md", "docs", "docs/../a.md", "B.md", "a.md"}, site_options(tree));
  CHECK(displays(found) ==
        Strings{"B.md", "a.md", "docs/c.md", "docs/sub/keep.md", "docs/top-only.md"});
}

TEST_CASE("discover: display paths are relative to the current folder") {
  TempTree tree;
  build_site(tree);
  DiscoverOptions options = site_options(tree);
  options.cwd = tree.root() / "docs";

  const Discovered all = discover({}, options);
  CHECK(displays(all) == Strings{"../a.md", "../alias.md", "../b.markdown", "../d.md/inner.md",
                                 "../keep.draft.md", "../other/local.md", "c.md", "sub/keep.md",
                                 "top-only.md"});
  CHECK(all.files[6].relative_to_root() == "docs/c.md");
  CHECK(all.files[0].relative_to_root() == "a.md");

  const Discovered named = discover({"../a.md", "sub", "../docs/c.md"}, options);
  CHECK(displays(named) == Strings{"../a.md", "c.md", "sub/keep.md"});
  CHECK(named.files[2].relative_to_root() == "docs/sub/keep.md");

  // a root below the current folder; a file outside the root
  options.cwd = tree.root();
  options.root = tree.root() / "docs";
  const Discovered outside = discover({"a.md", "docs/c.md"}, options);
  CHECK(displays(outside) == Strings{"a.md", "docs/c.md"});
  CHECK(outside.files[0].relative_to_root() == "../a.md");
  CHECK(outside.files[1].relative_to_root() == "c.md");

  // a relative cwd is taken from the process's current folder, a relative root from cwd
  options.cwd = fs::relative(tree.root() / "docs", fs::current_path());
  options.root = "..";
  const Discovered relative = discover({"c.md"}, options);
  CHECK(displays(relative) == Strings{"c.md"});
  CHECK(relative.files[0].relative_to_root() == "docs/c.md");
  CHECK(relative.files[0].path() == tree.root() / "docs/c.md");
}

TEST_CASE("discover: an unreadable folder is an error and the walk goes on") {
  if (geteuid() == 0) {
    WARN("skipped: permissions do not apply to root");
    return;
  }
  TempTree tree;
  tree.file("a.md");
  tree.file("locked/b.md");
  tree.file("z/c.md");
  fs::permissions(tree.root() / "locked", fs::perms::none);
  DiscoverOptions options;
  options.root = options.cwd = tree.root();
  const Discovered found = discover({}, options);
  fs::permissions(tree.root() / "locked", fs::perms::owner_all);
  CHECK(displays(found) == Strings{"a.md", "z/c.md"});
  CHECK(errors(found) == Strings{"locked: cannot read directory: permission denied"});
}

TEST_CASE("files are sorted by display path across the folders that hold their names") {
  TempTree tree;
  // '-' < '.' < '/' < 'b' in byte order: a folder's files fall between other folders' files.
  for (const char* name : {"a/b.md", "a.md", "ab.md", "a-b.md", "a/a.md", "a/b/c.md", "b.md"}) {
    tree.file(name);
  }
  DiscoverOptions options;
  options.root = tree.root();
  options.cwd = tree.root();
  const Discovered found = discover({"b.md", "a", "."}, options);  // "a" and "." overlap
  Strings expected = {"a-b.md", "a.md", "a/a.md", "a/b.md", "a/b/c.md", "ab.md", "b.md"};
  CHECK(displays(found) == expected);
  REQUIRE(found.files.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(found.files[i].path() == (tree.root() / expected[i]).string());
    CHECK(found.files[i].relative_to_root() == expected[i]);
  }

  // Seen from a folder below the root and from outside it, the names are not the path's tail.
  options.cwd = tree.root() / "a" / "b";
  const Discovered below = discover({"../../a.md", "."}, options);
  CHECK(displays(below) == Strings{"../../a.md", "c.md"});
  CHECK(below.files[0].relative_to_root() == "a.md");
  CHECK(below.files[1].relative_to_root() == "a/b/c.md");
  CHECK(below.files[1].path() == (tree.root() / "a/b/c.md").string());
}

TEST_CASE("an argument with a glob character is a glob pattern") {
  for (const char* text : {"*.md", "docs/?.md", "[ab].md", "{a,b}.md", "a/**"}) {
    CHECK(contentlint::engine::has_glob_characters(text));
  }
  for (const char* text : {"", "docs/a.md", "a b/c-d_e.md", "50%.md"}) {
    CHECK_FALSE(contentlint::engine::has_glob_characters(text));
  }
}
