#include <catch2/catch.hpp>

#include "links/url.hpp"

using namespace contentlint::links;
using Kind = Destination::Kind;

TEST_CASE("destinations are classified by how they locate their target") {
  CHECK(parse_destination("").kind == Kind::empty);
  CHECK(parse_destination("  ").kind == Kind::empty);
  CHECK(parse_destination("#intro").kind == Kind::fragment);
  CHECK(parse_destination("?tab=2#intro").kind == Kind::fragment);
  CHECK(parse_destination("https://x.org/a").kind == Kind::external);
  CHECK(parse_destination("mailto:me@x.org").kind == Kind::external);
  CHECK(parse_destination("tel:+123").kind == Kind::external);
  CHECK(parse_destination("data:image/png;base64,AAAA").kind == Kind::external);
  CHECK(parse_destination("//cdn.x.org/a.js").kind == Kind::protocol_relative);
  CHECK(parse_destination("/blog/post").kind == Kind::root);
  CHECK(parse_destination("img/a.png").kind == Kind::relative);
  CHECK(parse_destination("./").kind == Kind::relative);
  CHECK(parse_destination("../guide.md").kind == Kind::relative);
  // A colon after a slash is no scheme.
  CHECK(parse_destination("a/b:c.md").kind == Kind::relative);
}

TEST_CASE("a destination's path stops at the query and the fragment") {
  Destination parsed = parse_destination(" guide.md?raw=1#set-up ");
  CHECK(parsed.path == "guide.md");
  REQUIRE(parsed.fragment);
  CHECK(*parsed.fragment == "set-up");

  parsed = parse_destination("guide.md#a#b");
  CHECK(*parsed.fragment == "a#b");

  parsed = parse_destination("guide.md#");
  REQUIRE(parsed.fragment);
  CHECK(parsed.fragment->empty());

  CHECK_FALSE(parse_destination("guide.md").fragment);

  parsed = parse_destination("https://x.org/a?b#c");
  CHECK(parsed.scheme == "https");
  CHECK(parsed.path == "//x.org/a");
  CHECK(*parsed.fragment == "c");
}

TEST_CASE("percent-decoding leaves broken escapes as written") {
  CHECK(percent_decode("my%20file.md") == "my file.md");
  CHECK(percent_decode("caf%C3%A9") == "caf\xC3\xA9");
  CHECK(percent_decode("100%") == "100%");
  CHECK(percent_decode("%2") == "%2");
  CHECK(percent_decode("%zz%41") == "%zzA");
  CHECK(percent_decode("a%2Fb") == "a/b");
  CHECK(percent_decode("plain/path.md") == "plain/path.md");
  CHECK(percent_decode("") == "");
  CHECK(percent_decode("a b%20c%") == "a b c%");
}

TEST_CASE("http URLs give a lowercase host and their path") {
  auto url = parse_http_url("HTTPS://User@Example.ORG:8080/Blog/Post?x=1#y");
  REQUIRE(url);
  CHECK(url->host == "example.org:8080");
  CHECK(url->path == "/Blog/Post");

  url = parse_http_url("http://example.org");
  REQUIRE(url);
  CHECK(url->host == "example.org");
  CHECK(url->path.empty());

  url = parse_http_url("https://example.org?q#f");
  REQUIRE(url);
  CHECK(url->path.empty());

  CHECK_FALSE(parse_http_url("ftp://example.org/a"));
  CHECK_FALSE(parse_http_url("mailto:me@example.org"));
  CHECK_FALSE(parse_http_url("/blog/post"));
  CHECK_FALSE(parse_http_url("https:example.org"));
}
