#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "links/url.hpp"
#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

class LinkNotFound final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "link/not-found",
      .default_severity = core::Severity::error,
      .summary = "a link to a local file, page or collection entry that does not exist",
      .what =
          "Reports a link whose target does not exist. Relative links resolve from the "
          "article's folder; a folder, or a name without extension, resolves to its index or "
          "Markdown file as sites serve them (`guide` finds `guide.md`, `guide/` finds "
          "`guide/index.md`). Root-relative links (`/about`, `/blog/my-post`) and links to "
          "`site-url` resolve offline against files under `public-dir`, the file-based routes "
          "of `pages-dir` (`about.astro`, `about/index.md`, `[slug].astro`, "
          "`[...slug].astro`) and the collections' `route` patterns, which must name an "
          "existing entry (its path from the collection's folder, or its front matter "
          "`slug`). When the config sets neither `pages-dir` nor a collection route, a "
          "root-relative link that no file under `public-dir` serves is left unverified; "
          "without `pages-dir`, so is one outside every collection route. A target that "
          "exists only with other letter case, and a path that leaves the site's root, are "
          "reported too. Links to other hosts, `mailto:` and `tel:` are not checked here.",
      .why =
          "A broken link sends the reader to a 404 page. Links between articles break when "
          "a file is renamed or an entry's slug changes, and a letter-case mismatch works on "
          "a laptop (macOS and Windows ignore case) but not on the Linux server that builds "
          "and serves the site.",
      .bad = "See [the guide](../guide/setup.md) and [my last post](/blog/my-lst-post).\n",
      .good = "See [the guide](../guide/install.md) and [my last post](/blog/my-last-post).\n",
  };

  static core::Expected<LinkNotFound> create(const Options&) { return LinkNotFound(); }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    if (article.links == nullptr) return;
    std::set<std::size_t> definitions;  // a definition used twice is reported once
    for (const markdown::Link& link : article.body.links) {
      if (link.image || is_blank(link.destination)) continue;
      // An address without `mailto:` is link/malformed's; it is no file to look for.
      if (links::is_email_address(link.destination)) continue;
      core::ByteSpan span = link.destination_span;
      if (link.form == markdown::Link::Form::reference) {
        if (!link.definition || !definitions.insert(*link.definition).second) continue;
        span = article.body.definitions[*link.definition].destination_span;
      }
      const links::Resolution& resolution = article.links->resolve(link.destination);
      if (resolution.broken()) sink.report(span, resolution.problem("linked file"));
    }
  }
};

}  // namespace

RuleEntry link_not_found() { return {LinkNotFound::meta, make_rule<LinkNotFound>}; }

}  // namespace contentlint::rules
