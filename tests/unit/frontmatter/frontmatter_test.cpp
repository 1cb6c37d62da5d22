#include "frontmatter/frontmatter.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>

using namespace contentlint;

namespace {

// "line:col message" for each problem, as a reader would see it.
std::vector<std::string> problems(const core::Document& document,
                                  const frontmatter::FrontMatter& front_matter) {
  std::vector<std::string> lines;
  for (const auto& problem : front_matter.yaml.problems) {
    auto at = document.position(problem.span.begin);
    lines.push_back(fmt::format("{}:{} {}", at.line, at.column, problem.message));
  }
  return lines;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("split finds the fences and the body") {
  core::Document document("a.md", "---\ntitle: x\n---\n# Body\n");
  auto split = frontmatter::split(document);
  CHECK(split.present);
  CHECK(split.closed);
  CHECK(document.slice(split.yaml) == "title: x\n");
  CHECK(document.slice(split.body) == "# Body\n");
  CHECK(document.slice(split.closing) == "---");
}

TEST_CASE("an opening fence without a closing one is unclosed, not all YAML") {
  core::Document document("a.md", "---\ntitle: x\n\n# Body\n");
  auto front_matter = frontmatter::read(document);
  CHECK(front_matter.split.present);
  CHECK_FALSE(front_matter.split.closed);
  CHECK_FALSE(front_matter.yaml.root.has_value());
  CHECK(front_matter.split.body.empty());
}

TEST_CASE("no front matter: the whole file is the body") {
  core::Document document("a.md", "# Title\n---\n");
  auto split = frontmatter::split(document);
  CHECK_FALSE(split.present);
  CHECK(document.slice(split.body) == document.text());
}

TEST_CASE("the tree keeps file positions and scalar styles") {
  core::Document document("a.md",
                          "---\npubDate: 2024-03-11\ncount: '3'\nn: 3\nimage:\n  url: ''\n---\n");
  auto front_matter = frontmatter::read(document);
  REQUIRE(front_matter.yaml.problems.empty());
  const core::Node& root = *front_matter.yaml.root;
  CHECK(root.find("count")->scalar_type() == core::ScalarType::string);
  CHECK(root.find("n")->scalar_type() == core::ScalarType::integer);
  const core::Node* url = root.find_path("image.url");
  REQUIRE(url != nullptr);
  CHECK(url->position == core::Position{6, 8});
  CHECK(document.slice(url->span) == "''");
  CHECK(root.entries[0].key.position == core::Position{2, 1});
  CHECK(document.slice(root.find("pubDate")->span) == "2024-03-11");
}

TEST_CASE("CRLF and a BOM give the same positions") {
  core::Document lf("a.md", "---\ntitle: x\nimage:\n  url: ''\n---\n");
  core::Document crlf("a.md", "\xEF\xBB\xBF---\r\ntitle: x\r\nimage:\r\n  url: ''\r\n---\r\n");
  auto a = frontmatter::read(lf);
  auto b = frontmatter::read(crlf);
  CHECK(a.yaml.root->find_path("image.url")->position ==
        b.yaml.root->find_path("image.url")->position);
  CHECK(b.yaml.root->find_path("image.url")->position == core::Position{4, 8});
}

TEST_CASE("an empty value stands at its key") {
  core::Document document("a.md", "---\ntitle:\nauthor: me\n---\n");
  auto front_matter = frontmatter::read(document);
  const core::Node* title = front_matter.yaml.root->find("title");
  REQUIRE(title != nullptr);
  CHECK(title->is_null());
  CHECK(title->position == core::Position{2, 1});
}

TEST_CASE("syntax errors are reported at their line and column in the file") {
  core::Document document("a.md", "---\ntitle: a: b\n---\n");
  auto front_matter = frontmatter::read(document);
  CHECK(problems(document, front_matter) ==
        Lines{"2:9 unexpected ':' in a value; quote the value if it contains ': '"});
}

TEST_CASE("an unclosed flow list is reported") {
  core::Document document("a.md", "---\ntags: [a, b\n---\n");
  auto front_matter = frontmatter::read(document);
  CHECK(problems(document, front_matter) == Lines{"2:7 a '[' list is not closed with ']'"});
}

TEST_CASE("hazard: an unterminated double-quoted scalar is not accepted silently") {
  core::Document document("a.md", "---\ntitle: ok\ndescription: \"never closed\n---\n");
  auto front_matter = frontmatter::read(document);
  CHECK(problems(document, front_matter) ==
        Lines{"3:14 unterminated double-quoted string: add the closing \""});
}

TEST_CASE("hazard: a tab in indentation is an error, not part of a key") {
  core::Document document("a.md", "---\nimage:\n\turl: x\n---\n");
  auto front_matter = frontmatter::read(document);
  CHECK(problems(document, front_matter) ==
        Lines{"3:1 tab character in indentation; YAML indents with spaces only"});
}

TEST_CASE("tabs inside a block scalar are text") {
  core::Document document("a.md", "---\ncode: |\n  a\n  \tb\nx: 1\n---\n");
  auto front_matter = frontmatter::read(document);
  CHECK(front_matter.yaml.problems.empty());
  CHECK(front_matter.yaml.root->find("code")->text == "a\n\tb\n");
}

TEST_CASE("block scalar headers with indicators, in lists or before a comment keep tabs text") {
  for (const char* header :
       {"code: |2-", "code: >+", "code: |  # note", "code: >-2", "list:\n- |"}) {
    INFO(header);
    core::Document document("a.md", std::string("---\n") + header + "\n  a\n  \tb\n---\n");
    auto front_matter = frontmatter::read(document);
    CHECK(front_matter.yaml.problems.empty());
  }
  // A `|` or `>` inside a value, or not after a space or `:`, opens no block scalar.
  for (const char* line : {"a: x|", "a: b>2", "a: |x", "|"}) {
    INFO(line);
    core::Document document("a.md", std::string("---\n") + line + "\n\tb: 1\n---\n");
    auto front_matter = frontmatter::read(document);
    CHECK(problems(document, front_matter) ==
          Lines{"3:1 tab character in indentation; YAML indents with spaces only"});
  }
}

TEST_CASE("hazard: duplicate keys are reported at the second one") {
  core::Document document("a.md", "---\ntitle: a\ntags: []\ntitle: b\n---\n");
  auto front_matter = frontmatter::read(document);
  CHECK(problems(document, front_matter) ==
        Lines{"4:1 duplicate key 'title' (first defined at line 2); the last one wins silently"});
  CHECK(front_matter.yaml.problems[0].kind == frontmatter::ProblemKind::duplicate_key);
  CHECK(front_matter.yaml.root->find("title")->text == "b");
}

TEST_CASE("hazard: a self-referencing alias is a cycle, not a crash") {
  core::Document document("a.md", "---\na: &a [*a]\n---\n");
  auto front_matter = frontmatter::read(document);
  CHECK(problems(document, front_matter) ==
        Lines{"2:8 alias *a refers to the node that contains it (a cycle)"});
}

TEST_CASE("aliases to finished nodes are expanded") {
  core::Document document("a.md", "---\nbase: &b {x: 1}\ncopy: *b\n---\n");
  auto front_matter = frontmatter::read(document);
  REQUIRE(front_matter.yaml.problems.empty());
  const core::Node* copy = front_matter.yaml.root->find("copy");
  REQUIRE(copy != nullptr);
  CHECK(copy->find("x")->text == "1");
  CHECK(copy->position == core::Position{3, 7});
}

TEST_CASE("hazard: an alias bomb stops at the node budget") {
  std::string yaml = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    yaml += fmt::format("a{}: &a{} [", i, i);
    for (int k = 0; k < 10; ++k) yaml += fmt::format("{}*a{}", k ? ", " : "", i - 1);
    yaml += "]\n";
  }
  yaml += "---\n";
  core::Document document("a.md", yaml);
  auto front_matter = frontmatter::read(document);
  REQUIRE(front_matter.yaml.problems.size() == 1);
  CHECK(front_matter.yaml.problems[0].kind == frontmatter::ProblemKind::too_complex);
  CHECK_THAT(front_matter.yaml.problems[0].message, Catch::Contains("alias bomb"));
}

TEST_CASE("hazard: deep nesting is too complex, not a stack overflow") {
  std::string yaml = "---\na: " + std::string(5000, '[') + std::string(5000, ']') + "\n---\n";
  core::Document document("a.md", yaml);
  auto front_matter = frontmatter::read(document);
  REQUIRE(front_matter.yaml.problems.size() == 1);
  CHECK(front_matter.yaml.problems[0].message ==
        "nested more than 64 levels deep; too complex to check");
}

TEST_CASE("front matter that is not a mapping is reported") {
  core::Document document("a.md", "---\n- a\n- b\n---\n");
  auto front_matter = frontmatter::read(document);
  CHECK(problems(document, front_matter) ==
        Lines{"2:1 front matter must be a mapping of keys to values, found a list"});
}

TEST_CASE("an empty front matter block has no root and no problem") {
  core::Document document("a.md", "---\n---\nbody\n");
  auto front_matter = frontmatter::read(document);
  CHECK(front_matter.split.closed);
  CHECK(front_matter.yaml.problems.empty());
  CHECK(document.slice(front_matter.split.body) == "body\n");
}

TEST_CASE("CR-only line endings are line breaks, with the same positions") {
  core::Document document("a.md", "---\rtitle: x\rtags:\r  - a\r---\r\rBody\r");
  auto front_matter = frontmatter::read(document);
  CHECK(problems(document, front_matter) == Lines{});
  REQUIRE(front_matter.yaml.root);
  const core::Node* tags = front_matter.yaml.root->find("tags");
  REQUIRE(tags != nullptr);
  REQUIRE(tags->items.size() == 1);
  CHECK(tags->items[0].position.line == 4);
  CHECK(tags->items[0].position.column == 5);
}
