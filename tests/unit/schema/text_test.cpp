// Suggestions, quoting and JSON equality.
#include <catch2/catch.hpp>

#include "schema/text.hpp"

using namespace contentlint::schema;
using contentlint::core::Node;
using contentlint::core::NodeKind;
using contentlint::core::ScalarStyle;

namespace {
Node scalar(std::string text, ScalarStyle style = ScalarStyle::plain) {
  Node node;
  node.kind = NodeKind::scalar;
  node.style = style;
  node.text = std::move(text);
  return node;
}
Node mapping(std::vector<std::pair<std::string, Node>> entries) {
  Node node;
  node.kind = NodeKind::mapping;
  for (auto& [key, value] : entries) node.entries.push_back({scalar(key), std::move(value)});
  return node;
}
}  // namespace

TEST_CASE("text: edit distance counts a swap as one edit, capped at 3") {
  CHECK(edit_distance("required", "requried") == 1);
  CHECK(edit_distance("title", "titel") == 1);
  CHECK(edit_distance("url", "uri") == 1);
  CHECK(edit_distance("date", "name") == 2);
  CHECK(edit_distance("abc", "xyzabc") == 3);
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance(std::string(100, 'a'), std::string(100, 'a')) == 0);
  CHECK(edit_distance(std::string(100, 'a'), std::string(99, 'a') + "b") == 3);
}

TEST_CASE("text: what counts as a misspelling") {
  CHECK(is_near("pubdate", "pubDate"));
  CHECK(is_near("titel", "title"));
  CHECK(is_near("tag", "tags"));
  CHECK(is_near("str", "string"));
  CHECK_FALSE(is_near("date", "name"));
  CHECK_FALSE(is_near("id", "ix"));
  CHECK_FALSE(is_near("title", "title"));
  CHECK_FALSE(is_near("st", "string"));
  Nearest nearest("Titles");
  CHECK(nearest.consider("title"));
  CHECK(nearest.consider("titles"));  // a case-only difference beats any edit
  CHECK_FALSE(nearest.consider("Titlex"));
  CHECK(nearest.best() == "titles");
}

TEST_CASE("text: quote escapes control characters and cuts long text") {
  CHECK(quote("a\tb\nc\x01") == "'a\\tb\\nc\\x01'");
  CHECK(quote("héllo") == "'héllo'");
  CHECK(quote(std::string(60, 'x')) == "'" + std::string(50, 'x') + "...'");
}

TEST_CASE("text: render_value and render_allowed") {
  CHECK(render_value(scalar("a")) == "'a'");
  CHECK(render_value(scalar("3")) == "3");
  CHECK(render_value(scalar("3", ScalarStyle::quoted)) == "'3'");
  CHECK(render_value(scalar("true")) == "true");
  CHECK(render_value(Node{}) == "nothing (null)");
  CHECK(render_allowed(scalar("~")) == "null");
  CHECK(render_value(mapping({})) == "a mapping");
  CHECK(count_of(1, "item") == "1 item");
  CHECK(count_of(0, "item") == "0 items");
}

TEST_CASE("text: JSON equality and scalar keys") {
  CHECK(json_equal(scalar("1"), scalar("1.0")));
  CHECK(json_equal(scalar("0x10"), scalar("16")));
  CHECK_FALSE(json_equal(scalar("1"), scalar("1", ScalarStyle::quoted)));
  CHECK(json_equal(scalar("~"), Node{}));
  CHECK(json_equal(mapping({{"a", scalar("1")}, {"b", scalar("x")}}),
                   mapping({{"b", scalar("x")}, {"a", scalar("1")}})));
  CHECK_FALSE(
      json_equal(mapping({{"a", scalar("1")}}), mapping({{"a", scalar("1")}, {"b", scalar("1")}})));
  CHECK(scalar_key(scalar("3")) == scalar_key(scalar("3.0")));
  CHECK(scalar_key(scalar("3")) != scalar_key(scalar("3", ScalarStyle::quoted)));
  CHECK(scalar_key(scalar("true")) != scalar_key(scalar("true", ScalarStyle::quoted)));
  CHECK_FALSE(scalar_key(mapping({})).has_value());
}
