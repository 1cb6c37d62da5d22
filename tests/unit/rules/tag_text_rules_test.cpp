// The tag and whitespace rules through their factories: option errors at their config
// positions, and the diagnostics and fixes of one file, checked whole.

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

#include "frontmatter/frontmatter.hpp"
#include "markdown/facts.hpp"
#include "rules/rule.hpp"

using namespace contentlint;

namespace {

// A config file's `rules.<id>` options, parsed as the config loader does.
struct OptionsFile {
  std::unique_ptr<core::Document> document;
  std::optional<core::Node> root;
};

OptionsFile options_file(std::string yaml) {
  OptionsFile file;
  file.document = std::make_unique<core::Document>("c.yaml", std::move(yaml));
  auto parsed = frontmatter::parse_yaml(*file.document, {0, file.document->text().size()});
  REQUIRE(parsed.problems.empty());
  file.root = std::move(parsed.root);
  return file;
}

core::Expected<std::unique_ptr<rules::Rule>> make(std::string_view id, std::string yaml) {
  static std::vector<OptionsFile> keep;  // options outlive the rules made from them
  keep.push_back(options_file(std::move(yaml)));
  const rules::RuleEntry* entry = rules::find_rule(id);
  REQUIRE(entry != nullptr);
  return entry->make(rules::Options(keep.back().root ? &*keep.back().root : nullptr, "c.yaml"));
}

std::string error_of(std::string_view id, std::string yaml) {
  auto rule = make(id, std::move(yaml));
  REQUIRE_FALSE(rule.ok());
  return rule.error().to_string();
}

// One file checked by one rule: `line:col message` per diagnostic, and the text after
// applying every safe fix.
struct Checked {
  std::vector<std::string> lines;
  std::string fixed;
};

Checked run(std::string_view id, std::string yaml, std::string text) {
  auto rule = make(id, std::move(yaml));
  REQUIRE(rule.ok());
  core::Document document("post.md", text);
  frontmatter::FrontMatter front_matter = frontmatter::read(document);
  markdown::Body body = markdown::extract(document, front_matter.split.body);
  rules::Article article{document, front_matter, body, "", nullptr, nullptr};
  core::DiagnosticSink sink;
  sink.begin_rule(id, core::Severity::warning);
  (*rule)->check(article, sink);
  Checked checked;
  std::vector<core::Edit> edits;
  for (const core::Diagnostic& diagnostic : sink.diagnostics()) {
    core::Position at = document.position(diagnostic.span.begin);
    checked.lines.push_back(fmt::format("{}:{} {}", at.line, at.column, diagnostic.message));
    if (diagnostic.fixable()) {
      edits.insert(edits.end(), diagnostic.fix->edits.begin(), diagnostic.fix->edits.end());
    }
  }
  std::sort(edits.begin(), edits.end(),
            [](const core::Edit& a, const core::Edit& b) { return a.span.begin > b.span.begin; });
  checked.fixed = std::string(document.text());
  for (const core::Edit& edit : edits) {
    checked.fixed.replace(edit.span.begin, edit.span.size(), edit.replacement);
  }
  return checked;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("tag rules reject bad options at their config positions") {
  CHECK(error_of("tag/format", "pattern: \"^(a\"\n") ==
        "c.yaml:1:10: option 'pattern' is not a valid regular expression: missing ): ^(a");
  CHECK(error_of("tag/format", "field: [a]\n") ==
        "c.yaml:1:8: option 'field' must be a string, found a list");
  CHECK(error_of("tag/unknown", "allowed: [a, '/[/']\n") ==
        "c.yaml:1:14: '/[/' in option 'allowed' is not a valid regular expression: "
        "missing ]: [");
  CHECK(error_of("tag/unknown", "allowed: a\n") ==
        "c.yaml:1:10: option 'allowed' must be a list of strings, found a string");
  CHECK(error_of("tag/duplicate", "pattern: x\n") ==
        "c.yaml:1:1: rule tag/duplicate has no option 'pattern' (it takes: field)");
  CHECK(error_of("tag/required", "groups: x\n") ==
        "c.yaml:1:9: option 'groups' must be a list of mappings, found a string");
  CHECK(error_of("tag/required", "groups: [x]\n") ==
        "c.yaml:1:10: each of option 'groups' must be a mapping {pattern, min, max, name}, "
        "found a string");
  CHECK(error_of("tag/required", "groups:\n  - min: 1\n") ==
        "c.yaml:2:5: a group needs a 'pattern'");
  CHECK(error_of("tag/required", "groups:\n  - {pattern: '(', min: 1}\n") ==
        "c.yaml:2:15: 'pattern' of a group is not a valid regular expression: missing ): (");
  CHECK(error_of("tag/required", "groups:\n  - {pattern: a, min: -1}\n") ==
        "c.yaml:2:23: 'min' of a group must be a whole number of at least 0, found -1");
  CHECK(error_of("tag/required", "groups:\n  - {pattern: a, max: many}\n") ==
        "c.yaml:2:23: 'max' of a group must be a whole number of at least 0, found 'many'");
  CHECK(error_of("tag/required", "groups:\n  - {pattern: a, min: 2, max: 1}\n") ==
        "c.yaml:2:5: a group's 'max' (1) is less than its 'min' (2)");
  CHECK(error_of("tag/required", "groups:\n  - {pattern: a, count: 1}\n") ==
        "c.yaml:2:18: a group has no key 'count' (it takes: pattern, min, max, name)");
}

TEST_CASE("whitespace rules reject bad options at their config positions") {
  CHECK(error_of("text/trailing-space", "br-spaces: -1\n") ==
        "c.yaml:1:12: option 'br-spaces' must be 0 or more, found -1");
  CHECK(error_of("text/trailing-space", "code-blocks: maybe\n") ==
        "c.yaml:1:14: option 'code-blocks' must be true or false, found a string");
  CHECK(error_of("text/final-newline", "x: 1\n") ==
        "c.yaml:1:1: rule text/final-newline has no option 'x' (it takes no options)");
}

TEST_CASE("tag/format reports and fixes tags, in place and inside quotes") {
  auto checked =
      run("tag/format", "", "---\ntags: [Cohort3, 'clan six', \"Dev_Rel\", ok, '!!!']\n---\n");
  CHECK(checked.lines ==
        Lines{"2:8 tag 'Cohort3' does not match the tag pattern ^[a-z0-9]+(-[a-z0-9]+)*$; "
              "use 'cohort3'",
              "2:17 tag 'clan six' does not match the tag pattern ^[a-z0-9]+(-[a-z0-9]+)*$; "
              "use 'clan-six'",
              "2:29 tag 'Dev_Rel' does not match the tag pattern ^[a-z0-9]+(-[a-z0-9]+)*$; "
              "use 'dev-rel'",
              "2:44 tag '!!!' does not match the tag pattern ^[a-z0-9]+(-[a-z0-9]+)*$"});
  CHECK(checked.fixed == "---\ntags: [cohort3, 'clan-six', \"dev-rel\", ok, '!!!']\n---\n");
}

TEST_CASE("tag/format offers a fix only when the normalized tag matches the pattern") {
  auto checked = run("tag/format", "pattern: \"^[a-z]+$\"\n", "---\ntags: [Cohort3, Art]\n---\n");
  CHECK(checked.lines ==
        Lines{"2:8 tag 'Cohort3' does not match the tag pattern ^[a-z]+$",
              "2:17 tag 'Art' does not match the tag pattern ^[a-z]+$; use 'art'"});
  CHECK(checked.fixed == "---\ntags: [Cohort3, art]\n---\n");
}

TEST_CASE("tag rules read the configured field") {
  auto checked = run("tag/duplicate", "field: meta.labels\n",
                     "---\ntags: [a, a]\nmeta:\n  labels:\n    - b\n    - B\n---\n");
  CHECK(checked.lines == Lines{"6:7 duplicate tag 'B' (already listed as 'b')"});
  CHECK(checked.fixed == "---\ntags: [a, a]\nmeta:\n  labels:\n    - b\n---\n");
}

TEST_CASE("tag/unknown suggests the nearest allowed tag or lists them") {
  std::string options = "allowed: [devrel, article, task, '/^cohort[0-9]+$/']\n";
  auto checked =
      run("tag/unknown", options, "---\ntags: [devrell, DevRel, cohort3, cohortX, zzz]\n---\n");
  CHECK(checked.lines ==
        Lines{"2:8 unknown tag 'devrell' (did you mean 'devrel'?)",
              "2:17 unknown tag 'DevRel' (did you mean 'devrel'?)",
              "2:34 unknown tag 'cohortX'; allowed: devrel, article, task, /^cohort[0-9]+$/",
              "2:43 unknown tag 'zzz'; allowed: devrel, article, task, /^cohort[0-9]+$/"});
  CHECK(checked.fixed == "---\ntags: [devrell, DevRel, cohort3, cohortX, zzz]\n---\n");

  auto many = run("tag/unknown", "allowed: [a1, b2, c3, d4, e5, f6, g7, h8, i9, j10, k11, l12]\n",
                  "---\ntags: [zzz]\n---\n");
  CHECK(
      many.lines ==
      Lines{"2:8 unknown tag 'zzz'; allowed: a1, b2, c3, d4, e5, f6, g7, h8, i9, j10 and 2 more"});
  CHECK(run("tag/unknown", "", "---\ntags: [anything]\n---\n").lines.empty());
}

TEST_CASE("tag/required counts each group's tags") {
  std::string options =
      "groups:\n"
      "  - {pattern: \"^cohort[0-9]+$\", min: 1, max: 1}\n"
      "  - {pattern: \"^clan-\", min: 1, name: clan tag}\n"
      "  - {pattern: \"^(article|task)$\", min: 0, max: 1}\n"
      "  - {pattern: \"^draft$\", min: 0, max: 0}\n"
      "  - {pattern: \"^x\", min: 2, max: 3}\n";
  CHECK(run("tag/required", options,
            "---\ntitle: x\ntags: [cohort3, cohort4, article, task, draft]\n---\n")
            .lines == Lines{"3:1 expected exactly one tag matching ^cohort[0-9]+$, found 2: "
                            "cohort3, cohort4",
                            "3:1 expected at least one clan tag, found none",
                            "3:1 expected at most one tag matching ^(article|task)$, found 2: "
                            "article, task",
                            "3:1 expected no tags matching ^draft$, found 1: draft",
                            "3:1 expected at least 2 tags matching ^x, found none"});
  CHECK(run("tag/required", options, "---\ntitle: x\n---\n").lines ==
        Lines{"1:1 expected exactly one tag matching ^cohort[0-9]+$, found none",
              "1:1 expected at least one clan tag, found none",
              "1:1 expected at least 2 tags matching ^x, found none"});
  CHECK(
      run("tag/required", options, "---\ntags: [cohort3, clan-six, xa, xb, xc, xd]\n---\n").lines ==
      Lines{"2:1 expected at most 3 tags matching ^x, found 4: xa, xb, xc, xd"});
  // Not a list: frontmatter/schema's business. No front matter: frontmatter/missing's.
  CHECK(run("tag/required", options, "---\ntags: cohort3\n---\n").lines.empty());
  CHECK(run("tag/required", options, "# Title\n").lines.empty());
  CHECK(run("tag/required", "", "---\ntitle: x\n---\n").lines.empty());
}

TEST_CASE("text/final-newline appends the file's own line break") {
  CHECK(run("text/final-newline", "", "a\nb").lines ==
        Lines{"2:2 file does not end with a line break"});
  CHECK(run("text/final-newline", "", "a\nb").fixed == "a\nb\n");
  CHECK(run("text/final-newline", "", "a\r\nb").fixed == "a\r\nb\r\n");
  CHECK(run("text/final-newline", "", "a\n").lines.empty());
  CHECK(run("text/final-newline", "", "a\r").lines.empty());
  CHECK(run("text/final-newline", "", "").lines.empty());
}

TEST_CASE("text/trailing-space keeps hard line breaks and the CR of CRLF") {
  auto checked = run("text/trailing-space", "",
                     "---\r\ntitle: x  \r\n---\r\n\r\nline one  \r\nline two  \r\n\r\nend\t \r\n");
  CHECK(checked.lines ==
        Lines{"2:9 trailing whitespace", "6:9 trailing whitespace", "8:4 trailing whitespace"});
  CHECK(checked.fixed == "---\r\ntitle: x\r\n---\r\n\r\nline one  \r\nline two\r\n\r\nend\r\n");
}
