#include "core/glob.hpp"

#include <catch2/catch.hpp>
#include <string>

using contentlint::core::Glob;

namespace {

Glob compiled(const std::string& pattern) {
  auto glob = Glob::compile(pattern);
  INFO(pattern);
  REQUIRE(glob.ok());
  return *glob;
}

bool match(const std::string& pattern, const std::string& path) {
  return compiled(pattern).matches(path);
}

std::string compile_error(const std::string& pattern) {
  auto glob = Glob::compile(pattern);
  INFO(pattern);
  REQUIRE_FALSE(glob.ok());
  CHECK(glob.error().path.empty());
  CHECK_FALSE(glob.error().position.has_value());
  return glob.error().message;
}

}  // namespace

TEST_CASE("glob: * matches a run of characters within one segment") {
  CHECK(match("*.md", "a.md"));
  CHECK(match("*.md", ".md"));
  CHECK(match("*.md", ".hidden.md"));
  CHECK_FALSE(match("*.md", "a.markdown"));
  CHECK_FALSE(match("*.md", "x/a.md"));
  CHECK(match("src/*.md", "src/a.md"));
  CHECK_FALSE(match("src/*.md", "src/x/a.md"));
  CHECK(match("a*b*c", "abc"));
  CHECK(match("a*b*c", "aXbYbZc"));
  CHECK_FALSE(match("a*b*c", "aXbYc/c"));
  CHECK(match("post", "post"));
  CHECK_FALSE(match("post", "posts"));
  CHECK_FALSE(match("Post", "post"));
}

TEST_CASE("glob: ? matches one code point, never a slash") {
  CHECK(match("?.md", "a.md"));
  CHECK(match("?.md", "\xC3\xA9.md"));          // é: two bytes, one code point
  CHECK(match("?.md", "\xF0\x9F\x98\x80.md"));  // an emoji: four bytes
  CHECK_FALSE(match("?.md", "ab.md"));
  CHECK_FALSE(match("?.md", ".md"));
  CHECK_FALSE(match("a?b", "a/b"));
  CHECK(match("caf\xC3\xA9-?", "caf\xC3\xA9-1"));
}

TEST_CASE("glob: character classes") {
  CHECK(match("[abc].md", "b.md"));
  CHECK_FALSE(match("[abc].md", "d.md"));
  CHECK(match("cohort-[0-9]", "cohort-7"));
  CHECK_FALSE(match("cohort-[0-9]", "cohort-x"));
  CHECK(match("[!x].md", "y.md"));
  CHECK_FALSE(match("[!x].md", "x.md"));
  CHECK(match("[^x].md", "y.md"));
  CHECK_FALSE(match("[^x].md", "x.md"));
  CHECK(match("[]a]", "]"));
  CHECK(match("[!]a]", "b"));
  CHECK_FALSE(match("[!]a]", "]"));
  CHECK(match("[a\\]]", "]"));
  CHECK(match("[a-]", "-"));
  CHECK(match("[\xC3\xA0-\xC3\xAB]", "\xC3\xA9"));  // [à-ë] matches é
  CHECK_FALSE(match("[\xC3\xA0-\xC3\xAB]", "e"));
  CHECK_FALSE(match("a[/]b", "a/b"));
  CHECK_FALSE(match("[!a]", "/"));
}

TEST_CASE("glob: braces expand to alternatives") {
  CHECK(match("*.{md,markdown}", "a.md"));
  CHECK(match("*.{md,markdown}", "a.markdown"));
  CHECK_FALSE(match("*.{md,markdown}", "a.txt"));
  CHECK(match("{src,docs}/**/*.md", "docs/x/a.md"));
  CHECK(match("{src,docs}/**/*.md", "src/a.md"));
  CHECK_FALSE(match("{src,docs}/**/*.md", "lib/a.md"));
  CHECK(match("a{b,{c,d}e}f", "abf"));
  CHECK(match("a{b,{c,d}e}f", "acef"));
  CHECK(match("a{b,{c,d}e}f", "adef"));
  CHECK_FALSE(match("a{b,{c,d}e}f", "acf"));
  CHECK(match("a{,x}b", "ab"));
  CHECK(match("a{,x}b", "axb"));
  CHECK(match("a{}b", "ab"));
  CHECK(match("{a/b,c}.md", "a/b.md"));
  CHECK(match("{a/b,c}.md", "c.md"));
  // outside braces `,` and `}` are plain characters
  CHECK(match("a,b}", "a,b}"));
}

TEST_CASE("glob: ** is zero or more whole segments") {
  CHECK(match("src/**/*.md", "src/a.md"));
  CHECK(match("src/**/*.md", "src/x/a.md"));
  CHECK(match("src/**/*.md", "src/x/y/a.md"));
  CHECK_FALSE(match("src/**/*.md", "srcx/a.md"));
  CHECK_FALSE(match("src/**/*.md", "other/src/a.md"));
  CHECK_FALSE(match("src/**/*.md", "src/x/a.txt"));
  CHECK(match("**/*.md", "a.md"));
  CHECK(match("**/*.md", "x/y/a.md"));
  CHECK(match("a/**/b", "a/b"));
  CHECK(match("a/**/b", "a/x/y/b"));
  CHECK_FALSE(match("a/**/b", "a/x/y/c"));
  CHECK(match("a/**", "a"));
  CHECK(match("a/**", "a/b"));
  CHECK(match("a/**", "a/b/c"));
  CHECK_FALSE(match("a/**", "b/a"));
  CHECK(match("**", "anything/at/all.md"));
  CHECK(match("**/**/x", "x"));
  // not a whole segment: an ordinary *
  CHECK(match("a**b", "axyb"));
  CHECK_FALSE(match("a**b", "ax/yb"));
  CHECK(match("**.md", "a.md"));
  CHECK_FALSE(match("**.md", "x/a.md"));
}

TEST_CASE("glob: escapes make characters literal") {
  CHECK(match("\\*.md", "*.md"));
  CHECK_FALSE(match("\\*.md", "a.md"));
  CHECK(match("\\[draft\\].md", "[draft].md"));
  CHECK(match("\\{a,b\\}", "{a,b}"));
  CHECK_FALSE(match("\\{a,b\\}", "a"));
  CHECK(match("a\\?", "a?"));
  CHECK_FALSE(match("a\\?", "ab"));
  CHECK(match("\\\\", "\\"));
  // an escaped `*` next to a `*` does not make a globstar
  CHECK_FALSE(match("\\**", "a/b"));
  CHECK(match("\\**", "*ab"));
}

TEST_CASE("glob: a leading ./ and a trailing / are dropped") {
  CHECK(match("./docs/*.md", "docs/a.md"));
  CHECK(match("drafts/", "drafts"));
  CHECK(compiled("./docs/*.md").pattern() == "./docs/*.md");
  CHECK(compiled("docs/{a,b}/").pattern() == "docs/{a,b}/");
}

TEST_CASE("glob: compile errors name the column in the pattern") {
  CHECK(compile_error("src/[a") == "invalid glob 'src/[a': unclosed '[' at column 5");
  CHECK(compile_error("[!") == "invalid glob '[!': unclosed '[' at column 1");
  CHECK(compile_error("[]") == "invalid glob '[]': unclosed '[' at column 1");
  CHECK(compile_error("{a,b") == "invalid glob '{a,b': unclosed '{' at column 1");
  CHECK(compile_error("x{a,{b}") == "invalid glob 'x{a,{b}': unclosed '{' at column 2");
  CHECK(compile_error("\xC3\xA9\xC3\xA9{a") ==
        "invalid glob '\xC3\xA9\xC3\xA9{a': unclosed '{' at column 3");
  CHECK(compile_error("a\\") == "invalid glob 'a\\': '\\' at column 2 escapes nothing");
}

TEST_CASE("glob: brace expansion is capped at 64 patterns") {
  CHECK(compiled("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}").matches("abbaab"));  // 64
  CHECK(compile_error("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}") ==
        "invalid glob '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}': braces expand to more than 64 "
        "patterns");
  std::string many = "{";
  for (int i = 0; i < 65; ++i) many += std::to_string(i) + ",";
  many.back() = '}';
  CHECK(compile_error(many) ==
        "invalid glob '" + many + "': braces expand to more than 64 patterns");
  std::string deep(10000, '{');
  deep += "a";
  deep += std::string(10000, '}');
  CHECK(compiled(deep).matches("a"));
}

TEST_CASE("glob: pathological patterns do not backtrack exponentially") {
  const std::string text(20000, 'a');
  CHECK_FALSE(match("*a*a*a*a*a*a*a*b", text));
  CHECK(match("*a*a*a*a*a*a*a*", text));
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "a/";
  deep += "b";
  CHECK_FALSE(match("**/a/**/a/**/a/**/a/**/a/**/c", deep));
  CHECK(match("**/a/**/a/**/a/**/a/**/a/**/b", deep));
}

TEST_CASE("glob: may_match_inside tells which folders can hold a match") {
  const Glob posts = compiled("src/content/**/*.md");
  CHECK(posts.may_match_inside(""));
  CHECK(posts.may_match_inside("src"));
  CHECK(posts.may_match_inside("src/content"));
  CHECK(posts.may_match_inside("src/content/x/y"));
  CHECK_FALSE(posts.may_match_inside("node_modules"));
  CHECK_FALSE(posts.may_match_inside("src/other"));

  const Glob top = compiled("*.md");
  CHECK(top.may_match_inside(""));
  CHECK_FALSE(top.may_match_inside("x"));
  CHECK_FALSE(top.may_match_inside("x.md"));

  const Glob alumni = compiled("src/content/{alumni,cohort-*}/*.md");
  CHECK(alumni.may_match_inside("src/content/cohort-3"));
  CHECK_FALSE(alumni.may_match_inside("src/content/cohort-3/x"));
  CHECK_FALSE(alumni.may_match_inside("src/content/posts"));
}
