// Fuzz target: splitting the front matter off a file and reading YAML into a value tree,
// both as front matter and as a whole file (how configs and schemas are read).
#include "frontmatter/frontmatter.hpp"
#include "fuzz_common.hpp"

using namespace contentlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  core::Document document("fuzz.md", fuzz::bytes(data, size));
  const std::size_t text_size = document.text().size();

  frontmatter::FrontMatter front_matter = frontmatter::read(document);
  const frontmatter::Split& split = front_matter.split;
  fuzz::check_span(split.opening, text_size);
  fuzz::check_span(split.yaml, text_size);
  fuzz::check_span(split.closing, text_size);
  fuzz::check_span(split.body, text_size);
  if (!split.present) {
    FUZZ_CHECK(split.body == (core::ByteSpan{0, text_size}));
  } else if (split.closed) {
    FUZZ_CHECK(split.opening.end <= split.yaml.begin);
    FUZZ_CHECK(split.yaml.end <= split.closing.begin);
    FUZZ_CHECK(split.closing.end <= split.body.begin);
  }
  for (const frontmatter::Problem& problem : front_matter.yaml.problems) {
    fuzz::check_span(problem.span, text_size);
    FUZZ_CHECK(!problem.message.empty());
  }
  if (front_matter.yaml.root) fuzz::check_tree(document, *front_matter.yaml.root, split.yaml);

  frontmatter::Yaml whole = frontmatter::parse_yaml(document, {0, text_size});
  for (const frontmatter::Problem& problem : whole.problems) {
    fuzz::check_span(problem.span, text_size);
    FUZZ_CHECK(!problem.message.empty());
  }
  if (whole.root) fuzz::check_tree(document, *whole.root, {0, text_size});
  return 0;
}
