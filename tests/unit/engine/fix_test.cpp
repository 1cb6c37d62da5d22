#include "engine/fix.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace contentlint;
namespace fs = std::filesystem;

namespace {

core::Diagnostic fixable(std::size_t begin, std::size_t end, std::string replacement,
                         core::FixSafety safety = core::FixSafety::safe) {
  core::Diagnostic diagnostic;
  diagnostic.fix = core::Fix{"fix", safety, {core::Edit{{begin, end}, std::move(replacement)}}};
  return diagnostic;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path fresh_folder(const std::string& name) {
  fs::path folder =
      fs::temp_directory_path() / ("contentlint-fix-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

}  // namespace

TEST_CASE("safe fixes apply in position order, unsafe and overlapping ones wait") {
  std::string text = "abcdef";
  std::vector<core::Diagnostic> diagnostics = {
      fixable(4, 5, "E"),
      fixable(0, 2, "AB"),
      fixable(1, 3, "xx"),                          // overlaps the first applied
      fixable(5, 6, "F", core::FixSafety::unsafe),  // never applied by --fix
      fixable(3, 3, "+"),                           // an insertion
  };
  CHECK(engine::apply_fixes(text, diagnostics) == 3);
  CHECK(text == "ABc+dEf");
}

TEST_CASE("an edit past the end of the text is refused") {
  std::string text = "abc";
  CHECK(engine::apply_fixes(text, {fixable(2, 9, "x")}) == 0);
  CHECK(text == "abc");
}

TEST_CASE("unified diff of a changed line with context") {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  CHECK(engine::unified_diff("a.md", before, after) ==
        "--- a/a.md\n+++ b/a.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("unified diff of an added final newline and of equal texts") {
  CHECK(engine::unified_diff("a.md", "a\nb", "a\nb\n") ==
        "--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
  CHECK(engine::unified_diff("a.md", "same\n", "same\n").empty());
}

TEST_CASE("unified diff keeps distant changes in separate hunks") {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  CHECK(engine::unified_diff("a.md", before, after) ==
        "--- a/a.md\n+++ b/a.md\n"
        "@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
        "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
}

TEST_CASE("atomic writes keep the mode and follow symlinks") {
  fs::path folder = fresh_folder("write");
  fs::path file = folder / "post.md";
  std::ofstream(file) << "old\n";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  fs::path link = folder / "link.md";
  fs::create_symlink("post.md", link);

  REQUIRE_FALSE(engine::write_atomically(link, "new\n", "link.md").has_value());
  CHECK(fs::is_symlink(link));
  CHECK(read(file) == "new\n");
  CHECK((fs::status(file).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  std::size_t entries = std::distance(fs::directory_iterator(folder), fs::directory_iterator());
  CHECK(entries == 2);  // no temporary file left behind
  fs::remove_all(folder);
}

TEST_CASE("atomic writes create a new file and report a missing folder") {
  fs::path folder = fresh_folder("create");
  REQUIRE_FALSE(engine::write_atomically(folder / "report.json", "{}", "report.json").has_value());
  CHECK(read(folder / "report.json") == "{}");
  auto error = engine::write_atomically(folder / "missing" / "x.json", "{}", "missing/x.json");
  REQUIRE(error.has_value());
  CHECK(error->to_string() == "missing/x.json: cannot write: No such file or directory");
  fs::remove_all(folder);
}
