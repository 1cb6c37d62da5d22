#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <set>

#include "links/anchors.hpp"
#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

namespace fs = std::filesystem;

// Fragments every browser honours without an element to match: `#top` scrolls to the
// top, and a text fragment (`#:~:text=...`) highlights text.
bool needs_no_anchor(std::string_view fragment) {
  if (fragment.starts_with(":~:")) return true;
  if (fragment.size() != 3) return false;
  std::string lower(fragment);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower == "top";
}

class LinkAnchor final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "link/anchor",
      .default_severity = core::Severity::error,
      .summary = "a #fragment that matches no heading or id in the target document",
      .what =
          "Reports a link fragment (`#intro`) that names no anchor of its target: in this "
          "document, or in a linked local Markdown file or collection entry. Anchors are the "
          "GitHub slugs of the headings (lowercase, punctuation dropped, spaces as `-`, "
          "Unicode letters kept; a repeated heading gets `-1`, `-2`), custom heading ids "
          "(`## Setup {#setup}`) and HTML `id`/`name` attributes. Fragments are compared "
          "case-sensitively after percent-decoding, as browsers do; the nearest anchor is "
          "suggested. An empty fragment is link/empty's; `#top` and text fragments are always "
          "valid; a target that is not Markdown (a page component, another host) is not "
          "checked.",
      .why =
          "A fragment that matches nothing leaves the reader at the top of the page instead "
          "of the section the link promised. Anchors break silently when a heading is "
          "reworded.",
      .bad = "## Introduction\n\nAs said in the [intro](#intro-section)...\n",
      .good = "## Introduction\n\nAs said in the [intro](#introduction)...\n",
  };

  static core::Expected<LinkAnchor> create(const Options&) { return LinkAnchor(); }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    if (article.links == nullptr) return;
    const fs::path& from = article.links->file();
    std::optional<links::Anchors> own;  // this document's, built on first use
    std::set<std::size_t> definitions;  // a definition used twice is reported once
    for (const markdown::Link& link : article.body.links) {
      if (link.image || link.destination.find('#') == std::string::npos) continue;
      core::ByteSpan span = link.destination_span;
      if (link.form == markdown::Link::Form::reference) {
        if (!link.definition || !definitions.insert(*link.definition).second) continue;
        span = article.body.definitions[*link.definition].destination_span;
      }
      const links::Resolution& resolution = article.links->resolve(link.destination);
      if (!resolution.fragment || resolution.fragment->empty()) continue;
      const std::string& fragment = *resolution.fragment;
      if (needs_no_anchor(fragment)) continue;

      if (resolution.kind != links::Resolution::Kind::file &&
          resolution.kind != links::Resolution::Kind::route) {
        continue;  // link/not-found's, or not a local document
      }
      bool self = resolution.same_document || resolution.target == from.native();
      core::ByteSpan at = fragment_span(article.document, span);
      if (self) {
        if (!own) own = links::Anchors::of(article.body);
        if (!own->contains(fragment)) {
          sink.report(at, message(&*own, fragment, resolution.same_document, resolution.shown));
        }
        continue;
      }
      if (!links::is_markdown(resolution.target)) continue;
      using Answer = links::Site::AnchorAnswer;
      const links::Site& site = article.links->site();
      switch (site.has_anchor(resolution.target, fragment)) {
        case Answer::yes:
        case Answer::unknown:
          break;
        case Answer::no:
          sink.report(
              at, message(site.anchors_of(resolution.target), fragment, false, resolution.shown));
          break;
        case Answer::later:
          // The target is checked in this run but not yet: decided once it is. Its file is
          // checked again at the end of the run if the fragment matches nothing, and that
          // check reports it with its message.
          sink.report_later(at, [question = site.later_anchor(resolution.target, fragment)] {
            Answer answer = question.ask();
            if (answer == Answer::later) return core::Settled::waiting;
            return answer == Answer::no ? core::Settled::holds : core::Settled::dropped;
          });
          break;
      }
    }
  }

 private:
  // "no heading matches '#x' in post.md (did you mean '#y'?)"; the suggestion needs the
  // target's anchors (read again from disk only for a fragment that matches nothing).
  static std::string message(const links::Anchors* anchors, std::string_view fragment,
                             bool same_document, std::string_view shown) {
    std::string text = fmt::format("no heading matches '#{}' in {}", fragment,
                                   same_document ? std::string_view("this document") : shown);
    if (anchors != nullptr) {
      if (auto nearest = anchors->nearest(fragment)) {
        text += fmt::format(" (did you mean '#{}'?)", *nearest);
      }
    }
    return text;
  }

  // The fragment's bytes from its '#' in the written destination, else all of it.
  static core::ByteSpan fragment_span(const core::Document& document, core::ByteSpan span) {
    std::size_t hash = document.slice(span).find('#');
    if (hash == std::string_view::npos) return span;
    return {span.begin + hash, span.end};
  }
};

}  // namespace

RuleEntry link_anchor() { return {LinkAnchor::meta, make_rule<LinkAnchor>}; }

}  // namespace contentlint::rules
