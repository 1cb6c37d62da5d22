/// The base protocol's framing: `Content-Length` headers, then a JSON body.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace contentlint::lsp {

/// Where framed bytes come from: standard input in the server, memory in tests.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads at most `size` bytes into `buffer`; returns how many, 0 at the end of input.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

/// Bounds checked before anything is allocated, so a hostile or broken client cannot
/// make the server reserve gigabytes or buffer an endless header.
struct FramingLimits {
  std::size_t max_header = 8 * 1024;             // all header lines with their breaks
  std::uint64_t max_content = 64 * 1024 * 1024;  // one body
};

/// What MessageReader::next found.
enum class ReadStatus {
  message,    // `body` holds one message (not yet parsed: it may not even be JSON)
  oversized,  // a body longer than the limit; it is skipped, `error` says so
  end,        // the input ended (between messages or in the middle of one)
  malformed,  // a header that cannot be read; the stream cannot be resynchronised
};

struct ReadResult {
  ReadStatus status = ReadStatus::end;
  std::string body;
  std::string error;  // for oversized, malformed, and an end in the middle of a message
};

/// Reads one framed message after another. Header lines end with "\r\n" (a bare "\n" is
/// accepted too); names are case-insensitive; `Content-Length` is required, other
/// headers (`Content-Type`) are ignored.
class MessageReader {
 public:
  explicit MessageReader(ByteSource& source, FramingLimits limits = {});

  ReadResult next();

 private:
  // Reads more input into buffer_; false at the end of input.
  bool fill();

  ByteSource& source_;
  FramingLimits limits_;
  std::string buffer_;  // unread input starts at buffer_[start_]
  std::size_t start_ = 0;
  std::uint64_t skipping_ = 0;  // bytes of an oversized body still to discard
};

/// `body` with its `Content-Length` header, ready to write.
std::string frame(std::string_view body);

}  // namespace contentlint::lsp
