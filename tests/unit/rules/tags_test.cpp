// The tags helper of the tag rules: finding the field, normalizing tags, and the in-place
// YAML edits whose results must read back as YAML with exactly the expected tags.

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

#include "frontmatter/frontmatter.hpp"
#include "rules/tags.hpp"

using namespace contentlint;
using rules::tags::FieldState;

namespace {

// A Markdown file and its front matter, read as the engine reads them.
struct Parsed {
  std::unique_ptr<core::Document> document;
  frontmatter::FrontMatter front_matter;
  rules::tags::TagField field;
};

std::unique_ptr<Parsed> parse(std::string text, std::string_view field = "tags") {
  auto parsed = std::make_unique<Parsed>();
  parsed->document = std::make_unique<core::Document>("post.md", std::move(text));
  parsed->front_matter = frontmatter::read(*parsed->document);
  parsed->field = rules::tags::find_field(*parsed->document, parsed->front_matter, field);
  return parsed;
}

std::string front_matter(std::string_view yaml) { return "---\n" + std::string(yaml) + "---\n"; }

// The scalar tags of a file's tags field, after checking that its YAML reads cleanly.
std::vector<std::string> tags_of(const std::string& text) {
  auto parsed = parse(text);
  INFO(text);
  REQUIRE(parsed->front_matter.yaml.problems.empty());
  REQUIRE(parsed->field.state == FieldState::list);
  std::vector<std::string> result;
  for (const core::Node& item : parsed->field.items()) result.push_back(item.text);
  return result;
}

std::string apply(std::string text, std::vector<core::Edit> edits) {
  std::sort(edits.begin(), edits.end(),
            [](const core::Edit& a, const core::Edit& b) { return a.span.begin > b.span.begin; });
  for (const core::Edit& edit : edits) {
    text.replace(edit.span.begin, edit.span.size(), edit.replacement);
  }
  return text;
}

// The text after removing item `index`, checked to read back with the other tags.
std::string removed(const std::string& text, std::size_t index) {
  auto parsed = parse(text);
  INFO(text);
  REQUIRE(parsed->field.state == FieldState::list);
  auto edits = rules::tags::remove_item(*parsed->document, parsed->field, index);
  REQUIRE(edits.has_value());
  std::string result = apply(text, *edits);
  std::vector<std::string> expected = tags_of(text);
  expected.erase(expected.begin() + static_cast<std::ptrdiff_t>(index));
  INFO(result);
  CHECK(tags_of(result) == expected);
  return result;
}

bool removable(const std::string& text, std::size_t index) {
  auto parsed = parse(text);
  return rules::tags::remove_item(*parsed->document, parsed->field, index).has_value();
}

// The text after replacing item `index` with `replacement`, checked to read back.
std::string replaced(const std::string& text, std::size_t index, std::string_view replacement) {
  auto parsed = parse(text);
  INFO(text);
  auto edit =
      rules::tags::replace_item(*parsed->document, parsed->field.items()[index], replacement);
  REQUIRE(edit.has_value());
  std::string result = apply(text, {*edit});
  std::vector<std::string> expected = tags_of(text);
  expected[index] = std::string(replacement);
  INFO(result);
  CHECK(tags_of(result) == expected);
  auto reparsed = parse(result);
  CHECK(reparsed->field.items()[index].scalar_type() == core::ScalarType::string);
  return result;
}

}  // namespace

TEST_CASE("normalize writes a tag as lowercase kebab-case") {
  using rules::tags::normalize;
  CHECK(normalize("Cohort3") == "cohort3");
  CHECK(normalize("clan six") == "clan-six");
  CHECK(normalize("Dev_Rel") == "dev-rel");
  CHECK(normalize("DevRel") == "devrel");
  CHECK(normalize("  --Hello,  World!! ") == "hello-world");
  CHECK(normalize("c++ / rust") == "c-rust");
  CHECK(normalize("already-fine") == "already-fine");
  CHECK(normalize("Café Crème") == "cafe-creme");
  CHECK(normalize("Straße") == "strasse");
  CHECK(normalize("Łódź") == "lodz");
  CHECK(normalize("Œuvre Ĳssel") == "oeuvre-ijssel");
  CHECK(normalize("a×b") == "a-b");
  CHECK(normalize("open–source") == "open-source");  // an en dash
  CHECK(normalize("日本 語") == "日本-語");          // kept: no ASCII spelling
  CHECK(normalize("!!!") == "");
  CHECK(normalize("") == "");
}

TEST_CASE("fold_case lowercases ASCII letters only") {
  CHECK(rules::tags::fold_case("DevRel") == "devrel");
  CHECK(rules::tags::fold_case("ÉTÉ-2024") == "ÉtÉ-2024");
}

TEST_CASE("find_field reads block lists, flow sequences and nothing") {
  auto block = parse(front_matter("title: x\ntags:\n  - a\n  - 'b'\n"));
  CHECK(block->field.state == FieldState::list);
  CHECK_FALSE(block->field.flow);
  CHECK(block->field.key->text == "tags");
  CHECK(block->field.key->position == core::Position{3, 1});
  CHECK(tags_of(front_matter("tags:\n  - a\n  - 'b'\n")) == std::vector<std::string>{"a", "b"});

  auto flow = parse(front_matter("tags: [a, \"b\"]\n"));
  CHECK(flow->field.state == FieldState::list);
  CHECK(flow->field.flow);
  CHECK(flow->field.items().size() == 2);

  auto empty = parse(front_matter("tags:\ntitle: x\n"));
  CHECK(empty->field.state == FieldState::list);
  CHECK(empty->field.items().empty());
  CHECK(empty->field.key->position == core::Position{2, 1});

  CHECK(parse(front_matter("tags: devrel\n"))->field.state == FieldState::not_a_list);
  CHECK(parse(front_matter("tags: {a: 1}\n"))->field.state == FieldState::not_a_list);
  CHECK(parse(front_matter("title: x\n"))->field.state == FieldState::missing);
  CHECK(parse("---\n---\n")->field.state == FieldState::missing);
  CHECK(parse("# no front matter\n")->field.state == FieldState::unreadable);
  CHECK(parse("---\ntags: [a]\n")->field.state == FieldState::unreadable);  // unclosed
  CHECK(parse(front_matter("tags: [a\n"))->field.state == FieldState::unreadable);
  CHECK(parse(front_matter("- a\n"))->field.state == FieldState::unreadable);
}

TEST_CASE("find_field follows a dotted path and takes the last of repeated keys") {
  auto nested = parse(front_matter("taxonomy:\n  tags: [a, b]\n"), "taxonomy.tags");
  CHECK(nested->field.state == FieldState::list);
  CHECK(nested->field.items().size() == 2);
  CHECK(parse(front_matter("taxonomy: x\n"), "taxonomy.tags")->field.state == FieldState::missing);
  // A duplicate key is frontmatter/duplicate-key's to report; the tags are still read.
  auto twice = parse(front_matter("tags: [a]\ntags: [b, c]\n"));
  CHECK(twice->field.state == FieldState::list);
  CHECK(twice->field.items().size() == 2);
}

TEST_CASE("replace_item edits a tag in place and keeps its quotes") {
  CHECK(replaced(front_matter("tags: [Cohort3, b]\n"), 0, "cohort3") ==
        front_matter("tags: [cohort3, b]\n"));
  CHECK(replaced(front_matter("tags: ['clan six', b]\n"), 0, "clan-six") ==
        front_matter("tags: ['clan-six', b]\n"));
  CHECK(replaced(front_matter("tags:\n  - \"Dev_Rel\"  # team\n"), 0, "dev-rel") ==
        front_matter("tags:\n  - \"dev-rel\"  # team\n"));
  CHECK(replaced(front_matter("tags:\n  - !!str Dev_Rel\n"), 0, "dev-rel") ==
        front_matter("tags:\n  - !!str dev-rel\n"));
  // Escaped for the quote style it goes into.
  CHECK(replaced(front_matter("tags: [\"x\"]\n"), 0, "a\"b\\c") ==
        front_matter("tags: [\"a\\\"b\\\\c\"]\n"));
  CHECK(replaced(front_matter("tags: ['x']\n"), 0, "it's") == front_matter("tags: ['it''s']\n"));
}

TEST_CASE("replace_item quotes a plain replacement that would not read as the same string") {
  CHECK(replaced(front_matter("tags: [True]\n"), 0, "true") == front_matter("tags: ['true']\n"));
  CHECK(replaced(front_matter("tags:\n  - Tilde\n"), 0, "~") == front_matter("tags:\n  - '~'\n"));
  CHECK(replaced(front_matter("tags: [x]\n"), 0, "2024") == front_matter("tags: ['2024']\n"));
  CHECK(replaced(front_matter("tags: [x]\n"), 0, "a, b") == front_matter("tags: ['a, b']\n"));
  CHECK(replaced(front_matter("tags: [x]\n"), 0, "a: b") == front_matter("tags: ['a: b']\n"));
  CHECK(replaced(front_matter("tags: [x]\n"), 0, "#a") == front_matter("tags: ['#a']\n"));
  CHECK(replaced(front_matter("tags: [x]\n"), 0, "-a") == front_matter("tags: ['-a']\n"));
}

TEST_CASE("replace_item refuses what it cannot edit in place") {
  auto cannot = [](const std::string& text, std::size_t index) {
    auto parsed = parse(text);
    INFO(text);
    REQUIRE(parsed->front_matter.yaml.problems.empty());
    return !rules::tags::replace_item(*parsed->document, parsed->field.items()[index], "x")
                .has_value();
  };
  CHECK(cannot(front_matter("a: &t Tag\ntags: [*t]\n"), 0));            // an alias
  CHECK(cannot(front_matter("tags:\n  - |\n    Tag\n"), 0));            // a block scalar
  CHECK(cannot(front_matter("tags:\n  - Clan\n    Six\n  - b\n"), 0));  // folded
  CHECK(cannot(front_matter("tags: [[a]]\n"), 0));                      // not a scalar
  CHECK(cannot(front_matter("tags: [a, ~]\n"), 1));                     // a null
  auto parsed = parse(front_matter("tags: [x]\n"));
  CHECK_FALSE(rules::tags::replace_item(*parsed->document, parsed->field.items()[0], "a\nb"));
}

TEST_CASE("remove_item in a one-line flow sequence takes the comma before the item") {
  CHECK(removed(front_matter("tags: [a, b, a]\n"), 2) == front_matter("tags: [a, b]\n"));
  CHECK(removed(front_matter("tags: [a, a, b]\n"), 1) == front_matter("tags: [a, b]\n"));
  CHECK(removed(front_matter("tags: ['a', \"b\", 'A']\n"), 2) ==
        front_matter("tags: ['a', \"b\"]\n"));
  CHECK(removed(front_matter("tags: [a,b,a]\n"), 2) == front_matter("tags: [a,b]\n"));
  CHECK(removed(front_matter("tags: [a, b,]\n"), 1) == front_matter("tags: [a,]\n"));
  CHECK(removed(front_matter("tags: [a, !!str b]\n"), 1) == front_matter("tags: [a]\n"));
  CHECK(removed(front_matter("tags: [a, b]  # two\n"), 1) == front_matter("tags: [a]  # two\n"));
}

TEST_CASE("remove_item of the first or only item of a flow sequence") {
  CHECK(removed(front_matter("tags: [a, b]\n"), 0) == front_matter("tags: [b]\n"));
  CHECK(removed(front_matter("tags: [a, !!str b]\n"), 0) == front_matter("tags: [!!str b]\n"));
  CHECK(removed(front_matter("tags: [a]\n"), 0) == front_matter("tags: []\n"));
  CHECK(removed(front_matter("tags: [ 'a' ]\n"), 0) == front_matter("tags: [  ]\n"));
  CHECK(removed(front_matter("tags: [a,]\n"), 0) == front_matter("tags: []\n"));
}

TEST_CASE("remove_item in a flow sequence over several lines") {
  std::string lines = front_matter("tags: [\n  a,\n  b,\n  a\n]\n");
  CHECK(removed(lines, 2) == front_matter("tags: [\n  a,\n  b\n]\n"));
  CHECK(removed(lines, 1) == front_matter("tags: [\n  a,\n  a\n]\n"));
  CHECK(removed(lines, 0) == front_matter("tags: [\n  b,\n  a\n]\n"));

  std::string trailing = front_matter("tags: [\n  a,\n  b,\n]\n");
  CHECK(removed(trailing, 1) == front_matter("tags: [\n  a,\n]\n"));

  std::string commented = front_matter("tags: [\n  a, # first\n  b, # second\n  c  # third\n]\n");
  CHECK(removed(commented, 2) == front_matter("tags: [\n  a, # first\n  b # second\n]\n"));
  CHECK(removed(commented, 1) == front_matter("tags: [\n  a, # first\n  c  # third\n]\n"));
  CHECK(removed(commented, 0) == front_matter("tags: [\n  b, # second\n  c  # third\n]\n"));

  std::string pairs = front_matter("tags: [a, b,\n  c, d]\n");
  CHECK(removed(pairs, 2) == front_matter("tags: [a, b,\n  d]\n"));
  CHECK(removed(pairs, 3) == front_matter("tags: [a, b,\n  c]\n"));
  CHECK(removed(pairs, 1) == front_matter("tags: [a,\n  c, d]\n"));

  CHECK(removed(front_matter("tags: [a,  # c\n  b]\n"), 1) == front_matter("tags: [a  # c\n  ]\n"));
  CHECK(removed(front_matter("tags: [\n  a,\n  b]\n"), 1) == front_matter("tags: [\n  a\n  ]\n"));
  CHECK(removed(front_matter("tags: [\n  'a',\n  'b'\n  ]\n"), 1) ==
        front_matter("tags: [\n  'a'\n  ]\n"));
}

TEST_CASE("remove_item in a block list takes the item's whole line") {
  std::string list = front_matter("tags:\n  - a\n  - b\n  - a\ntitle: x\n");
  CHECK(removed(list, 2) == front_matter("tags:\n  - a\n  - b\ntitle: x\n"));
  CHECK(removed(list, 1) == front_matter("tags:\n  - a\n  - a\ntitle: x\n"));
  CHECK(removed(list, 0) == front_matter("tags:\n  - b\n  - a\ntitle: x\n"));

  std::string commented =
      front_matter("tags:\n  - a   # main\n  # a note\n  - 'b'\n  - \"A\"  # again\n");
  CHECK(removed(commented, 2) == front_matter("tags:\n  - a   # main\n  # a note\n  - 'b'\n"));
  CHECK(removed(commented, 1) ==
        front_matter("tags:\n  - a   # main\n  # a note\n  - \"A\"  # again\n"));

  CHECK(removed(front_matter("tags:\n- a\n- b\n"), 1) == front_matter("tags:\n- a\n"));
  CHECK(removed(front_matter("tags:\n  - a\n  - !!str b\n"), 1) == front_matter("tags:\n  - a\n"));
  CHECK(removed(front_matter("tags:\n  - a\n  - 'b\n    c'\n  - d\n"), 1) ==
        front_matter("tags:\n  - a\n  - d\n"));
  // The only item: the field is left with nothing, which reads as null.
  auto only = front_matter("tags:\n  - a\ntitle: x\n");
  auto parsed = parse(only);
  auto edits = rules::tags::remove_item(*parsed->document, parsed->field, 0);
  REQUIRE(edits);
  CHECK(apply(only, *edits) == front_matter("tags:\ntitle: x\n"));
}

TEST_CASE("remove_item keeps CRLF line breaks") {
  std::string crlf = "---\r\ntags:\r\n  - a\r\n  - a\r\n---\r\n";
  CHECK(removed(crlf, 1) == "---\r\ntags:\r\n  - a\r\n---\r\n");
  std::string flow = "---\r\ntags: [\r\n  a,\r\n  a\r\n]\r\n---\r\n";
  CHECK(removed(flow, 1) == "---\r\ntags: [\r\n  a\r\n]\r\n---\r\n");
}

TEST_CASE("remove_item refuses layouts it cannot edit safely") {
  // An anchored item may be named by an alias elsewhere.
  CHECK_FALSE(removable(front_matter("tags: [a, &x b]\nmore: *x\n"), 1));
  CHECK_FALSE(removable(front_matter("tags:\n  - a\n  - &x b\nmore: *x\n"), 1));
  // An alias itself can go.
  CHECK(removed(front_matter("x: &x b\ntags: [a, *x]\n"), 1) ==
        front_matter("x: &x b\ntags: [a]\n"));
  // Block scalars and folded plain scalars: their spans do not cover them.
  CHECK_FALSE(removable(front_matter("tags:\n  - a\n  - |\n    b\n"), 1));
  CHECK_FALSE(removable(front_matter("tags:\n  - a\n  - b\n    c\n"), 1));
  CHECK_FALSE(removable(front_matter("tags: [a, b\n  c]\n"), 1));
  // A comma that stands alone on the next line.
  CHECK_FALSE(removable(front_matter("tags: [\n  a\n  , b\n]\n"), 0));
  CHECK_FALSE(removable(front_matter("tags: [a, b]\n"), 2));  // no such item
}

TEST_CASE("every item of every layout is removable to valid YAML") {
  // The invariant the fixes rely on, over layouts people write.
  const std::vector<std::string> layouts = {
      front_matter("tags: [a, b, c, d]\n"),
      front_matter("tags: ['a', \"b\", c, 'd']\n"),
      front_matter("tags: [a,b,c,d,]\n"),
      front_matter("tags: [\n  a,\n  b,\n  c,\n  d\n]\n"),
      front_matter("tags: [\n  a, # 1\n  b, # 2\n  c, # 3\n  d, # 4\n]\n"),
      front_matter("tags: [a, b,\n       c, d]\n"),
      front_matter("tags:\n  - a\n  - b  # two\n  # between\n  - c\n  - d\n"),
      front_matter("tags:\n- 'a'\n- \"b\"\n- c\n- d\nnext: 1\n"),
      "---\r\ntags: [\r\n  a,\r\n  b,\r\n  c,\r\n  d\r\n]\r\n---\r\n",
  };
  for (const std::string& layout : layouts) {
    for (std::size_t index = 0; index < 4; ++index) {
      INFO(layout << "item " << index);
      removed(layout, index);
    }
  }
}
