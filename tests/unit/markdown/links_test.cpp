#include <catch2/catch.hpp>

#include "core/document.hpp"
#include "markdown/facts.hpp"
#include "markdown_test_support.hpp"

using contentlint::core::Document;
using contentlint::markdown::Body;
using contentlint::markdown::extract;
using contentlint::markdown::Link;
using contentlint::markdown::testing::extract_all;
using contentlint::markdown::testing::where;

TEST_CASE("an inline link: span, text, destination and title") {
  Document doc("a.md", "Text [link](https://x.org \"Title\") end\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 1);
  const Link& link = body.links[0];
  CHECK(link.form == Link::Form::inline_);
  CHECK_FALSE(link.image);
  CHECK(where(doc, link.span) == "1:6-1:35");
  CHECK(where(doc, link.text_span) == "1:7-1:11");
  CHECK(where(doc, link.destination_span) == "1:13-1:26");
  CHECK(link.destination == "https://x.org");
  CHECK(link.text == "link");
  CHECK(link.title == "Title");
  CHECK(link.label.empty());
  CHECK_FALSE(link.definition.has_value());
}

TEST_CASE("an image starts at its '!' and its text is the alt text") {
  Document doc("a.md", "![An *emphasized* `alt`](img/a.png 'T') and ![](b.png)\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 2);
  CHECK(body.links[0].image);
  CHECK(where(doc, body.links[0].span) == "1:1-1:40");
  CHECK(where(doc, body.links[0].text_span) == "1:3-1:24");
  CHECK(body.links[0].text == "An emphasized alt");
  CHECK(body.links[0].destination == "img/a.png");
  CHECK(where(doc, body.links[0].destination_span) == "1:26-1:35");
  CHECK(body.links[0].title == "T");
  CHECK(where(doc, body.links[1].span) == "1:45-1:55");
  CHECK(where(doc, body.links[1].text_span) == "1:47-1:47");
  CHECK(body.links[1].text.empty());
}

TEST_CASE("an empty destination is an empty span right after '('") {
  Document doc("a.md", "[a]() ![b]( ) [c](<>)\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 3);
  for (const Link& link : body.links) CHECK(link.destination.empty());
  CHECK(where(doc, body.links[0].span) == "1:1-1:6");
  CHECK(where(doc, body.links[0].destination_span) == "1:5-1:5");
  CHECK(where(doc, body.links[1].span) == "1:7-1:14");
  CHECK(where(doc, body.links[1].destination_span) == "1:12-1:12");
  CHECK(where(doc, body.links[2].destination_span) == "1:20-1:20");
}

TEST_CASE("destinations are unescaped and decoded but not percent-decoded") {
  Document doc("a.md", "[a\\]b](c\\)d) [x](<a b> \"t\") [y](p%20q?r=1&amp;s=2) [z](f(g)h)\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 4);
  CHECK(body.links[0].text == "a]b");
  CHECK(body.links[0].destination == "c)d");
  CHECK(doc.slice(body.links[0].destination_span) == "c\\)d");
  CHECK(body.links[1].destination == "a b");
  CHECK(doc.slice(body.links[1].destination_span) == "a b");
  CHECK(body.links[2].destination == "p%20q?r=1&s=2");
  CHECK(doc.slice(body.links[2].destination_span) == "p%20q?r=1&amp;s=2");
  CHECK(body.links[3].destination == "f(g)h");
  CHECK(where(doc, body.links[3].span) == "1:52-1:62");
}

TEST_CASE("an image inside a link yields both, the link first") {
  Document doc("a.md", "[![badge](b.svg)](https://ci.org)\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 2);
  CHECK_FALSE(body.links[0].image);
  CHECK(where(doc, body.links[0].span) == "1:1-1:34");
  CHECK(where(doc, body.links[0].text_span) == "1:2-1:17");
  CHECK(body.links[0].text == "badge");
  CHECK(body.links[0].destination == "https://ci.org");
  CHECK(body.links[1].image);
  CHECK(where(doc, body.links[1].span) == "1:2-1:17");
  CHECK(body.links[1].destination == "b.svg");
}

TEST_CASE("brackets and code spans in link text do not end the link") {
  Document doc("a.md", "[a [b] `]` c](d) [e *f*](g)\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 2);
  CHECK(where(doc, body.links[0].span) == "1:1-1:17");
  CHECK(body.links[0].text == "a [b] ] c");
  CHECK(where(doc, body.links[1].span) == "1:18-1:28");
  CHECK(body.links[1].text == "e f");
}

TEST_CASE("reference links: full, collapsed and shortcut, resolved by cmark") {
  Document doc("a.md",
               "See [the docs][Docs  Page], [docs page][] and [Docs Page].\n"
               "\n"
               "[docs page]: https://docs.example.org \"Docs\"\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 3);
  REQUIRE(body.definitions.size() == 1);
  const Link& full = body.links[0];
  CHECK(full.form == Link::Form::reference);
  CHECK(where(doc, full.span) == "1:5-1:27");
  CHECK(where(doc, full.text_span) == "1:6-1:14");
  CHECK(full.label == "Docs  Page");
  CHECK(where(doc, full.label_span) == "1:16-1:26");
  CHECK(full.destination_span == full.label_span);
  CHECK(full.destination == "https://docs.example.org");
  CHECK(full.title == "Docs");
  CHECK(full.definition == 0u);
  const Link& collapsed = body.links[1];
  CHECK(where(doc, collapsed.span) == "1:29-1:42");
  CHECK(collapsed.label == "docs page");
  CHECK(where(doc, collapsed.label_span) == "1:30-1:39");
  const Link& shortcut = body.links[2];
  CHECK(where(doc, shortcut.span) == "1:47-1:58");
  CHECK(shortcut.label == "Docs Page");
  CHECK(shortcut.definition == 0u);
  CHECK(body.undefined_references.empty());
}

TEST_CASE("a reference image and a blank label treated like []") {
  Document doc("a.md", "![logo][] [logo][ ] text\n\n[LOGO]: /logo.png\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 2);
  CHECK(body.links[0].image);
  CHECK(where(doc, body.links[0].span) == "1:1-1:10");
  CHECK(body.links[0].destination == "/logo.png");
  CHECK(where(doc, body.links[1].span) == "1:11-1:20");
  CHECK(body.links[1].label == "logo");
}

TEST_CASE("autolinks: URL and e-mail, span covers the angle brackets") {
  Document doc("a.md", "Go <https://x.org/a?b&amp;c> or <me@x.org>.\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 2);
  CHECK(body.links[0].form == Link::Form::autolink);
  CHECK(where(doc, body.links[0].span) == "1:4-1:29");
  CHECK(where(doc, body.links[0].destination_span) == "1:5-1:28");
  CHECK(body.links[0].destination == "https://x.org/a?b&c");
  CHECK(body.links[1].destination == "mailto:me@x.org");
  CHECK(body.links[1].text == "me@x.org");
  CHECK(where(doc, body.links[1].destination_span) == "1:34-1:42");
}

TEST_CASE("bare http(s) URLs in prose, without trailing punctuation") {
  Document doc("a.md",
               "See https://example.com/path, and (https://x.org/a_(b)) or http://y.org.\n"
               "Not `https://code.org`, not [https://t.org](https://t.org), not xhttps://no.org\n"
               "nor ftp://f.org nor www.w.org; but *https://em.org/p_q*\n");
  Body body = extract_all(doc);
  std::vector<std::string> found;
  for (const Link& link : body.links) {
    if (link.form != Link::Form::bare_url) continue;
    found.push_back(where(doc, link.span) + " " + link.destination);
    CHECK(link.destination_span == link.span);
    CHECK(link.text == link.destination);
  }
  CHECK(found == std::vector<std::string>{
                     "1:5-1:29 https://example.com/path",
                     "1:36-1:55 https://x.org/a_(b)",
                     "1:60-1:72 http://y.org",
                     "3:37-3:55 https://em.org/p_q",
                 });
}

TEST_CASE("HTML links and images, inline and in HTML blocks") {
  Document doc("a.md",
               "Inline <a href=\"x&amp;y\" title=\"t\">a</a> <img src='i.png' alt=\"An image\">\n"
               "\n"
               "> <div>\n"
               "> <a\n"
               ">   href=\"multi\">\n"
               "> <IMG SRC=/up.png>\n"
               "> </div>\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 4);
  const Link& anchor = body.links[0];
  CHECK(anchor.form == Link::Form::html);
  CHECK_FALSE(anchor.image);
  CHECK(where(doc, anchor.span) == "1:8-1:36");
  CHECK(anchor.destination == "x&y");
  CHECK(where(doc, anchor.destination_span) == "1:17-1:24");
  CHECK(anchor.title == "t");
  CHECK(anchor.text.empty());
  const Link& image = body.links[1];
  CHECK(image.image);
  CHECK(image.destination == "i.png");
  CHECK(where(doc, image.destination_span) == "1:52-1:57");
  CHECK(image.text == "An image");
  CHECK(where(doc, image.text_span) == "1:64-1:72");
  CHECK(where(doc, body.links[2].span) == "4:3-5:18");
  CHECK(where(doc, body.links[2].destination_span) == "5:11-5:16");
  CHECK(body.links[3].image);
  CHECK(where(doc, body.links[3].destination_span) == "6:12-6:19");
}

TEST_CASE("positions on lazy continuation lines, where cmark's are wrong") {
  Document doc("a.md", "> quote\n  lazy [k](n)\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 1);
  CHECK(where(doc, body.links[0].span) == "2:8-2:14");
  CHECK(where(doc, body.links[0].destination_span) == "2:12-2:13");
}

TEST_CASE("positions in list items and nested block quotes") {
  Document doc("a.md",
               "- item [a](1)\n"
               "  continued [b](2)\n"
               "  > > quoted [c](3)\n"
               "  > > more [d](4)\n"
               "lazy [e](5)\n"
               "1. ordered\n"
               "    [f](6)\n");
  Body body = extract_all(doc);
  std::vector<std::string> found;
  for (const Link& link : body.links)
    found.push_back(link.destination + "@" + where(doc, link.span));
  CHECK(found == std::vector<std::string>{"1@1:8-1:14", "2@2:13-2:19", "3@3:14-3:20", "4@4:12-4:18",
                                          "5@5:6-5:12", "6@7:5-7:11"});
}

TEST_CASE("positions with tabs, multi-byte text, CRLF and a BOM") {
  SECTION("tabs count one column each") {
    Document doc("a.md", ">\tquoted\t[a](b)\n-\titem [c](d)\n");
    Body body = extract_all(doc);
    REQUIRE(body.links.size() == 2);
    CHECK(where(doc, body.links[0].span) == "1:10-1:16");
    CHECK(where(doc, body.links[1].span) == "2:8-2:14");
  }
  SECTION("columns count code points") {
    Document doc("a.md", "Ünïcödé 日本 [ссылка](ü) 🎉 [x](y)\n");
    Body body = extract_all(doc);
    REQUIRE(body.links.size() == 2);
    CHECK(where(doc, body.links[0].span) == "1:12-1:23");
    CHECK(where(doc, body.links[0].text_span) == "1:13-1:19");
    CHECK(body.links[0].destination == "ü");
    CHECK(where(doc, body.links[1].span) == "1:26-1:32");
  }
  SECTION("CRLF and a BOM shift nothing") {
    Document unix_doc("a.md", "# T\n\n> a\n> b [l](u)\n");
    Document windows_doc("b.md", "\xEF\xBB\xBF# T\r\n\r\n> a\r\n> b [l](u)\r\n");
    Body unix_body = extract_all(unix_doc);
    Body windows_body = extract_all(windows_doc);
    REQUIRE(unix_body.links.size() == 1);
    REQUIRE(windows_body.links.size() == 1);
    CHECK(where(unix_doc, unix_body.links[0].span) == "4:5-4:11");
    CHECK(where(windows_doc, windows_body.links[0].span) == "4:5-4:11");
    CHECK(windows_doc.slice(windows_body.links[0].span) == "[l](u)");
  }
  SECTION("a lone CR ends a line too") {
    Document doc("a.md", "a\r[l](u)\rb [m](v)");
    Body body = extract_all(doc);
    REQUIRE(body.links.size() == 2);
    CHECK(where(doc, body.links[0].span) == "2:1-2:7");
    CHECK(where(doc, body.links[1].span) == "3:3-3:9");
  }
}

TEST_CASE("a body after front matter keeps file positions") {
  std::string text =
      "---\n"
      "title: x\n"
      "---\n"
      "\n"
      "Intro [a](b)\n"
      "> q\n"
      "  lazy [c](d)\n";
  Document doc("a.md", text);
  std::size_t body_start = std::string("---\ntitle: x\n---\n").size();
  Body body = extract(doc, {body_start, doc.text().size()});
  REQUIRE(body.links.size() == 2);
  CHECK(where(doc, body.links[0].span) == "5:7-5:13");
  CHECK(where(doc, body.links[1].span) == "7:8-7:14");
}

TEST_CASE("links spread over lines") {
  Document doc("a.md",
               "> [multi\n"
               "> line](\n"
               ">   dest\n"
               ">   \"title\") after\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 1);
  CHECK(where(doc, body.links[0].span) == "1:3-4:13");
  CHECK(where(doc, body.links[0].text_span) == "1:4-2:7");
  CHECK(body.links[0].text == "multi line");
  CHECK(where(doc, body.links[0].destination_span) == "3:5-3:9");
  CHECK(body.links[0].title == "title");
}

TEST_CASE("regression: a link after a backslash hard break on a lazy line") {
  // cmark keeps the blanks after `\` + line end as text; the scan must not lose its place.
  Document doc("a.md", "1. x\\\n [a](<b c>) [d **e**](f)\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 2);
  CHECK(where(doc, body.links[0].span) == "2:2-2:12");
  CHECK(where(doc, body.links[1].span) == "2:13-2:25");
}

TEST_CASE("links after reference definitions at the start of a paragraph") {
  // cmark's inline positions count from after the definitions there.
  Document doc("a.md", "[r]: /u\n[s]: /v 'T'\ntext [r] [l](x)\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 2);
  CHECK(where(doc, body.links[0].span) == "3:6-3:9");
  CHECK(body.links[0].destination == "/u");
  CHECK(where(doc, body.links[1].span) == "3:10-3:16");
  REQUIRE(body.definitions.size() == 2);
}

TEST_CASE("escaped brackets, entities and code spans are not links") {
  Document doc("a.md", "\\[a\\](b) &#91;c&#93;(d) `[e](f)` [g](h)\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 1);
  CHECK(where(doc, body.links[0].span) == "1:34-1:40");
}

TEST_CASE("links in headings and emphasis") {
  Document doc("a.md", "## See [the *guide*](g.md#part)\n\n**[bold](b)** _[u](v)_\n");
  Body body = extract_all(doc);
  REQUIRE(body.links.size() == 3);
  CHECK(where(doc, body.links[0].span) == "1:8-1:32");
  CHECK(body.links[0].text == "the guide");
  CHECK(where(doc, body.links[1].span) == "3:3-3:12");
  CHECK(where(doc, body.links[2].span) == "3:16-3:22");
}

TEST_CASE("labels that continue over quoted lines resolve") {
  Document doc("a.md", "> [a\n> b]: /u\n> text [a b] [x][a\n> b]\n");
  Body body = extract_all(doc);
  REQUIRE(body.definitions.size() == 1);
  CHECK(body.definitions[0].label == "a b");
  REQUIRE(body.links.size() == 2);
  CHECK(body.links[0].definition == 0u);
  CHECK(body.links[1].label == "a\nb");
  CHECK(body.links[1].definition == 0u);
  CHECK(where(doc, body.links[1].span) == "3:14-4:5");
}
