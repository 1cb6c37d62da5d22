// The JSON Schema that the real `astro sync` wrote for the posts collection of
// tests/fixtures/astro-site (draft-07, `$ref: #/definitions/posts`, dates as anyOf with
// format unix-time, additionalProperties: false, `$schema`) validates articles exactly as
// its hand-written equivalent does. tests/astro/regenerate.sh rewrites the Astro file.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/document.hpp"
#include "frontmatter/frontmatter.hpp"
#include "schema/schema.hpp"

namespace contentlint {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(CONTENTLINT_TESTS_DIR) / "fixtures";

std::shared_ptr<const schema::Schema> load(const fs::path& path) {
  auto loaded = schema::Schema::load(path.string(), path.filename().string());
  INFO((loaded ? std::string() : loaded.error().to_string()));
  REQUIRE(loaded.ok());
  return *loaded;
}

// Every violation of every article, as "file line:col path: message".
std::vector<std::string> findings(const schema::Schema& schema) {
  std::vector<fs::path> articles;
  for (const auto& entry : fs::directory_iterator(kFixtures / "astro-schema" / "articles")) {
    articles.push_back(entry.path());
  }
  std::sort(articles.begin(), articles.end());
  std::vector<std::string> out;
  for (const fs::path& path : articles) {
    std::ifstream stream(path, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    core::Document document(path.filename().string(), text);
    frontmatter::FrontMatter front = frontmatter::read(document);
    REQUIRE(front.yaml.problems.empty());
    REQUIRE(front.yaml.root);
    for (const schema::Violation& v : schema.validate(*front.yaml.root, front.split.opening)) {
      core::Position at = document.position(v.span.begin);
      out.push_back(document.path() + " " + std::to_string(at.line) + ":" +
                    std::to_string(at.column) + " " + v.path + ": " + v.message);
    }
  }
  return out;
}

TEST_CASE("Astro's emitted posts schema loads") {
  load(kFixtures / "astro-site" / ".astro" / "collections" / "posts.schema.json");
  load(kFixtures / "astro-site" / ".astro" / "collections" / "alumni.schema.json");
}

TEST_CASE("Astro's posts schema and its hand-written equivalent find the same problems") {
  auto astro = load(kFixtures / "astro-site" / ".astro" / "collections" / "posts.schema.json");
  auto hand = load(kFixtures / "astro-schema" / "posts.schema.yaml");
  std::vector<std::string> from_astro = findings(*astro);
  CHECK(from_astro == findings(*hand));
  CHECK(from_astro ==
        std::vector<std::string>{
            "bad-dates.md 3:10 pubDate: 'pubDate': expected one of: a date-time, a date, a Unix "
            "timestamp, found '11/04/2024'",
            "bad-dates.md 4:14 updatedDate: 'updatedDate': expected one of: a date-time, a date, "
            "a Unix timestamp, found 'yesterday'",
            "bad-enum-and-types.md 2:8 title: 'title': expected a string, found an integer",
            "bad-enum-and-types.md 5:9 author: 'author': expected a string, found a list",
            "bad-enum-and-types.md 6:8 draft: 'draft': expected a boolean, found a string",
            "bad-enum-and-types.md 7:11 category: 'category': expected one of 'article', "
            "'announcement', 'tutorial', found 'news'",
            "bad-enum-and-types.md 9:7 tags: 'tags': expected a list, found a string",
            "bad-missing-and-unknown.md 1:1 author: missing required field 'author'",
            "bad-missing-and-unknown.md 3:1 pubDate: missing required field 'pubDate' (found "
            "'pubdate': a misspelling?)",
            "bad-missing-and-unknown.md 6:1 image.alt: missing required field 'image.alt'",
            "bad-missing-and-unknown.md 6:22 image.caption: unknown field 'image.caption'",
            "bad-missing-and-unknown.md 8:31 series.part: 'series.part': expected an integer, "
            "found a number"});
}

}  // namespace
}  // namespace contentlint
