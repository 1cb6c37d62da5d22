#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace contentlint;
using namespace contentlint::report;
using report::testing::render;

TEST_CASE("pretty lays out DESIGN.md's running example exactly") {
  CHECK(render(Format::pretty, report::testing::design_example_run()) ==
        "src/content/posts/how-to-get-a-job-in-devrel.md\n"
        "   7:8  error    image URL is empty                                  image/empty-url\n"
        "     |   url: ''\n"
        "     |        ^^\n"
        "  12:1  warning  image alt text repeats the URL; describe the image  image/alt-text\n"
        "     | ![https://media.giphy.com/.../giphy.gif](https://media.giphy.com/.../giphy.gif)\n"
        "     | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "\n"
        "2 problems (1 error, 1 warning) in 1 file\n");
}

TEST_CASE("pretty golden: every layout case, without colour") {
  const std::string text = render(Format::pretty, report::testing::sample_run());
  report::testing::check_golden("pretty.txt", text);
  CHECK(text.find('\x1b') == std::string::npos);  // the message's ESC is escaped too
}

TEST_CASE("pretty golden: with colour") {
  report::testing::check_golden(
      "pretty-color.txt", render(Format::pretty, report::testing::sample_run(), {.color = true}));
}

TEST_CASE("pretty golden: quiet lists only errors") {
  report::testing::check_golden(
      "pretty-quiet.txt", render(Format::pretty, report::testing::sample_run(), {.quiet = true}));
}

namespace {

// The two snippet lines under the one diagnostic of a one-file run.
std::string snippet(std::string source_line, core::Range range) {
  engine::RunResult run;
  run.files.push_back({"a.md",
                       {report::testing::diagnostic("x/y", core::Severity::error, "m", range,
                                                    std::move(source_line))}});
  const std::string text = render(Format::pretty, run);
  const std::size_t first = text.find('\n', text.find('\n') + 1) + 1;
  const std::size_t end = text.find("\n\n");
  return text.substr(first, end - first);
}

}  // namespace

TEST_CASE("pretty carets stand under the range's columns") {
  CHECK(snippet("abc", {{1, 2}, {1, 3}}) == "    | abc\n    |  ^");
  SECTION("an empty range still gets one caret") {
    CHECK(snippet("abc", {{1, 2}, {1, 2}}) == "    | abc\n    |  ^");
  }
  SECTION("a range over several lines is underlined to the end of its first line") {
    CHECK(snippet("abc", {{1, 2}, {4, 1}}) == "    | abc\n    |  ^^");
  }
  SECTION("a position past the end of the line gets a caret after it") {
    CHECK(snippet("abc", {{1, 4}, {1, 4}}) == "    | abc\n    |    ^");
    CHECK(snippet("abc", {{1, 9}, {1, 12}}) == "    | abc\n    |    ^");
  }
  SECTION("an empty source line") { CHECK(snippet("", {{1, 1}, {2, 1}}) == "    |\n    | ^"); }
  SECTION("tabs expand to the next multiple of 4, in the line and under it") {
    CHECK(snippet("\tx", {{1, 2}, {1, 3}}) == "    |     x\n    |     ^");
    CHECK(snippet("ab\tx", {{1, 3}, {1, 5}}) == "    | ab  x\n    |   ^^^");
  }
  SECTION("wide characters take two columns, combining marks none") {
    CHECK(snippet("日本x", {{1, 3}, {1, 4}}) == "    | 日本x\n    |     ^");
    CHECK(snippet("日本x", {{1, 1}, {1, 3}}) == "    | 日本x\n    | ^^^^");
    CHECK(snippet("e\xcc\x81x", {{1, 3}, {1, 4}}) == "    | e\xcc\x81x\n    |  ^");
  }
  SECTION("control characters show escaped, and the carets cover the escape") {
    CHECK(snippet("a\x1b"
                  "b",
                  {{1, 2}, {1, 3}}) == "    | a\\x1bb\n    |  ^^^^");
    CHECK(snippet("a\rb", {{1, 3}, {1, 4}}) == "    | a\\rb\n    |    ^");
  }
  SECTION("a long line is cut around the caret") {
    std::string line(300, 'a');
    line[119] = 'X';
    CHECK(snippet(line, {{1, 120}, {1, 121}}) ==
          "      | \u2026" + std::string(100, 'a').replace(40, 1, "X") + "\u2026\n      | " +
              std::string(41, ' ') + "^");
    SECTION("near its end the cut shows the last 100 columns") {
      line[289] = 'Y';
      CHECK(snippet(line, {{1, 290}, {1, 295}}) ==
            "      | \u2026" + line.substr(200) + "\n      | " + std::string(90, ' ') + "^^^^^");
    }
    SECTION("carets stop at the cut") {
      CHECK(snippet(line, {{1, 120}, {1, 299}}) ==
            "      | \u2026" + std::string(100, 'a').replace(40, 1, "X") + "\u2026\n      | " +
                std::string(41, ' ') + std::string(60, '^'));
    }
  }
}
