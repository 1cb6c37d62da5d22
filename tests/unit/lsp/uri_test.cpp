// file:// URIs to paths: percent-decoding, hosts, and what is not a file.

#include <catch2/catch.hpp>

#include "lsp/uri.hpp"

using contentlint::lsp::path_to_uri;
using contentlint::lsp::uri_to_path;

TEST_CASE("file URIs decode to absolute paths") {
  CHECK(uri_to_path("file:///home/a/post.md")->string() == "/home/a/post.md");
  CHECK(uri_to_path("file:///home/a/my%20post%C3%A9.md")->string() == "/home/a/my post\xC3\xA9.md");
  CHECK(uri_to_path("file://localhost/srv/x.md")->string() == "/srv/x.md");
  CHECK(uri_to_path("FILE:///srv/%5bslug%5D.md")->string() == "/srv/[slug].md");
  CHECK(uri_to_path("file:///srv/a/../b/./c.md")->string() == "/srv/b/c.md");
  CHECK(uri_to_path("file:///srv/c.md?query#fragment")->string() == "/srv/c.md");
}

TEST_CASE("other schemes, other hosts and bad escapes name no file") {
  CHECK_FALSE(uri_to_path("untitled:Untitled-1"));
  CHECK_FALSE(uri_to_path("https://example.org/a.md"));
  CHECK_FALSE(uri_to_path("file://server/share/a.md"));
  CHECK_FALSE(uri_to_path("file://"));
  CHECK_FALSE(uri_to_path("file:///a%2"));
  CHECK_FALSE(uri_to_path("file:///a%zz.md"));
  CHECK_FALSE(uri_to_path("file:///a%00b.md"));
}

TEST_CASE("paths encode to URIs that decode back") {
  CHECK(path_to_uri("/srv/my post/[slug].md") == "file:///srv/my%20post/%5Bslug%5D.md");
  CHECK(uri_to_path(path_to_uri("/tmp/\xC3\xA9 #1%.md"))->string() == "/tmp/\xC3\xA9 #1%.md");
}
