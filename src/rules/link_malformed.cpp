#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "core/utf8.hpp"
#include "links/url.hpp"
#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

using core::ByteSpan;

// How far the search for the `[` and `)` of an unlinked `[text](a b)` looks from its
// `](`, so a hostile line of many `](` stays linear.
constexpr std::size_t kMaxTextBytes = 1000;
constexpr std::size_t kMaxDestinationBytes = 2000;
// How many label distances one file may compute for "did you mean" suggestions.
constexpr std::size_t kMaxSuggestionDistances = 10000;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_line_break(char c) { return c == '\n' || c == '\r'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && ascii_lower(text.substr(0, prefix.size())) == prefix;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool has_space(std::string_view text) {
  return text.find_first_of(" \t\r\n") != std::string_view::npos;
}

// `span` without the blanks at its ends, as they stand in `text`.
ByteSpan trimmed(std::string_view text, ByteSpan span) {
  while (span.begin < span.end && is_space(text[span.begin])) ++span.begin;
  while (span.end > span.begin && is_space(text[span.end - 1])) --span.end;
  return span;
}

// A URL for a message: long ones are cut, at a code point boundary.
std::string quoted(std::string_view url) {
  constexpr std::size_t kMaxCodePoints = 60;
  if (core::count_code_points(url) <= kMaxCodePoints) return fmt::format("'{}'", url);
  return fmt::format("'{}...'", url.substr(0, core::advance_code_points(url, kMaxCodePoints)));
}

// Optimal-string-alignment distance on the first 64 bytes of each string, so a hostile
// label cannot make it slow.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  a = a.substr(0, 64);
  b = b.substr(0, 64);
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

// The candidate closest to `typed`, when it is close enough (at most 2 edits, fewer than
// either length) to be what was meant. `budget` bounds the distances computed per file,
// so thousands of undefined references against thousands of definitions stay fast.
std::optional<std::string_view> nearest(std::string_view typed,
                                        const std::vector<std::string_view>& candidates,
                                        std::size_t& budget) {
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  for (std::string_view candidate : candidates) {
    std::size_t longer = std::max(typed.size(), candidate.size());
    if (longer - std::min(typed.size(), candidate.size()) >= best_distance) continue;
    if (budget == 0) break;
    --budget;
    std::size_t distance = edit_distance(typed, candidate);
    if (distance < best_distance && distance < typed.size() && distance < candidate.size()) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

// `www.example.org/page`: a host written without its scheme, which browsers resolve as a
// file next to the page.
bool is_bare_host(std::string_view text) {
  if (!starts_with_ignoring_case(text, "www.")) return false;
  std::string_view host = text.substr(4, text.substr(4).find_first_of("/?#"));
  std::size_t dot = host.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < host.size() &&
         std::all_of(host.begin(), host.end(),
                     [](char c) { return is_alnum(c) || c == '.' || c == '-'; });
}

// Whether what follows a would-be scheme is a port number (`3000/path`).
bool is_port(std::string_view after_colon) {
  std::size_t digits = 0;
  while (digits < after_colon.size() && is_digit(after_colon[digits])) ++digits;
  return digits > 0 && (digits == after_colon.size() || after_colon[digits] == '/');
}

// Whether `host` (no port, no user) can name a host: letters, digits, `-`, `.`, `_`, `~`,
// `%` escapes and non-ASCII (internationalized names), with no empty label; or `[...]`.
bool is_valid_host(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    return std::all_of(host.begin() + 1, host.end() - 1,
                       [](char c) { return is_alnum(c) || c == ':' || c == '.'; });
  }
  if (host.front() == '.' || host.find("..") != std::string_view::npos) return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '%' ||
           static_cast<unsigned char>(c) >= 0x80;
  });
}

/// A problem with one destination, and where it is.
struct Finding {
  std::string message;
  std::optional<core::Fix> fix;
};

class LinkMalformed final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "link/malformed",
      .default_severity = core::Severity::error,
      .fixable = true,
      .summary =
          "an unparsable URL, a space in a URL, an e-mail address without `mailto:`, an "
          "undefined reference",
      .what =
          "Reports link and image destinations (inline, reference definitions, autolinks, "
          "bare URLs and raw HTML `href`/`src`) that cannot work: an unknown URL scheme "
          "(`htps://`, `hhttp:`; allowed are http, https, mailto, tel, ftp, `data:` for "
          "images, and `schemes`), a `javascript:`, `vbscript:` or `data:` link, an http(s) "
          "URL without `//`, without a host, with an invalid host or port, or with `http` "
          "missing its `:` (`http//x`), a host without a scheme (`www.example.org`, "
          "`localhost:3000`), an "
          "e-mail address without `mailto:` (fixable), a space in an HTML `href`/`src`, a "
          "`[text](url with spaces)` that the spaces kept from becoming a link, and a "
          "`[text][ref]` or `[ref][]` whose reference has no definition. Relative, "
          "Whether a relative, root-relative or `#fragment` target exists is link/not-found's "
          "and link/anchor's business.",
      .why =
          "Each of these renders as a link that goes nowhere, or as literal brackets in the "
          "text: a browser takes `htps://x` or `me@example.org` for a file next to the page, "
          "CommonMark does not make a link of a destination with spaces, and an undefined "
          "reference is printed as `[text][ref]`. `javascript:` links are stripped by "
          "sanitizers, or run script when they are not.",
      .bad =
          "[Docs](htps://example.org/docs), [mail me](me@example.org),\n"
          "[the notes](my notes.md) and [the FAQ][faq].\n",
      .good =
          "[Docs](https://example.org/docs), [mail me](mailto:me@example.org),\n"
          "[the notes](my%20notes.md) and [the FAQ][faq].\n\n[faq]: /docs/faq\n",
      .options = {{"schemes", "list of strings", "[]",
                   "URL schemes to allow besides http, https, mailto, tel and ftp, e.g. "
                   "[vscode, slack]"}},
  };

  static core::Expected<LinkMalformed> create(const Options& options) {
    auto extra = options.strings("schemes", {});
    if (!extra) return extra.error();
    std::vector<std::string> schemes = {"http", "https", "mailto", "tel", "ftp"};
    for (const std::string& scheme : *extra) {
      std::string name = ascii_lower(trim(scheme));
      if (!name.empty() && name.back() == ':') name.pop_back();
      if (!name.empty()) schemes.push_back(std::move(name));
    }
    return LinkMalformed(std::move(schemes));
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    std::string_view text = article.document.text();
    const markdown::Body& body = article.body;
    for (const markdown::Link& link : body.links) {
      // A reference's destination is checked once, at its definition.
      if (link.form == markdown::Link::Form::reference) continue;
      bool html = link.form == markdown::Link::Form::html;
      report(sink, text, link.destination, link.destination_span, link.image, html);
    }
    // A definition that only images use may hold a `data:` URL.
    std::vector<char> for_links(body.definitions.size()), for_images(body.definitions.size());
    for (const markdown::Link& link : body.links) {
      if (link.definition && *link.definition < body.definitions.size()) {
        (link.image ? for_images : for_links)[*link.definition] = 1;
      }
    }
    std::vector<std::string_view> labels;
    std::size_t suggestion_budget = kMaxSuggestionDistances;
    for (std::size_t i = 0; i < body.definitions.size(); ++i) {
      const markdown::Definition& definition = body.definitions[i];
      labels.push_back(definition.label);
      report(sink, text, definition.destination, definition.destination_span,
             for_images[i] && !for_links[i], false);
    }
    for (const markdown::UndefinedReference& reference : body.undefined_references) {
      std::string message = fmt::format("reference '{}' is not defined", reference.label);
      if (auto suggestion =
              nearest(markdown::normalize_label(reference.label), labels, suggestion_budget)) {
        message += fmt::format("; did you mean '{}'?", *suggestion);
      }
      sink.report(reference.label_span, std::move(message));
    }
    for (const markdown::TextRun& run : body.text) {
      if (run.scope == markdown::TextRun::Scope::text ||
          run.scope == markdown::TextRun::Scope::heading) {
        find_unlinked(article.document, run.span, sink);
      }
    }
  }

 private:
  explicit LinkMalformed(std::vector<std::string> schemes) : schemes_(std::move(schemes)) {}

  void report(core::DiagnosticSink& sink, std::string_view text, std::string_view destination,
              ByteSpan span, bool image, bool html) const {
    std::string_view url = trim(destination);
    if (url.empty()) return;  // link/empty's and image/empty-url's
    ByteSpan at = trimmed(text, span);
    if (auto finding = examine(url, at, image, html)) {
      sink.report(at, std::move(finding->message), std::move(finding->fix));
    }
  }

  std::optional<Finding> examine(std::string_view url, ByteSpan at, bool image, bool html) const {
    links::Destination parts = links::parse_destination(url);
    if (parts.kind == links::Destination::Kind::external) {
      std::string scheme = ascii_lower(parts.scheme);
      if (scheme == "javascript" || scheme == "vbscript" || (scheme == "data" && !image)) {
        return Finding{fmt::format("unsafe '{}:' link", scheme), std::nullopt};
      }
      bool allowed = std::find(schemes_.begin(), schemes_.end(), scheme) != schemes_.end() ||
                     (scheme == "data" && image);
      if (!allowed && is_port(parts.path)) {
        // `localhost:3000/x` reads as the scheme `localhost`.
        return Finding{fmt::format("URL {} needs 'http://'", quoted(url)),
                       core::Fix{"insert 'http://'",
                                 core::FixSafety::unsafe,
                                 {core::Edit{{at.begin, at.begin}, "http://"}}}};
      }
      if (!allowed) return unknown_scheme(parts.scheme, at);
      if (scheme == "http" || scheme == "https") {
        if (auto problem = http_problem(url, parts.scheme)) return Finding{*problem, std::nullopt};
      }
    } else if (parts.kind == links::Destination::Kind::relative) {
      for (std::string_view scheme : {"http", "https"}) {
        std::string missing_colon = std::string(scheme) + "//";
        if (starts_with_ignoring_case(url, missing_colon)) {
          return Finding{fmt::format("URL {} is missing ':' after '{}'", quoted(url),
                                     url.substr(0, scheme.size())),
                         std::nullopt};
        }
      }
      if (!image && links::is_email_address(url)) {
        return Finding{"e-mail address needs 'mailto:'",
                       core::Fix{"insert 'mailto:'",
                                 core::FixSafety::safe,
                                 {core::Edit{{at.begin, at.begin}, "mailto:"}}}};
      }
      if (is_bare_host(url)) {
        return Finding{fmt::format("URL {} needs 'https://'", quoted(url)),
                       core::Fix{"insert 'https://'",
                                 core::FixSafety::unsafe,
                                 {core::Edit{{at.begin, at.begin}, "https://"}}}};
      }
    }
    // Markdown writes a destination with spaces as `<a b>`, which renderers encode; an
    // HTML attribute is used as written.
    if (html && has_space(url))
      return Finding{"URL contains a space; encode it as %20", std::nullopt};
    return std::nullopt;
  }

  Finding unknown_scheme(std::string_view scheme, ByteSpan at) const {
    std::string message = fmt::format("unknown URL scheme '{}:'", scheme);
    std::vector<std::string_view> known(schemes_.begin(), schemes_.end());
    std::optional<core::Fix> fix;
    std::size_t budget = known.size();
    if (auto suggestion = nearest(ascii_lower(scheme), known, budget)) {
      message += fmt::format("; did you mean '{}:'?", *suggestion);
      fix = core::Fix{fmt::format("replace '{}:' with '{}:'", scheme, *suggestion),
                      core::FixSafety::unsafe,
                      {core::Edit{{at.begin, at.begin + scheme.size()}, std::string(*suggestion)}}};
    }
    return Finding{std::move(message), std::move(fix)};
  }

  static std::optional<std::string> http_problem(std::string_view url, std::string_view scheme) {
    std::string_view rest = url.substr(scheme.size() + 1);
    if (!rest.starts_with("//")) {
      return fmt::format("URL {} needs '//' after '{}:'", quoted(url), scheme);
    }
    rest.remove_prefix(2);
    std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
      authority.remove_prefix(at + 1);
    }
    std::string_view host = authority;
    std::string_view port;
    std::size_t colon = authority.rfind(':');
    if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
    }
    if (host.empty()) return fmt::format("URL {} has no host", quoted(url));
    if (!is_valid_host(host)) {
      return fmt::format("URL {} has an invalid host {}", quoted(url), quoted(host));
    }
    if (!std::all_of(port.begin(), port.end(), is_digit)) {
      return fmt::format("URL {} has an invalid port {}", quoted(url), quoted(port));
    }
    return std::nullopt;
  }

  // `[text](my file.md)` is not a link for CommonMark (a destination cannot hold a space
  // unless it is wrapped in `<...>`), so cmark leaves it as text, `](` included. Only
  // destinations that look like a path or URL are reported: prose in brackets and
  // parentheses (`[sic](see below)`) is not.
  static void find_unlinked(const core::Document& document, ByteSpan run,
                            core::DiagnosticSink& sink) {
    std::string_view text = document.text();
    std::string_view until_end = text.substr(0, run.end);  // find() stops at the run's end
    for (std::size_t p = until_end.find(']', run.begin);
         p != std::string_view::npos && p + 1 < run.end; p = until_end.find(']', p + 1)) {
      if (text[p + 1] != '(' || (p > 0 && text[p - 1] == '\\')) continue;
      std::optional<std::size_t> open = find_open(text, p - std::min(p, kMaxTextBytes), p);
      std::optional<std::size_t> close =
          find_close(text, p + 1, std::min(text.size(), p + 1 + kMaxDestinationBytes));
      if (!open || !close) continue;
      ByteSpan destination = trimmed(text, {p + 2, *close});
      std::string_view url = text.substr(destination.begin, destination.size());
      if (!looks_like_path_with_space(url)) continue;
      bool image = *open > 0 && text[*open - 1] == '!' && !(*open > 1 && text[*open - 2] == '\\');
      std::string encoded;
      for (char c : url) encoded += c == ' ' ? std::string("%20") : std::string(1, c);
      sink.report(
          {image ? *open - 1 : *open, *close + 1},
          fmt::format("{} destination contains a space; encode it as %20 or wrap it in <...>",
                      image ? "image" : "link"),
          core::Fix{"encode the spaces as %20",
                    core::FixSafety::unsafe,
                    {core::Edit{destination, std::move(encoded)}}});
    }
  }

  // The `[` that the `]` at `close` closes, on its line, searching back to `stop`.
  static std::optional<std::size_t> find_open(std::string_view text, std::size_t stop,
                                              std::size_t close) {
    int depth = 0;
    for (std::size_t q = close; q-- > stop;) {
      if (is_line_break(text[q])) return std::nullopt;
      if (q > stop && text[q - 1] == '\\') continue;
      // Link text holds no `](`: stopping there keeps a line of many `](` linear.
      if (text[q] == ']' && text[q + 1] == '(') return std::nullopt;
      if (text[q] == ']') ++depth;
      if (text[q] == '[' && depth-- == 0) return q;
    }
    return std::nullopt;
  }

  // The `)` that closes the `(` at `open`, on its line, before `stop` and any bracket.
  static std::optional<std::size_t> find_close(std::string_view text, std::size_t open,
                                               std::size_t stop) {
    int depth = 0;
    for (std::size_t q = open + 1; q < stop; ++q) {
      char c = text[q];
      if (c == '[' || c == ']' || is_line_break(c)) {
        return std::nullopt;  // the next link's text, not this destination
      } else if (c == '\\') {
        ++q;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && depth-- == 0) {
        return q;
      }
    }
    return std::nullopt;
  }

  static bool looks_like_path_with_space(std::string_view url) {
    if (url.find_first_of(" \t") == std::string_view::npos) return false;
    if (url.find_first_of("<>\"") != std::string_view::npos) return false;
    if (url.find('/') != std::string_view::npos || url.starts_with('#')) return true;
    // Ends in a file extension: `my notes.md`, `Team Photo.JPG`.
    std::size_t dot = url.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || is_space(url[dot - 1])) return false;
    std::string_view extension = url.substr(dot + 1);
    return !extension.empty() && extension.size() <= 5 &&
           std::all_of(extension.begin(), extension.end(), is_alnum) &&
           std::any_of(extension.begin(), extension.end(), is_alpha);
  }

  std::vector<std::string> schemes_;  // lowercase, without ':'
};

}  // namespace

RuleEntry link_malformed() { return {LinkMalformed::meta, make_rule<LinkMalformed>}; }

}  // namespace contentlint::rules
