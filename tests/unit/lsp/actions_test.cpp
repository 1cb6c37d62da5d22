// Code actions and LSP diagnostics built from lint results: fixes by safety, the ranges
// they touch, workspace edit shapes, and the "disable for this line" comments.

#include <catch2/catch.hpp>

#include <string>

#include "lsp/actions.hpp"

using namespace contentlint;
using namespace contentlint::lsp;
using nlohmann::json;

namespace {

core::Diagnostic diagnostic(std::string rule, core::ByteSpan span, core::Position begin,
                            std::optional<core::Fix> fix = std::nullopt) {
  core::Diagnostic result;
  result.rule = std::move(rule);
  result.severity = core::Severity::warning;
  result.message = "message of " + result.rule;
  result.span = span;
  result.range = {begin, begin};
  result.fix = std::move(fix);
  return result;
}

// The text after `edit`, or "(none)".
std::string after(std::string_view text, const std::optional<core::Edit>& edit) {
  if (!edit) return "(none)";
  std::string result(text);
  result.replace(edit->span.begin, edit->span.size(), edit->replacement);
  return result;
}

std::string disabled(std::string_view text, std::uint32_t line, std::string_view rule) {
  core::Document document("post.md", std::string(text));
  return after(document.text(), disable_edit(document, line, rule));
}

ActionRequest whole(std::uint32_t lines) { return {{{0, 0}, {lines, 0}}, std::nullopt, false}; }

std::vector<std::string> titles(const json& actions) {
  std::vector<std::string> result;
  for (const json& action : actions) result.push_back(action.at("title").get<std::string>());
  return result;
}

}  // namespace

TEST_CASE("rule documentation links use GitHub's anchor for the rule's heading") {
  CHECK(rule_docs_url("image/empty-url") ==
        "https://github.com/contentlint/contentlint/blob/main/docs/rules.md#imageempty-url");
  CHECK(rule_docs_url("Site/No_Jargon") ==
        "https://github.com/contentlint/contentlint/blob/main/docs/rules.md#siteno_jargon");
}

TEST_CASE("an LSP diagnostic carries range, severity, code, docs link and source") {
  std::string text = "# \xF0\x9F\x98\x80 x\n![a]()\n";
  core::Document document("post.md", text);
  TextIndex index(text, PositionEncoding::utf16);
  core::Diagnostic finding = diagnostic("image/empty-url", {9, 15}, {2, 1});
  finding.severity = core::Severity::error;
  CHECK(to_lsp(finding, index) ==
        json::parse(R"({"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":6}},
          "severity":1,"code":"image/empty-url","source":"contentlint",
          "codeDescription":{"href":"https://github.com/contentlint/contentlint/blob/main/docs/rules.md#imageempty-url"},
          "message":"message of image/empty-url"})"));
  finding.severity = core::Severity::info;
  finding.rule = "suppression/unused";
  json unused = to_lsp(finding, index);
  CHECK(unused["severity"] == 3);
  CHECK(unused["tags"] == json::array({1}));
  // The heading's emoji is a surrogate pair: "x" starts at UTF-16 unit 5, byte 7.
  CHECK(to_lsp(diagnostic("r/x", {7, 8}, {1, 4}), index)["range"]["start"]["character"] == 5);
}

TEST_CASE("a lint that could not run publishes one error at the start") {
  Lint lint{"file:///p.md", 3, "text", {}, core::Error{".contentlint.yaml", {{2, 3}}, "bad"}};
  CHECK(to_lsp_diagnostics(lint, PositionEncoding::utf16) ==
        json::parse(R"([{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},
          "severity":1,"source":"contentlint",
          "message":"contentlint cannot lint this document: .contentlint.yaml:2:3: bad"}])"));
  CHECK(code_actions(lint, PositionEncoding::utf16, whole(5)) == json::array());
}

TEST_CASE("fixes become quick fixes: safe preferred, unsafe marked, display-only never") {
  std::string text = "---\ntags: [Foo]\n---\n\nText  \n";
  Lint lint{"file:///p.md", 7, text, {}, std::nullopt};
  lint.diagnostics.push_back(
      diagnostic("tag/format", {11, 14}, {2, 8},
                 core::Fix{"lowercase the tag", core::FixSafety::safe, {{{11, 14}, "foo"}}}));
  lint.diagnostics.push_back(
      diagnostic("tag/unknown", {11, 14}, {2, 8},
                 core::Fix{"use 'food'", core::FixSafety::unsafe, {{{11, 14}, "food"}}}));
  lint.diagnostics.push_back(
      diagnostic("text/trailing-space", {24, 26}, {5, 5},
                 core::Fix{"explain only", core::FixSafety::display_only, {{{24, 26}, ""}}}));

  json actions = code_actions(lint, PositionEncoding::utf16, whole(9));
  CHECK(titles(actions) ==
        std::vector<std::string>{"lowercase the tag", "Disable tag/format for this line",
                                 "use 'food' (unsafe)", "Disable tag/unknown for this line",
                                 "Disable text/trailing-space for this line"});
  CHECK(actions[0] == json::parse(R"({
    "title":"lowercase the tag","kind":"quickfix","isPreferred":true,
    "diagnostics":[{"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":10}},
      "severity":2,"code":"tag/format","source":"contentlint","message":"message of tag/format",
      "codeDescription":{"href":"https://github.com/contentlint/contentlint/blob/main/docs/rules.md#tagformat"}}],
    "edit":{"changes":{"file:///p.md":[
      {"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":10}},"newText":"foo"}]}}})"));
  CHECK_FALSE(actions[2].contains("isPreferred"));
  CHECK(actions[1]["edit"]["changes"]["file:///p.md"] == json::parse(R"([
      {"range":{"start":{"line":1,"character":11},"end":{"line":1,"character":11}},
       "newText":" # contentlint-disable-line tag/format"}])"));
  CHECK(actions[4]["edit"]["changes"]["file:///p.md"] == json::parse(R"([
      {"range":{"start":{"line":4,"character":0},"end":{"line":4,"character":0}},
       "newText":"<!-- contentlint-disable-next-line text/trailing-space -->\n"}])"));
}

TEST_CASE("only the diagnostics the requested range touches get actions") {
  std::string text = "aaaa\nbbbb\ncccc\n";
  Lint lint{"file:///p.md", 1, text, {}, std::nullopt};
  lint.diagnostics.push_back(diagnostic("r/one", {1, 3}, {1, 2}));
  lint.diagnostics.push_back(diagnostic("r/two", {10, 12}, {3, 1}));
  auto request = [](LspPosition start, LspPosition end) {
    return ActionRequest{{start, end}, std::nullopt, false};
  };
  CHECK(titles(code_actions(lint, PositionEncoding::utf16, request({0, 3}, {0, 3}))) ==
        std::vector<std::string>{"Disable r/one for this line"});  // the cursor at its end
  CHECK(titles(code_actions(lint, PositionEncoding::utf16, request({0, 4}, {1, 4}))).empty());
  CHECK(titles(code_actions(lint, PositionEncoding::utf16, request({1, 0}, {2, 0}))) ==
        std::vector<std::string>{"Disable r/two for this line"});
  ActionRequest source_only = whole(9);
  source_only.only = std::vector<std::string>{"source"};
  CHECK(code_actions(lint, PositionEncoding::utf16, source_only) == json::array());
}

TEST_CASE("versioned document changes when the client takes them") {
  std::string text = "\xEF\xBB\xBFtags  \n";
  Lint lint{"file:///p.md", 42, text, {}, std::nullopt};
  // Spans index the text without its BOM; the client's positions count the BOM.
  CHECK(workspace_edit(lint, PositionEncoding::utf16, {{{4, 6}, ""}, {{0, 0}, "x"}}, true) ==
        json::parse(R"({"documentChanges":[{"textDocument":{"uri":"file:///p.md","version":42},
          "edits":[{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":1}},"newText":"x"},
                   {"range":{"start":{"line":0,"character":5},"end":{"line":0,"character":7}},"newText":""}]}]})"));
}

TEST_CASE("kinds match themselves and their parents") {
  std::optional<std::vector<std::string>> none;
  CHECK(kind_requested("quickfix", none));
  CHECK(kind_requested("source.fixAll.contentlint", std::vector<std::string>{"source"}));
  CHECK(kind_requested("source.fixAll.contentlint", std::vector<std::string>{"source.fixAll"}));
  CHECK_FALSE(kind_requested("source.fixAll.contentlint", std::vector<std::string>{"source.fix"}));
  CHECK_FALSE(kind_requested("quickfix", std::vector<std::string>{"refactor", "source"}));
}

TEST_CASE("disable comments go above body lines and at the end of front-matter lines") {
  std::string post = "---\ntitle: A\ntags: [X]\n---\n\n# T\n\n![a]()\n";
  CHECK(disabled(post, 8, "image/empty-url") ==
        "---\ntitle: A\ntags: [X]\n---\n\n# T\n\n"
        "<!-- contentlint-disable-next-line image/empty-url -->\n![a]()\n");
  CHECK(disabled(post, 3, "tag/format") ==
        "---\ntitle: A\ntags: [X] # contentlint-disable-line tag/format\n---\n\n# T\n\n![a]()\n");
  CHECK(disabled(post, 1, "frontmatter/schema") == "(none)");  // the fences take no comment
  CHECK(disabled(post, 4, "frontmatter/schema") == "(none)");
  CHECK(disabled("no front matter\n", 1, "text/x") ==
        "<!-- contentlint-disable-next-line text/x -->\nno front matter\n");
}

TEST_CASE("disable comments join an existing comment for the same line") {
  CHECK(disabled("<!-- contentlint-disable-next-line a/b -->\n![x]()\n", 2, "c/d") ==
        "<!-- contentlint-disable-next-line a/b c/d -->\n![x]()\n");
  CHECK(disabled("<!-- contentlint-disable-next-line a/b -- why -->\n![x]()\n", 2, "c/d") ==
        "<!-- contentlint-disable-next-line a/b c/d -- why -->\n![x]()\n");
  CHECK(disabled("---\ntags: [X] # contentlint-disable-line a/b\n---\n", 2, "c/d") ==
        "---\ntags: [X] # contentlint-disable-line a/b c/d\n---\n");
}

TEST_CASE("disable comments keep list and quote indentation, line endings, and stay out of code") {
  CHECK(disabled("- item\n\n  ![a]()\n", 3, "r/x") ==
        "- item\n\n  <!-- contentlint-disable-next-line r/x -->\n  ![a]()\n");
  CHECK(disabled("> quote\n> ![a]()\n", 2, "r/x") ==
        "> quote\n> <!-- contentlint-disable-next-line r/x -->\n> ![a]()\n");
  CHECK(disabled("a\r\nb  \r\n", 2, "r/x") ==
        "a\r\n<!-- contentlint-disable-next-line r/x -->\r\nb  \r\n");
  // In a fenced code block a comment is code, and suppresses nothing.
  CHECK(disabled("```sh\necho hi  \n```\n", 2, "text/trailing-space") == "(none)");
  // In a block scalar a `#` is text.
  CHECK(disabled("---\ndescription: |\n  long text  \n---\n", 3, "text/trailing-space") ==
        "(none)");
}

TEST_CASE("a minimal edit keeps the common prefix and suffix, on character boundaries") {
  auto apply = [](std::string before, const core::Edit& edit) {
    return before.replace(edit.span.begin, edit.span.size(), edit.replacement);
  };
  core::Edit edit = minimal_edit("tags: [Foo, bar]\n", "tags: [foo, bar]\n");
  CHECK(edit == core::Edit{{7, 8}, "f"});
  CHECK(minimal_edit("same", "same") == core::Edit{{4, 4}, ""});
  CHECK(minimal_edit("ab", "abab") == core::Edit{{2, 2}, "ab"});
  // "é" (C3 A9) and "è" (C3 A8) share their first byte: the edit takes the whole character.
  core::Edit accents = minimal_edit("x\xC3\xA9y", "x\xC3\xA8y");
  CHECK(accents == core::Edit{{1, 3}, "\xC3\xA8"});
  CHECK(apply("x\xC3\xA9y", accents) == "x\xC3\xA8y");
}
