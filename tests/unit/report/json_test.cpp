#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "report/formats.hpp"

using namespace contentlint;
using namespace contentlint::report;
using report::testing::render;

TEST_CASE("json strings escape quotes, backslashes and control characters") {
  CHECK(json_string("") == R"("")");
  CHECK(json_string("plain ünïcödé 日本語 😀") == "\"plain ünïcödé 日本語 😀\"");
  CHECK(json_string("say \"hi\" \\ bye") == R"("say \"hi\" \\ bye")");
  CHECK(json_string("a\nb\tc\rd\be\ff") == R"("a\nb\tc\rd\be\ff")");
  CHECK(json_string("\x1b[2J\x01\x7f") == R"("\u001b[2J\u0001\u007f")");
  CHECK(json_string(std::string_view("nul\0", 4)) == R"("nul\u0000")");
  CHECK(json_string("ls\xe2\x80\xa8ps\xe2\x80\xa9") == R"("ls\u2028ps\u2029")");
}

TEST_CASE("json replaces each invalid UTF-8 byte with U+FFFD") {
  CHECK(json_string("a\xff"
                    "b") ==
        "\"a\xef\xbf\xbd"
        "b\"");
  CHECK(json_string("\xc3") == "\"\xef\xbf\xbd\"");                                  // truncated
  CHECK(json_string("\xed\xa0\x80") == "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");  // surrogate
}

TEST_CASE("json golden: the documented shape") {
  report::testing::check_golden(
      "json.txt", render(Format::json, report::testing::sample_run(), {.tool_version = "0.1.0"}));
}

TEST_CASE("json golden: quiet keeps every file and the full summary, lists only errors") {
  report::testing::check_golden("json-quiet.txt",
                                render(Format::json, report::testing::sample_run(),
                                       {.quiet = true, .tool_version = "0.1.0"}));
}

TEST_CASE("json never colours") {
  const engine::RunResult run = report::testing::sample_run();
  CHECK(render(Format::json, run, {.color = true, .tool_version = "0.1.0"}) ==
        render(Format::json, run, {.tool_version = "0.1.0"}));
}
