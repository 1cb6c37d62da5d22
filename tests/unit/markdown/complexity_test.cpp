// The pre-scan that keeps cmark 0.30.2's quadratic inputs away from it: each hazard with
// small budgets, its exact message and position, and the inputs it must let through.
#include <catch2/catch.hpp>

#include <string>

#include "core/document.hpp"
#include "markdown/complexity.hpp"
#include "markdown/facts.hpp"

using contentlint::core::Document;
using contentlint::markdown::ComplexityLimits;
using contentlint::markdown::find_too_complex;
using contentlint::markdown::TooComplex;

namespace {

std::string repeat(std::string_view piece, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += piece;
  return out;
}

std::optional<TooComplex> scan(const std::string& text, const ComplexityLimits& limits) {
  return find_too_complex(text, {0, text.size()}, limits);
}

// Budgets of 1,000 steps: the hazards show at sizes a test can afford.
ComplexityLimits small() {
  return {.container_steps = 1000, .inline_steps = 1000, .bracket_steps = 1000};
}

const char* const kNotChecked = "; too complex to check (the Markdown body was not checked)";

}  // namespace

TEST_CASE("blank lines after deeply nested lists count every open item") {
  std::string text = "Intro.\n\n" + repeat("- ", 40) + "x\n" + repeat("\n", 30);
  auto found = scan(text, small());
  REQUIRE(found);
  CHECK(found->message ==
        "lists and block quotes nested 40 levels deep continue over too many "
        "blank lines" +
            std::string(kNotChecked));
  CHECK(found->span.begin == 8);  // the line that opened them
  // 40 items x 24 blank lines is under 1,000 steps.
  CHECK_FALSE(scan("Intro.\n\n" + repeat("- ", 40) + "x\n" + repeat("\n", 24), small()));
}

TEST_CASE("the bytes that bound the scan are counted all through a long body") {
  // The nesting of the test above, after more text than one count of the fast path holds
  // (4,095 bytes): were the counts to stop there, the scan would be skipped.
  std::string text =
      "Intro.\n\n" + repeat("words ", 2000) + "\n\n" + repeat("- ", 40) + "x\n" + repeat("\n", 30);
  auto found = scan(text, small());
  REQUIRE(found);
  CHECK(found->span.begin == 8 + 12002);
}

TEST_CASE("a block quote's '>' lines are blank lines for the lists inside it") {
  auto found = scan("> " + repeat("- ", 40) + "x\n" + repeat(">\n", 30), small());
  REQUIRE(found);
  CHECK(found->message.starts_with("lists and block quotes nested 41 levels deep"));
}

TEST_CASE("inline elements nested deep cost their depth each") {
  auto found = scan(repeat(">", 100) + repeat("a*", 100) + "\n", small());
  REQUIRE(found);
  CHECK(found->message ==
        "text nested 100 levels deep in lists and block quotes has too many "
        "inline elements" +
            std::string(kNotChecked));
  CHECK(found->span.begin == 0);
}

TEST_CASE("unclosed image openers before links (CVE-2023-22486)") {
  std::string text = "# Title\n\n" + repeat("![[]()", 100) + "\n";
  auto found = scan(text, small());
  REQUIRE(found);
  CHECK(found->message ==
        "45 unclosed '![' before links in one paragraph" + std::string(kNotChecked));
  CHECK(text.substr(found->span.begin, 2) == "![");
  CHECK(found->span.begin == 9);
  // A blank line ends the paragraph and its unclosed brackets: the links after it walk
  // over nothing.
  CHECK_FALSE(scan(repeat("![[]()", 40) + "\n\n" + repeat("[a](b) ", 5000) + "\n", small()));
  CHECK(scan(repeat("![[]()", 40) + "\n" + repeat("[a](b) ", 5000) + "\n", small()));
}

TEST_CASE("closed images and links, however many, cost nothing") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "![a](b.png) [c](d) ";
  text += "\n";
  CHECK_FALSE(scan(text, small()));
}

TEST_CASE("the default budgets let real-looking articles through") {
  std::string article = "---\ntitle: x\n---\n\n# Title\n\n";
  for (int i = 0; i < 2000; ++i) {
    article +=
        "Paragraph with *emphasis*, `code`, [a link](https://x.org) and ![an image](i.png).\n\n";
    article += "- item\n  - nested **item**\n    > a quote in a list with [a](b)\n\n";
  }
  article += repeat("\n", 10000);
  CHECK_FALSE(find_too_complex(article, {0, article.size()}));
  // cmark's own pathological tests that it is linear on.
  for (const std::string& text :
       {repeat("[", 50000) + "a" + repeat("]", 50000), repeat("> ", 50000) + "a",
        repeat("*a_ ", 50000), repeat("[a](<b", 30000), repeat("_a ", 65000)}) {
    CHECK_FALSE(find_too_complex(text, {0, text.size()}));
  }
  std::string lists;
  for (int x = 0; x < 1000; ++x) lists += std::string(2 * x, ' ') + "* a\n";
  CHECK_FALSE(find_too_complex(lists, {0, lists.size()}));
}

TEST_CASE("a refused body has no facts, only the reason") {
  Document doc("a.md", "[a](b)\n\n" + repeat("- ", 30000) + "x\n" + repeat("\n", 30000));
  auto body = contentlint::markdown::extract(doc, {0, doc.text().size()});
  REQUIRE(body.too_complex);
  CHECK(body.links.empty());
  CHECK(doc.position(body.too_complex->span.begin).line == 3);
}
