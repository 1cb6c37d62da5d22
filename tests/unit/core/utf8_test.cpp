#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace contentlint::core;

TEST_CASE("invalid UTF-8 is found at its first bad byte") {
  CHECK_FALSE(find_invalid_utf8("plain ascii and ünïcödé 😀").has_value());
  CHECK(find_invalid_utf8("ab\xFF") == 2u);
  CHECK(find_invalid_utf8("a\xC0\x80") == 1u);         // overlong NUL
  CHECK(find_invalid_utf8("a\xED\xA0\x80") == 1u);     // surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // past U+10FFFF
  CHECK(find_invalid_utf8("ok\xE2\x82") == 2u);        // truncated at the end
}

TEST_CASE("code points decode and encode") {
  std::string_view text = "é😀";
  std::size_t offset = 0;
  CHECK(decode_code_point(text, offset) == U'é');
  CHECK(decode_code_point(text, offset) == U'😀');
  CHECK(offset == text.size());
  std::string out;
  append_utf8(out, U'😀');
  CHECK(out == "😀");
  CHECK(count_code_points("é😀a") == 3);
  CHECK(advance_code_points("é😀a", 2) == 6);
}
