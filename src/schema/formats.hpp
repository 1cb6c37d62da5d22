/// The `format` values the schema dialect knows, and how a string is checked against each.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace contentlint::schema {

/// A known `format`. `unix_time` (Astro's z.date()) only asks for an integer.
enum class Format {
  none,
  date,
  date_time,
  time,
  uri,
  uri_reference,
  email,
  uuid,
  ipv4,
  ipv6,
  hostname,
  unix_time,
};

/// The format named `name` in a schema, or nullopt when it is unknown.
std::optional<Format> parse_format(std::string_view name);

/// Every format name, for "did you mean" suggestions.
std::span<const std::string_view> format_names();

/// Whether `text` is a valid value of `format` (true for Format::none and unix_time,
/// which do not constrain strings).
bool matches_format(Format format, std::string_view text);

/// What a value of the format is called in messages: "a date", "a date-time".
std::string_view format_noun(Format format);

/// An example value shown after the noun: "2024-03-11"; empty when there is none.
std::string_view format_example(Format format);

}  // namespace contentlint::schema
