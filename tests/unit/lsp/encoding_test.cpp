// Position encodings: negotiation, and byte offsets to and from LSP positions in UTF-8,
// UTF-16 (surrogate pairs) and UTF-32, across line breaks and a byte-order mark.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lsp/encoding.hpp"

using namespace contentlint::lsp;

namespace {

LspPosition at(std::uint32_t line, std::uint32_t character) { return {line, character}; }

}  // namespace

TEST_CASE("the first offered encoding we support is chosen, else UTF-16") {
  using List = std::vector<std::string>;
  CHECK(negotiate_encoding(List{}) == PositionEncoding::utf16);
  CHECK(negotiate_encoding(List{"utf-8", "utf-16"}) == PositionEncoding::utf8);
  CHECK(negotiate_encoding(List{"utf-32", "utf-8"}) == PositionEncoding::utf32);
  CHECK(negotiate_encoding(List{"utf-16", "utf-8"}) == PositionEncoding::utf16);
  CHECK(negotiate_encoding(List{"latin-1", "utf-8"}) == PositionEncoding::utf8);
  CHECK(negotiate_encoding(List{"latin-1"}) == PositionEncoding::utf16);
  CHECK(to_string(PositionEncoding::utf8) == "utf-8");
  CHECK(to_string(PositionEncoding::utf16) == "utf-16");
  CHECK(to_string(PositionEncoding::utf32) == "utf-32");
  CHECK_FALSE(parse_position_encoding("UTF-16"));
}

TEST_CASE("a character outside the BMP is two UTF-16 units, four UTF-8 bytes, one UTF-32 unit") {
  // "a😀b": a (1 byte), U+1F600 (4 bytes, a surrogate pair in UTF-16), b.
  std::string text =
      "a\xF0\x9F\x98\x80"
      "b";
  TextIndex utf16(text, PositionEncoding::utf16);
  TextIndex utf8(text, PositionEncoding::utf8);
  TextIndex utf32(text, PositionEncoding::utf32);
  CHECK(utf16.position(5) == at(0, 3));
  CHECK(utf8.position(5) == at(0, 5));
  CHECK(utf32.position(5) == at(0, 2));
  CHECK(utf16.offset(at(0, 3)) == 5);
  CHECK(utf8.offset(at(0, 5)) == 5);
  CHECK(utf32.offset(at(0, 2)) == 5);
  // Half a surrogate pair, or a byte inside the sequence, is the character's start.
  CHECK(utf16.offset(at(0, 2)) == 1);
  CHECK(utf8.offset(at(0, 3)) == 1);
  // An offset inside the sequence maps to the character holding it.
  CHECK(utf16.position(3) == at(0, 1));
}

TEST_CASE("two- and three-byte characters are one UTF-16 unit each") {
  std::string text = "\xC3\xA9t\xC3\xA9 \xE4\xB8\xAD!";  // "été 中!"
  TextIndex utf16(text, PositionEncoding::utf16);
  TextIndex utf8(text, PositionEncoding::utf8);
  CHECK(utf16.position(text.size() - 1) == at(0, 5));
  CHECK(utf8.position(text.size() - 1) == at(0, 9));
  CHECK(utf16.offset(at(0, 5)) == text.size() - 1);
  CHECK(utf16.range({1, 5}) == LspRange{at(0, 0), at(0, 3)});
}

TEST_CASE("lines end at LF, CRLF and a lone CR, and a line break maps to its line's end") {
  std::string text = "ab\r\ncd\ref\ng";
  TextIndex index(text, PositionEncoding::utf16);
  CHECK(index.position(0) == at(0, 0));
  CHECK(index.position(2) == at(0, 2));  // the CR of CRLF
  CHECK(index.position(3) == at(0, 2));  // its LF
  CHECK(index.position(4) == at(1, 0));
  CHECK(index.position(6) == at(1, 2));
  CHECK(index.position(7) == at(2, 0));
  CHECK(index.position(10) == at(3, 0));
  CHECK(index.position(11) == at(3, 1));   // the end of the text
  CHECK(index.position(500) == at(3, 1));  // past it
  CHECK(index.offset(at(1, 1)) == 5);
  CHECK(index.offset(at(1, 99)) == 6);  // past the line's end: its end
  CHECK(index.offset(at(9, 0)) == text.size());
}

TEST_CASE("offsets skip a byte-order mark, and positions count it as the client does") {
  std::string text =
      "\xEF\xBB\xBF"
      "ab\ncd";
  TextIndex utf16(text, PositionEncoding::utf16);
  TextIndex utf8(text, PositionEncoding::utf8);
  // Offset 0 is "a", the first byte after the mark (core::Document's offsets).
  CHECK(utf16.position(0) == at(0, 1));
  CHECK(utf8.position(0) == at(0, 3));
  CHECK(utf16.position(3) == at(1, 0));
  CHECK(utf16.offset(at(0, 1)) == 0);
  CHECK(utf16.offset(at(0, 0)) == 0);  // before "a" is the mark: clamps to the start
  CHECK(utf16.offset(at(1, 2)) == 5);
}

TEST_CASE("positions and offsets round-trip on every character boundary") {
  std::string text = "x\xF0\x9F\x98\x80y\r\n\xC3\xA9\xE4\xB8\xAD\n\n\xF0\x9F\x8E\x89";
  for (PositionEncoding encoding :
       {PositionEncoding::utf8, PositionEncoding::utf16, PositionEncoding::utf32}) {
    TextIndex index(text, encoding);
    for (std::size_t offset : {0, 1, 5, 6, 8, 10, 13, 14, 15, 19}) {
      CAPTURE(to_string(encoding), offset);
      CHECK(index.offset(index.position(offset)) == offset);
    }
  }
}
