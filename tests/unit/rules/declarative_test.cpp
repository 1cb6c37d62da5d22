// Declarative rules: loading and validating rule files, each kind and scope, the
// substitution fix, the catalog, and the packs shipped in rules/packs.

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "frontmatter/frontmatter.hpp"
#include "markdown/facts.hpp"
#include "rules/declarative.hpp"

using namespace contentlint;
using rules::Catalog;
using rules::Declarative;

namespace {

std::unique_ptr<Declarative> load(std::string yaml) {
  auto rule = Declarative::load("rules/r.yaml", std::move(yaml));
  if (!rule) FAIL(rule.error().to_string());
  REQUIRE(*rule != nullptr);
  return std::move(*rule);
}

std::string error_of(std::string yaml) {
  auto rule = Declarative::load("rules/r.yaml", std::move(yaml));
  return rule ? "loaded" : rule.error().to_string();
}

/// What a rule reports on `text` (a whole Markdown file): `line:col message`, one a line;
/// with `fixes`, each fix as ` => [begin,end) 'replacement'`.
std::string check(const rules::Rule& rule, std::string text, bool fixes = false) {
  core::Document document("post.md", std::move(text));
  frontmatter::FrontMatter front_matter = frontmatter::read(document);
  markdown::Body body = markdown::extract(document, front_matter.split.body);
  rules::Article article{document, front_matter, body, "", nullptr, nullptr};
  core::DiagnosticSink sink;
  sink.begin_rule("test/rule", core::Severity::warning);
  rule.check(article, sink);
  std::vector<core::Diagnostic> diagnostics = sink.take();
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const core::Diagnostic& a, const core::Diagnostic& b) {
                     return a.span.begin < b.span.begin;
                   });
  std::string out;
  for (const core::Diagnostic& diagnostic : diagnostics) {
    core::Position at = document.position(diagnostic.span.begin);
    out += fmt::format("{}:{} {}", at.line, at.column, diagnostic.message);
    if (fixes && diagnostic.fix) {
      for (const core::Edit& edit : diagnostic.fix->edits) {
        out += fmt::format(" => [{},{}) '{}'", edit.span.begin, edit.span.end, edit.replacement);
      }
      out += fmt::format(" ({})", diagnostic.fix->title);
    }
    out += "\n";
  }
  return out;
}

std::string check(const Declarative& rule, std::string text, bool fixes = false) {
  return check(*rule.make_rule(), std::move(text), fixes);
}

constexpr const char* kExistence = R"(id: style/avoid
kind: existence
message: "avoid '{match}'"
tokens: [simply, just, "of course"]
)";

}  // namespace

// --- loading ----------------------------------------------------------------------------

TEST_CASE("a valid rule file loads with its metadata") {
  auto rule = load(R"(# a comment
id: product-name/github
kind: substitution
level: error
message: "'{match}' is written '{expected}'"
swap:
  Github: GitHub
summary: GitHub spelled wrong
description: Reports Github.
)");
  const rules::RuleMeta& meta = rule->meta();
  CHECK(meta.id == "product-name/github");
  CHECK(meta.default_severity == core::Severity::error);
  CHECK(meta.fixable);
  CHECK(meta.summary == "GitHub spelled wrong");
  CHECK(meta.what == "Reports Github.");
  CHECK(meta.why ==
        "A rule of this site's style: a declarative substitution rule, defined in rules/r.yaml.");
  CHECK(meta.bad == "Github\n");
  CHECK(meta.good == "GitHub\n");
  CHECK(meta.options.empty());
  CHECK(rule->kind() == rules::DeclarativeKind::substitution);
  CHECK(rule->path() == "rules/r.yaml");
  CHECK(rule->id_position() == core::Position{2, 5});
  CHECK(&rule->entry().meta == &rule->meta());
  CHECK(rule->entry().make == nullptr);
}

TEST_CASE("documentation is generated where the file gives none") {
  auto existence = load(kExistence);
  CHECK(existence->meta().default_severity == core::Severity::warning);
  CHECK_FALSE(existence->meta().fixable);
  CHECK(existence->meta().summary == "text this site avoids: `simply`, `just` or `of course`");
  CHECK(existence->meta().what ==
        "Reports `simply`, `just` or `of course` in paragraphs, headings, link text and image "
        "alt text. Code, URLs and front matter keys are never checked.");
  auto substitution = load(R"(id: a/b
kind: substitution
message: m
ignore-case: true
scope: [heading, field]
field: title
swap: {Github: GitHub, Javascript: JavaScript}
)");
  CHECK(substitution->meta().summary == "a spelling this site replaces: `Javascript` or `Github`");
  CHECK(substitution->meta().what ==
        "Reports `Javascript` or `Github` in headings and front matter fields (`title`), "
        "ignoring case, and --fix writes the right form: `Javascript` → `JavaScript`, "
        "`Github` → `GitHub`.");
  auto field = load(R"(id: a/b
kind: field-pattern
message: m
field: slug
pattern: "^[a-z-]+$"
)");
  CHECK(field->meta().summary == "front matter `slug` not matching /^[a-z-]+$/");
  CHECK(field->meta().what ==
        "Reports a value of the front matter field `slug` (each item of a list) that does not "
        "match the regex /^[a-z-]+$/. A missing field is the schema's business, not this "
        "rule's.");
}

TEST_CASE("an empty rule file defines no rule") {
  for (std::string text : {"", "# only a comment\n", "~\n"}) {
    auto rule = Declarative::load("rules/r.yaml", text);
    REQUIRE(rule.ok());
    CHECK(*rule == nullptr);
  }
}

TEST_CASE("every mistake in a rule file is an error at its line and column") {
  // YAML itself.
  CHECK(error_of("id: [a\n") == "rules/r.yaml:1:5: a '[' list is not closed with ']'");
  CHECK(error_of("id: a/b\nid: a/c\n") ==
        "rules/r.yaml:2:1: duplicate key 'id' (first defined at line 1); the last one wins "
        "silently");
  CHECK(error_of("- id\n") ==
        "rules/r.yaml:1:1: a rule file must be a mapping of keys, found a list");

  // Keys.
  std::string base = "id: a/b\nkind: existence\nmessage: m\ntokens: [x]\n";
  CHECK(error_of(base + "ignorecase: true\n") ==
        "rules/r.yaml:5:1: unknown key 'ignorecase'; did you mean 'ignore-case'?");
  CHECK(error_of(base + "extends: existence\n") ==
        "rules/r.yaml:5:1: unknown key 'extends'; did you mean 'kind'?");
  CHECK(error_of(base + "colour: red\n") ==
        "rules/r.yaml:5:1: unknown key 'colour'; expected one of: id, level, message, kind, "
        "scope, ignore-case, tokens, patterns, swap, field, pattern, summary, description");

  // id.
  CHECK(error_of("kind: existence\nmessage: m\ntokens: [x]\n") ==
        "rules/r.yaml:1:1: missing 'id' (category/name, like style/product-name)");
  CHECK(error_of("id: Style/Avoid\nkind: existence\nmessage: m\ntokens: [x]\n") ==
        "rules/r.yaml:1:5: 'id' must be category/name in lowercase letters, digits and dashes, "
        "like style/product-name, found 'Style/Avoid'");
  CHECK(error_of("id: avoid\nkind: existence\nmessage: m\ntokens: [x]\n") ==
        "rules/r.yaml:1:5: 'id' must be category/name in lowercase letters, digits and dashes, "
        "like style/product-name, found 'avoid'");
  CHECK(error_of("id: [a/b]\nkind: existence\nmessage: m\ntokens: [x]\n") ==
        "rules/r.yaml:1:5: 'id' must be a string, found a list");

  // kind.
  CHECK(error_of("id: a/b\nmessage: m\ntokens: [x]\n") ==
        "rules/r.yaml:1:1: missing 'kind' (existence, substitution or field-pattern)");
  CHECK(error_of("id: a/b\nkind: existance\nmessage: m\n") ==
        "rules/r.yaml:2:7: unknown kind 'existance'; did you mean 'existence'?");
  CHECK(error_of("id: a/b\nkind: conditional\nmessage: m\n") ==
        "rules/r.yaml:2:7: unknown kind 'conditional'; expected existence, substitution or "
        "field-pattern");

  // level.
  CHECK(error_of(base + "level: warn\n") ==
        "rules/r.yaml:5:8: unknown level 'warn'; did you mean 'warning'?");
  CHECK(error_of(base + "level: suggestion\n") ==
        "rules/r.yaml:5:8: unknown level 'suggestion'; expected off, info, warning or error");

  // message.
  CHECK(error_of("id: a/b\nkind: existence\ntokens: [x]\n") ==
        "rules/r.yaml:1:1: missing 'message'");
  CHECK(error_of("id: a/b\nkind: existence\nmessage: ''\ntokens: [x]\n") ==
        "rules/r.yaml:3:10: 'message' is empty");
  CHECK(error_of("id: a/b\nkind: existence\nmessage: 'use {expected}'\ntokens: [x]\n") ==
        "rules/r.yaml:3:10: unknown placeholder '{expected}' in 'message'; an existence rule's "
        "message may use {match}");
  CHECK(error_of("id: a/b\nkind: substitution\nmessage: '{match} {field}'\nswap: {a: b}\n") ==
        "rules/r.yaml:3:10: unknown placeholder '{field}' in 'message'; a substitution rule's "
        "message may use {match} and {expected}");
  CHECK(error_of("id: a/b\nkind: existence\nmessage: 'no {1,2} or { match }'\ntokens: [x]\n") ==
        "loaded");

  // ignore-case.
  CHECK(error_of(base + "ignore-case: sometimes\n") ==
        "rules/r.yaml:5:14: 'ignore-case' must be true or false, found a string");

  // Keys of another kind.
  CHECK(error_of(base + "swap: {a: b}\n") ==
        "rules/r.yaml:5:1: 'swap' belongs to substitution rules; this rule's kind is existence");
  CHECK(error_of("id: a/b\nkind: substitution\nmessage: m\nswap: {a: b}\ntokens: [x]\n") ==
        "rules/r.yaml:5:1: 'tokens' belongs to existence rules; this rule's kind is substitution");
  CHECK(error_of("id: a/b\nkind: field-pattern\nmessage: m\nfield: a\npattern: x\nswap: {}\n") ==
        "rules/r.yaml:6:1: 'swap' belongs to substitution rules; this rule's kind is "
        "field-pattern");

  // existence.
  CHECK(error_of("id: a/b\nkind: existence\nmessage: m\n") ==
        "rules/r.yaml:2:7: an existence rule needs 'tokens' or 'patterns'");
  CHECK(error_of("id: a/b\nkind: existence\nmessage: m\ntokens: {a: b}\n") ==
        "rules/r.yaml:4:9: 'tokens' must be a string or a list of strings, found a mapping");
  CHECK(error_of("id: a/b\nkind: existence\nmessage: m\ntokens: []\n") ==
        "rules/r.yaml:4:9: 'tokens' must be a string or a list of strings, found an empty list");
  CHECK(error_of("id: a/b\nkind: existence\nmessage: m\ntokens: [a, '']\n") ==
        "rules/r.yaml:4:13: empty string in 'tokens'");
  CHECK(error_of("id: a/b\nkind: existence\nmessage: m\ntokens: [a, [b]]\n") ==
        "rules/r.yaml:4:13: 'tokens' must be a list of strings, found a list in it");
  CHECK(error_of("id: a/b\nkind: existence\nmessage: m\npatterns: ['ok', '(ab']\n") ==
        "rules/r.yaml:4:18: invalid regex: missing ): (ab");
  CHECK(error_of("id: a/b\nkind: existence\nmessage: m\npatterns: ['(?<=a)b']\n") ==
        "rules/r.yaml:4:12: invalid regex: invalid perl operator: (?<");
  CHECK(error_of("id: a/b\nkind: existence\nmessage: m\npatterns: ['a*']\n") ==
        "rules/r.yaml:4:12: pattern 'a*' matches empty text");

  // substitution.
  CHECK(error_of("id: a/b\nkind: substitution\nmessage: m\n") ==
        "rules/r.yaml:2:7: a substitution rule needs 'swap' (a mapping of wrong forms to right "
        "ones)");
  CHECK(error_of("id: a/b\nkind: substitution\nmessage: m\nswap: [a, b]\n") ==
        "rules/r.yaml:4:7: 'swap' must be a mapping of wrong forms to right ones, found a list");
  CHECK(error_of("id: a/b\nkind: substitution\nmessage: m\nswap: {}\n") ==
        "rules/r.yaml:4:7: 'swap' must be a mapping of wrong forms to right ones, found an "
        "empty mapping");
  CHECK(error_of("id: a/b\nkind: substitution\nmessage: m\nswap: {a: [b]}\n") ==
        "rules/r.yaml:4:11: the right form of 'a' in 'swap' must be a string, found a list");
  CHECK(error_of("id: a/b\nkind: substitution\nmessage: m\nswap: {a: ''}\n") ==
        "rules/r.yaml:4:11: the right form of 'a' in 'swap' must be a string, found an empty "
        "string");
  CHECK(error_of("id: a/b\nkind: substitution\nmessage: m\nswap: {GitHub: GitHub}\n") ==
        "rules/r.yaml:4:8: 'swap' maps 'GitHub' to itself");

  // field-pattern.
  CHECK(error_of("id: a/b\nkind: field-pattern\nmessage: m\npattern: x\n") ==
        "rules/r.yaml:2:7: a field-pattern rule needs 'field' (a front matter field, as a dotted "
        "path)");
  CHECK(error_of("id: a/b\nkind: field-pattern\nmessage: m\nfield: slug\n") ==
        "rules/r.yaml:2:7: a field-pattern rule needs 'pattern' (a regex)");
  CHECK(error_of("id: a/b\nkind: field-pattern\nmessage: m\nfield: slug\npattern: '[a-'\n") ==
        "rules/r.yaml:5:10: invalid regex: missing ]: [a-");

  // scope.
  CHECK(error_of(base + "scope: headings\n") ==
        "rules/r.yaml:5:8: unknown scope 'headings'; did you mean 'heading'?");
  CHECK(error_of(base + "scope: [text, code]\n") ==
        "rules/r.yaml:5:15: unknown scope 'code'; expected one of: text, heading, link-text, "
        "alt-text, field");
  CHECK(error_of("id: a/b\nkind: field-pattern\nmessage: m\nfield: a\npattern: x\nscope: text\n") ==
        "rules/r.yaml:6:8: scope 'text' does not apply to field-pattern rules; they check front "
        "matter fields (scope: field)");
  CHECK(error_of(base + "scope: [text, field]\n") ==
        "rules/r.yaml:5:8: scope 'field' needs 'field' (the front matter fields to check, as "
        "dotted paths)");
  CHECK(error_of(base + "scope: text\nfield: title\n") ==
        "rules/r.yaml:6:1: 'field' is only read with scope 'field'; add it to 'scope'");
  CHECK(error_of(base + "field: ''\n") == "rules/r.yaml:5:8: empty string in 'field'");
}

// --- existence --------------------------------------------------------------------------

TEST_CASE("existence: tokens match whole words in every prose scope, never in code or URLs") {
  // Case-sensitive: `Simply` and `Of course` are not `simply` and `of course`. Text between
  // inline HTML tags is paragraph text; the tags are not.
  auto rule = load(kExistence);
  CHECK(check(*rule, R"(---
title: Just a title
---

# Simply put, just do it

You simply run it. Of course it just works: justify, unjustly, just_in.

[just click](https://example.org/just) and ![simply a cat](cat.png) <https://just.example>

Run `just build` or see https://example.org/simply-just.

```
just in code
```

<span title="just">just in html</span>
)") == R"(5:15 avoid 'just'
7:5 avoid 'simply'
7:33 avoid 'just'
9:2 avoid 'just'
9:46 avoid 'simply'
17:20 avoid 'just'
)");
}

TEST_CASE("existence: tokens are case-sensitive unless ignore-case, longest first") {
  std::string yaml = R"(id: style/avoid
kind: existence
message: "avoid '{match}'"
tokens: [Dev, Dev Rel]
)";
  auto sensitive = load(yaml);
  CHECK(check(*sensitive, "Dev Rel and dev rel and Dev  Rel and Dev.\n") ==
        "1:1 avoid 'Dev Rel'\n1:25 avoid 'Dev  Rel'\n1:38 avoid 'Dev'\n");
  auto insensitive = load(yaml + "ignore-case: true\n");
  CHECK(check(*insensitive, "Dev Rel and dev rel and DEV.\n") ==
        "1:1 avoid 'Dev Rel'\n1:13 avoid 'dev rel'\n1:25 avoid 'DEV'\n");
}

TEST_CASE("existence: a word joined into a domain, path, handle or hashtag is not the word") {
  auto rule = load(R"(id: a/b
kind: existence
message: "'{match}'"
tokens: [github]
)");
  CHECK(check(*rule,
              "github.com .github /github github/ @github #github github@x github-actions "
              "github. (github) «github» github_x githubs\n") ==
        "1:61 'github'\n1:76 'github'\n1:85 'github'\n1:94 'github'\n");
}

TEST_CASE("existence: word boundaries know letters of every script") {
  auto rule = load(R"(id: a/b
kind: existence
message: "'{match}'"
tokens: [café]
)");
  CHECK(check(*rule, "un café, cafés, écafé, café—noir, 日café\n") == "1:4 'café'\n1:24 'café'\n");
}

TEST_CASE("existence: tokens that start or end with punctuation need no boundary there") {
  auto rule = load(R"(id: a/b
kind: existence
message: "'{match}'"
tokens: ["C++", ".NET"]
)");
  CHECK(check(*rule, "C++ and C++x and xC++ and .NET and ASP.NET\n") ==
        "1:1 'C++'\n1:9 'C++'\n1:27 '.NET'\n1:39 '.NET'\n");
}

TEST_CASE("existence: patterns are RE2 regexes over one run, without the word check") {
  // A run ends at markup: `^` matches at the start of the emphasis too.
  auto rule = load(R"(id: a/b
kind: existence
message: "'{match}'"
patterns: ['\d+ ?%', '^Note:']
ignore-case: true
)");
  CHECK(check(*rule, "Note: 50% and 7 % of *note:* x\n\nNOTE: 12%ish\n") ==
        "1:1 'Note:'\n1:7 '50%'\n1:15 '7 %'\n1:23 'note:'\n3:1 'NOTE:'\n3:7 '12%'\n");
}

TEST_CASE("existence: scopes select the kinds of text") {
  std::string yaml = R"(id: a/b
kind: existence
message: "'{match}'"
tokens: [bad]
)";
  std::string text = "# bad heading\n\nbad text [bad link](u) ![bad alt](i.png)\n";
  CHECK(check(*load(yaml), text) == "1:3 'bad'\n3:1 'bad'\n3:11 'bad'\n3:26 'bad'\n");
  CHECK(check(*load(yaml + "scope: text\n"), text) == "3:1 'bad'\n");
  CHECK(check(*load(yaml + "scope: heading\n"), text) == "1:3 'bad'\n");
  CHECK(check(*load(yaml + "scope: link-text\n"), text) == "3:11 'bad'\n");
  CHECK(check(*load(yaml + "scope: [alt-text, heading]\n"), text) == "1:3 'bad'\n3:26 'bad'\n");
  CHECK(check(*load(yaml + "scope: field\nfield: [title, tags]\n"),
              "---\ntitle: a bad title\ntags: [ok, bad]\nother: bad\n---\n\nbad\n") ==
        "2:10 'bad'\n3:12 'bad'\n");
}

TEST_CASE("existence: URLs in front matter values are not searched") {
  auto rule = load(R"(id: a/b
kind: existence
message: "'{match}'"
patterns: [bad]
field: description
)");
  CHECK(check(*rule, "---\ndescription: bad, see https://bad.example/bad or 'x'\n---\n") ==
        "2:14 'bad'\n");
}

// --- substitution -----------------------------------------------------------------------

TEST_CASE("substitution: each wrong form is reported with a fix that writes the right one") {
  auto rule = load(R"(id: product-name/javascript
kind: substitution
message: "'{match}' is written '{expected}'"
swap:
  Javascript: JavaScript
  javascript: JavaScript
  Java Script: JavaScript
)");
  CHECK(check(*rule, "Javascript, javascript and Java Script; JavaScript is right.\n", true) ==
        "1:1 'Javascript' is written 'JavaScript' => [0,10) 'JavaScript' (replace 'Javascript' "
        "with 'JavaScript')\n"
        "1:13 'javascript' is written 'JavaScript' => [12,22) 'JavaScript' (replace "
        "'javascript' with 'JavaScript')\n"
        "1:28 'Java Script' is written 'JavaScript' => [27,38) 'JavaScript' (replace 'Java "
        "Script' with 'JavaScript')\n");
}

TEST_CASE("substitution: with ignore-case, the right form is not its own wrong form") {
  auto rule = load(R"(id: product-name/github
kind: substitution
message: "'{match}' is written '{expected}'"
ignore-case: true
swap: {github: GitHub}
)");
  CHECK(check(*rule, "GitHub, Github, GITHUB, github.com\n", true) ==
        "1:9 'Github' is written 'GitHub' => [8,14) 'GitHub' (replace 'Github' with 'GitHub')\n"
        "1:17 'GITHUB' is written 'GitHub' => [16,22) 'GitHub' (replace 'GITHUB' with "
        "'GitHub')\n");
}

TEST_CASE("substitution: fixes in front matter fields edit the value in place") {
  auto rule = load(R"(id: a/b
kind: substitution
message: "{match} -> {expected}"
scope: field
field: [title, image.alt, tags]
swap: {Github: GitHub, Nodejs: "Node.js", Devrel: "DevRel: the job"}
)");
  CHECK(check(*rule, R"(---
title: 'Github and Nodejs'
image:
  alt: "Devrel"
tags: [Github]
description: Github
---

Github
)",
              true) ==
        "2:9 Github -> GitHub => [12,18) 'GitHub' (replace 'Github' with 'GitHub')\n"
        "2:20 Nodejs -> Node.js => [23,29) 'Node.js' (replace 'Nodejs' with "
        "'Node.js')\n"
        // A colon in a replacement could change the YAML: reported, not fixed.
        "4:9 Devrel -> DevRel: the job\n"
        "5:8 Github -> GitHub => [61,67) 'GitHub' (replace 'Github' with "
        "'GitHub')\n");
}

// --- field-pattern ----------------------------------------------------------------------

TEST_CASE("field-pattern: a value, or each item of a list, must match the pattern") {
  auto rule = load(R"(id: site/slug
kind: field-pattern
message: "{field} '{match}' is not lowercase kebab-case"
field: [slug, tags, image.url]
pattern: '^[a-z0-9]+(-[a-z0-9]+)*$'
)");
  CHECK(check(*rule, R"(---
slug: My_Post
tags: [ok-tag, Bad Tag, 3]
image:
  url: fine
---
)") == "2:7 slug 'My_Post' is not lowercase kebab-case\n"
       "3:16 tags 'Bad Tag' is not lowercase kebab-case\n");
  // A missing field, a mapping, a null and a body are not this rule's business.
  CHECK(check(*rule, "---\ntitle: x\nslug:\nimage: {url: {a: b}}\n---\n\nMy_Post\n") == "");
  CHECK(check(*rule, "no front matter\n") == "");
}

TEST_CASE("field-pattern: ignore-case applies to the pattern") {
  auto rule = load(R"(id: site/lang
kind: field-pattern
message: "'{match}'"
field: lang
pattern: '^(en|fr)$'
ignore-case: true
)");
  CHECK(check(*rule, "---\nlang: EN\n---\n") == "");
  CHECK(check(*rule, "---\nlang: de\n---\n") == "2:7 'de'\n");
}

// --- catalog ----------------------------------------------------------------------------

TEST_CASE("the catalog merges declarative rules into the registry, sorted by id") {
  Catalog catalog;
  CHECK(catalog.entries().size() == rules::registry().size());
  CHECK(catalog.find("image/empty-url") == rules::find_rule("image/empty-url"));
  CHECK(catalog.declarative("image/empty-url") == nullptr);

  REQUIRE_FALSE(catalog.add(load("id: image/zzz\nkind: existence\nmessage: m\ntokens: [x]\n")));
  REQUIRE_FALSE(catalog.add(load("id: aaa/b\nkind: existence\nmessage: m\ntokens: [x]\n")));
  REQUIRE(catalog.entries().size() == rules::registry().size() + 2);
  CHECK(catalog.entries().front()->meta.id == "aaa/b");
  CHECK(std::is_sorted(catalog.entries().begin(), catalog.entries().end(),
                       [](const rules::RuleEntry* a, const rules::RuleEntry* b) {
                         return a->meta.id < b->meta.id;
                       }));
  const rules::RuleEntry* entry = catalog.find("image/zzz");
  REQUIRE(entry != nullptr);
  REQUIRE(catalog.declarative("image/zzz") != nullptr);
  CHECK(entry == &catalog.declarative("image/zzz")->entry());

  auto made = catalog.make(*entry, rules::Options());
  REQUIRE(made.ok());
  CHECK(check(**made, "x y\n") == "1:1 m\n");
  auto builtin = catalog.make(*catalog.find("image/empty-url"), rules::Options());
  CHECK(builtin.ok());

  Catalog moved = std::move(catalog);
  CHECK(moved.find("image/zzz") == entry);  // entries keep their addresses
}

TEST_CASE("the catalog refuses an id that is taken, naming who has it") {
  Catalog catalog;
  auto clash = catalog.add(load("id: image/empty-url\nkind: existence\nmessage: m\ntokens: [x]\n"));
  REQUIRE(clash);
  CHECK(clash->to_string() ==
        "rules/r.yaml:1:5: rule id 'image/empty-url' is a built-in rule; choose another");
  REQUIRE_FALSE(catalog.add(load("id: a/b\nkind: existence\nmessage: m\ntokens: [x]\n")));
  auto twice = catalog.add(load("\nid:   a/b\nkind: existence\nmessage: m\ntokens: [y]\n"));
  REQUIRE(twice);
  CHECK(twice->to_string() ==
        "rules/r.yaml:2:7: rule id 'a/b' is already defined in rules/r.yaml:1:5");
}

TEST_CASE("declarative rules take no options besides their level") {
  Catalog catalog;
  REQUIRE_FALSE(catalog.add(load("id: a/b\nkind: existence\nmessage: m\ntokens: [x]\n")));
  core::Document config(".contentlint.yaml", "rules:\n  a/b: {level: error, fields: [x]}\n");
  auto yaml = frontmatter::parse_yaml(config, {0, config.text().size()});
  REQUIRE(yaml.root);
  const core::Node* options = yaml.root->find_path("rules.a/b");
  REQUIRE(options != nullptr);
  auto made = catalog.make(*catalog.find("a/b"), rules::Options(options, ".contentlint.yaml"));
  REQUIRE_FALSE(made.ok());
  CHECK(made.error().to_string() ==
        ".contentlint.yaml:2:23: rule a/b has no option 'fields' (it takes no options)");
}

TEST_CASE("a rule folder loads every yaml file below it, in path order") {
  namespace fs = std::filesystem;
  fs::path folder =
      fs::temp_directory_path() / fmt::format("contentlint-declarative-{}", ::getpid());
  fs::remove_all(folder);
  fs::create_directories(folder / "sub");
  auto write = [&](const std::string& name, std::string_view text) {
    std::ofstream(folder / name, std::ios::binary) << text;
  };
  write("b.yaml", "id: b/b\nkind: existence\nmessage: m\ntokens: [x]\n");
  write("sub/a.yml", "id: a/a\nkind: existence\nmessage: m\ntokens: [x]\n");
  write("empty.yaml", "");
  write("README.md", "not a rule\n");
  Catalog catalog;
  CHECK_FALSE(catalog.add_folder(folder, "site-rules"));
  CHECK(catalog.entries().size() == rules::registry().size() + 2);
  REQUIRE(catalog.declarative("a/a") != nullptr);
  CHECK(catalog.declarative("a/a")->path() == "site-rules/sub/a.yml");

  write("c.yaml", "id: c/c\nkind: existance\nmessage: m\n");
  Catalog broken;
  auto error = broken.add_folder(folder, "site-rules");
  REQUIRE(error);
  CHECK(error->to_string() ==
        "site-rules/c.yaml:2:7: unknown kind 'existance'; did you mean 'existence'?");
  fs::remove_all(folder);
}

// --- the shipped packs ------------------------------------------------------------------

TEST_CASE("the product-names pack fixes product names in prose and titles, nowhere else") {
  Catalog catalog;
  REQUIRE_FALSE(catalog.add_folder(CONTENTLINT_SOURCE_DIR "/rules/packs/product-names",
                                   "rules/packs/product-names"));
  std::string text = R"(---
title: How to get a job in Devrel
description: Javascript and Typescript tips
tags: [devrel, javascript]
---

# Why Dev Rel?

I learned javascript, NodeJS and Typescript from Youtube and Linkedin posts.
See github.com/me, nodejs.org, @github, #devrel and https://youtube.com/Youtube.
Follow me on [Github](https://github.com/me). GitHub, JavaScript, Node.js are right.
`javascript` in code is fine.
)";
  std::string got;
  for (const rules::RuleEntry* entry : catalog.entries()) {
    if (catalog.declarative(entry->meta.id) == nullptr) continue;
    auto rule = catalog.make(*entry, rules::Options());
    REQUIRE(rule.ok());
    got += check(**rule, text, true);
  }
  // Rules in id order, each one's findings in source order.
  CHECK(got ==
        "2:28 'Devrel' is written 'DevRel' => [31,37) 'DevRel' (replace 'Devrel' with 'DevRel')\n"
        "7:7 'Dev Rel' is written 'DevRel' => [120,127) 'DevRel' (replace 'Dev Rel' with "
        "'DevRel')\n"
        "11:15 'Github' is written 'GitHub' => [302,308) 'GitHub' (replace 'Github' with "
        "'GitHub')\n"
        "3:14 'Javascript' is written 'JavaScript' => [51,61) 'JavaScript' (replace "
        "'Javascript' with 'JavaScript')\n"
        "9:11 'javascript' is written 'JavaScript' => [140,150) 'JavaScript' (replace "
        "'javascript' with 'JavaScript')\n"
        "9:62 'Linkedin' is written 'LinkedIn' => [191,199) 'LinkedIn' (replace 'Linkedin' "
        "with 'LinkedIn')\n"
        "9:23 'NodeJS' is written 'Node.js' => [152,158) 'Node.js' (replace 'NodeJS' with "
        "'Node.js')\n"
        "3:29 'Typescript' is written 'TypeScript' => [66,76) 'TypeScript' (replace "
        "'Typescript' with 'TypeScript')\n"
        "9:34 'Typescript' is written 'TypeScript' => [163,173) 'TypeScript' (replace "
        "'Typescript' with 'TypeScript')\n"
        "9:50 'Youtube' is written 'YouTube' => [179,186) 'YouTube' (replace 'Youtube' with "
        "'YouTube')\n");
}

TEST_CASE("the inclusive-language pack flags the listed words only") {
  Catalog catalog;
  REQUIRE_FALSE(catalog.add_folder(CONTENTLINT_SOURCE_DIR "/rules/packs/inclusive-language",
                                   "rules/packs/inclusive-language"));
  std::string text =
      "Add it to the Whitelist, not the black-list; IPs are blacklisted.\n"
      "A master-slave setup. Merge into master. He has a master's degree.\n";
  std::string got;
  for (const rules::RuleEntry* entry : catalog.entries()) {
    if (catalog.declarative(entry->meta.id) == nullptr) continue;
    auto rule = catalog.make(*entry, rules::Options());
    REQUIRE(rule.ok());
    got += check(**rule, text);
  }
  CHECK(got ==
        "1:34 use 'denylist' or 'blocklist' (or 'block') instead of 'black-list'\n"
        "1:54 use 'denylist' or 'blocklist' (or 'block') instead of 'blacklisted'\n"
        "2:3 'master-slave' names roles by slavery; say what they do: primary/replica, "
        "leader/follower, controller/worker\n"
        "1:15 use 'allowlist' (or 'allow') instead of 'Whitelist'\n");
}

TEST_CASE("every shipped pack file loads") {
  namespace fs = std::filesystem;
  std::size_t count = 0;
  for (const auto& pack : fs::directory_iterator(CONTENTLINT_SOURCE_DIR "/rules/packs")) {
    if (!pack.is_directory()) continue;
    Catalog catalog;
    INFO(pack.path().string());
    CHECK_FALSE(catalog.add_folder(pack.path(), pack.path().filename().string()));
    count += catalog.entries().size() - rules::registry().size();
  }
  CHECK(count == 13);
}
