// Suppression comments: every form, where they are read from, what they cover, and the
// findings about the comments themselves.

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/suppress.hpp"

using namespace contentlint;
using engine::Suppression;
using engine::SuppressionKind;

namespace {

using core::Severity;

// Known rules: two that are on, one that is off, and the suppression step's own two.
config::RuleSet rule_set(Severity unknown = Severity::warning,
                         Severity unused = Severity::warning) {
  config::RuleSet rules;
  rules.settings["image/empty-url"].severity = Severity::error;
  rules.settings["image/alt-text"].severity = Severity::warning;
  rules.settings["link/external"].severity = Severity::off;
  rules.settings["suppression/unknown-rule"].severity = unknown;
  rules.settings["suppression/unused"].severity = unused;
  return rules;
}

struct Parsed {
  core::Document document;
  frontmatter::FrontMatter front_matter;
  markdown::Body body;

  explicit Parsed(std::string text)
      : document("post.md", std::move(text)),
        front_matter(frontmatter::read(document)),
        body(markdown::extract(document, front_matter.split.body)) {}
};

// Each suppression as `kind line-line directive [id@line:col ...] "span text"`.
std::string suppressions_of(std::string text) {
  Parsed parsed(std::move(text));
  std::string out;
  for (const Suppression& s :
       engine::find_suppressions(parsed.document, parsed.front_matter, parsed.body)) {
    out += fmt::format("{}-{} {} [", s.first_line, s.last_line, s.directive);
    for (const engine::SuppressedRule& rule : s.rules) {
      core::Position at = parsed.document.position(rule.span.begin);
      CHECK(parsed.document.slice(rule.span) == rule.id);
      out += fmt::format("{}{}@{}:{}", &rule == &s.rules.front() ? "" : " ", rule.id, at.line,
                         at.column);
    }
    out += fmt::format("] {}\n", parsed.document.slice(s.span));
  }
  return out;
}

/// A finding of `rule` at the start of `line`.
struct Finding {
  std::string rule;
  std::uint32_t line;
};

// Applies the suppressions of `text` to the findings and renders what remains, sorted:
// `line:col rule message`.
std::string apply(std::string text, const std::vector<Finding>& findings,
                  const config::RuleSet& rules = rule_set()) {
  Parsed parsed(std::move(text));
  std::vector<core::Diagnostic> diagnostics;
  for (const Finding& finding : findings) {
    core::Diagnostic diagnostic;
    diagnostic.rule = finding.rule;
    diagnostic.message = "finding";
    std::size_t begin = parsed.document.lines().line_span(finding.line).begin;
    diagnostic.span = {begin, begin + 1};
    diagnostics.push_back(std::move(diagnostic));
  }
  engine::apply_suppressions(parsed.document, parsed.front_matter, parsed.body, rules, diagnostics);
  std::vector<std::string> lines;
  for (const core::Diagnostic& diagnostic : diagnostics) {
    core::Position at = parsed.document.position(diagnostic.span.begin);
    lines.push_back(fmt::format("{}:{} {} {} {}\n", at.line, at.column, diagnostic.rule,
                                core::to_string(diagnostic.severity), diagnostic.message));
  }
  std::stable_sort(lines.begin(), lines.end(), [](const std::string& a, const std::string& b) {
    auto key = [](const std::string& s) {
      return std::stoi(s.substr(0, s.find(':'))) * 10000 + std::stoi(s.substr(s.find(':') + 1));
    };
    return key(a) < key(b);
  });
  std::string out;
  for (const std::string& line : lines) out += line;
  return out;
}

}  // namespace

// --- reading the comments ---------------------------------------------------------------

TEST_CASE("the four comment forms in the body, with ids, commas and a reason") {
  CHECK(suppressions_of(R"(<!-- contentlint-disable -->
<!-- contentlint-enable image/empty-url image/alt-text -->
Text <!--contentlint-disable-line image/empty-url,image/alt-text--> more.
<!-- contentlint-disable-next-line image/alt-text -- the logo is decorative -->
<!--
  contentlint-disable-next-line
  image/empty-url
-->
)") == "1-1 contentlint-disable [] <!-- contentlint-disable -->\n"
       "2-2 contentlint-enable [image/empty-url@2:25 image/alt-text@2:41] <!-- "
       "contentlint-enable image/empty-url image/alt-text -->\n"
       "3-3 contentlint-disable-line [image/empty-url@3:35 image/alt-text@3:51] "
       "<!--contentlint-disable-line image/empty-url,image/alt-text-->\n"
       "4-4 contentlint-disable-next-line [image/alt-text@4:36] <!-- "
       "contentlint-disable-next-line image/alt-text -- the logo is decorative -->\n"
       "5-8 contentlint-disable-next-line [image/empty-url@7:3] <!--\n"
       "  contentlint-disable-next-line\n  image/empty-url\n-->\n");
}

TEST_CASE("only the four directives are suppressions, comments in code are text") {
  CHECK(suppressions_of(R"(<!-- contentlint-disabled image/empty-url -->
<!-- contentlint-configure -->
<!-- markdownlint-disable MD013 -->
<!-- a note: contentlint-disable -->

    <!-- contentlint-disable indented code -->

```html
<!-- contentlint-disable fenced code -->
```

`<!-- contentlint-disable code span -->`

> <!-- contentlint-disable-line image/alt-text -->
)") == "14-14 contentlint-disable-line [image/alt-text@14:33] <!-- contentlint-disable-line "
       "image/alt-text -->\n");
}

TEST_CASE("front matter `#` comments, outside quoted and block scalars") {
  CHECK(suppressions_of(R"(---
title: It's fine # contentlint-disable-line image/alt-text
# contentlint-disable-next-line image/empty-url
image: ''
quoted: 'a # contentlint-disable-line image/alt-text'
double: "a \" # contentlint-disable-line image/alt-text"
block: |
  text # contentlint-disable-line image/alt-text

  more # contentlint-disable-line image/alt-text
folded: >- # contentlint-disable-line image/empty-url
    text # contentlint-disable-line image/alt-text
plain: a#contentlint-disable-line image/alt-text
list: [a, 'b # c'] #contentlint-disable-line,image/empty-url
---

# contentlint-disable-line image/alt-text is a heading in the body
)") == "2-2 contentlint-disable-line [image/alt-text@2:45] # contentlint-disable-line "
       "image/alt-text\n"
       "3-3 contentlint-disable-next-line [image/empty-url@3:33] # "
       "contentlint-disable-next-line image/empty-url\n"
       "11-11 contentlint-disable-line [image/empty-url@11:39] # "
       "contentlint-disable-line image/empty-url\n"
       "14-14 contentlint-disable-line [image/empty-url@14:46] "
       "#contentlint-disable-line,image/empty-url\n");
}

TEST_CASE("front matter comments are found when the YAML does not parse") {
  CHECK(suppressions_of("---\ntitle: [unclosed # contentlint-disable-line image/alt-text\n---\n") ==
        "2-2 contentlint-disable-line [image/alt-text@2:45] # contentlint-disable-line "
        "image/alt-text\n");
}

// --- what they cover --------------------------------------------------------------------

TEST_CASE("disable-line covers its own line, for the named rules only") {
  std::string text =
      "one <!-- contentlint-disable-line image/empty-url -->\n"
      "two\n";
  CHECK(apply(text, {{"image/empty-url", 1}, {"image/alt-text", 1}, {"image/empty-url", 2}}) ==
        "1:1 image/alt-text warning finding\n"
        "2:1 image/empty-url warning finding\n");
}

TEST_CASE("disable-next-line covers the line after the comment's last line") {
  std::string text =
      "<!-- contentlint-disable-next-line image/empty-url -->\n"
      "one\n"
      "two\n"
      "<!--\ncontentlint-disable-next-line image/alt-text\n-->\n"
      "three\n";
  CHECK(apply(text, {{"image/empty-url", 2},
                     {"image/empty-url", 3},
                     {"image/alt-text", 6},
                     {"image/alt-text", 7}}) ==
        "3:1 image/empty-url warning finding\n"
        "6:1 image/alt-text warning finding\n");
}

TEST_CASE("disable covers every line from its own until the enable of that rule") {
  std::string text =
      "zero\n"
      "<!-- contentlint-disable image/empty-url image/alt-text -->\n"
      "two\n"
      "<!-- contentlint-enable image/empty-url -->\n"
      "four\n";
  CHECK(apply(text, {{"image/empty-url", 1},
                     {"image/empty-url", 3},
                     {"image/alt-text", 3},
                     {"image/empty-url", 5},
                     {"image/alt-text", 5}}) ==
        "1:1 image/empty-url warning finding\n"
        "5:1 image/empty-url warning finding\n");
}

TEST_CASE("without ids, disable and enable are about every rule") {
  std::string text =
      "<!-- contentlint-disable -->\n"
      "one\n"
      "<!-- contentlint-enable -->\n"
      "three\n"
      "<!-- contentlint-disable image/alt-text -->\n"
      "six\n"
      "<!-- contentlint-enable -->\n"
      "eight\n";
  CHECK(apply(text, {{"image/empty-url", 2},
                     {"image/alt-text", 2},
                     {"image/empty-url", 4},
                     {"image/alt-text", 6},
                     {"image/alt-text", 8}}) ==
        "4:1 image/empty-url warning finding\n"
        "8:1 image/alt-text warning finding\n");
}

TEST_CASE("an enable of one rule inside a disable of all lets that rule through") {
  std::string text =
      "<!-- contentlint-disable -->\n"
      "<!-- contentlint-enable image/alt-text -->\n"
      "two\n"
      "<!-- contentlint-disable image/alt-text -->\n"
      "four\n";
  CHECK(apply(text, {{"image/empty-url", 3}, {"image/alt-text", 3}, {"image/alt-text", 5}}) ==
        "3:1 image/alt-text warning finding\n");
}

TEST_CASE("front matter comments cover front matter lines") {
  std::string text =
      "---\n"
      "image: '' # contentlint-disable-line image/empty-url\n"
      "# contentlint-disable-next-line image/alt-text\n"
      "alt: x.png\n"
      "other: ''\n"
      "---\n";
  CHECK(apply(text, {{"image/empty-url", 2}, {"image/alt-text", 4}, {"image/empty-url", 5}}) ==
        "5:1 image/empty-url warning finding\n");
}

TEST_CASE("a disable in the front matter runs on into the body") {
  std::string text =
      "---\n"
      "# contentlint-disable image/alt-text\n"
      "alt: x.png\n"
      "---\n"
      "![x.png](x.png)\n"
      "<!-- contentlint-enable image/alt-text -->\n"
      "![y.png](y.png)\n";
  CHECK(apply(text, {{"image/alt-text", 3}, {"image/alt-text", 5}, {"image/alt-text", 7}}) ==
        "7:1 image/alt-text warning finding\n");
}

TEST_CASE("a suppression comment inside code suppresses nothing") {
  std::string text =
      "```\n"
      "<!-- contentlint-disable-next-line image/empty-url -->\n"
      "```\n"
      "![a]()\n"
      "\n"
      "    <!-- contentlint-disable-line image/empty-url -->\n";
  CHECK(apply(text, {{"image/empty-url", 3}, {"image/empty-url", 6}}) ==
        "3:1 image/empty-url warning finding\n"
        "6:1 image/empty-url warning finding\n");
}

// --- findings about the comments --------------------------------------------------------

TEST_CASE("an unknown rule id is reported at the id, with the nearest known one") {
  std::string text =
      "<!-- contentlint-disable-next-line image/emty-url empty-url nope/nope -->\n"
      "![a]()\n"
      "<!-- contentlint-enable image/alt-txt -->\n";
  CHECK(apply(text, {{"image/empty-url", 2}}) ==
        "1:36 suppression/unknown-rule warning unknown rule 'image/emty-url' in "
        "contentlint-disable-next-line (did you mean 'image/empty-url'?)\n"
        "1:51 suppression/unknown-rule warning unknown rule 'empty-url' in "
        "contentlint-disable-next-line (did you mean 'image/empty-url'?)\n"
        "1:61 suppression/unknown-rule warning unknown rule 'nope/nope' in "
        "contentlint-disable-next-line; `contentlint rules` lists the rules\n"
        "2:1 image/empty-url warning finding\n"
        "3:25 suppression/unknown-rule warning unknown rule 'image/alt-txt' in "
        "contentlint-enable (did you mean 'image/alt-text'?)\n");
}

TEST_CASE("a disable that suppressed nothing is reported at its id, or at the comment") {
  std::string text =
      "<!-- contentlint-disable-next-line image/empty-url image/alt-text -->\n"
      "![a]()\n"
      "<!-- contentlint-disable-line -->\n"
      "<!-- contentlint-disable image/alt-text -->\n"
      "<!-- contentlint-enable image/alt-text image/empty-url -->\n";
  CHECK(apply(text, {{"image/empty-url", 2}}) ==
        "1:52 suppression/unused warning contentlint-disable-next-line image/alt-text "
        "suppressed nothing; remove it\n"
        "3:1 suppression/unused warning contentlint-disable-line suppressed nothing; remove "
        "it\n"
        "4:26 suppression/unused warning contentlint-disable image/alt-text suppressed "
        "nothing; remove it\n");
}

TEST_CASE("a disable of a rule that is off, or of an unknown rule, is not called unused") {
  std::string text =
      "<!-- contentlint-disable-next-line link/external image/nope -->\n"
      "text\n";
  CHECK(apply(text, {}) ==
        "1:50 suppression/unknown-rule warning unknown rule 'image/nope' in "
        "contentlint-disable-next-line; `contentlint rules` lists the rules\n");
}

TEST_CASE("every comment that covers a finding counts as used") {
  std::string text =
      "<!-- contentlint-disable image/empty-url -->\n"
      "<!-- contentlint-disable-next-line image/empty-url -->\n"
      "![a]()\n";
  CHECK(apply(text, {{"image/empty-url", 3}}) == "");
}

TEST_CASE("the findings follow the levels of their rules, and are off with them") {
  std::string text = "<!-- contentlint-disable-line image/nope image/empty-url -->\n";
  CHECK(apply(text, {}, rule_set(Severity::error, Severity::info)) ==
        "1:31 suppression/unknown-rule error unknown rule 'image/nope' in "
        "contentlint-disable-line; `contentlint rules` lists the rules\n"
        "1:42 suppression/unused info contentlint-disable-line image/empty-url suppressed "
        "nothing; remove it\n");
  CHECK(apply(text, {}, rule_set(Severity::off, Severity::off)) == "");
}

TEST_CASE("the findings can be suppressed, but not by the comment they are about") {
  std::string text =
      "<!-- contentlint-disable suppression/unused suppression/unknown-rule -->\n"
      "<!-- contentlint-disable-line image/empty-url image/nope -->\n"
      "<!-- contentlint-enable suppression/unused suppression/unknown-rule -->\n"
      "<!-- contentlint-disable -->\n";
  // The first comment suppressed the second's findings, so it is not unused either; the
  // last one suppressed nothing, and cannot suppress the finding about itself.
  CHECK(apply(text, {}) ==
        "4:1 suppression/unused warning contentlint-disable suppressed nothing; remove it\n");
}

TEST_CASE("a file without suppression comments is left alone") {
  CHECK(apply("---\ntitle: x # a comment\n---\n\ntext <!-- a comment -->\n",
              {{"image/empty-url", 2}, {"image/alt-text", 5}}) ==
        "2:1 image/empty-url warning finding\n"
        "5:1 image/alt-text warning finding\n");
}

TEST_CASE("a comment that covers only findings decided later waits for them") {
  Parsed parsed("<!-- contentlint-disable-next-line image/alt-text -->\n![](a.png)\n");
  // The covered finding's answer, as the run would give it: waiting, then decided.
  core::Settled inner = core::Settled::waiting;
  std::vector<core::Diagnostic> diagnostics(1);
  diagnostics[0].rule = "image/alt-text";
  std::size_t begin = parsed.document.lines().line_span(2).begin;
  diagnostics[0].span = {begin, begin + 1};
  diagnostics[0].settle = [&inner] { return inner; };
  engine::apply_suppressions(parsed.document, parsed.front_matter, parsed.body, rule_set(),
                             diagnostics);

  REQUIRE(diagnostics.size() == 1);  // the covered finding is gone; the comment's waits
  const core::Diagnostic& unused = diagnostics[0];
  CHECK(unused.rule == "suppression/unused");
  CHECK(unused.message ==
        "contentlint-disable-next-line image/alt-text suppressed nothing; remove it");
  REQUIRE(unused.settle);
  CHECK(unused.settle() == core::Settled::waiting);

  SECTION("the covered finding holds: the comment was used") {
    inner = core::Settled::holds;
    CHECK(unused.settle() == core::Settled::dropped);
  }
  SECTION("the covered finding comes to nothing: the comment suppressed nothing") {
    inner = core::Settled::dropped;
    CHECK(unused.settle() == core::Settled::holds);
  }
}

TEST_CASE("a comment that also covers a finding decided at once is used at once") {
  Parsed parsed("<!-- contentlint-disable image/alt-text -->\n![](a.png)\n![](b.png)\n");
  std::vector<core::Diagnostic> diagnostics(2);
  for (std::uint32_t line : {2u, 3u}) {
    core::Diagnostic& diagnostic = diagnostics[line - 2];
    diagnostic.rule = "image/alt-text";
    std::size_t begin = parsed.document.lines().line_span(line).begin;
    diagnostic.span = {begin, begin + 1};
  }
  diagnostics[0].settle = [] { return core::Settled::dropped; };
  engine::apply_suppressions(parsed.document, parsed.front_matter, parsed.body, rule_set(),
                             diagnostics);
  CHECK(diagnostics.empty());
}
