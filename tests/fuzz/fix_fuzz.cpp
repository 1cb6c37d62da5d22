// Fuzz target: --fix. A fix never breaks front matter that parsed, fixes converge, and a
// second fix pass over the fixed text changes nothing.
#include "config/config.hpp"
#include "engine/engine.hpp"
#include "frontmatter/frontmatter.hpp"
#include "fuzz_common.hpp"

using namespace contentlint;

namespace {

// The recommended preset, with the fixable rules it leaves off turned on.
const config::Config& config_with_fixes() {
  static const config::Config config = [] {
    std::vector<config::Override> overrides;
    core::Expected<config::Config> defaults = config::defaults(fuzz::scratch_dir(), {});
    FUZZ_CHECK(defaults.ok());
    for (const rules::RuleEntry* entry : defaults->catalog->entries()) {
      if (entry->meta.fixable) {
        overrides.push_back({std::string(entry->meta.id), core::Severity::warning});
      }
    }
    core::Expected<config::Config> loaded = config::defaults(fuzz::scratch_dir(), overrides);
    FUZZ_CHECK(loaded.ok());
    return std::move(*loaded);
  }();
  return config;
}

bool front_matter_parses(const std::string& bytes) {
  core::Document document("fuzz.md", bytes);
  frontmatter::FrontMatter front_matter = frontmatter::read(document);
  if (front_matter.split.present && !front_matter.split.closed) return false;
  for (const frontmatter::Problem& problem : front_matter.yaml.problems) {
    if (problem.kind != frontmatter::ProblemKind::duplicate_key) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const config::Config& config = config_with_fixes();
  std::string original = fuzz::bytes(data, size);
  const bool parsed = front_matter_parses(original);

  engine::Fixed first = engine::fix_text(config, "fuzz.md", original);
  if (first.refused) {
    // Only a file that did not parse to begin with may be refused: a refusal of one that
    // did means a fix broke the front matter, or fixes that undo each other.
    if (parsed) std::fprintf(stderr, "refused: %s\n", first.refused->c_str());
    FUZZ_CHECK(!parsed);
    FUZZ_CHECK(first.text == original);
  }
  if (parsed) FUZZ_CHECK(front_matter_parses(first.text));
  {
    core::Document fixed("fuzz.md", first.text);
    fuzz::check_diagnostics(fixed, first.result.diagnostics);
  }
  // What remains after fixing has no safe fix left to apply.
  if (!first.refused) {
    for (const core::Diagnostic& diagnostic : first.result.diagnostics) {
      FUZZ_CHECK(!diagnostic.fixable());
    }
  }

  engine::Fixed second = engine::fix_text(config, "fuzz.md", first.text);
  FUZZ_CHECK(second.text == first.text);
  return 0;
}
