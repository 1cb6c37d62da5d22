#include <catch2/catch.hpp>

#include "core/document.hpp"
#include "markdown/facts.hpp"
#include "markdown_test_support.hpp"

using contentlint::core::Document;
using contentlint::markdown::Body;
using contentlint::markdown::CodeBlock;
using contentlint::markdown::Heading;
using contentlint::markdown::normalize_label;
using contentlint::markdown::TextRun;
using contentlint::markdown::testing::extract_all;
using contentlint::markdown::testing::where;

namespace {

// "level text #anchor span text_span" for each heading.
std::vector<std::string> describe_headings(const Document& doc, const Body& body) {
  std::vector<std::string> out;
  for (const Heading& heading : body.headings) {
    out.push_back(std::to_string(heading.level) + (heading.setext ? "s " : " ") + heading.text +
                  " #" + heading.anchor + " " + where(doc, heading.span) + " " +
                  where(doc, heading.text_span));
  }
  return out;
}

std::string scope_name(TextRun::Scope scope) {
  switch (scope) {
    case TextRun::Scope::text:
      return "text";
    case TextRun::Scope::heading:
      return "heading";
    case TextRun::Scope::link_text:
      return "link_text";
    case TextRun::Scope::alt_text:
      return "alt_text";
  }
  return "?";
}

}  // namespace

TEST_CASE("ATX headings: level, text, closing sequence, custom id, anchors") {
  Document doc("a.md",
               "# Title\n"
               "\n"
               "## Closing ##\n"
               "\n"
               "### Custom {#my-id}\n"
               "\n"
               "#\n"
               "\n"
               "#### Trailing \\#\n"
               "\n"
               "  ##   Indented   \n");
  Body body = extract_all(doc);
  CHECK(describe_headings(doc, body) == std::vector<std::string>{
                                            "1 Title #title 1:1-1:8 1:3-1:8",
                                            "2 Closing #closing 3:1-3:14 3:4-3:11",
                                            "3 Custom #custom 5:1-5:20 5:5-5:11",
                                            "1  # 7:1-7:2 7:2-7:2",
                                            "4 Trailing # #trailing- 9:1-9:17 9:6-9:17",
                                            "2 Indented #indented 11:3-11:19 11:8-11:16",
                                        });
  REQUIRE(body.headings.size() == 6);
  CHECK(body.headings[2].custom_id == "my-id");
  CHECK_FALSE(body.headings[0].custom_id.has_value());
}

TEST_CASE("heading text keeps code and link text, drops markers, images and HTML") {
  Document doc("a.md", "## `code` and *em* [link](x) ![alt](i.png) <b>html</b>\n");
  Body body = extract_all(doc);
  REQUIRE(body.headings.size() == 1);
  CHECK(body.headings[0].text == "code and em link  html");
  CHECK(body.headings[0].anchor == "code-and-em-link--html");
  CHECK(where(doc, body.headings[0].text_span) == "1:4-1:55");
}

TEST_CASE("setext headings end at their underline") {
  // cmark reports the line after the underline as the heading's end.
  Document doc("a.md",
               "Intro\n"
               "=====\n"
               "next paragraph\n"
               "\n"
               "> Setext in\n"
               "> a quote\n"
               "> ---\n"
               "> more\n");
  Body body = extract_all(doc);
  CHECK(describe_headings(doc, body) ==
        std::vector<std::string>{
            "1s Intro #intro 1:1-2:6 1:1-1:6",
            "2s Setext in a quote #setext-ina-quote 5:3-7:6 5:3-6:10",
        });
}

TEST_CASE("duplicate headings get -1, -2 anchors in document order") {
  Document doc("a.md", "# Intro\n\n## Intro\n\nIntro\n---\n\n### What is DevRel?\n");
  Body body = extract_all(doc);
  REQUIRE(body.headings.size() == 4);
  CHECK(body.headings[0].anchor == "intro");
  CHECK(body.headings[1].anchor == "intro-1");
  CHECK(body.headings[2].anchor == "intro-2");
  CHECK(body.headings[3].anchor == "what-is-devrel");
}

TEST_CASE("heading text runs stop before a custom id") {
  Document doc("a.md", "## Hello *World* {#hi}\n");
  Body body = extract_all(doc);
  std::vector<std::string> runs;
  for (const TextRun& run : body.text) {
    runs.push_back(scope_name(run.scope) + " " + std::string(doc.slice(run.span)));
  }
  CHECK(runs == std::vector<std::string>{"heading Hello ", "heading World"});
}

TEST_CASE("code blocks: fenced with info, tildes, indented") {
  Document doc("a.md",
               "```js title=\"x\"\n"
               "let a = 1;\n"
               "```\n"
               "\n"
               "~~~~\n"
               "~~~\n"
               "~~~~~\n"
               "\n"
               "    indented\n"
               "    more\n"
               "\n"
               "\n"
               "after\n"
               "\n"
               "    ```\n"
               "    not a fence\n");
  Body body = extract_all(doc);
  REQUIRE(body.code_blocks.size() == 4);
  const CodeBlock& js = body.code_blocks[0];
  CHECK(js.fenced);
  CHECK(js.info == "js title=\"x\"");
  CHECK(where(doc, js.span) == "1:1-3:4");
  CHECK(body.code_blocks[1].fenced);
  CHECK(body.code_blocks[1].info.empty());
  CHECK(where(doc, body.code_blocks[1].span) == "5:1-7:6");
  CHECK_FALSE(body.code_blocks[2].fenced);
  CHECK(where(doc, body.code_blocks[2].span) == "9:5-10:9");  // not the blank lines after
  CHECK_FALSE(body.code_blocks[3].fenced);
  CHECK(where(doc, body.code_blocks[3].span) == "15:5-16:16");
}

TEST_CASE("regression: an unclosed fence ended by its container") {
  // cmark reports the line that closed the container as the block's end.
  Document doc("a.md", "> ```\n> code\n\nafter [a](b)\n");
  Body body = extract_all(doc);
  REQUIRE(body.code_blocks.size() == 1);
  CHECK(where(doc, body.code_blocks[0].span) == "1:3-2:7");
  REQUIRE(body.links.size() == 1);
}

TEST_CASE("nothing inside code is a link, heading, definition or reference") {
  Document doc("a.md",
               "```\n"
               "[a](b) [c][d]\n"
               "[d]: /x\n"
               "# no\n"
               "```\n"
               "\n"
               "    [e]: /y\n");
  Body body = extract_all(doc);
  CHECK(body.links.empty());
  CHECK(body.headings.empty());
  CHECK(body.definitions.empty());
  CHECK(body.undefined_references.empty());
  CHECK(body.text.empty());
}

TEST_CASE("definitions: at line starts, in quotes and lists, over lines") {
  Document doc("a.md",
               "[plain]: /plain\n"
               "   [Indented  Label]: <with space> \"T\"\n"
               "\n"
               "> [quoted]: /q\n"
               "\n"
               "- [listed]: /l\n"
               "\n"
               "[multi]:\n"
               "  /m\n"
               "  'title'\n"
               "\n"
               "[amp]: /a?b&amp;c\\_d\n"
               "text\n"
               "[not]: /a definition on a continuation line\n");
  Body body = extract_all(doc);
  std::vector<std::string> found;
  for (const auto& definition : body.definitions) {
    found.push_back(definition.label + " " + definition.destination + " " +
                    where(doc, definition.span) + " " + where(doc, definition.destination_span));
  }
  CHECK(found == std::vector<std::string>{
                     "plain /plain 1:1-1:16 1:10-1:16",
                     "indented label with space 2:4-2:39 2:24-2:34",
                     "quoted /q 4:3-4:15 4:13-4:15",
                     "listed /l 6:3-6:15 6:13-6:15",
                     "multi /m 8:1-10:10 9:3-9:5",
                     "amp /a?b&c_d 12:1-12:21 12:8-12:21",
                 });
}

TEST_CASE("undefined references: full and collapsed forms only") {
  Document doc("a.md",
               "[text][nope] and [Missing][] and ![img][gone]\n"
               "- [ ] task, [x] done, [shortcut] alone\n"
               "`[code][span]` \\[esc\\][aped] [ok][Def] [a [nested] b][nope2]\n"
               "\n"
               "[def]: /d\n");
  Body body = extract_all(doc);
  std::vector<std::string> found;
  for (const auto& reference : body.undefined_references) {
    found.push_back(reference.label + " " + where(doc, reference.span) + " " +
                    where(doc, reference.label_span));
  }
  CHECK(found == std::vector<std::string>{
                     "nope 1:1-1:13 1:8-1:12",
                     "Missing 1:18-1:29 1:19-1:26",
                     "gone 1:34-1:46 1:41-1:45",
                     "nope2 3:40-3:61 3:55-3:60",
                 });
  REQUIRE(body.links.size() == 1);
  CHECK(body.links[0].label == "Def");
}

TEST_CASE("HTML anchors: id on any tag, name on <a>, both quotes") {
  Document doc("a.md",
               "<div id=\"top\" class=x>\n"
               "<a name='legacy'></a>\n"
               "</div>\n"
               "\n"
               "Inline <span id=section-2>x</span> <input name=\"field\">\n");
  Body body = extract_all(doc);
  std::vector<std::string> found;
  for (const auto& anchor : body.html_anchors) {
    found.push_back(anchor.id + " " + where(doc, anchor.span));
  }
  CHECK(found ==
        std::vector<std::string>{"top 1:10-1:13", "legacy 2:10-2:16", "section-2 5:17-5:26"});
}

TEST_CASE("comments in HTML blocks and inline HTML, trimmed") {
  Document doc("a.md",
               "<!-- contentlint-disable image/alt-text -->\n"
               "\n"
               "Text <!-- inline --> more <!--\n"
               "multi-line -->\n"
               "\n"
               "> <!-- quoted\n"
               ">   comment -->\n"
               "\n"
               "`<!-- code -->`\n");
  Body body = extract_all(doc);
  std::vector<std::string> found;
  for (const auto& comment : body.comments) {
    found.push_back(comment.text + "|" + where(doc, comment.span));
  }
  CHECK(found == std::vector<std::string>{
                     "contentlint-disable image/alt-text|1:1-1:44",
                     "inline|3:6-3:21",
                     "multi-line|3:27-4:15",
                     "quoted\n  comment|6:3-7:16",
                 });
}

TEST_CASE("text runs: prose, headings, link text and alt text") {
  Document doc("a.md",
               "# Head *line*\n"
               "\n"
               "Some `code` and [link *text*](u) with ![alt text](i.png).\n"
               "Next line\\\n"
               "  &amp; more\n");
  Body body = extract_all(doc);
  std::vector<std::string> runs;
  for (const TextRun& run : body.text) {
    runs.push_back(scope_name(run.scope) + " " + where(doc, run.span) + " " +
                   std::string(doc.slice(run.span)));
  }
  CHECK(runs == std::vector<std::string>{
                    "heading 1:3-1:8 Head ",
                    "heading 1:9-1:13 line",
                    "text 3:1-3:6 Some ",
                    "text 3:12-3:17  and ",
                    "link_text 3:18-3:23 link ",
                    "link_text 3:24-3:28 text",
                    "text 3:33-3:39  with ",
                    "alt_text 3:41-3:49 alt text",
                    "text 3:57-3:58 .",
                    "text 4:1-4:10 Next line",
                    "text 5:3-5:13 &amp; more",
                });
}

TEST_CASE("normalize_label folds case and collapses whitespace like CommonMark") {
  CHECK(normalize_label("  Foo \t Bar\n baz ") == "foo bar baz");
  CHECK(normalize_label("STRASSE") == "strasse");
  CHECK(normalize_label("Straße") == "strasse");
  CHECK(normalize_label("ΑΓΩ") == "αγω");
  CHECK(normalize_label("") == "");
}

TEST_CASE("an empty body and a body of blank lines yield nothing") {
  Document empty("a.md", "");
  Body body = extract_all(empty);
  CHECK(body.links.empty());
  CHECK(body.text.empty());
  Document blank("a.md", "\n\n   \n");
  CHECK(extract_all(blank).headings.empty());
}
