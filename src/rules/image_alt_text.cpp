#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "links/url.hpp"
#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equal_ignoring_case(text.substr(0, prefix.size()), prefix);
}

// How alt texts and placeholders compare: ASCII lowercased, `-` and `_` as spaces, runs
// of spaces collapsed, trailing `.`, `:` and `!` dropped ("Alt_Text." is "alt text").
std::string normalize(std::string_view text) {
  std::string out;
  for (char c : text) {
    char mapped = c == '-' || c == '_' || is_space(c) ? ' ' : lower(c);
    if (mapped == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += mapped;
  }
  while (!out.empty() &&
         (out.back() == ' ' || out.back() == '.' || out.back() == ':' || out.back() == '!')) {
    out.pop_back();
  }
  return out;
}

// The last path segment of an image URL, percent-decoded ("" for data: URLs and for
// URLs that end in `/`).
std::string file_name(std::string_view destination) {
  links::Destination parts = links::parse_destination(destination);
  if (parts.kind == links::Destination::Kind::empty || equal_ignoring_case(parts.scheme, "data")) {
    return {};
  }
  std::string_view path = parts.path;
  if (std::size_t slash = path.rfind('/'); slash != std::string_view::npos) {
    path.remove_prefix(slash + 1);
  }
  return links::percent_decode(path);
}

std::string_view without_extension(std::string_view name) {
  std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot);
}

// An alt text that is itself a picture's file name ("IMG_2034.JPG"), whatever the URL.
bool looks_like_image_file(std::string_view alt) {
  static constexpr std::string_view kExtensions[] = {"png",  "jpg", "jpeg", "gif",  "webp", "svg",
                                                     "avif", "bmp", "tif",  "tiff", "ico",  "heic"};
  std::size_t dot = alt.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  if (alt.find_first_of(" \t/") != std::string_view::npos) return false;
  std::string_view extension = alt.substr(dot + 1);
  return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                     [&](std::string_view known) { return equal_ignoring_case(extension, known); });
}

class ImageAltText final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "image/alt-text",
      .default_severity = core::Severity::warning,
      .summary = "missing alt text, or alt text that is only the URL, a file name or a placeholder",
      .what =
          "Reports an image (`![alt](url)` or `<img>`) whose alt text is missing or blank, "
          "repeats the URL, is a URL or the image's file name (with or without its "
          "extension, in any case), or is a placeholder such as `image` or `screenshot` (see "
          "`placeholders`). The `alt` of a front matter `image` or `cover` mapping that has a "
          "`url` (or `src`) is checked the same way. An explicitly empty `<img alt=\"\">` marks "
          "a decorative image (WCAG) and is allowed; a Markdown `![](url)` is reported, "
          "because Markdown has no way to say the empty alt is deliberate.",
      .why =
          "Screen readers read the alt text in place of the image, and it is shown when the "
          "image fails to load. A URL, a file name or the word \"image\" tells the reader "
          "nothing about what the picture shows; search engines and link previews use the alt "
          "text too.",
      .bad =
          "![https://media.giphy.com/media/abc/giphy.gif](https://media.giphy.com/media/abc/"
          "giphy.gif)\n\n![screenshot.png](img/screenshot.png)\n\n![image](/assets/team.jpg)\n",
      .good =
          "![A developer waving at the camera](https://media.giphy.com/media/abc/giphy.gif)\n\n"
          "![The settings page with the API key field highlighted](img/screenshot.png)\n\n"
          "<img src=\"/assets/divider.svg\" alt=\"\">\n",
      .options = {{"placeholders", "list of strings",
                   "[image, img, picture, pic, photo, screenshot, screen shot, alt, alt text, "
                   "untitled, placeholder, todo, tbd, giphy, gif, insert image, image "
                   "description, enter image description here]",
                   "alt texts that describe nothing; compared ignoring case, `-`/`_` versus "
                   "spaces and trailing punctuation"}},
  };

  static core::Expected<ImageAltText> create(const Options& options) {
    auto placeholders = options.strings(
        "placeholders",
        {"image", "img", "picture", "pic", "photo", "screenshot", "screen shot", "alt", "alt text",
         "untitled", "placeholder", "todo", "tbd", "giphy", "gif", "insert image",
         "image description", "enter image description here"});
    if (!placeholders) return placeholders.error();
    std::vector<std::string> normalized;
    for (const std::string& placeholder : *placeholders) {
      std::string key = normalize(placeholder);
      if (!key.empty()) normalized.push_back(std::move(key));
    }
    return ImageAltText(std::move(normalized));
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    check_front_matter(article, sink);
    for (const markdown::Link& link : article.body.links) {
      if (!link.image) continue;
      bool html = link.form == markdown::Link::Form::html;
      bool has_alt_attribute = link.text_span.begin < link.span.end;
      if (html && has_alt_attribute && link.text.empty()) continue;  // decorative
      if (auto message = problem(link.text, link.destination)) {
        sink.report(link.span, std::move(*message));
      }
    }
  }

 private:
  explicit ImageAltText(std::vector<std::string> placeholders)
      : placeholders_(std::move(placeholders)) {}

  std::optional<std::string> problem(std::string_view alt_text, std::string_view url) const {
    std::string_view alt = trim(alt_text);
    if (alt.empty()) return "image has no alt text; describe the image";
    std::string_view destination = trim(url);
    if (!destination.empty() && equal_ignoring_case(alt, destination)) {
      return "image alt text repeats the URL; describe the image";
    }
    if (starts_with_ignoring_case(alt, "http://") || starts_with_ignoring_case(alt, "https://") ||
        starts_with_ignoring_case(alt, "www.")) {
      return "image alt text is a URL; describe the image";
    }
    std::string name = file_name(destination);
    if (!name.empty() &&
        (equal_ignoring_case(alt, name) || equal_ignoring_case(alt, without_extension(name)))) {
      return "image alt text is the file name; describe the image";
    }
    if (looks_like_image_file(alt)) return "image alt text is a file name; describe the image";
    std::string key = normalize(alt);
    if (std::find(placeholders_.begin(), placeholders_.end(), key) != placeholders_.end()) {
      return fmt::format("image alt text '{}' is a placeholder; describe the image", alt);
    }
    return std::nullopt;
  }

  // `image: {url, alt}` and `cover: {url, alt}`, as Astro and Hugo themes write them.
  void check_front_matter(const Article& article, core::DiagnosticSink& sink) const {
    const auto& root = article.front_matter.yaml.root;
    if (!root || !root->is_mapping()) return;
    for (std::string_view field : {"image", "cover"}) {
      const core::Node* image = root->find(field);
      if (image == nullptr || !image->is_mapping()) continue;
      const core::Node* url = image->find("url");
      if (url == nullptr) url = image->find("src");
      if (url == nullptr || !url->is_scalar()) continue;
      const core::Entry* alt = nullptr;
      for (const core::Entry& entry : image->entries) {
        if (entry.key.is_scalar() && entry.key.text == "alt") alt = &entry;
      }
      if (alt == nullptr || alt->value.is_mapping() || alt->value.is_sequence()) continue;
      // An empty value's own position is the next token's, so it is reported at its key.
      const core::Node& at = alt->value.is_null() ? alt->key : alt->value;
      if (auto message = problem(alt->value.is_null() ? "" : alt->value.text, url->text)) {
        sink.report(at.span, std::move(*message));
      }
    }
  }

  std::vector<std::string> placeholders_;  // normalized
};

}  // namespace

RuleEntry image_alt_text() { return {ImageAltText::meta, make_rule<ImageAltText>}; }

}  // namespace contentlint::rules
