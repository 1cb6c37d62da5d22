#include "links/url.hpp"

#include <algorithm>
#include <iterator>

namespace contentlint::links {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view trim(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// The scheme of an absolute URL (RFC 3986: a letter, then letters, digits, `+`, `-`,
// `.`, then `:`), or an empty view. The scheme must come before any `/`, `?` or `#`.
std::string_view scheme_of(std::string_view text) {
  if (text.empty() || !is_alpha(text[0])) return {};
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == ':') return text.substr(0, i);
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return {};
  }
  return {};
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

Destination parse_destination(std::string_view destination) {
  Destination result;
  std::string_view text = trim(destination);
  if (text.empty()) return result;
  std::size_t hash = text.find('#');
  if (hash != std::string_view::npos) result.fragment = text.substr(hash + 1);
  std::string_view before_fragment = text.substr(0, hash);
  result.path = before_fragment.substr(0, before_fragment.find('?'));

  if (std::string_view scheme = scheme_of(text); !scheme.empty()) {
    result.kind = Destination::Kind::external;
    result.scheme = scheme;
    result.path = result.path.substr(scheme.size() + 1);
  } else if (text.starts_with("//")) {
    result.kind = Destination::Kind::protocol_relative;
  } else if (text.starts_with('/')) {
    result.kind = Destination::Kind::root;
  } else if (result.path.empty()) {
    // "#intro" and "?tab=1#intro" both stay on this page.
    result.kind = Destination::Kind::fragment;
  } else {
    result.kind = Destination::Kind::relative;
  }
  return result;
}

std::string percent_decode(std::string_view text) {
  std::size_t first = text.find('%');
  if (first == std::string_view::npos) return std::string(text);  // most destinations
  std::string out;
  out.reserve(text.size());
  out.append(text.substr(0, first));
  for (std::size_t i = first; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::optional<HttpUrl> parse_http_url(std::string_view url) {
  std::string_view scheme = scheme_of(url);
  std::string lowered;
  for (char c : scheme) lowered += ascii_lower(c);
  if (lowered != "http" && lowered != "https") return std::nullopt;
  std::string_view rest = url.substr(scheme.size() + 1);
  if (!rest.starts_with("//")) return std::nullopt;
  rest.remove_prefix(2);
  std::size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  HttpUrl result;
  for (char c : authority) result.host += ascii_lower(c);
  if (end != std::string_view::npos && rest[end] == '/') {
    std::string_view path = rest.substr(end);
    result.path = path.substr(0, path.find_first_of("?#"));
  }
  return result;
}

// `me@example.org` (an optional `?subject=...` after it): what a link without `mailto:`
// that meant an e-mail address looks like. A retina image `logo@2x.png` is not one.
bool is_email_address(std::string_view text) {
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto is_alnum = [&](char c) { return is_alpha(c) || (c >= '0' && c <= '9'); };
  auto lower = [](std::string_view word) {
    std::string out(word);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  };
  text = text.substr(0, text.find('?'));
  std::size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  std::string_view local = text.substr(0, at);
  std::string_view domain = text.substr(at + 1);
  bool local_ok = std::all_of(local.begin(), local.end(), [&](char c) {
    return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  });
  if (!local_ok || domain.empty() || domain.front() == '.' || domain.back() == '.') return false;
  std::size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos) return false;
  bool domain_ok = std::all_of(domain.begin(), domain.end(),
                               [&](char c) { return is_alnum(c) || c == '.' || c == '-'; });
  std::string_view top = domain.substr(dot + 1);
  static constexpr std::string_view kFileExtensions[] = {"png",  "jpg", "jpeg", "gif",  "svg",
                                                         "webp", "pdf", "md",   "mdx",  "html",
                                                         "htm",  "txt", "json", "yaml", "yml"};
  bool file = std::find(std::begin(kFileExtensions), std::end(kFileExtensions), lower(top)) !=
              std::end(kFileExtensions);
  return domain_ok && domain.find("..") == std::string_view::npos && top.size() >= 2 &&
         std::all_of(top.begin(), top.end(), is_alpha) && !file;
}

}  // namespace contentlint::links
