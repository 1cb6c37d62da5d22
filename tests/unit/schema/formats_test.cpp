// The format checks on their own, edge by edge.
#include <catch2/catch.hpp>

#include "schema/formats.hpp"

using contentlint::schema::Format;
using contentlint::schema::matches_format;

TEST_CASE("formats: date is a real calendar date, YYYY-MM-DD") {
  CHECK(matches_format(Format::date, "2024-03-11"));
  CHECK(matches_format(Format::date, "2024-02-29"));
  CHECK(matches_format(Format::date, "2000-02-29"));
  CHECK_FALSE(matches_format(Format::date, "2100-02-29"));
  CHECK_FALSE(matches_format(Format::date, "2024-13-01"));
  CHECK_FALSE(matches_format(Format::date, "2024-00-10"));
  CHECK_FALSE(matches_format(Format::date, "2024-06-31"));
  CHECK_FALSE(matches_format(Format::date, "2024-06-00"));
  CHECK_FALSE(matches_format(Format::date, "24-06-01"));
  CHECK_FALSE(matches_format(Format::date, "2024-06-01T00:00:00Z"));
  CHECK_FALSE(matches_format(Format::date, "2024-06-01 "));
  CHECK_FALSE(matches_format(Format::date, ""));
}

TEST_CASE("formats: date-time and time are RFC 3339") {
  CHECK(matches_format(Format::date_time, "2024-03-11T10:00:00Z"));
  CHECK(matches_format(Format::date_time, "2024-03-11t10:00:00z"));
  CHECK(matches_format(Format::date_time, "2024-03-11T10:00:00.123+05:30"));
  CHECK(matches_format(Format::date_time, "2016-12-31T23:59:60Z"));
  CHECK(matches_format(Format::date_time, "2016-12-31T15:59:60-08:00"));
  CHECK_FALSE(matches_format(Format::date_time, "2016-12-31T22:59:60Z"));
  CHECK_FALSE(matches_format(Format::date_time, "2024-03-11T10:00:00"));
  CHECK_FALSE(matches_format(Format::date_time, "2024-03-11 10:00:00Z"));
  CHECK_FALSE(matches_format(Format::date_time, "2024-03-11T24:00:00Z"));
  CHECK_FALSE(matches_format(Format::date_time, "2024-03-11T10:60:00Z"));
  CHECK_FALSE(matches_format(Format::date_time, "2024-03-11T10:00:00.Z"));
  CHECK_FALSE(matches_format(Format::date_time, "2024-03-11T10:00:00+0530"));
  CHECK_FALSE(matches_format(Format::date_time, "2024-02-30T10:00:00Z"));
  CHECK(matches_format(Format::time, "10:00:00Z"));
  CHECK(matches_format(Format::time, "10:00:00.5-01:00"));
  CHECK_FALSE(matches_format(Format::time, "10:00Z"));
  CHECK_FALSE(matches_format(Format::time, "10:00:00"));
}

TEST_CASE("formats: uri is absolute, uri-reference may be relative") {
  CHECK(matches_format(Format::uri, "https://example.org/a?b=c#d"));
  CHECK(matches_format(Format::uri, "mailto:dev@example.org"));
  CHECK(matches_format(Format::uri, "http://[2001:db8::1]:8080/"));
  CHECK(matches_format(Format::uri, "https://example.org/%20x"));
  CHECK_FALSE(matches_format(Format::uri, "/relative/path"));
  CHECK_FALSE(matches_format(Format::uri, "example.org"));
  CHECK_FALSE(matches_format(Format::uri, "https://example.org/a b"));
  CHECK_FALSE(matches_format(Format::uri, "https://example.org/%zz"));
  CHECK_FALSE(matches_format(Format::uri, "https://example.org/%2"));
  CHECK_FALSE(matches_format(Format::uri, "https://example.org/#a#b"));
  CHECK_FALSE(matches_format(Format::uri, "https://example.org/[x]"));
  CHECK_FALSE(matches_format(Format::uri, "1http://x"));
  CHECK_FALSE(matches_format(Format::uri, "https://exämple.org"));
  CHECK(matches_format(Format::uri_reference, ""));
  CHECK(matches_format(Format::uri_reference, "/blog/my-post"));
  CHECK(matches_format(Format::uri_reference, "../a.png"));
  CHECK(matches_format(Format::uri_reference, "#anchor"));
  CHECK(matches_format(Format::uri_reference, "//cdn.example.org/a.js"));
  CHECK(matches_format(Format::uri_reference, "a/b:c"));
  CHECK(matches_format(Format::uri_reference, "https://example.org"));
  CHECK_FALSE(matches_format(Format::uri_reference, "a b.png"));
  CHECK_FALSE(matches_format(Format::uri_reference, "1:x"));
  CHECK_FALSE(matches_format(Format::uri_reference, "\\\\windows\\path"));
}

TEST_CASE("formats: email, hostname, ipv4, ipv6, uuid") {
  CHECK(matches_format(Format::email, "dev.rel+x@example.org"));
  CHECK(matches_format(Format::email, "a@[192.0.2.1]"));
  CHECK(matches_format(Format::email, "a@[IPv6:2001:db8::1]"));
  CHECK_FALSE(matches_format(Format::email, "someone"));
  CHECK_FALSE(matches_format(Format::email, "@example.org"));
  CHECK_FALSE(matches_format(Format::email, "a..b@example.org"));
  CHECK_FALSE(matches_format(Format::email, ".a@example.org"));
  CHECK_FALSE(matches_format(Format::email, "a b@example.org"));
  CHECK_FALSE(matches_format(Format::email, "a@-example.org"));
  CHECK(matches_format(Format::hostname, "example.org"));
  CHECK(matches_format(Format::hostname, "localhost"));
  CHECK(matches_format(Format::hostname, "xn--bcher-kva.example"));
  CHECK_FALSE(matches_format(Format::hostname, "-bad.org"));
  CHECK_FALSE(matches_format(Format::hostname, "a..b"));
  CHECK_FALSE(matches_format(Format::hostname, std::string(64, 'a') + ".org"));
  CHECK(matches_format(Format::ipv4, "192.0.2.1"));
  CHECK(matches_format(Format::ipv4, "0.0.0.0"));
  CHECK_FALSE(matches_format(Format::ipv4, "192.0.2.256"));
  CHECK_FALSE(matches_format(Format::ipv4, "192.0.2"));
  CHECK_FALSE(matches_format(Format::ipv4, "192.0.2.1.5"));
  CHECK_FALSE(matches_format(Format::ipv4, "01.2.3.4"));
  CHECK_FALSE(matches_format(Format::ipv4, "1.2.3.4 "));
  CHECK(matches_format(Format::ipv6, "2001:db8::1"));
  CHECK(matches_format(Format::ipv6, "::ffff:192.0.2.1"));
  CHECK_FALSE(matches_format(Format::ipv6, "2001:db8:::1"));
  CHECK_FALSE(matches_format(Format::ipv6, "fe80::1%eth0"));
  CHECK(matches_format(Format::uuid, "123e4567-e89b-12d3-a456-426614174000"));
  CHECK_FALSE(matches_format(Format::uuid, "123e4567e89b12d3a456426614174000"));
  CHECK_FALSE(matches_format(Format::uuid, "123e4567-e89b-12d3-a456-42661417400g"));
}

TEST_CASE("formats: names, nouns and examples") {
  CHECK(contentlint::schema::parse_format("date-time") == Format::date_time);
  CHECK(contentlint::schema::parse_format("unix-time") == Format::unix_time);
  CHECK_FALSE(contentlint::schema::parse_format("datetime").has_value());
  CHECK(contentlint::schema::format_noun(Format::email) == "an e-mail address");
  CHECK(contentlint::schema::format_example(Format::date) == "2024-03-11");
  CHECK(contentlint::schema::format_names().size() == 11);
}
