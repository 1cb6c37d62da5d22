#include <algorithm>

#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace contentlint;
using namespace contentlint::report;
using report::testing::render;

TEST_CASE("compact writes one line per diagnostic and a summary") {
  CHECK(render(Format::compact, report::testing::design_example_run()) ==
        "src/content/posts/how-to-get-a-job-in-devrel.md:7:8: error: image URL is empty "
        "[image/empty-url]\n"
        "src/content/posts/how-to-get-a-job-in-devrel.md:12:1: warning: image alt text repeats "
        "the URL; describe the image [image/alt-text]\n"
        "2 problems (1 error, 1 warning) in 1 file\n");
}

TEST_CASE("compact golden: every case, without colour") {
  const std::string text = render(Format::compact, report::testing::sample_run());
  report::testing::check_golden("compact.txt", text);
  CHECK(text.find('\x1b') == std::string::npos);
  // One line per diagnostic plus the summary, whatever the path and message hold.
  CHECK(std::count(text.begin(), text.end(), '\n') == 11);
}

TEST_CASE("compact golden: with colour") {
  report::testing::check_golden(
      "compact-color.txt", render(Format::compact, report::testing::sample_run(), {.color = true}));
}

TEST_CASE("compact golden: quiet lists only errors") {
  report::testing::check_golden(
      "compact-quiet.txt", render(Format::compact, report::testing::sample_run(), {.quiet = true}));
}
