#include "schema/formats.hpp"

#include <arpa/inet.h>

#include <array>
#include <string>

namespace contentlint::schema {
namespace {

struct FormatInfo {
  std::string_view name;
  Format format;
  std::string_view noun;
  std::string_view example;
};

constexpr std::array<FormatInfo, 11> kFormats{{
    {"date", Format::date, "a date", "2024-03-11"},
    {"date-time", Format::date_time, "a date-time", "2024-03-11T10:00:00Z"},
    {"time", Format::time, "a time", "10:00:00Z"},
    {"uri", Format::uri, "an absolute URI", "https://example.org/page"},
    {"uri-reference", Format::uri_reference, "a URI reference", "/blog/my-post"},
    {"email", Format::email, "an e-mail address", "name@example.org"},
    {"uuid", Format::uuid, "a UUID", "123e4567-e89b-12d3-a456-426614174000"},
    {"ipv4", Format::ipv4, "an IPv4 address", "192.0.2.1"},
    {"ipv6", Format::ipv6, "an IPv6 address", "2001:db8::1"},
    {"hostname", Format::hostname, "a host name", "example.org"},
    {"unix-time", Format::unix_time, "a Unix timestamp", "1710151200"},
}};

constexpr std::array<std::string_view, kFormats.size()> kNames = [] {
  std::array<std::string_view, kFormats.size()> names{};
  for (std::size_t i = 0; i < kFormats.size(); ++i) {
    names[i] = kFormats[i].name;
  }
  return names;
}();

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Reads exactly `count` digits at `i` into `out` and advances `i`.
bool read_digits(std::string_view s, std::size_t& i, std::size_t count, int& out) {
  if (i + count > s.size()) {
    return false;
  }
  out = 0;
  for (std::size_t k = 0; k < count; ++k) {
    if (!is_digit(s[i + k])) {
      return false;
    }
    out = out * 10 + (s[i + k] - '0');
  }
  i += count;
  return true;
}

bool expect(std::string_view s, std::size_t& i, char c) {
  if (i >= s.size() || s[i] != c) {
    return false;
  }
  ++i;
  return true;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// RFC 3339 full-date: a real calendar date.
bool read_full_date(std::string_view s, std::size_t& i) {
  int year = 0, month = 0, day = 0;
  if (!read_digits(s, i, 4, year) || !expect(s, i, '-') || !read_digits(s, i, 2, month) ||
      !expect(s, i, '-') || !read_digits(s, i, 2, day)) {
    return false;
  }
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  int days = kDays[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0);
  return day <= days;
}

// RFC 3339 full-time: partial-time time-offset. A leap second (:60) is valid only at
// 23:59 UTC.
bool read_full_time(std::string_view s, std::size_t& i) {
  int hour = 0, minute = 0, second = 0;
  if (!read_digits(s, i, 2, hour) || !expect(s, i, ':') || !read_digits(s, i, 2, minute) ||
      !expect(s, i, ':') || !read_digits(s, i, 2, second)) {
    return false;
  }
  if (hour > 23 || minute > 59 || second > 60) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) {
      ++i;
    }
    if (i == start) {
      return false;
    }
  }
  if (i >= s.size()) {
    return false;
  }
  int offset_minutes = 0;
  if (s[i] == 'Z' || s[i] == 'z') {
    ++i;
  } else if (s[i] == '+' || s[i] == '-') {
    int sign = s[i] == '-' ? -1 : 1;
    ++i;
    int offset_hour = 0, offset_minute = 0;
    if (!read_digits(s, i, 2, offset_hour) || !expect(s, i, ':') ||
        !read_digits(s, i, 2, offset_minute) || offset_hour > 23 || offset_minute > 59) {
      return false;
    }
    offset_minutes = sign * (offset_hour * 60 + offset_minute);
  } else {
    return false;
  }
  if (second == 60) {
    int utc = ((hour * 60 + minute - offset_minutes) % 1440 + 1440) % 1440;
    if (utc != 23 * 60 + 59) {
      return false;
    }
  }
  return true;
}

bool is_date(std::string_view s) {
  std::size_t i = 0;
  return read_full_date(s, i) && i == s.size();
}

bool is_date_time(std::string_view s) {
  std::size_t i = 0;
  if (!read_full_date(s, i)) {
    return false;
  }
  if (i >= s.size() || (s[i] != 'T' && s[i] != 't')) {
    return false;
  }
  ++i;
  return read_full_time(s, i) && i == s.size();
}

bool is_time(std::string_view s) {
  std::size_t i = 0;
  return read_full_time(s, i) && i == s.size();
}

// RFC 3986: unreserved, reserved and percent-encoded bytes. Brackets are only allowed in
// the authority (an IP literal) and '#' only once; the caller splits those parts off.
bool is_uri_char(char c) {
  if (is_alnum(c)) {
    return true;
  }
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case ':':
    case '/':
    case '?':
    case '@':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
      return true;
    default:
      return false;
  }
}

bool valid_uri_part(std::string_view s, bool allow_brackets) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) {
        return false;
      }
      if (!is_hex(s[i + 1]) || !is_hex(s[i + 2])) {
        return false;
      }
      i += 2;
    } else if ((c == '[' || c == ']') && allow_brackets) {
      continue;
    } else if (!is_uri_char(c)) {
      return false;
    }
  }
  return true;
}

bool is_scheme(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) {
    return false;
  }
  for (char c : s) {
    if (!is_alnum(c) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

// Everything after "scheme:" (or a whole relative reference).
bool valid_hier_part(std::string_view s) {
  std::size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    if (!valid_uri_part(s.substr(hash + 1), false) ||
        s.find('#', hash + 1) != std::string_view::npos) {
      return false;
    }
    s = s.substr(0, hash);
  }
  if (s.starts_with("//")) {
    std::size_t end = s.find_first_of("/?", 2);
    std::string_view authority = s.substr(2, end == std::string_view::npos ? s.npos : end - 2);
    if (!valid_uri_part(authority, true)) {
      return false;
    }
    s = end == std::string_view::npos ? std::string_view() : s.substr(end);
  }
  return valid_uri_part(s, false);
}

bool is_uri(std::string_view s) {
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || !is_scheme(s.substr(0, colon))) {
    return false;
  }
  return valid_hier_part(s.substr(colon + 1));
}

bool is_uri_reference(std::string_view s) {
  std::size_t colon = s.find(':');
  std::size_t delimiter = s.find_first_of("/?#");
  if (colon != std::string_view::npos &&
      (delimiter == std::string_view::npos || colon < delimiter)) {
    // A colon in the first segment makes it a URI; a relative path may not have one.
    return is_uri(s);
  }
  return valid_hier_part(s);
}

bool is_hostname(std::string_view s) {
  if (s.empty() || s.size() > 253) {
    return false;
  }
  std::size_t start = 0;
  while (true) {
    std::size_t dot = s.find('.', start);
    std::string_view label = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!is_alnum(c) && c != '-') {
        return false;
      }
    }
    if (dot == std::string_view::npos) {
      return true;
    }
    start = dot + 1;
  }
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t i = 0;
  while (parts < 4) {
    std::size_t start = i;
    int value = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < 3) {
      value = value * 10 + (s[i++] - '0');
    }
    std::size_t length = i - start;
    if (length == 0 || value > 255 || (length > 1 && s[start] == '0')) {
      return false;
    }
    ++parts;
    if (parts < 4 && !expect(s, i, '.')) {
      return false;
    }
  }
  return i == s.size();
}

bool is_ipv6(std::string_view s) {
  if (s.size() > 45) {
    return false;
  }
  std::string copy(s);  // inet_pton wants a terminated string
  unsigned char buffer[16];
  return inet_pton(AF_INET6, copy.c_str(), buffer) == 1;
}

bool is_email(std::string_view s) {
  std::size_t at = s.rfind('@');
  if (at == std::string_view::npos || s.size() > 254) {
    return false;
  }
  std::string_view local = s.substr(0, at);
  std::string_view domain = s.substr(at + 1);
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : local) {
    if (is_alnum(c) || c == '.') {
      continue;
    }
    if (std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) == std::string_view::npos) {
      return false;
    }
  }
  if (domain.size() > 2 && domain.front() == '[' && domain.back() == ']') {
    std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.starts_with("IPv6:")) {
      return is_ipv6(literal.substr(5));
    }
    return is_ipv4(literal);
  }
  return is_hostname(domain);
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !is_hex(s[i])) {
      return false;
    }
  }
  return true;
}

const FormatInfo* info(Format format) {
  for (const FormatInfo& entry : kFormats) {
    if (entry.format == format) {
      return &entry;
    }
  }
  return nullptr;
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const FormatInfo& entry : kFormats) {
    if (entry.name == name) {
      return entry.format;
    }
  }
  return std::nullopt;
}

std::span<const std::string_view> format_names() { return kNames; }

bool matches_format(Format format, std::string_view text) {
  switch (format) {
    case Format::none:
    case Format::unix_time:
      return true;
    case Format::date:
      return is_date(text);
    case Format::date_time:
      return is_date_time(text);
    case Format::time:
      return is_time(text);
    case Format::uri:
      return is_uri(text);
    case Format::uri_reference:
      return is_uri_reference(text);
    case Format::email:
      return is_email(text);
    case Format::uuid:
      return is_uuid(text);
    case Format::ipv4:
      return is_ipv4(text);
    case Format::ipv6:
      return is_ipv6(text);
    case Format::hostname:
      return is_hostname(text);
  }
  return true;
}

std::string_view format_noun(Format format) {
  const FormatInfo* entry = info(format);
  return entry != nullptr ? entry->noun : std::string_view("a value");
}

std::string_view format_example(Format format) {
  const FormatInfo* entry = info(format);
  return entry != nullptr ? entry->example : std::string_view();
}

}  // namespace contentlint::schema
