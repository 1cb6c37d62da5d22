#include <algorithm>

#include "core/utf8.hpp"
#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

// Whether a heading's plain text shows nothing: only blanks, no-break spaces (`&nbsp;`)
// and the emphasis markers cmark leaves as text when they match nothing (`## **`).
bool shows_nothing(std::string_view text) {
  for (std::size_t offset = 0; offset < text.size();) {
    char32_t c = core::decode_code_point(text, offset);
    bool invisible = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == U'\u00A0' ||
                     c == '*' || c == '_' || c == '~';
    if (!invisible) return false;
  }
  return true;
}

class HeadingEmpty final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "heading/empty",
      .default_severity = core::Severity::warning,
      .summary = "an empty heading",
      .what =
          "Reports a heading with no text: `##` alone on a line, or a heading of only blanks, "
          "`&nbsp;`, stray emphasis markers or an HTML comment. A heading that shows an image "
          "(a logo) is not empty.",
      .why =
          "An empty heading renders as blank space, appears as an empty entry in the table of "
          "contents and the screen reader's heading list, and gets no usable anchor. It is "
          "usually a section the author meant to fill in, or a `#` typed by accident.",
      .bad = "## Getting started\n\n##\n\nInstall the tool.\n",
      .good = "## Getting started\n\n### Install\n\nInstall the tool.\n",
  };

  static core::Expected<HeadingEmpty> create(const Options&) { return HeadingEmpty{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    const auto& links = article.body.links;
    for (const markdown::Heading& heading : article.body.headings) {
      if (!shows_nothing(heading.text)) continue;
      // Heading text drops image alt text, so an image-only heading looks empty.
      auto first = std::lower_bound(
          links.begin(), links.end(), heading.span.begin,
          [](const markdown::Link& link, std::size_t offset) { return link.span.begin < offset; });
      bool has_image = false;
      for (auto it = first; it != links.end() && it->span.begin < heading.span.end; ++it) {
        has_image = has_image || it->image;
      }
      if (!has_image) sink.report(heading.span, "heading is empty");
    }
  }
};

}  // namespace

RuleEntry heading_empty() { return {HeadingEmpty::meta, make_rule<HeadingEmpty>}; }

}  // namespace contentlint::rules
