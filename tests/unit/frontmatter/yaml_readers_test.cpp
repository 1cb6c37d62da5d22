// The libyaml reader against the yaml-cpp reader: the same tree, byte for byte, for every
// block both read; and errors still said by yaml-cpp.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "frontmatter/frontmatter.hpp"
#include "frontmatter/tree_builder.hpp"

using namespace contentlint;

namespace {

const char* kind_name(core::NodeKind kind) {
  switch (kind) {
    case core::NodeKind::null:
      return "null";
    case core::NodeKind::scalar:
      return "scalar";
    case core::NodeKind::sequence:
      return "seq";
    case core::NodeKind::mapping:
      return "map";
  }
  return "?";
}

// Every field of every node, one line each, indented by depth.
void dump(const core::Node& node, int depth, std::string& out) {
  out += fmt::format(
      "{:{}}{} {} tag={} text={:?} span={}-{} at={}:{}\n", "", depth * 2, kind_name(node.kind),
      node.style == core::ScalarStyle::plain ? "plain" : "quoted", node.tag, node.text,
      node.span.begin, node.span.end, node.position.line, node.position.column);
  for (const core::Node& item : node.items) dump(item, depth + 1, out);
  for (const core::Entry& entry : node.entries) {
    dump(entry.key, depth + 1, out);
    dump(entry.value, depth + 2, out);
  }
}

std::string dump(const frontmatter::Yaml& yaml) {
  std::string out;
  if (yaml.root) {
    dump(*yaml.root, 0, out);
  } else {
    out += "no root\n";
  }
  for (const frontmatter::Problem& problem : yaml.problems) {
    out += fmt::format("problem {} {}-{} {}\n", static_cast<int>(problem.kind), problem.span.begin,
                       problem.span.end, problem.message);
  }
  return out;
}

// "line:col message" for each problem of parse_yaml over the whole text.
std::vector<std::string> problems(const std::string& text) {
  core::Document document("a.yaml", text);
  frontmatter::Yaml yaml = frontmatter::parse_yaml(document, {0, document.text().size()});
  std::vector<std::string> lines;
  for (const auto& problem : yaml.problems) {
    auto at = document.position(problem.span.begin);
    lines.push_back(fmt::format("{}:{} {}", at.line, at.column, problem.message));
  }
  return lines;
}

const std::vector<std::string> kAccepted = {
    "",
    "# only a comment\n",
    "# one\n\n# two\n",
    "---\n",
    "--- # c\n",
    "title: x\n",
    "title: x",
    "a: 1\nb: two\nc: 3.5\nd: true\n",
    "a: |\n  line\n  two\nb: >\n  folded\n  text\n\nc: |-\n  strip\n\nd: >\n  clip\n\n",
    "a: |2\n   indented\nb: >-\n  x\n",
    "list:\n  - a\n  - b\n  -\n  - c\n",
    "list:\n- a\n- b: 1\n  c: 2\n-\n",
    "flow: [a, b, {c: d}, [e]]\nmap: {x: 1, y: [2, 3]}\n",
    "flow: [ a , b ]  # c\nempty: []\nempty2: {}\n",
    "nested:\n  deeper:\n    deepest: 1\n    list:\n      - x\n  back: 2\n",
    "base: &base\n  a: 1\n  b: 2\nother:\n  <<: *base\n  c: 3\ncopy: *base\n",
    "a: &x 1\nb: *x\nc: &x [2]\nd: *x\n",
    "s: !!str 3\ni: !!int '4'\nf: !foo bar\nm: !!map {a: 1}\nq: ! x\nseq: !!seq\n- a\n",
    "v: !<tag:yaml.org,2002:str> verbatim\n",
    "\"quoted key\": 1\n'single': 2\n\"esc\\n\\t\\u00e9\": \"a\\\"b\"\n'it''s': 'x''y'\n",
    "title:\nauthor: me\n",
    "a:\n~: 1\n",
    "a:\nnullable: x\n",
    "a:\nnull: x\n",
    "n1: ~\nn2: null\nn3: Null\nn4: NULL\nn5:\nn6: nil\n",
    "a: &anchor\nb: 1\n",
    "a: &n null\nb: *n\n",
    "- ~\n- null\n-\n- x\n",
    "a: 1 # comment\n# comment line\nb: 2 #c\n",
    "title: Ünïcödé ✓ 日本語\nemoji: 😀 ok\n日本: 語\n",
    "a: x\r\nb:\r\n  - y\r\n  - z\r\nc: |\r\n  t\r\n",
    "a: x\rb:\r  - y\rc: 'q'\r",
    "a: 1\n...\n",
    "a: 1\n---\nb: 2\n",
    "q: \"multi\n  line\"\nr: 'single\n  folded'\n",
    "url: http://example.com/a#b\ntime: 12:30:00\n",
    "a: {x, y: 1}\nb: [x: 1, y]\n",
    "dup: 1\ndup: 2\nm:\n  k: a\n  k: b\n",
    "a: 'x'\nb: \"\"\nc: ''\n",
    "- - a\n  - b\n- - c\n",
    "key: value with 'quote' inside\nk2: a:b\n",
    "description: >\n  Some long\n  text here.\ntags: [a, b]\ndraft: false\n",
    "%YAML 1.1\n---\na: 1\n",
    "a: b\n\n\n",
    "k: [a,\n  b,\n  c]\n",
    "k: {a: 1,\n  b: 2}\n",
    "k: '  spaced  '\nl: \"tab\\there\"\n",
    "a: -1\nb: 0x1F\nc: 1e3\nd: .inf\ne: -.Inf\nf: .nan\n",
    "x: &a !!str tagged\ny: *a\n",
};

}  // namespace

TEST_CASE("libyaml and yaml-cpp build the same tree") {
  for (const std::string& text : kAccepted) {
    INFO("document: " << text);
    core::Document document("a.yaml", text);
    core::ByteSpan span{0, document.text().size()};
    auto fast = frontmatter::detail::parse_with_libyaml(document, span);
    REQUIRE(fast.has_value());
    CHECK(dump(*fast) == dump(frontmatter::detail::parse_with_yaml_cpp(document, span)));
  }
}

TEST_CASE("the trees agree inside a Markdown file's front matter") {
  core::Document document("a.md", "---\ntitle: x\ndesc: |\n  t\nn:\ntags: [a]\n---\n# Body\n");
  frontmatter::Split split = frontmatter::split(document);
  auto fast = frontmatter::detail::parse_with_libyaml(document, split.yaml);
  REQUIRE(fast.has_value());
  CHECK(dump(*fast) == dump(frontmatter::detail::parse_with_yaml_cpp(document, split.yaml)));
  CHECK(dump(*fast) ==
        "map plain tag= text=\"\" span=4-37 at=2:1\n"
        "  scalar plain tag= text=\"title\" span=4-9 at=2:1\n"
        "    scalar plain tag= text=\"x\" span=11-12 at=2:8\n"
        "  scalar plain tag= text=\"desc\" span=13-17 at=3:1\n"
        "    scalar quoted tag= text=\"t\\n\" span=19-20 at=3:7\n"
        "  scalar plain tag= text=\"n\" span=25-26 at=5:1\n"
        "    null plain tag= text=\"\" span=25-26 at=5:1\n"
        "  scalar plain tag= text=\"tags\" span=28-32 at=6:1\n"
        "    seq plain tag= text=\"\" span=34-37 at=6:7\n"
        "      scalar plain tag= text=\"a\" span=35-36 at=6:8\n");
}

TEST_CASE("a block scalar keeps its style and an explicit tag is shortened") {
  core::Document document("a.yaml", "a: |\n  x\nb: !!int 3\nc: !foo y\n");
  auto fast = frontmatter::detail::parse_with_libyaml(document, {0, document.text().size()});
  REQUIRE(fast.has_value());
  const core::Node& root = *fast->root;
  CHECK(root.find("a")->style == core::ScalarStyle::quoted);
  CHECK(root.find("a")->tag.empty());
  CHECK(root.find("b")->tag == "!!int");
  CHECK(root.find("b")->style == core::ScalarStyle::quoted);
  CHECK(root.find("c")->tag == "!foo");
}

TEST_CASE("libyaml refuses what yaml-cpp must report") {
  for (const std::string& text : {
           std::string("a: [1, 2\nb: 3\n"),
           std::string("a: \"open\n"),
           std::string("a: b: c\n"),
           std::string("a: *missing\n"),
           std::string("a: &x [*x]\n"),
           std::string("...\n"),
           // Explicit keys: yaml-cpp and libyaml disagree on some `?`.
           std::string("? complex\n: value\n"),
           // yaml-cpp ends a plain scalar at `?` in brackets, reads `&a:` as one anchor name,
           // and folds empty lines in a quoted scalar away.
           std::string("tags: [dev-rel? \"x\"]\n"),
           std::string("&a: [x]\n"),
           std::string("a: 'x\n\n\n  y'\n"),
           // ...and continues plain scalars onto the next line less often.
           std::string("plain: multi\n  line\n"),
           // ...and ends a sequence where libyaml takes the next line as its item.
           std::string("-\n>\n"),
           std::string("-\n !!str\n>\n"),
           // ...and indents a block scalar at the top by its own column, and one after
           // a tag or an anchor by the column of those.
           std::string(" &n |\n x\n"),
           std::string("key:\n\n   &n |\n over\n"),
           std::string("- !!str >\n x\n"),
           // yaml-cpp 0.7 drops kept line breaks at the end of the input.
           std::string("d: >+\n  keep\n\n"),
       }) {
    INFO("document: " << text);
    core::Document document("a.yaml", text);
    CHECK_FALSE(frontmatter::detail::parse_with_libyaml(document, {0, document.text().size()}));
  }
}

TEST_CASE("error messages and positions still come from yaml-cpp") {
  CHECK(problems("title: x\ntags: [a, b\nc: 1\n") ==
        std::vector<std::string>{"2:7 a '[' list is not closed with ']'"});
  CHECK(problems("title: \"x\nn: 1\n") ==
        std::vector<std::string>{"1:8 unterminated double-quoted string: add the closing \""});
  CHECK(problems("title: a: b\n") ==
        std::vector<std::string>{
            "1:9 unexpected ':' in a value; quote the value if it contains ': '"});
  CHECK(problems("a: &a\n  b: *a\n") ==
        std::vector<std::string>{"2:6 alias *a refers to the node that contains it (a cycle)"});
  CHECK(
      problems("title: x\n\tauthor: y\n") ==
      std::vector<std::string>{"2:1 tab character in indentation; YAML indents with spaces only"});
  CHECK(problems("title: 1\ntitle: 2\n") ==
        std::vector<std::string>{
            "2:1 duplicate key 'title' (first defined at line 1); the last one wins silently"});
}

TEST_CASE("a document only of `...` is a null root, as yaml-cpp reads it") {
  core::Document document("a.yaml", "...\n");
  frontmatter::Yaml yaml = frontmatter::parse_yaml(document, {0, document.text().size()});
  REQUIRE(yaml.root.has_value());
  CHECK(yaml.root->is_null());
  CHECK(yaml.problems.empty());
}

TEST_CASE("too deep nesting is reported by the yaml-cpp reader") {
  std::string text(70, '[');
  text += std::string(70, ']');
  core::Document document("a.yaml", text);
  CHECK_FALSE(frontmatter::detail::parse_with_libyaml(document, {0, document.text().size()}));
  CHECK(problems(text) ==
        std::vector<std::string>{"1:65 nested more than 64 levels deep; too complex to check"});
}
