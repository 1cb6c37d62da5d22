#include "engine/changed.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace fs = std::filesystem;
using contentlint::engine::changed_files;
using contentlint::engine::discover_changed;
using contentlint::engine::Discovered;
using Strings = std::vector<std::string>;

namespace {

/// A scratch git repository under the system temp dir, with git's global and system
/// configuration shut out so the tests see the same git everywhere.
class TempRepo {
 public:
  TempRepo() {
    ::setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    ::setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
    ::setenv("GIT_AUTHOR_NAME", "Test", 1);
    ::setenv("GIT_AUTHOR_EMAIL", "test@example.org", 1);
    ::setenv("GIT_COMMITTER_NAME", "Test", 1);
    ::setenv("GIT_COMMITTER_EMAIL", "test@example.org", 1);
    // A temp dir inside some checkout must not find that checkout's repository.
    ::setenv("GIT_CEILING_DIRECTORIES", fs::temp_directory_path().c_str(), 1);
    std::string pattern = (fs::temp_directory_path() / "contentlint-changed-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    base_ = fs::canonical(pattern);
    root_ = base_ / "repo";
    fs::create_directories(root_);
  }
  ~TempRepo() {
    std::error_code ec;
    fs::remove_all(base_, ec);
  }
  TempRepo(const TempRepo&) = delete;
  TempRepo& operator=(const TempRepo&) = delete;

  const fs::path& base() const { return base_; }
  const fs::path& root() const { return root_; }
  void file(const std::string& relative, const std::string& text = "# x\n") const {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  void git(const std::string& arguments) const {
    const std::string command = "git -C '" + root_.string() + "' " + arguments + " >/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
  }
  Strings relative(const std::vector<fs::path>& paths) const {
    Strings out;
    for (const fs::path& path : paths) out.push_back(path.lexically_relative(root_).string());
    return out;
  }

 private:
  fs::path base_;
  fs::path root_;
};

// main: a.md b.md c.md d.md gone.md old-name.md sub/e.md, .gitignore; branch `feature`
// forks there. main then changes d.md; feature changes a.md, renames old-name.md, deletes
// gone.md, stages b.md and a new file, edits c.md without staging, and leaves an untracked
// and an ignored file.
void make_history(const TempRepo& repo) {
  repo.git("init -q -b main");
  for (const char* name : {"a.md", "b.md", "c.md", "d.md", "gone.md", "old-name.md", "sub/e.md"}) {
    repo.file(name);
  }
  repo.file(".gitignore", "ignored.md\n");
  repo.git("add -A");
  repo.git("commit -q -m base");
  repo.git("checkout -q -b feature");
  repo.git("checkout -q main");
  repo.file("d.md", "# changed on main after the fork\n");
  repo.git("commit -q -am main-moves-on");
  repo.git("checkout -q feature");
  repo.file("a.md", "# committed on feature\n");
  repo.git("commit -q -am a");
  repo.git("mv old-name.md new-name.md");
  repo.git("rm -q gone.md");
  repo.git("commit -q -m rename-and-delete");
  repo.file("b.md", "# staged\n");
  repo.file("staged new.md");
  repo.git("add b.md 'staged new.md'");
  repo.file("c.md", "# not staged\n");
  repo.file("sub/ünï côde.md");  // untracked, with a space and UTF-8
  repo.file("ignored.md");
}

const Strings kChanged = {"a.md",        "b.md",          "c.md",
                          "new-name.md", "staged new.md", "sub/ünï côde.md"};

Strings displays(const Discovered& found) {
  Strings out;
  for (const auto& file : found.files) out.emplace_back(file.display());
  return out;
}

Strings errors(const Discovered& found) {
  Strings out;
  for (const auto& error : found.errors) out.push_back(error.to_string());
  return out;
}

std::string error_of(const fs::path& folder, const std::string& ref) {
  auto files = changed_files(folder, ref);
  REQUIRE_FALSE(files.ok());
  return files.error().to_string();
}

contentlint::config::Config load_config(const TempRepo& repo, const std::string& text) {
  repo.file(".contentlint.yaml", text);
  auto config =
      contentlint::config::load(repo.root() / ".contentlint.yaml", ".contentlint.yaml", {});
  REQUIRE(config.ok());
  return std::move(*config);
}

}  // namespace

TEST_CASE("changed_files: committed, staged, unstaged and untracked changes since the fork") {
  TempRepo repo;
  make_history(repo);
  auto files = changed_files(repo.root(), "main");
  REQUIRE(files.ok());
  // d.md changed on main after the fork: the merge base, not main's tip, is the reference.
  CHECK(repo.relative(*files) == kChanged);
  for (const fs::path& path : *files) CHECK(path.is_absolute());
}

TEST_CASE("changed_files: the same list from a subfolder, and against a commit id") {
  TempRepo repo;
  make_history(repo);
  auto from_sub = changed_files(repo.root() / "sub", "main");
  REQUIRE(from_sub.ok());
  CHECK(repo.relative(*from_sub) == kChanged);
  auto against_parent = changed_files(repo.root(), "HEAD~1");
  REQUIRE(against_parent.ok());
  CHECK(repo.relative(*against_parent) ==
        Strings{"b.md", "c.md", "new-name.md", "staged new.md", "sub/ünï côde.md"});
}

TEST_CASE("changed_files: nothing changed is an empty list") {
  TempRepo repo;
  repo.git("init -q -b main");
  repo.file("a.md");
  repo.git("add -A");
  repo.git("commit -q -m base");
  auto files = changed_files(repo.root(), "main");
  REQUIRE(files.ok());
  CHECK(files->empty());
}

TEST_CASE("changed_files: errors say what is wrong and how to fix it in CI") {
  TempRepo repo;
  CHECK(error_of(repo.root(), "main") ==
        "--changed-since: not in a git work tree (not a git repository (or any of the parent "
        "directories): .git)");
  make_history(repo);
  CHECK(error_of(repo.root(), "origin/main") ==
        "--changed-since: unknown git revision 'origin/main' (in CI, fetch it: "
        "actions/checkout with fetch-depth: 0)");
  CHECK(error_of(repo.root(), "--output=x") ==
        "--changed-since: '--output=x' is not a git revision");
  CHECK(error_of(repo.root(), "") == "--changed-since: expected a git revision, found nothing");

  repo.git("checkout -q --orphan unrelated");
  repo.git("commit -q -m unrelated");
  CHECK(error_of(repo.root(), "main") ==
        "--changed-since: 'main' and HEAD have no common ancestor (a shallow clone? fetch the "
        "whole history: actions/checkout with fetch-depth: 0)");
}

TEST_CASE("changed_files: git missing from PATH is an error, not a crash") {
  TempRepo repo;
  make_history(repo);
  const char* path = std::getenv("PATH");
  const std::string saved = path != nullptr ? path : "";
  ::setenv("PATH", repo.base().c_str(), 1);  // a folder without git
  std::string message = error_of(repo.root(), "main");
  ::setenv("PATH", saved.c_str(), 1);
  CHECK(message == "--changed-since: cannot run git: No such file or directory");
}

TEST_CASE("discover_changed: only changed files that the config includes and does not ignore") {
  TempRepo repo;
  repo.git("init -q -b main");
  repo.file("posts/old.md");
  repo.file("notes/old.md");
  auto config = load_config(repo,
                            "ignore: [\"posts/drafts/**\"]\n"
                            "collections:\n"
                            "  posts:\n"
                            "    include: [\"posts/**/*.md\"]\n");
  repo.git("add -A");
  repo.git("commit -q -m base");
  repo.file("posts/a.md");
  repo.file("posts/drafts/x.md");
  repo.file("posts/c.txt");
  repo.file("notes/b.md");

  Discovered found = discover_changed(config, {}, "main", repo.root());
  CHECK(errors(found).empty());
  CHECK(displays(found) == Strings{"posts/a.md"});
  REQUIRE(found.files.size() == 1);
  CHECK(found.files[0].path() == repo.root() / "posts/a.md");

  // Named paths narrow the selection further; a named file outside the collections counts.
  CHECK(displays(discover_changed(config, {"notes", "posts/old.md"}, "main", repo.root())) ==
        Strings{"notes/b.md"});
  CHECK(displays(discover_changed(config, {"b.md"}, "main", repo.root() / "notes")) ==
        Strings{"b.md"});
}

TEST_CASE("discover_changed: a working directory reached through a symlink still matches") {
  TempRepo repo;
  repo.git("init -q -b main");
  repo.file("a.md");
  repo.git("add -A");
  repo.git("commit -q -m base");
  repo.file("docs/b.md");
  fs::create_directory_symlink(repo.root(), repo.base() / "link");
  auto config = contentlint::config::defaults(repo.base() / "link", {});
  REQUIRE(config.ok());
  Discovered found = discover_changed(*config, {}, "main", repo.base() / "link");
  CHECK(errors(found).empty());
  CHECK(displays(found) == Strings{"docs/b.md"});
}

TEST_CASE("discover_changed: git and discovery errors are returned, with no files") {
  TempRepo repo;
  auto config = contentlint::config::defaults(repo.root(), {});
  REQUIRE(config.ok());
  Discovered outside = discover_changed(*config, {}, "main", repo.root());
  CHECK(displays(outside).empty());
  CHECK(errors(outside) ==
        Strings{"--changed-since: not in a git work tree (not a git repository (or any of the "
                "parent directories): .git)"});

  make_history(repo);
  Discovered missing = discover_changed(*config, {"missing.md"}, "main", repo.root());
  CHECK(errors(missing) == Strings{"missing.md: no such file or directory"});
}
