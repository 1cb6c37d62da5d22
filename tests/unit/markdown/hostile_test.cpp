// Pathological inputs: each must finish without overflowing the stack or going
// quadratic. Times are not asserted (the machine is shared); a quadratic scan of these
// sizes would still take minutes, which the test runner's timeout catches.
#include <catch2/catch.hpp>

#include <string>

#include "core/document.hpp"
#include "markdown/facts.hpp"
#include "markdown_test_support.hpp"

using contentlint::core::Document;
using contentlint::markdown::Body;
using contentlint::markdown::Link;
using contentlint::markdown::testing::extract_all;
using contentlint::markdown::testing::where;

namespace {

std::string repeat(std::string_view piece, std::size_t count) {
  std::string out;
  out.reserve(piece.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("25,000 nested block quotes do not overflow the walk") {
  Document doc("a.md", repeat(">", 25000) + " deep [a](b)\n" + repeat("> ", 25000) + "x\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 1);
  CHECK(where(doc, body.links[0].span) == "1:25007-1:25013");
}

TEST_CASE("10,000 nested list items do not overflow the walk") {
  Document doc("a.md", repeat("- ", 10000) + "[a](b)\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 1);
  CHECK(where(doc, body.links[0].span) == "1:20001-1:20007");
}

TEST_CASE("100,000 links on one line are extracted in one pass") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "[l](u" + std::to_string(i) + ") ";
  text += "\n";
  Document doc("a.md", text);
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 100000);
  CHECK(body.links[99999].destination == "u99999");
  CHECK(doc.slice(body.links[99999].span) == "[l](u99999)");
}

TEST_CASE("100,000 reference links and bare URLs over many lines") {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "[r] https://x.org/" + std::to_string(i) + "\n";
  text += "\n[r]: /r\n";
  Document doc("a.md", text);
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 100000);
  CHECK(body.links[1].form == Link::Form::bare_url);
  CHECK(body.links[1].destination == "https://x.org/0");
  CHECK(body.links[99998].definition == 0u);
}

TEST_CASE("deeply nested images and brackets finish") {
  std::string images = repeat("![", 5000) + "alt" + repeat("](i)", 5000) + "\n\n";
  std::string brackets = repeat("[", 50000) + "x" + repeat("]", 50000) + "\n\n";
  std::string references = repeat("[a]", 30000) + repeat("][b", 30000) + "\n\n";
  std::string backticks = repeat("`a ", 30000) + "\n\n";
  std::string emphasis = repeat("*a **b ", 30000) + "\n";
  Document doc("a.md", images + brackets + references + backticks + emphasis);
  Body body = extract_all(doc);
  CHECK(body.links.size() == 5000);
  CHECK(where(doc, body.links[0].span) == "1:1-1:30004");
}

TEST_CASE("unterminated constructs and NUL bytes do not derail the scan") {
  std::string text(std::string_view("nul\0byte [c](d) ```\n\n", 21));
  text += "[a](<b\n\n";
  text += repeat("<a href=\"", 2000) + "\n\n";
  text += "[e](f \"unclosed title\n\nlast [g](h)\n\n<!-- never closed\n[x](y)\n";
  Document doc("a.md", text);
  Body body = extract_all(doc);
  std::vector<std::string> found;
  for (const Link& link : body.links)
    found.push_back(link.destination + "@" + where(doc, link.span));
  CHECK(found == std::vector<std::string>{"d@1:10-1:16", "h@9:6-9:12"});
  CHECK(body.comments.empty());  // never closed: an HTML block to the end, no comment
}

TEST_CASE("a bare URL followed by 100000 closing parentheses") {
  Document doc("a.md", "see https://x.org/" + repeat(")", 100000) + "\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 1);
  CHECK(body.links[0].destination == "https://x.org/");
}
