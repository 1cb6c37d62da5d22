#include <catch2/catch.hpp>

#include "core/document.hpp"
#include "links/anchors.hpp"
#include "links/similar.hpp"
#include "markdown/facts.hpp"

using namespace contentlint;
using links::Anchors;

namespace {

Anchors anchors_of(std::string text) {
  core::Document document("a.md", std::move(text));
  return Anchors::of(markdown::extract(document, {0, document.text().size()}));
}

}  // namespace

TEST_CASE("anchors are heading slugs, custom ids and HTML ids, in document order") {
  Anchors anchors = anchors_of(
      "# Introduction\n\n"
      "## What is DevRel?\n\n"
      "## C++ & Rust\n\n"
      "## Introduction\n\n"
      "## Introduction\n\n"
      "## Set up {#setup}\n\n"
      "## Café à la crème\n\n"
      "## Über `code` _emphasis_\n\n"
      "<a name=\"legacy\"></a>\n\n"
      "<div id=\"box\">x</div>\n");
  CHECK(anchors.all() == std::vector<std::string>{"introduction", "what-is-devrel", "c--rust",
                                                  "introduction-1", "introduction-2", "setup",
                                                  "set-up", "café-à-la-crème", "über-code-emphasis",
                                                  "legacy", "box"});
  CHECK(anchors.contains("introduction-2"));
  CHECK(anchors.contains("setup"));
  CHECK(anchors.contains("set-up"));
  CHECK(anchors.contains("box"));
  CHECK(anchors.contains("legacy"));
  CHECK(anchors.contains("café-à-la-crème"));
  // Browsers compare fragments case-sensitively; GitHub prefixes ids with user-content-.
  CHECK_FALSE(anchors.contains("Introduction"));
  CHECK(anchors.contains("user-content-introduction"));
  CHECK_FALSE(anchors.contains("introduction-3"));
  CHECK_FALSE(anchors.contains(""));
}

TEST_CASE("the nearest anchor is suggested for a typo, a case slip or an unslugged title") {
  Anchors anchors = anchors_of(
      "## Introduction\n\n## Installation\n\n## Usage\n\n## Set up {#setup}\n\n## FAQ\n");
  CHECK(anchors.nearest("intro-section") == "introduction");
  CHECK(anchors.nearest("Introduction") == "introduction");
  CHECK(anchors.nearest("INSTALLATION") == "installation");
  CHECK(anchors.nearest("install") == "installation");
  CHECK(anchors.nearest("usgae") == "usage");
  CHECK(anchors.nearest("Set Up") == "set-up");
  CHECK(anchors.nearest("user-content-usag") == "usage");
  CHECK(anchors.nearest("faq-section") == std::nullopt);
  CHECK(anchors.nearest("licence") == std::nullopt);
  CHECK(anchors.nearest("x") == std::nullopt);
  CHECK(anchors_of("no headings\n").nearest("intro") == std::nullopt);
}

TEST_CASE("suggestions need a plausible edit distance") {
  using links::detail::edit_distance;
  using links::detail::plausible_distance;
  CHECK(edit_distance("intro-section", "introduction") == 3);
  CHECK(edit_distance("usgae", "usage") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(plausible_distance("intro-section", "introduction") == 3u);
  CHECK(plausible_distance("install", "installation") == 5u);
  CHECK(plausible_distance("setup", "usage") == std::nullopt);
  CHECK(plausible_distance("ab", "xy") == std::nullopt);
  // Long names are compared on their first 128 bytes, so this stays fast.
  CHECK(plausible_distance(std::string(100000, 'a'), std::string(100000, 'a') + "b") == 0u);
}

TEST_CASE("a digest gives the answers of the anchors it was made from") {
  Anchors anchors =
      anchors_of("# Introduction\n\n## Set up {#setup}\n\n## Introduction\n\n<a id=\"box\"></a>\n");
  const std::vector<std::uint32_t> digest = links::anchor_digest(anchors);
  CHECK(std::is_sorted(digest.begin(), digest.end()));
  for (std::string_view fragment :
       {"introduction", "introduction-1", "setup", "set-up", "box", "user-content-setup",
        "Introduction", "introduction-2", "user-content-", "", "setup ", "user-content-Box"}) {
    INFO(fragment);
    CHECK(links::digest_contains(digest.begin(), digest.end(), fragment) ==
          anchors.contains(fragment));
  }
  CHECK(links::digest_contains(digest.begin(), digest.end(), "user-content-box"));
  CHECK_FALSE(links::digest_contains(digest.begin(), digest.end(), "missing"));
}
