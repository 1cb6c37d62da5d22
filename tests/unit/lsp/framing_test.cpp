// Framing: Content-Length headers read from any split of the input, and the limits that
// keep a broken client from making the server allocate or buffer without bound.

#include <catch2/catch.hpp>

#include "lsp/framing.hpp"
#include "testing.hpp"

using namespace contentlint::lsp;
using testing::StringSource;

TEST_CASE("messages are read whatever the input's chunk size") {
  std::string input = frame(R"({"a":1})") +
                      "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                      "content-length:  7 \r\n\r\n" + R"({"b":2})" + frame("");
  for (std::size_t chunk : {1, 2, 3, 5, 17, 1000}) {
    CAPTURE(chunk);
    StringSource source(input, chunk);
    MessageReader reader(source);
    ReadResult first = reader.next();
    CHECK(first.status == ReadStatus::message);
    CHECK(first.body == R"({"a":1})");
    ReadResult second = reader.next();
    CHECK(second.status == ReadStatus::message);
    CHECK(second.body == R"({"b":2})");
    ReadResult third = reader.next();
    CHECK(third.status == ReadStatus::message);
    CHECK(third.body.empty());
    ReadResult end = reader.next();
    CHECK(end.status == ReadStatus::end);
    CHECK(end.error.empty());
  }
}

TEST_CASE("frame writes the header the protocol asks for") {
  CHECK(frame(R"({"x":"é"})") == "Content-Length: 10\r\n\r\n{\"x\":\"é\"}");
}

TEST_CASE("bare line feeds and a stray line break between messages are accepted") {
  StringSource source("Content-Length: 2\n\n{}\r\nContent-Length: 2\r\n\r\n[]");
  MessageReader reader(source);
  CHECK(reader.next().body == "{}");
  CHECK(reader.next().body == "[]");
  CHECK(reader.next().status == ReadStatus::end);
}

TEST_CASE("a huge Content-Length is refused before anything is allocated, then skipped") {
  FramingLimits limits;
  limits.max_content = 16;
  std::string big(40, 'x');
  StringSource source("Content-Length: 40\r\n\r\n" + big + frame("{}"), 3);
  MessageReader reader(source, limits);
  ReadResult refused = reader.next();
  CHECK(refused.status == ReadStatus::oversized);
  CHECK(refused.error == "message of 40 bytes exceeds the limit of 16 bytes");
  CHECK(source.position() < 40);  // the body is skipped lazily, not buffered
  ReadResult next = reader.next();
  CHECK(next.status == ReadStatus::message);
  CHECK(next.body == "{}");
}

TEST_CASE("an absurd Content-Length is refused with the default 64 MiB limit") {
  StringSource source("Content-Length: 18446744073709551615\r\n\r\n{}");
  MessageReader reader(source);
  ReadResult refused = reader.next();
  CHECK(refused.status == ReadStatus::oversized);
  CHECK(refused.error ==
        "message of 18446744073709551615 bytes exceeds the limit of 67108864 bytes");
  CHECK(reader.next().status == ReadStatus::end);  // the rest of the input was skipped
}

TEST_CASE("a header longer than the limit is malformed, even without a line break") {
  FramingLimits limits;
  limits.max_header = 64;
  SECTION("one endless line") {
    StringSource source(std::string(1000, 'H'), 7);
    MessageReader reader(source, limits);
    ReadResult result = reader.next();
    CHECK(result.status == ReadStatus::malformed);
    CHECK(result.error == "header longer than 64 bytes");
    CHECK(source.position() < 200);
  }
  SECTION("many short lines") {
    std::string header;
    for (int i = 0; i < 20; ++i) header += "X-Pad: 12345\r\n";
    StringSource source(header + "Content-Length: 2\r\n\r\n{}");
    MessageReader reader(source, limits);
    ReadResult result = reader.next();
    CHECK(result.status == ReadStatus::malformed);
    CHECK(result.error == "header longer than 64 bytes");
  }
}

TEST_CASE("headers that cannot be read are malformed") {
  auto error_of = [](std::string input) {
    StringSource source(std::move(input));
    MessageReader reader(source);
    ReadResult result = reader.next();
    CHECK(result.status == ReadStatus::malformed);
    return result.error;
  };
  CHECK(error_of("Content-Type: x\r\n\r\n{}") == "header without Content-Length");
  CHECK(error_of("Content-Length: -1\r\n\r\n{}") == "bad Content-Length: '-1'");
  CHECK(error_of("Content-Length: 12abc\r\n\r\n{}") == "bad Content-Length: '12abc'");
  CHECK(error_of("Content-Length:\r\n\r\n{}") == "bad Content-Length: ''");
  CHECK(error_of("Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}") == "bad Content-Length: '2'");
  CHECK(error_of("garbage\r\n\r\n{}") == "header line without ':': 'garbage'");
  CHECK(error_of("{\"jsonrpc\":\"2.0\"}\r\n\r\n") == "header without Content-Length");
}

TEST_CASE("input that ends inside a message is the end, and says where") {
  {
    StringSource source("Content-Length: 10\r\n\r\n{}");
    MessageReader reader(source);
    ReadResult result = reader.next();
    CHECK(result.status == ReadStatus::end);
    CHECK(result.error == "input ended inside a message");
  }
  {
    StringSource source("Content-Len");
    MessageReader reader(source);
    ReadResult result = reader.next();
    CHECK(result.status == ReadStatus::end);
    CHECK(result.error == "input ended inside a header");
  }
}
