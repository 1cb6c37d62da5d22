#include "core/line_index.hpp"

#include <catch2/catch.hpp>

#include "core/document.hpp"

using contentlint::core::Document;
using contentlint::core::LineIndex;
using contentlint::core::Position;

TEST_CASE("positions are 1-based lines and code-point columns") {
  LineIndex lines("ab\ncé d\n");
  CHECK(lines.position(0) == Position{1, 1});
  CHECK(lines.position(2) == Position{1, 3});
  CHECK(lines.position(3) == Position{2, 1});
  CHECK(lines.position(6) == Position{2, 3});  // after the two bytes of 'é'
  CHECK(lines.position(7) == Position{2, 4});
  CHECK(lines.line_count() == 3);
  CHECK(lines.line_text(2) == "cé d");
}

TEST_CASE("CRLF and a lone CR each end one line") {
  LineIndex lines("a\r\nb\rc\n");
  CHECK(lines.position(3) == Position{2, 1});
  CHECK(lines.position(5) == Position{3, 1});
  CHECK(lines.line_text(1) == "a");
  CHECK(lines.line_text(2) == "b");
  CHECK(lines.line_text(3) == "c");
}

TEST_CASE("offsets round-trip through positions") {
  LineIndex lines("x\r\nñandú y\n");
  for (std::size_t offset : {0u, 3u, 5u, 11u}) {
    CHECK(lines.offset(lines.position(offset)) == offset);
  }
}

TEST_CASE("a BOM and CRLF do not shift positions") {
  Document plain("a.md", "---\ntitle: x\n---\n");
  Document windows("a.md", "\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n");
  CHECK(windows.has_bom());
  CHECK(windows.line_ending() == contentlint::core::LineEnding::crlf);
  auto at = [](const Document& d) { return d.position(d.text().find("x")); };
  CHECK(at(plain) == at(windows));
  CHECK(at(windows) == Position{2, 8});
}

TEST_CASE("columns on very long lines count from checkpoints, with the same result") {
  std::string text = "start\n";
  for (int i = 0; i < 3000; ++i) text += "é-";  // 3 bytes, 2 code points, across checkpoints
  text += "\nend";
  LineIndex lines(text);
  for (std::size_t k : {0u, 1u, 511u, 512u, 1000u, 2999u}) {
    std::size_t offset = 6 + k * 3;
    CHECK(lines.position(offset) == Position{2, static_cast<std::uint32_t>(k * 2 + 1)});
    CHECK(lines.offset(lines.position(offset)) == offset);
  }
  CHECK(lines.position(text.size()) == Position{3, 4});
}
