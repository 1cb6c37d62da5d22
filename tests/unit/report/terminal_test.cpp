#include "report/terminal.hpp"

#include <catch2/catch.hpp>

using namespace contentlint;
using namespace contentlint::report;

TEST_CASE("terminal text escapes what could split a line or drive the terminal") {
  CHECK(escape_terminal("plain/path.md") == "plain/path.md");
  CHECK(escape_terminal("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(escape_terminal("\x1b[2Jgone") == "\\x1b[2Jgone");
  CHECK(escape_terminal(std::string_view("nul\0!", 5)) == "nul\\x00!");
  CHECK(escape_terminal("del\x7f") == "del\\x7f");
  CHECK(escape_terminal("csi\xc2\x9b"
                        "31m") == "csi\\u{009b}31m");  // C1 CSI
  CHECK(escape_terminal("rtl\xe2\x80\xae"
                        "gpj.md") == "rtl\\u{202e}gpj.md");  // bidi override
  CHECK(escape_terminal("ls\xe2\x80\xa8") == "ls\\u{2028}");
  CHECK(escape_terminal("bad\xff\xc3") == "bad\\xff\\xc3");
  CHECK(escape_terminal("keeps \"quotes\" and back\\slashes") ==
        "keeps \"quotes\" and back\\slashes");
  CHECK(escape_terminal("Café ☕ 日本語 \xef\xbf\xbd") == "Café ☕ 日本語 \xef\xbf\xbd");
}

TEST_CASE("display width counts terminal columns") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("Café") == 4);
  CHECK(display_width("e\xcc\x81") == 1);  // e + combining acute
  CHECK(display_width("日本語") == 6);
  CHECK(display_width("☕") == 2);
  CHECK(display_width("😀") == 2);
  CHECK(display_width("—") == 1);
  CHECK(code_point_width(U'한') == 2);
  CHECK(code_point_width(U'Ａ') == 2);  // fullwidth A
  CHECK(code_point_width(U'\u200d') == 0);
}

TEST_CASE("colour wraps text only when asked") {
  CHECK(paint("error", sgr::red, false) == "error");
  CHECK(paint("error", sgr::red, true) == "\x1b[31merror\x1b[0m");
  CHECK(severity_color(core::Severity::error) == "31");
  CHECK(severity_color(core::Severity::warning) == "33");
  CHECK(severity_color(core::Severity::info) == "34");
}

TEST_CASE("the summary line names only the severities found") {
  using S = engine::Summary;
  CHECK(summary_line(S{.files = 12, .errors = 2, .warnings = 1, .infos = 0, .fixable = 1}, false) ==
        "3 problems (2 errors, 1 warning) in 12 files, 1 fixable with --fix");
  CHECK(summary_line(S{.files = 12}, false) == "no problems in 12 files");
  CHECK(summary_line(S{.files = 1, .errors = 1}, false) == "1 problem (1 error) in 1 file");
  CHECK(summary_line(S{.files = 3, .warnings = 2, .infos = 1}, false) ==
        "3 problems (2 warnings, 1 info) in 3 files");
  CHECK(summary_line(S{.files = 3, .infos = 2, .fixable = 2}, false) ==
        "2 problems (2 infos) in 3 files, 2 fixable with --fix");
  CHECK(summary_line(S{.files = 12, .errors = 2, .warnings = 1, .fixable = 1}, true) ==
        "2 errors in 12 files");
  CHECK(summary_line(S{.files = 1, .errors = 1}, true) == "1 error in 1 file");
  CHECK(summary_line(S{.files = 12, .warnings = 4}, true) == "no errors in 12 files");
  CHECK(summary_color(S{.errors = 1, .warnings = 1}, false) == "1;31");
  CHECK(summary_color(S{.warnings = 1, .infos = 1}, false) == "1;33");
  CHECK(summary_color(S{.infos = 1}, false) == "1;34");
  CHECK(summary_color(S{.warnings = 1}, true) == "1;32");
  CHECK(summary_color(S{}, false) == "1;32");
}
