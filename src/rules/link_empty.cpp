#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

class LinkEmpty final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "link/empty",
      .default_severity = core::Severity::error,
      .summary = "a link with no destination: `[text]()` or `[text](#)`",
      .what =
          "Reports a link whose destination is empty (`[text]()`, `[text](<>)`, "
          "`<a href=\"\">`) or only `#`, written inline, as a reference whose definition is "
          "empty, or in raw HTML. Images are image/empty-url's.",
      .why =
          "An empty link reloads the page and `#` jumps to its top: the reader clicks and "
          "nothing they expected happens. It is nearly always a link the author meant to "
          "fill in later.",
      .bad = "Read the [contributing guide]() and the [FAQ](#).\n",
      .good = "Read the [contributing guide](/docs/contributing) and the [FAQ](#faq).\n",
  };

  static core::Expected<LinkEmpty> create(const Options&) { return LinkEmpty{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    using Form = markdown::Link::Form;
    for (const markdown::Link& link : article.body.links) {
      if (link.image || link.form == Form::autolink || link.form == Form::bare_url) continue;
      std::string_view destination = trim(link.destination);
      if (destination.empty()) {
        sink.report(link.span, "link has no destination");
      } else if (destination == "#") {
        sink.report(link.span, "link points to '#' only");
      }
    }
  }
};

}  // namespace

RuleEntry link_empty() { return {LinkEmpty::meta, make_rule<LinkEmpty>}; }

}  // namespace contentlint::rules
