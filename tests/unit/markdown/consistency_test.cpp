// Random documents built from tricky pieces in every container: whatever cmark makes of
// them, the spans found by scanning must spell what cmark parsed.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "markdown/facts.hpp"
#include "markdown/source_scan.hpp"
#include "markdown_test_support.hpp"

using contentlint::core::Document;
using contentlint::markdown::Body;
using contentlint::markdown::Link;
using contentlint::markdown::testing::extract_all;

namespace {

const std::vector<std::string> kPieces = {"word",
                                          "é",
                                          "日本",
                                          "*em*",
                                          "**strong**",
                                          "_u_",
                                          "`code`",
                                          "`` a ` b ``",
                                          "\\[",
                                          "\\]",
                                          "&amp;",
                                          "&copy;",
                                          "&#35;",
                                          "&bogus;",
                                          "[a](b)",
                                          "[a](<b c>)",
                                          "[a](b \"t\")",
                                          "[a](b 't')",
                                          "[a](b (t))",
                                          "![i](x.png)",
                                          "[![i](x)](y)",
                                          "[r]",
                                          "[r][]",
                                          "[t][r]",
                                          "[T][R]",
                                          "[u][nope]",
                                          "[u][]",
                                          "<https://x.y/z>",
                                          "<me@x.io>",
                                          "https://e.com/p.",
                                          "<span id=\"a\">",
                                          "<!-- c -->",
                                          "<a href=\"h\">",
                                          "[x]",
                                          "[ ]",
                                          "[a\nb](c)",
                                          "[a](\nb)",
                                          "  \n",
                                          "\\\n",
                                          "\n",
                                          "*",
                                          "_",
                                          "[",
                                          "]",
                                          "!",
                                          "<",
                                          "(",
                                          ")",
                                          "\t",
                                          "   ",
                                          "[a](b\\)c)",
                                          "[*a*](b)",
                                          "**[a](b)**",
                                          "[a **b**](c)",
                                          "[r][ ]",
                                          "&NotEqualTilde;"};
const std::vector<std::string> kPrefixes = {"",     "> ", "- ", "1. ", "> > ",
                                            "- > ", "  ", ">",  ">\t"};

std::string random_document(std::mt19937& random) {
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  };
  auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(random) < p; };
  std::string text = "[r]: /ref \"T\"\n\n";
  int blocks = std::uniform_int_distribution<>(1, 12)(random);
  for (int block = 0; block < blocks; ++block) {
    std::string prefix = pick(kPrefixes);
    std::string paragraph;
    int pieces = std::uniform_int_distribution<>(1, 12)(random);
    for (int i = 0; i < pieces; ++i) paragraph += pick(kPieces) + (chance(0.6) ? " " : "");
    std::string continuation = chance(0.7) ? "\n" + prefix : "\n";
    for (std::size_t at = 0; (at = paragraph.find('\n', at)) != std::string::npos;) {
      paragraph.replace(at, 1, continuation);
      at += continuation.size();
    }
    if (chance(0.2)) paragraph = "# " + paragraph;
    if (chance(0.1)) paragraph += "\n" + prefix + "===";
    if (chance(0.1)) paragraph = "[d" + std::to_string(block) + "]: /d\n" + prefix + paragraph;
    text += prefix + paragraph + "\n" + (chance(0.5) ? prefix : "") + "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("scanned spans agree with cmark's parse on random documents") {
  std::mt19937 random(20240311);
  for (int round = 0; round < 300; ++round) {
    std::string text = random_document(random);
    for (std::string_view line_end : {"\n", "\r\n"}) {
      std::string variant;
      for (char c : text) variant += c == '\n' ? std::string(line_end) : std::string(1, c);
      Document doc("a.md", variant);
      Body body = extract_all(doc);
      INFO(variant);
      for (const Link& link : body.links) {
        std::string_view written = doc.slice(link.span);
        if (link.form == Link::Form::inline_ || link.form == Link::Form::reference) {
          CHECK(written.substr(0, link.image ? 2 : 1) == (link.image ? "![" : "["));
          CHECK(written.back() == (link.form == Link::Form::inline_ ? ')' : ']'));
        }
        if (link.form == Link::Form::inline_) {
          std::string_view destination = doc.slice(link.destination_span);
          CHECK(contentlint::markdown::detail::unescape(destination) == link.destination);
        }
        if (link.form == Link::Form::reference) {
          REQUIRE(link.definition.has_value());
          CHECK(body.definitions[*link.definition].destination == link.destination);
        }
        if (link.form == Link::Form::autolink) {
          CHECK(written.front() == '<');
          CHECK(written.back() == '>');
        }
      }
      for (const auto& reference : body.undefined_references) {
        CHECK(doc.slice(reference.span).back() == ']');
      }
      for (const auto& comment : body.comments) {
        CHECK(doc.slice(comment.span).substr(0, 4) == "<!--");
      }
      for (const auto& anchor : body.html_anchors) CHECK(doc.slice(anchor.span) == anchor.id);
    }
  }
}
