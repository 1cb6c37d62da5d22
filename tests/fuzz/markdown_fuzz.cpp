// Fuzz target: Markdown fact extraction (one cmark parse, source scanning of inline spans),
// then the whole built-in rule set of the recommended preset on the same text.
#include "config/config.hpp"
#include "engine/engine.hpp"
#include "frontmatter/frontmatter.hpp"
#include "fuzz_common.hpp"
#include "markdown/facts.hpp"

using namespace contentlint;

namespace {

const config::Config& recommended() {
  static const config::Config config = [] {
    core::Expected<config::Config> loaded = config::defaults(fuzz::scratch_dir(), {});
    FUZZ_CHECK(loaded.ok());
    return std::move(*loaded);
  }();
  return config;
}

void check_body(const markdown::Body& body, core::ByteSpan inside) {
  for (const markdown::Link& link : body.links) {
    fuzz::check_inside(link.span, inside);
    fuzz::check_inside(link.destination_span, inside);
    fuzz::check_inside(link.text_span, inside);
    if (link.form == markdown::Link::Form::reference) fuzz::check_inside(link.label_span, inside);
    if (link.definition) FUZZ_CHECK(*link.definition < body.definitions.size());
    (void)markdown::normalize_label(link.label);
  }
  for (const markdown::Definition& definition : body.definitions) {
    fuzz::check_inside(definition.span, inside);
    fuzz::check_inside(definition.destination_span, inside);
  }
  for (const markdown::UndefinedReference& reference : body.undefined_references) {
    fuzz::check_inside(reference.span, inside);
    fuzz::check_inside(reference.label_span, inside);
  }
  for (const markdown::Heading& heading : body.headings) {
    fuzz::check_inside(heading.span, inside);
    fuzz::check_inside(heading.text_span, inside);
    FUZZ_CHECK(heading.level >= 1 && heading.level <= 6);
  }
  for (const markdown::CodeBlock& block : body.code_blocks) fuzz::check_inside(block.span, inside);
  for (const markdown::HtmlAnchor& anchor : body.html_anchors) {
    fuzz::check_inside(anchor.span, inside);
  }
  for (const markdown::Comment& comment : body.comments) fuzz::check_inside(comment.span, inside);
  for (const markdown::TextRun& run : body.text) fuzz::check_inside(run.span, inside);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text = fuzz::bytes(data, size);
  core::Document document("fuzz.md", text);

  // The whole text as a body, and the body after the front matter (what the engine does).
  check_body(markdown::extract(document, {0, document.text().size()}), {0, document.text().size()});
  frontmatter::Split split = frontmatter::split(document);
  check_body(markdown::extract(document, split.body), split.body);

  engine::FileResult result = engine::check_text(recommended(), "fuzz.md", std::move(text));
  FUZZ_CHECK(result.path == "fuzz.md");
  fuzz::check_diagnostics(document, result.diagnostics);
  return 0;
}
