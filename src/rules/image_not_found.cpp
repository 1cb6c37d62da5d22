#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

class ImageNotFound final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "image/not-found",
      .default_severity = core::Severity::error,
      .summary = "a local image that does not exist, or exists only with other letter case",
      .what =
          "Reports a local image, in the body (`![alt](img/a.png)`, `<img src>`) or in front "
          "matter image fields (see `fields`), whose file does not exist. Relative paths "
          "resolve from the article's folder; root-relative ones (`/assets/a.png`) from "
          "`public-dir` (or an endpoint under `pages-dir`). A file that exists only with "
          "other letter case (`Logo.PNG` for `logo.png`) gets its own message. Images on other "
          "hosts, and root-relative images when the config names no `public-dir` or routes, "
          "are not checked.",
      .why =
          "A missing image renders as a broken image, or fails the site build when the "
          "builder processes it. A letter-case mismatch is the treacherous kind: it works on "
          "a laptop (macOS and Windows ignore case) and breaks on the Linux server that "
          "builds the site.",
      .bad = "![Team photo](img/Team.PNG)\n\n![Logo](/assets/missing.png)\n",
      .good = "![Team photo](img/team.png)\n\n![Logo](/assets/logo.png)\n",
      .options = {{"fields", "list of strings",
                   "[image, image.url, cover, cover.url, heroImage, thumbnail, ogImage]",
                   "front matter fields that hold an image path, as dotted paths"}},
  };

  static core::Expected<ImageNotFound> create(const Options& options) {
    auto fields = options.strings("fields", {"image", "image.url", "cover", "cover.url",
                                             "heroImage", "thumbnail", "ogImage"});
    if (!fields) return fields.error();
    return ImageNotFound(std::move(*fields));
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    if (article.links == nullptr) return;
    auto check_one = [&](std::string_view destination, core::ByteSpan span) {
      if (is_blank(destination)) return;  // image/empty-url's
      const links::Resolution& resolution = article.links->resolve(destination, links::Want::image);
      if (resolution.broken()) sink.report(span, resolution.problem("image file"));
    };
    if (const auto& root = article.front_matter.yaml.root; root && root->is_mapping()) {
      for (const std::string& field : fields_) {
        const core::Node* value = root->find_path(field);
        if (value != nullptr && value->is_scalar()) check_one(value->text, value->span);
      }
    }
    std::set<std::size_t> definitions;  // a definition used twice is reported once
    for (const markdown::Link& link : article.body.links) {
      if (!link.image) continue;
      core::ByteSpan span = link.destination_span;
      if (link.form == markdown::Link::Form::reference) {
        if (!link.definition || !definitions.insert(*link.definition).second) continue;
        span = article.body.definitions[*link.definition].destination_span;
      }
      check_one(link.destination, span);
    }
  }

 private:
  explicit ImageNotFound(std::vector<std::string> fields) : fields_(std::move(fields)) {}

  std::vector<std::string> fields_;
};

}  // namespace

RuleEntry image_not_found() { return {ImageNotFound::meta, make_rule<ImageNotFound>}; }

}  // namespace contentlint::rules
