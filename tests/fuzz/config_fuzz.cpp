// Fuzz target: loading a `.contentlint.yaml` (keys, presets, rule options, collections,
// inline schemas), then checking a fixed article with what it yields.
#include <fstream>

#include "config/config.hpp"
#include "engine/engine.hpp"
#include "fuzz_common.hpp"

using namespace contentlint;

namespace {

constexpr std::string_view kArticle =
    "---\n"
    "title: How to get a job in DevRel\n"
    "pubDate: 2024-03-11\n"
    "image:\n  url: ''\n  alt: 'DXM 3.0'\n"
    "tags: ['cohort3', 'Clan Six', 'task', 'task']\n"
    "---\n"
    "![https://x.org/a.gif](https://x.org/a.gif)\n\n"
    "## What is DevRel? \n\n"
    "See [the FAQ](#faq).\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path file = fuzz::scratch_dir() / ".contentlint.yaml";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    FUZZ_CHECK(out.good());
  }
  core::Expected<config::Config> config = config::load(file, ".contentlint.yaml", {});
  if (!config) {
    const core::Error& error = config.error();
    FUZZ_CHECK(!error.message.empty());
    if (error.position && error.path == ".contentlint.yaml") {
      core::Document document(".contentlint.yaml", fuzz::bytes(data, size));
      FUZZ_CHECK(error.position->line >= 1);
      FUZZ_CHECK(error.position->line <= document.lines().line_count());
    }
    return 0;
  }
  // Collections match paths relative to the config's folder; check_text takes a path
  // relative to the current directory.
  for (const char* relative : {"src/content/posts/a.md", "a.md"}) {
    std::string path = (fuzz::scratch_dir() / relative).string();
    engine::FileResult result = engine::check_text(*config, path, std::string(kArticle));
    core::Document document(path, std::string(kArticle));
    fuzz::check_diagnostics(document, result.diagnostics);
  }
  return 0;
}
