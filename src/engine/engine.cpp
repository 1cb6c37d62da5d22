#include "engine/engine.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <thread>

#include "core/document.hpp"
#include "engine/changed.hpp"
#include "engine/discover.hpp"
#include "engine/fix.hpp"
#include "engine/read.hpp"
#include "engine/suppress.hpp"
#include "frontmatter/frontmatter.hpp"
#include "links/site.hpp"
#include "markdown/facts.hpp"
#include "rules/rule.hpp"

namespace contentlint::engine {
namespace {

namespace fs = std::filesystem;

// The path relative to the config's root, with `/` separators, for collection globs.
std::string relative_to_root(const config::Config& config, const fs::path& path) {
  fs::path absolute = fs::absolute(path).lexically_normal();
  return absolute.lexically_relative(config.root).generic_string();
}

links::SiteOptions site_options(const config::Config& config) {
  links::SiteOptions options;
  options.root = config.root;
  options.public_dir = config.public_dir;
  options.pages_dir = config.pages_dir;
  options.site_url = config.site_url;
  for (const config::Collection& collection : config.collections) {
    options.collections.push_back({collection.name, collection.route, collection.include});
  }
  return options;
}

constexpr std::size_t kMaxSourceLine = 4096;

// One file checked: its result, and whether its front matter could be read at all.
struct Checked {
  FileResult result;
  bool parse_failed = false;
};

Checked check_document(const config::Config& config, const links::Site& site,
                       const core::Document& document, const std::string& relative) {
  frontmatter::FrontMatter front_matter = frontmatter::read(document);
  markdown::Body body = markdown::extract(document, front_matter.split.body);
  const config::Collection* collection = config.collection_for(relative);
  rules::Article article{document,
                         front_matter,
                         body,
                         collection != nullptr ? std::string_view(collection->name) : "",
                         collection != nullptr ? collection->schema.get() : nullptr,
                         &site};

  core::DiagnosticSink sink;
  for (const config::ActiveRule& active : config.rules_for(collection).active) {
    sink.begin_rule(active.entry->meta.id, active.severity);
    active.rule->check(article, sink);
  }

  Checked checked;
  checked.parse_failed = front_matter.split.present && !front_matter.split.closed;
  for (const frontmatter::Problem& problem : front_matter.yaml.problems) {
    checked.parse_failed |= problem.kind != frontmatter::ProblemKind::duplicate_key;
  }
  FileResult& result = checked.result;
  result.path = document.path();
  result.diagnostics = sink.take();
  apply_suppressions(document, front_matter, body, config.rules_for(collection),
                     result.diagnostics);
  for (core::Diagnostic& diagnostic : result.diagnostics) {
    diagnostic.range = document.range(diagnostic.span);
    // Every diagnostic carries its own copy of the line; a minified or hostile file with
    // thousands of findings on one huge line would copy it thousands of times.
    std::string_view line = document.lines().line_text(diagnostic.range.begin.line);
    if (line.size() <= kMaxSourceLine) diagnostic.source_line = line;
  }
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const core::Diagnostic& a, const core::Diagnostic& b) {
                     return std::tie(a.range.begin, a.rule) < std::tie(b.range.begin, b.rule);
                   });
  return checked;
}

constexpr int kMaxFixPasses = 10;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

Fixed fix_document(const config::Config& config, const links::Site& site, const std::string& path,
                   const std::string& relative, std::string bytes) {
  Fixed fixed;
  fixed.text = bytes;
  auto document = std::make_unique<core::Document>(path, std::move(bytes));
  Checked checked = check_document(config, site, *document, relative);
  const std::string prefix = document->has_bom() ? std::string(kBom) : std::string();
  if (checked.parse_failed) {
    bool fixable = std::any_of(checked.result.diagnostics.begin(), checked.result.diagnostics.end(),
                               [](const core::Diagnostic& d) { return d.fixable(); });
    if (fixable) fixed.refused = "its front matter does not parse; fix that first";
    fixed.result = std::move(checked.result);
    return fixed;
  }
  FileResult original = checked.result;
  for (int pass = 0; pass < kMaxFixPasses; ++pass) {
    std::string text(document->text());
    if (apply_fixes(text, checked.result.diagnostics) == 0) {
      fixed.text = prefix + std::string(document->text());
      fixed.result = std::move(checked.result);
      return fixed;
    }
    document = std::make_unique<core::Document>(path, std::move(text));
    checked = check_document(config, site, *document, relative);
    if (checked.parse_failed) {
      fixed.refused = "a fix would break its front matter; nothing was changed";
      break;
    }
  }
  if (!fixed.refused) fixed.refused = "fixes did not settle after 10 passes; nothing was changed";
  fixed.result = std::move(original);
  return fixed;
}

}  // namespace

FileResult check_text(const config::Config& config, const std::string& path, std::string text) {
  core::Document document(path, std::move(text));
  links::Site site(site_options(config));
  return check_document(config, site, document, relative_to_root(config, path)).result;
}

Fixed fix_text(const config::Config& config, const std::string& path, std::string bytes) {
  links::Site site(site_options(config));
  return fix_document(config, site, path, relative_to_root(config, path), std::move(bytes));
}

Run run(const config::Config& config, const RunOptions& options) {
  Discovered discovered = discover(options.paths, discover_options(config));

  Run run;
  run.errors = std::move(discovered.errors);
  links::Site site(site_options(config));
  const std::vector<DiscoveredFile>& files = discovered.files;
  std::vector<FileResult> results(files.size());
  std::vector<std::optional<core::Error>> errors(files.size());
  std::vector<std::string> diffs(files.size());
  std::vector<std::string> notes(files.size());

  // Files are claimed one at a time from a shared counter and each result lands in its
  // own slot, so the output order does not depend on the scheduling.
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      auto bytes = read_file(files[i].path, files[i].display);
      if (!bytes) {
        errors[i] = bytes.error();
        continue;
      }
      const DiscoveredFile& file = files[i];
      if (options.fix == FixMode::none) {
        core::Document document(file.display, std::move(*bytes));
        results[i] = check_document(config, site, document, file.relative_to_root).result;
        continue;
      }
      std::string original = *bytes;
      Fixed fixed =
          fix_document(config, site, file.display, file.relative_to_root, std::move(*bytes));
      results[i] = std::move(fixed.result);
      if (fixed.refused) notes[i] = file.display + ": fixes not applied: " + *fixed.refused;
      if (fixed.text == original) continue;
      if (options.fix == FixMode::diff) {
        diffs[i] = unified_diff(file.display, original, fixed.text);
      } else if (auto error = write_atomically(file.path, fixed.text, file.display)) {
        errors[i] = std::move(*error);
      }
    }
  };
  unsigned jobs =
      options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(files.size(), 1)));
  std::vector<std::jthread> workers;
  for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  workers.clear();

  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!diffs[i].empty()) run.diffs.push_back(std::move(diffs[i]));
    if (!notes[i].empty()) run.notes.push_back(std::move(notes[i]));
    if (errors[i]) {
      run.errors.push_back(std::move(*errors[i]));
    } else {
      run.result.files.push_back(std::move(results[i]));
    }
  }
  run.result.summary = summarize(run.result.files);
  return run;
}

}  // namespace contentlint::engine
