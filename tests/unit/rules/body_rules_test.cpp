// The body rules (images, headings, code blocks, links) through their factories: each
// option's effect and its errors, and the fixes link/malformed attaches. The golden
// fixtures in tests/rules/ cover the diagnostics of the defaults.

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

#include "frontmatter/frontmatter.hpp"
#include "markdown/facts.hpp"
#include "rules/rule.hpp"

using namespace contentlint;

namespace {

// A config's options for one rule, parsed as the config loader parses them. Kept alive
// for the whole run: a rule may hold views into its options.
const core::Node* options_node(std::string yaml) {
  struct File {
    std::unique_ptr<core::Document> document;
    std::optional<core::Node> root;
  };
  static std::vector<std::unique_ptr<File>> files;
  auto file = std::make_unique<File>();
  file->document = std::make_unique<core::Document>("c.yaml", std::move(yaml));
  auto parsed = frontmatter::parse_yaml(*file->document, {0, file->document->text().size()});
  REQUIRE(parsed.problems.empty());
  file->root = std::move(parsed.root);
  files.push_back(std::move(file));
  return files.back()->root ? &*files.back()->root : nullptr;
}

core::Expected<std::unique_ptr<rules::Rule>> make(std::string_view id, std::string yaml) {
  const rules::RuleEntry* entry = rules::find_rule(id);
  REQUIRE(entry != nullptr);
  return entry->make(rules::Options(options_node(std::move(yaml)), "c.yaml"));
}

std::string error_of(std::string_view id, std::string yaml) {
  auto rule = make(id, std::move(yaml));
  REQUIRE_FALSE(rule.ok());
  return rule.error().to_string();
}

// What one rule reports on one file: `line:col message` per diagnostic.
std::vector<core::Diagnostic> diagnostics(std::string_view id, std::string yaml,
                                          const core::Document& document) {
  auto rule = make(id, std::move(yaml));
  REQUIRE(rule.ok());
  frontmatter::FrontMatter front_matter = frontmatter::read(document);
  markdown::Body body = markdown::extract(document, front_matter.split.body);
  rules::Article article{document, front_matter, body, "", nullptr, nullptr};
  core::DiagnosticSink sink;
  sink.begin_rule(id, core::Severity::warning);
  (*rule)->check(article, sink);
  return sink.take();
}

std::vector<std::string> lines(std::string_view id, std::string yaml, std::string text) {
  core::Document document("post.md", std::move(text));
  std::vector<std::string> out;
  for (const core::Diagnostic& diagnostic : diagnostics(id, std::move(yaml), document)) {
    core::Position at = document.position(diagnostic.span.begin);
    out.push_back(fmt::format("{}:{} {}", at.line, at.column, diagnostic.message));
  }
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the body rules are registered with their catalog levels") {
  using core::Severity;
  const std::pair<std::string_view, Severity> levels[] = {
      {"image/alt-text", Severity::warning},      {"heading/increment", Severity::warning},
      {"heading/title-h1", Severity::warning},    {"heading/empty", Severity::warning},
      {"code/fence-language", Severity::warning}, {"link/empty", Severity::error},
      {"link/malformed", Severity::error},
  };
  for (const auto& [id, level] : levels) {
    INFO(id);
    const rules::RuleEntry* entry = rules::find_rule(id);
    REQUIRE(entry != nullptr);
    CHECK(entry->meta.default_severity == level);
    CHECK(entry->meta.fixable == (id == "link/malformed"));
    CHECK_FALSE(entry->meta.what.empty());
    CHECK_FALSE(entry->meta.why.empty());
    CHECK_FALSE(entry->meta.bad.empty());
    CHECK_FALSE(entry->meta.good.empty());
  }
}

TEST_CASE("image/alt-text: placeholders replaces the default list") {
  std::string text = "![image](a.png)\n\n![Banner](b.png)\n\n![ Hero-Image. ](c.png)\n";
  CHECK(lines("image/alt-text", "", text) ==
        Lines{"1:1 image alt text 'image' is a placeholder; describe the image"});
  CHECK(lines("image/alt-text", "placeholders: [banner, hero image]\n", text) ==
        Lines{"3:1 image alt text 'Banner' is a placeholder; describe the image",
              "5:1 image alt text 'Hero-Image.' is a placeholder; describe the image"});
  CHECK(lines("image/alt-text", "placeholders: []\n", text).empty());
  CHECK(error_of("image/alt-text", "placeholders: image\n") ==
        "c.yaml:1:15: option 'placeholders' must be a list of strings, found a string");
}

TEST_CASE("image/alt-text: a URL, a file name or an empty alt comes before a placeholder") {
  // `image.png` is the file name and a placeholder; the more specific message wins.
  CHECK(lines("image/alt-text", "", "![image](img/image.png)\n") ==
        Lines{"1:1 image alt text is the file name; describe the image"});
  // The file name is percent-decoded, query and fragment are not part of it.
  CHECK(lines("image/alt-text", "", "![my photo](img/my%20photo.png?v=2#x)\n") ==
        Lines{"1:1 image alt text is the file name; describe the image"});
  CHECK(lines("image/alt-text", "", "![A data image](data:image/png;base64,AAAA)\n").empty());
}

TEST_CASE("heading/title-h1: title-field names the title, as a dotted path") {
  std::string text = "---\ntitle: Front\nmeta:\n  title: Nested\n---\n\n# H1\n";
  CHECK(lines("heading/title-h1", "", text) ==
        Lines{"7:1 the front matter already sets the title; use ## for sections"});
  CHECK(lines("heading/title-h1", "title-field: meta.title\n", text) ==
        Lines{"7:1 the front matter already sets the title; use ## for sections"});
  CHECK(lines("heading/title-h1", "title-field: heading\n", text).empty());
  CHECK(lines("heading/title-h1", "title-field: meta\n", text).empty());  // not a scalar
  CHECK(error_of("heading/title-h1", "title-field: [a]\n") ==
        "c.yaml:1:14: option 'title-field' must be a string, found a list");
}

TEST_CASE("code/fence-language: allowed limits the languages, ignoring case") {
  std::string text = "```jsx2\nx\n```\n\n```JS\nx\n```\n\n```sh title=a\nx\n```\n\n```\nx\n```\n";
  CHECK(lines("code/fence-language", "", text) ==
        Lines{"13:1 code block has no language; add one after the fence, e.g. ```js"});
  CHECK(lines("code/fence-language", "allowed: [js, sh]\n", text) ==
        Lines{"1:1 code block language 'jsx2' is not in the allowed list",
              "13:1 code block has no language; add one after the fence, e.g. ```js"});
  CHECK(error_of("code/fence-language", "allowed: js\n") ==
        "c.yaml:1:10: option 'allowed' must be a list of strings, found a string");
}

TEST_CASE("rules without options reject any") {
  for (std::string_view id : {"heading/increment", "heading/empty", "link/empty"}) {
    INFO(id);
    CHECK(error_of(id, "allowed: []\n") ==
          fmt::format("c.yaml:1:1: rule {} has no option 'allowed' (it takes no options)", id));
  }
}

TEST_CASE("link/malformed: schemes extends the allowed schemes") {
  std::string text = "[a](vscode://file/a.md) [b](Slack://open) [c](https://example.org)\n";
  CHECK(lines("link/malformed", "", text) ==
        Lines{"1:5 unknown URL scheme 'vscode:'", "1:29 unknown URL scheme 'Slack:'"});
  CHECK(lines("link/malformed", "schemes: [VSCode, 'slack:']\n", text).empty());
  CHECK(error_of("link/malformed", "schemes: {a: b}\n") ==
        "c.yaml:1:10: option 'schemes' must be a list of strings, found a mapping");
}

TEST_CASE("link/malformed: the mailto fix is safe, the guesses are not") {
  core::Document document("post.md",
                          "[me](me@example.org) [x](htps://x.org) [w](www.example.org) "
                          "[l](localhost:3000/a) [s](my file.md)\n\n[d]: team@example.org\n");
  std::vector<core::Diagnostic> found = diagnostics("link/malformed", "", document);
  REQUIRE(found.size() == 6);
  std::vector<std::string> fixes;
  for (const core::Diagnostic& diagnostic : found) {
    REQUIRE(diagnostic.fix.has_value());
    REQUIRE(diagnostic.fix->edits.size() == 1);
    const core::Edit& edit = diagnostic.fix->edits[0];
    fixes.push_back(fmt::format("{} {} [{},{}) '{}'", diagnostic.fixable() ? "safe" : "unsafe",
                                diagnostic.fix->title, edit.span.begin, edit.span.end,
                                edit.replacement));
  }
  CHECK(fixes == Lines{
                     "safe insert 'mailto:' [5,5) 'mailto:'",
                     "unsafe replace 'htps:' with 'https:' [25,29) 'https'",
                     "unsafe insert 'https://' [43,43) 'https://'",
                     "unsafe insert 'http://' [64,64) 'http://'",
                     "safe insert 'mailto:' [104,104) 'mailto:'",
                     "unsafe encode the spaces as %20 [86,96) 'my%20file.md'",
                 });
}
