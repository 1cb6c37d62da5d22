#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "links/url.hpp"
#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

class LinkExternal final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "link/external",
      .default_severity = core::Severity::error,
      .summary = "(--links external) an http(s) link that answers 4xx/5xx or does not resolve",
      .what =
          "With `--links external` (or `links: external` in the config), requests every "
          "http(s) link and image of the checked files once per run and reports those that "
          "answer a status outside `accept` (default 200-299) after following at most 5 "
          "redirects, whose host does not resolve, or that redirect in a loop: errors at the "
          "rule's level. A link that could not be verified (a time-out, a failed connection, "
          "a 503, a host that keeps answering 429 Too Many Requests) is a warning, never an "
          "error. A link whose host is a loopback, private, link-local, carrier-grade NAT, "
          "multicast or reserved address, in any spelling and on any redirect hop, is not "
          "requested and is reported as not checked (a warning), unless `links.allow-private` "
          "allows it. Each request is HEAD first, then GET when HEAD is refused; bodies are "
          "not read unless `links.fragments` asks for a page's ids. Results are cached in "
          "`links.cache-dir` (default `.contentlint-cache/`), ok ones for 7 days and broken "
          "ones for a day. URLs matching `links.exclude` and links to `site-url` (checked "
          "offline by link/not-found) are skipped. Offline, the default, this rule reports "
          "nothing, so editors and pre-commit stay fast. Settings live under `links:` in the "
          "config (see the README), not in this rule's options.",
      .why =
          "Pages move and sites disappear: a link that worked when the article was written "
          "sends readers to a 404 page years later. Checking them needs the network, so it "
          "runs in CI, politely (bounded concurrency per host, Retry-After honoured, a "
          "cache), and safely on untrusted pull requests: a link cannot make the checker "
          "probe the CI machine's own network or a cloud metadata service.",
      .bad =
          "Read [the announcement](https://example.org/blog/annoucement) and\n"
          "[the metadata](http://169.254.169.254/latest/meta-data/).\n",
      .good = "Read [the announcement](https://example.org/blog/announcement).\n",
  };

  static core::Expected<LinkExternal> create(const Options&) { return LinkExternal(); }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    if (article.external == nullptr) return;
    std::set<std::size_t> definitions;  // a definition used twice is reported once
    for (const markdown::Link& link : article.body.links) {
      std::string_view destination = link.destination;
      core::ByteSpan span = link.destination_span;
      if (link.form == markdown::Link::Form::reference) {
        if (!link.definition || !definitions.insert(*link.definition).second) continue;
        span = article.body.definitions[*link.definition].destination_span;
      }
      const links::LinkResult* result = article.external->find(destination);
      if (result == nullptr) continue;
      report(*article.external, *result, trim(destination), span, sink);
    }
  }

 private:
  static std::string_view trim(std::string_view text) {
    std::size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
  }

  static void report(const links::ExternalResults& results, const links::LinkResult& result,
                     std::string_view url, core::ByteSpan span, core::DiagnosticSink& sink) {
    using Outcome = links::LinkResult::Outcome;
    switch (result.outcome) {
      case Outcome::ok:
        check_fragment(results, result, url, span, sink);
        return;
      case Outcome::broken:
        sink.report(span, fmt::format("external link {}: {}", result.detail, url));
        return;
      case Outcome::refused:
        sink.report_at_most(core::Severity::warning, span,
                            fmt::format("not checked: {}", result.detail));
        return;
      case Outcome::unverified:
        sink.report_at_most(core::Severity::warning, span,
                            fmt::format("could not verify ({}): {}", result.detail, url));
        return;
      case Outcome::rate_limited:
        sink.report_at_most(core::Severity::warning, span,
                            fmt::format("could not verify (rate limited): {}", url));
        return;
    }
  }

  // A `#fragment` must name an id of the page, when fragments are checked and the page was
  // read whole. GitHub prefixes the ids of rendered Markdown with `user-content-` and maps
  // the plain fragment with a script, so either form counts.
  static void check_fragment(const links::ExternalResults& results, const links::LinkResult& result,
                             std::string_view url, core::ByteSpan span,
                             core::DiagnosticSink& sink) {
    if (!results.fragments || !result.has_ids) return;
    links::Destination parts = links::parse_destination(url);
    if (!parts.fragment || parts.fragment->empty()) return;
    std::string fragment = links::percent_decode(*parts.fragment);
    // Text fragments (`#:~:text=`) and hash-bang routes are not element ids.
    if (fragment.starts_with(":~:") || fragment.starts_with('!')) return;
    auto has = [&](const std::string& id) {
      return std::binary_search(result.ids.begin(), result.ids.end(), id);
    };
    if (has(fragment) || has("user-content-" + fragment)) return;
    if (result.truncated) return;  // the id may be past the part that was read
    sink.report(span, fmt::format("external page has no anchor '#{}': {}", fragment, url));
  }
};

}  // namespace

RuleEntry link_external() { return {LinkExternal::meta, make_rule<LinkExternal>}; }

}  // namespace contentlint::rules
