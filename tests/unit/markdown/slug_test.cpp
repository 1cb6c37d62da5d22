#include "markdown/slug.hpp"

#include <catch2/catch.hpp>

using contentlint::markdown::github_slug;
using contentlint::markdown::SlugCounter;

TEST_CASE("github_slug lowercases and drops punctuation and symbols") {
  CHECK(github_slug("What is DevRel?") == "what-is-devrel");
  CHECK(github_slug("C++ & Rust") == "c--rust");
  CHECK(github_slug("Hello, World!") == "hello-world");
  CHECK(github_slug("code span") == "code-span");
  CHECK(github_slug("1.2.3 Release") == "123-release");
  CHECK(github_slug("snake_case and kebab-case") == "snake_case-and-kebab-case");
  CHECK(github_slug("Quotes \"double\" 'single' `tick`") == "quotes-double-single-tick");
  CHECK(github_slug("a/b\\c|d") == "abcd");
}

TEST_CASE("github_slug keeps letters and numbers of every script") {
  CHECK(github_slug("Ünïcödé Heading") == "ünïcödé-heading");
  CHECK(github_slug("日本語") == "日本語");
  CHECK(github_slug("Привет Мир") == "привет-мир");
  CHECK(github_slug("Ελληνικά ΑΒΓ") == "ελληνικά-αβγ");
  CHECK(github_slug("ΟΔΟΣ") == "οδος");            // a word-final capital sigma lowercases to ς
  CHECK(github_slug("İstanbul") == "i̇stanbul");    // İ lowercases to i + combining dot
  CHECK(github_slug("Café ① ½ ²") == "café---");   // No (other numbers) are removed
  CHECK(github_slug("Ⓐ circled") == "ⓐ-circled");  // alphabetic symbols stay
}

TEST_CASE("github_slug removes emoji but keeps the spaces around them") {
  CHECK(github_slug("Emoji 🎉 party") == "emoji--party");
  CHECK(github_slug("🚀 Launch") == "-launch");
}

TEST_CASE("github_slug neither trims nor collapses spaces") {
  CHECK(github_slug("a  b") == "a--b");
  CHECK(github_slug(" a ") == "-a-");
  CHECK(github_slug("a\tb") == "ab");      // a tab is a control character
  CHECK(github_slug("a\u00A0b") == "ab");  // so is a no-break space (Zs)
  CHECK(github_slug("") == "");
}

TEST_CASE("SlugCounter de-duplicates in order like github-slugger") {
  SlugCounter slugs;
  CHECK(slugs.next("Intro") == "intro");
  CHECK(slugs.next("Intro") == "intro-1");
  CHECK(slugs.next("intro") == "intro-2");
  CHECK(slugs.next("Intro 1") == "intro-1-1");  // "intro-1" is taken already
  CHECK(slugs.next("Other") == "other");
  CHECK(slugs.next("") == "");
  CHECK(slugs.next("!!!") == "-1");  // slugs to "", which is taken
}
