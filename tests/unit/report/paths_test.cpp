#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "report/formats.hpp"
#include "report/reporter.hpp"

using namespace contentlint;
using namespace contentlint::report;

TEST_CASE("display paths become repository paths") {
  const RepositoryLocation in_root{"/home/me/site", ""};
  const RepositoryLocation in_folder{"/home/me/site", "docs/"};
  CHECK(repository_path(in_root, "a.md") == "a.md");
  CHECK(repository_path(in_folder, "a.md") == "docs/a.md");
  CHECK(repository_path(in_folder, "./sub/../b.md") == "docs/b.md");
  CHECK(repository_path(in_folder, "../README.md") == "README.md");
  CHECK(repository_path(in_folder, "/home/me/site/x/y.md") == "x/y.md");
  CHECK_FALSE(repository_path(in_folder, "../../elsewhere.md").has_value());
  CHECK_FALSE(repository_path(in_root, "/home/me/sites/a.md").has_value());
  CHECK_FALSE(repository_path(in_root, "/tmp/a.md").has_value());
  CHECK_FALSE(repository_path(RepositoryLocation{}, "/tmp/a.md").has_value());
  CHECK(repository_path(RepositoryLocation{}, "a/b.md") == "a/b.md");
}

TEST_CASE("paths outside the repository stay absolute") {
  const RepositoryLocation in_folder{"/home/me/site", "docs/"};
  CHECK(absolute_path(in_folder, "../../elsewhere.md") == "/home/me/elsewhere.md");
  CHECK(absolute_path(in_folder, "/tmp/./a/../b.md") == "/tmp/b.md");
  CHECK(absolute_path(RepositoryLocation{}, "../x.md") == "../x.md");
  CHECK(absolute_path(RepositoryLocation{"/", ""}, "../../x.md") == "/x.md");
}

TEST_CASE("URI paths percent-encode everything but unreserved characters and '/'") {
  CHECK(percent_encode_path("src/content/a-b_c.d~e.md") == "src/content/a-b_c.d~e.md");
  CHECK(percent_encode_path("my notes/100%.md") == "my%20notes/100%25.md");
  CHECK(percent_encode_path("a:b,c#d?e&f=g+h@i") == "a%3Ab%2Cc%23d%3Fe%26f%3Dg%2Bh%40i");
  CHECK(percent_encode_path("caf\u00e9/\u65e5.md") == "caf%C3%A9/%E6%97%A5.md");
  CHECK(percent_encode_path("new\nline\\x") == "new%0Aline%5Cx");
}

TEST_CASE("the repository is the nearest folder upward with a .git entry") {
  namespace fs = std::filesystem;
  const fs::path base = fs::temp_directory_path() / "contentlint-report-paths-test";
  fs::remove_all(base);
  fs::create_directories(base / "repo" / ".git");
  fs::create_directories(base / "repo" / "site" / "docs");
  fs::create_directories(base / "repo" / "worktree" / "inner");
  std::ofstream(base / "repo" / "worktree" / ".git") << "gitdir: ../.git/worktrees/w\n";
  fs::create_directories(base / "plain");

  const std::string repo = (base / "repo").generic_string();
  const RepositoryLocation site = locate_repository(base / "repo" / "site" / "docs");
  CHECK(site.root == repo);
  CHECK(site.directory == "site/docs/");
  const RepositoryLocation root = locate_repository(base / "repo");
  CHECK(root.root == repo);
  CHECK(root.directory == "");
  const RepositoryLocation worktree = locate_repository(base / "repo" / "worktree" / "inner");
  CHECK(worktree.root == repo + "/worktree");
  CHECK(worktree.directory == "inner/");
  // /tmp itself is not in a repository on the machines that run the tests.
  const RepositoryLocation plain = locate_repository(base / "plain");
  if (!fs::exists(fs::path("/.git")) && !fs::exists(fs::temp_directory_path() / ".git")) {
    CHECK(plain.root == (base / "plain").generic_string());
    CHECK(plain.directory == "");
  }
  fs::remove_all(base);
}
