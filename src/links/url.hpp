/// Taking a link destination apart, without the network: scheme, path, query, fragment.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace contentlint::links {

/// A destination as written in a link, cut into its parts. Views point into the string
/// handed to parse_destination, which must outlive them.
struct Destination {
  /// How the destination locates its target.
  enum class Kind {
    empty,              // "" or only blanks
    fragment,           // "#intro": this document
    external,           // "https://x.org", "mailto:a@b", "data:..." (any scheme)
    protocol_relative,  // "//host/path": another host
    root,               // "/blog/post": from the site's root
    relative,           // "img/a.png", "../guide.md", "./"
  };
  Kind kind = Kind::empty;
  std::string_view scheme;                   // external: before the ':' (as written)
  std::string_view path;                     // before '?' and '#' (external: after "scheme:")
  std::optional<std::string_view> fragment;  // after the first '#', still percent-encoded
};

/// Splits `destination` (trimmed of blanks) into its parts.
Destination parse_destination(std::string_view destination);

/// Decodes `%XX` escapes; a `%` not followed by two hex digits stays as written.
std::string percent_decode(std::string_view text);

/// An absolute http(s) URL split into lowercase host and path ("" when none); nullopt
/// for anything else. The port stays part of the host.
struct HttpUrl {
  std::string host;
  std::string_view path;  // from the first '/' after the host, before '?' and '#'
};
std::optional<HttpUrl> parse_http_url(std::string_view url);

/// `me@example.org` (an optional `?subject=...` after it): what a link without `mailto:`
/// that meant an e-mail address looks like. A retina image `logo@2x.png` is not one.
bool is_email_address(std::string_view text);

}  // namespace contentlint::links
