// find_invalid_utf8 skips ASCII eight bytes at a time; these cases put the first
// non-ASCII byte at every offset around the eight-byte steps.

#include <catch2/catch.hpp>
#include <string>

#include "core/utf8.hpp"

using namespace contentlint::core;

TEST_CASE("an invalid byte is found at its offset after an ASCII run of any length") {
  for (std::size_t prefix = 0; prefix <= 33; ++prefix) {
    for (std::size_t suffix : {0u, 1u, 7u, 8u, 9u}) {
      std::string text = std::string(prefix, 'a') + "\xFF" + std::string(suffix, 'b');
      INFO("prefix " << prefix << ", suffix " << suffix);
      CHECK(find_invalid_utf8(text) == prefix);
    }
  }
}

TEST_CASE("valid multi-byte text after an ASCII run of any length is valid") {
  for (std::size_t prefix = 0; prefix <= 17; ++prefix) {
    std::string text = std::string(prefix, 'a') + "\xC3\xA9\xF0\x9F\x98\x80" + std::string(9, 'b');
    INFO("prefix " << prefix);
    CHECK_FALSE(find_invalid_utf8(text).has_value());
  }
}

TEST_CASE("a sequence cut by the end of the text is invalid wherever the run ends") {
  for (std::size_t prefix = 0; prefix <= 17; ++prefix) {
    std::string text = std::string(prefix, 'a') + "\xE2\x82";
    INFO("prefix " << prefix);
    CHECK(find_invalid_utf8(text) == prefix);
  }
  // An invalid continuation eight bytes after a valid lead, across a step boundary.
  CHECK(find_invalid_utf8("abcdefg\xC3"
                          "abcdefgh") == 7u);
  CHECK(find_invalid_utf8(std::string(16, 'a')) == std::nullopt);
  CHECK(find_invalid_utf8("") == std::nullopt);
}
