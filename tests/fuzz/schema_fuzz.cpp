// Fuzz target: loading a schema (checking and compiling its keywords, $refs, cycles) and
// validating a value with it. The input is a schema, optionally followed by a line `#%%`
// and the YAML to validate (else a fixed article's front matter is validated).
#include "frontmatter/frontmatter.hpp"
#include "fuzz_common.hpp"
#include "schema/schema.hpp"

using namespace contentlint;

namespace {

constexpr std::string_view kSeparator = "\n#%%\n";
constexpr std::string_view kDefaultValue =
    "title: How to get a job in DevRel\n"
    "pubDate: 2024-03-11\n"
    "author: Clan Six\n"
    "image:\n  url: ''\n  alt: 'DXM 3.0'\n"
    "tags: ['cohort3', 'clan-six', 3, null, {a: b}]\n"
    "draft: yes\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input = fuzz::bytes(data, size);
  std::string value_text(kDefaultValue);
  if (std::size_t at = input.find(kSeparator); at != std::string::npos) {
    value_text = input.substr(at + kSeparator.size());
    input.resize(at + 1);
  }

  core::Document schema_document("schema.yaml", std::move(input));
  frontmatter::Yaml schema_yaml =
      frontmatter::parse_yaml(schema_document, {0, schema_document.text().size()});
  if (!schema_yaml.root) return 0;
  // Sibling $refs resolve against the scratch folder, which holds no schema.
  auto schema = schema::Schema::load_from_node(
      *schema_yaml.root, (fuzz::scratch_dir() / "schema.yaml").string(), "schema.yaml");
  if (!schema) {
    const core::Error& error = schema.error();
    FUZZ_CHECK(!error.message.empty());
    if (error.position && error.path == "schema.yaml") {
      FUZZ_CHECK(error.position->line >= 1);
      FUZZ_CHECK(error.position->line <= schema_document.lines().line_count());
    }
    return 0;
  }

  core::Document value_document("value.yaml", std::move(value_text));
  const std::size_t value_size = value_document.text().size();
  frontmatter::Yaml value_yaml = frontmatter::parse_yaml(value_document, {0, value_size});
  if (!value_yaml.root) return 0;
  for (const schema::Violation& violation : (*schema)->validate(*value_yaml.root, {0, 0})) {
    fuzz::check_span(violation.span, value_size);
    FUZZ_CHECK(!violation.message.empty());
  }
  return 0;
}
