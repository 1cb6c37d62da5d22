#include <string>

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "report/formats.hpp"

using namespace contentlint;
using namespace contentlint::report;
using report::testing::render;

TEST_CASE("xml escaping covers markup, quotes and line breaks and drops forbidden characters") {
  CHECK(xml_escape("a < b && c > \"d\" 'e'") ==
        "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos;");
  CHECK(xml_escape("tab\tlf\ncr\r") == "tab&#9;lf&#10;cr&#13;");
  CHECK(xml_escape(std::string_view("nul\0 esc\x1b bell\x07 vt\x0b ff\x0c", 24)) ==
        "nul esc bell vt ff");
  CHECK(xml_escape("del\x7f c1\xc2\x85 ok") == "del\x7f c1\xc2\x85 ok");  // allowed in XML 1.0
  CHECK(xml_escape("nonchar\xef\xbf\xbe\xef\xbf\xbf end") == "nonchar end");
  CHECK(xml_escape("bad\xff utf8") == "bad\uFFFD utf8");
  CHECK(xml_escape("caf\u00e9 \u65e5\u672c \U0001F600") == "caf\u00e9 \u65e5\u672c \U0001F600");
  CHECK(xml_escape("]]>") == "]]&gt;");
}

TEST_CASE("junit: a testsuite per file, a testcase per finding, a clean file passes") {
  engine::RunResult run;
  run.files.push_back("docs/clean.md", {});
  for (const engine::CheckedFile file : report::testing::design_example_run().files) {
    run.files.push_back(file.path, {file.diagnostics.begin(), file.diagnostics.end()});
  }
  run.summary = report::testing::design_example_run().summary;
  run.summary.files = 2;
  CHECK(render(Format::junit, run) ==
        R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="contentlint" tests="3" failures="2" errors="0" time="0">
  <testsuite name="docs/clean.md" tests="1" failures="0" errors="0" skipped="0" time="0">
    <testcase name="docs/clean.md" classname="docs/clean" file="docs/clean.md" time="0"/>
  </testsuite>
  <testsuite name="src/content/posts/how-to-get-a-job-in-devrel.md" tests="2" failures="2" errors="0" skipped="0" time="0">
    <testcase name="image/empty-url at 7:8" classname="src/content/posts/how-to-get-a-job-in-devrel" file="src/content/posts/how-to-get-a-job-in-devrel.md" line="7" time="0">
      <failure message="image URL is empty" type="error">src/content/posts/how-to-get-a-job-in-devrel.md:7:8: error: image URL is empty [image/empty-url]&#10;  url: &apos;&apos;</failure>
    </testcase>
    <testcase name="image/alt-text at 12:1" classname="src/content/posts/how-to-get-a-job-in-devrel" file="src/content/posts/how-to-get-a-job-in-devrel.md" line="12" time="0">
      <failure message="image alt text repeats the URL; describe the image" type="warning">src/content/posts/how-to-get-a-job-in-devrel.md:12:1: warning: image alt text repeats the URL; describe the image [image/alt-text]&#10;![https://media.giphy.com/.../giphy.gif](https://media.giphy.com/.../giphy.gif)</failure>
    </testcase>
  </testsuite>
</testsuites>
)");
}

TEST_CASE("junit golden: every case, escaping included") {
  const std::string text = render(Format::junit, report::testing::sample_run());
  report::testing::check_golden("junit.txt", text);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    INFO(static_cast<int>(byte));
    CHECK((byte >= 0x20 || c == '\n'));
  }
}

TEST_CASE("junit quiet: only errors fail, a file with only warnings passes") {
  const std::string text = render(Format::junit, report::testing::sample_run(), {.quiet = true});
  report::testing::check_golden("junit-quiet.txt", text);
  CHECK(text.find("<testsuites name=\"contentlint\" tests=\"6\" failures=\"2\"") !=
        std::string::npos);
}

TEST_CASE("junit: an empty run is an empty testsuites element") {
  CHECK(render(Format::junit, engine::RunResult{}) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"contentlint\" tests=\"0\" failures=\"0\" errors=\"0\" time=\"0\">\n"
        "</testsuites>\n");
}
