#include <fmt/format.h>

#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

class ImageEmptyUrl final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "image/empty-url",
      .default_severity = core::Severity::error,
      .summary = "an empty or blank image URL, in the body or in front-matter image fields",
      .what =
          "Reports an image whose URL is empty or only spaces: `![alt]()` or `<img src=\"\">` "
          "in the body, and front matter image fields (see `fields`) whose value is empty.",
      .why =
          "An empty image URL renders as a broken image, or makes the site builder fail when "
          "it processes the cover image. It is usually a placeholder the author forgot.",
      .bad = "---\nimage:\n  url: ''\n  alt: 'Team photo'\n---\n\n![Team photo]()\n",
      .good =
          "---\nimage:\n  url: /assets/team.png\n  alt: 'Team photo'\n---\n\n"
          "![Team photo](/assets/team.png)\n",
      .options = {{"fields", "list of strings",
                   "[image, image.url, cover, cover.url, heroImage, thumbnail, ogImage]",
                   "front matter fields that hold an image URL, as dotted paths"}},
  };

  static core::Expected<ImageEmptyUrl> create(const Options& options) {
    auto fields = options.strings("fields", {"image", "image.url", "cover", "cover.url",
                                             "heroImage", "thumbnail", "ogImage"});
    if (!fields) return fields.error();
    return ImageEmptyUrl(std::move(*fields));
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    if (const auto& root = article.front_matter.yaml.root; root && root->is_mapping()) {
      for (const std::string& field : fields_) {
        const core::Node* value = root->find_path(field);
        if (value == nullptr || value->is_mapping() || value->is_sequence()) continue;
        if (value->is_null() || is_blank(value->text)) {
          sink.report(value->span, "image URL is empty");
        }
      }
    }
    for (const markdown::Link& link : article.body.links) {
      if (link.image && link.form != markdown::Link::Form::reference &&
          is_blank(link.destination)) {
        sink.report(link.span, "image URL is empty");
      }
    }
  }

 private:
  explicit ImageEmptyUrl(std::vector<std::string> fields) : fields_(std::move(fields)) {}

  std::vector<std::string> fields_;
};

}  // namespace

RuleEntry image_empty_url() { return {ImageEmptyUrl::meta, make_rule<ImageEmptyUrl>}; }

}  // namespace contentlint::rules
