// LineIndex finds '\n' with memchr when a text has no '\r', and tests each byte
// otherwise; both must split the same lines.

#include <catch2/catch.hpp>
#include <string>

#include "core/line_index.hpp"

using contentlint::core::ByteSpan;
using contentlint::core::LineIndex;
using contentlint::core::Position;

TEST_CASE("a text with only LF breaks: empty lines, a last line with and without a break") {
  LineIndex lines("a\n\nbc\n");
  CHECK(lines.line_count() == 4);
  CHECK(lines.line_text(1) == "a");
  CHECK(lines.line_text(2) == "");
  CHECK(lines.line_text(3) == "bc");
  CHECK(lines.line_text(4) == "");
  CHECK(lines.position(6) == Position{4, 1});

  LineIndex unterminated("a\nbc");
  CHECK(unterminated.line_count() == 2);
  CHECK(unterminated.line_span(2) == ByteSpan{2, 4});
  CHECK(unterminated.position(4) == Position{2, 3});

  CHECK(LineIndex("").line_count() == 1);
  CHECK(LineIndex("\n").line_count() == 2);
}

TEST_CASE("one CR anywhere in the text makes every break count, LF ones included") {
  // The same lines as the LF-only text above, with the last break a lone CR.
  LineIndex lines("a\n\nbc\r");
  CHECK(lines.line_count() == 4);
  CHECK(lines.line_text(2) == "");
  CHECK(lines.line_text(3) == "bc");
  CHECK(lines.position(6) == Position{4, 1});
  // A CR far behind many LF lines.
  std::string text;
  for (int i = 0; i < 100; ++i) text += "line\n";
  text += "x\ry";
  LineIndex many(text);
  CHECK(many.line_count() == 102);
  CHECK(many.line_text(101) == "x");
  CHECK(many.line_text(102) == "y");
}
