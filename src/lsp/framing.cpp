#include "lsp/framing.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>

namespace contentlint::lsp {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

MessageReader::MessageReader(ByteSource& source, FramingLimits limits)
    : source_(source), limits_(limits) {}

bool MessageReader::fill() {
  if (start_ > 0 && start_ >= buffer_.size() / 2) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + kChunk);
  std::size_t got = source_.read(buffer_.data() + old_size, kChunk);
  buffer_.resize(old_size + got);
  return got > 0;
}

ReadResult MessageReader::next() {
  while (skipping_ > 0) {
    if (start_ == buffer_.size() && !fill()) return {};
    auto drop =
        static_cast<std::size_t>(std::min<std::uint64_t>(skipping_, buffer_.size() - start_));
    start_ += drop;
    skipping_ -= drop;
  }

  // The header: lines up to the first empty one. Offsets are kept relative to start_,
  // because fill() may move the unread input to the front of the buffer.
  std::optional<std::uint64_t> length;
  std::size_t line_start = 0;
  while (true) {
    std::size_t newline = buffer_.find('\n', start_ + line_start);
    if (newline == std::string::npos) {
      if (buffer_.size() - start_ > limits_.max_header) {
        return {ReadStatus::malformed,
                {},
                fmt::format("header longer than {} bytes", limits_.max_header)};
      }
      bool partial = buffer_.size() > start_;
      if (!fill()) return {ReadStatus::end, {}, partial ? "input ended inside a header" : ""};
      continue;
    }
    newline -= start_;
    if (newline + 1 > limits_.max_header) {
      return {ReadStatus::malformed,
              {},
              fmt::format("header longer than {} bytes", limits_.max_header)};
    }
    std::string_view line(buffer_.data() + start_ + line_start, newline - line_start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    bool first = line_start == 0;
    line_start = newline + 1;
    if (line.empty()) {
      // A stray line break between two messages is not an empty header.
      if (first) {
        start_ += line_start;
        line_start = 0;
        continue;
      }
      break;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return {ReadStatus::malformed, {}, fmt::format("header line without ':': '{}'", line)};
    }
    if (!equals_ignoring_case(trim(line.substr(0, colon)), "Content-Length")) continue;
    std::string_view value = trim(line.substr(colon + 1));
    std::uint64_t parsed = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (error != std::errc() || end != value.data() + value.size() || value.empty() || length) {
      return {ReadStatus::malformed, {}, fmt::format("bad Content-Length: '{}'", value)};
    }
    length = parsed;
  }
  start_ += line_start;
  if (!length) return {ReadStatus::malformed, {}, "header without Content-Length"};

  if (*length > limits_.max_content) {
    skipping_ = *length;
    return {ReadStatus::oversized,
            {},
            fmt::format("message of {} bytes exceeds the limit of {} bytes", *length,
                        limits_.max_content)};
  }
  auto size = static_cast<std::size_t>(*length);
  while (buffer_.size() - start_ < size) {
    if (buffer_.capacity() < start_ + size) {
      buffer_.erase(0, start_);
      start_ = 0;
      buffer_.reserve(size);
    }
    if (!fill()) return {ReadStatus::end, {}, "input ended inside a message"};
  }
  ReadResult result{ReadStatus::message, buffer_.substr(start_, size), {}};
  start_ += size;
  return result;
}

std::string frame(std::string_view body) {
  return fmt::format("Content-Length: {}\r\n\r\n{}", body.size(), body);
}

}  // namespace contentlint::lsp
