#include "engine/engine.hpp"

#include <fmt/format.h>

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "core/document.hpp"
#include "engine/cache.hpp"
#include "engine/changed.hpp"
#include "engine/discover.hpp"
#include "engine/external.hpp"
#include "engine/fix.hpp"
#include "engine/read.hpp"
#include "engine/suppress.hpp"
#include "frontmatter/frontmatter.hpp"
#include "links/resolution_log.hpp"
#include "links/site.hpp"
#include "markdown/encoding.hpp"
#include "markdown/facts.hpp"
#include "rules/rule.hpp"

namespace contentlint::engine {
namespace {

namespace fs = std::filesystem;

// The path relative to the config's root, with `/` separators, for collection globs.
std::string relative_to_root(const config::Config& config, const links::Site& site,
                             const fs::path& path) {
  return site.absolute(path).lexically_relative(config.root).generic_string();
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

void sort_by_position(std::vector<core::Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const core::Diagnostic& a, const core::Diagnostic& b) {
                     return std::tie(a.range.begin, a.rule) < std::tie(b.range.begin, b.rule);
                   });
}

// One file checked: its result, and whether its front matter could be read at all.
struct Checked {
  FileResult result;
  bool parse_failed = false;
};

Checked check_document(const config::Config& config, const links::Site& site,
                       const core::Document& document, std::string_view relative,
                       const links::ExternalResults* external = nullptr) {
  frontmatter::FrontMatter front_matter = frontmatter::read(document);
  markdown::Body body = markdown::extract(document, front_matter.split.body);
  links::FileLinks links(site, document.path());
  // Other files' fragments into this one are checked against these, not a second parse.
  site.remember_anchors(links.file(), body);
  const config::Collection* collection = config.collection_for(relative);
  rules::Article article{document,
                         front_matter,
                         body,
                         collection != nullptr ? std::string_view(collection->name) : "",
                         collection != nullptr ? collection->schema.get() : nullptr,
                         &links,
                         external};

  core::DiagnosticSink sink;
  // A UTF-16 or binary file is reported by text/encoding alone: other rules would read
  // noise in it.
  const bool not_text = markdown::sniff_not_text(document.text()).has_value();
  for (const config::ActiveRule& active : config.rules_for(collection).active) {
    if (not_text && active.entry->meta.id != "text/encoding") continue;
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
  sort_by_position(result.diagnostics);
  return checked;
}

// The findings waiting for files checked later (core::Diagnostic::settle), from all threads.
// A run holds one for nearly every fragment into a file checked later and nearly all come
// to nothing, so each keeps only its file and its question: the file of one that holds is
// checked again at the end. Those whose files have been checked are settled as the run
// goes, each time the queue has grown by a quarter since, so a run keeps at most a quarter
// more than those whose targets are still ahead, and settling costs each finding about
// four questions (on the 10x bench corpus up to 6,300 wait for a file ahead; sweeping at
// twice that held up to 12,000).
class PendingFindings {
 public:
  // Takes the findings of the `file`-th file that wait to be settled out of `diagnostics`.
  void hold(std::vector<core::Diagnostic>& diagnostics, std::size_t file) {
    auto waits = [](const core::Diagnostic& diagnostic) { return bool(diagnostic.settle); };
    if (std::any_of(diagnostics.begin(), diagnostics.end(), waits)) {
      std::lock_guard lock(mutex_);
      std::erase_if(diagnostics, [&](core::Diagnostic& diagnostic) {
        if (!waits(diagnostic)) return false;
        waiting_.push_back({static_cast<std::uint32_t>(file), std::move(diagnostic.settle)});
        return true;
      });
      if (4 * waiting_.size() >= 5 * std::max<std::size_t>(after_last_sweep_, 512)) {
        std::erase_if(waiting_, [&](Pending& finding) { return decided(finding); });
        after_last_sweep_ = waiting_.size();
      }
    }
    diagnostics.shrink_to_fit();  // kept until the run ends: no room to grow
  }

  // Once every file is read (links::Site::all_checked): decides the rest, and returns the
  // files where a finding holds, in order, to be checked again.
  std::vector<std::size_t> settle() {
    for (Pending& finding : waiting_) decided(finding);
    waiting_.clear();
    std::sort(holding_.begin(), holding_.end());
    holding_.erase(std::unique(holding_.begin(), holding_.end()), holding_.end());
    return std::move(holding_);
  }

 private:
  struct Pending {
    std::uint32_t file;  // index into the run's files
    std::function<core::Settled()> settle;
  };

  bool decided(const Pending& finding) {
    core::Settled answer = finding.settle();
    if (answer == core::Settled::holds) holding_.push_back(finding.file);
    return answer != core::Settled::waiting;
  }

  std::mutex mutex_;
  std::deque<Pending> waiting_;  // no doubling of a large vector as it grows
  std::size_t after_last_sweep_ = 0;
  std::vector<std::size_t> holding_;  // files where a finding holds: few
};

constexpr int kMaxFixPasses = 10;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

Fixed fix_document(const config::Config& config, const links::Site& site, const std::string& path,
                   std::string_view relative, std::string bytes,
                   const links::ExternalResults* external = nullptr) {
  Fixed fixed;
  fixed.text = bytes;
  auto document = std::make_unique<core::Document>(path, std::move(bytes));
  Checked checked = check_document(config, site, *document, relative, external);
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
    checked = check_document(config, site, *document, relative, external);
    if (checked.parse_failed) {
      fixed.refused = "a fix would break its front matter; nothing was changed";
      break;
    }
  }
  if (!fixed.refused) fixed.refused = "fixes did not settle after 10 passes; nothing was changed";
  fixed.result = std::move(original);
  return fixed;
}

// Whether a run over `paths` reads the site's routes ahead: one over the whole site, a
// folder, a glob or many files most likely needs them. One over a few named files (a
// pre-commit hook, an editor) may need none, and would wait at its end for the reading.
bool reads_routes_ahead(const std::vector<std::string>& paths) {
  constexpr std::size_t kManyFiles = 64;
  if (paths.empty() || paths.size() >= kManyFiles) return true;
  return std::any_of(paths.begin(), paths.end(), [](const std::string& path) {
    std::error_code error;
    return has_glob_characters(path) || fs::is_directory(path, error);
  });
}

}  // namespace

core::Expected<Shard> parse_shard(std::string_view text) {
  constexpr unsigned kMaxShards = 1024;
  auto fail = [&] {
    return core::Error{
        "--shard", std::nullopt,
        fmt::format("expected K/N with 1 <= K <= N <= {}, found '{}'", kMaxShards, text)};
  };
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return fail();
  Shard shard;
  auto number = [](std::string_view digits, unsigned& out) {
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return error == std::errc() && end == digits.data() + digits.size() && !digits.empty();
  };
  if (!number(text.substr(0, slash), shard.index) || !number(text.substr(slash + 1), shard.count) ||
      shard.index < 1 || shard.index > shard.count || shard.count > kMaxShards) {
    return fail();
  }
  return shard;
}

bool in_shard(const Shard& shard, std::string_view relative_path) {
  // stable_hash is FNV-1a, whose low bits follow the last bytes (".md" everywhere): mixed
  // before the remainder is taken.
  std::uint64_t hash = stable_hash(relative_path);
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdull;
  hash ^= hash >> 33;
  return hash % shard.count == shard.index - 1;
}

FileResult check_text(const config::Config& config, const std::string& path, std::string text) {
  core::Document document(path, std::move(text));
  links::Site site(site_options(config));
  return check_document(config, site, document, relative_to_root(config, site, path)).result;
}

Fixed fix_text(const config::Config& config, const std::string& path, std::string bytes) {
  links::Site site(site_options(config));
  return fix_document(config, site, path, relative_to_root(config, site, path), std::move(bytes));
}

Run run(const config::Config& config, const RunOptions& options) {
  unsigned jobs =
      options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  // Released before the results are built: what it read is needed no longer.
  std::optional<links::Site> the_site(std::in_place, site_options(config));
  const links::Site& site = *the_site;
  // The routes are read while the files are listed, on another core: read by the first
  // link that needs them, they kept the other workers waiting at the start of a run.
  std::jthread routes_reader;
  if (jobs > 1 && site.routes_configured() && reads_routes_ahead(options.paths)) {
    routes_reader = std::jthread([&] {
      site.read_routes();
      // The reading's temporaries were freed into this thread's arena, which nothing
      // allocates from again: give their pages back (0.4 MB at 10x the bench corpus).
      malloc_trim(0);
    });
  }

  Discovered discovered = discover(options.paths, discover_options(config));
  if (options.shard) {
    std::erase_if(discovered.files, [&](const DiscoveredFile& file) {
      return !in_shard(*options.shard, file.relative_to_root());
    });
  }

  Run run;
  run.errors = std::move(discovered.errors);
  const std::vector<DiscoveredFile>& files = discovered.files;
  the_site->expect(files.size(), [&files](std::size_t i) {
    return links::Site::PathPieces{files[i].folder().path, files[i].name()};
  });
  // --links external: every unique http(s) page of the run, checked once before the rules.
  const links::ExternalResults external = check_external_links(config, files);
  std::optional<ResultCache> cache;
  if (options.cache && options.fix == FixMode::none && config.links == config::LinkMode::offline) {
    cache.emplace(config.root / ".contentlint-cache" / "files",
                  settings_fingerprint(config, CONTENTLINT_VERSION));
  }
  // With the cache: what each checked file's findings depended on, stored once settled.
  struct ToStore {
    std::uint64_t content = 0;
    std::size_t size = 0;
    std::vector<links::Resolved> resolved;
  };
  std::vector<std::optional<ToStore>> to_store(cache ? files.size() : 0);
  std::atomic<std::size_t> reused{0};
  // The findings of the files that have some, by index. The results are built once the
  // run is over, as a large run would otherwise keep a second copy of every file's display
  // name meanwhile; most files have no findings, and a slot for every file would cost a
  // large run more than the findings do.
  std::mutex found_mutex;
  std::map<std::size_t, std::vector<core::Diagnostic>> found;
  auto keep = [&](std::size_t i, std::vector<core::Diagnostic> diagnostics) {
    std::lock_guard lock(found_mutex);
    if (diagnostics.empty()) {
      found.erase(i);
    } else {
      found[i] = std::move(diagnostics);
    }
  };
  // What a few files leave besides their findings, by index: a slot for every file would
  // cost a large run more than the findings do.
  struct Aside {
    std::optional<core::Error> error;
    std::string diff;
    std::string note;
  };
  std::mutex asides_mutex;
  std::map<std::size_t, Aside> asides;
  auto aside = [&](std::size_t i) -> Aside& {
    std::lock_guard lock(asides_mutex);
    return asides[i];  // a map's elements stay put while other threads insert
  };

  PendingFindings pending;
  // Keeps the findings of the `i`-th file but those that wait for a file checked later.
  auto hold = [&](std::size_t i, std::vector<core::Diagnostic> diagnostics) {
    pending.hold(diagnostics, i);
    keep(i, std::move(diagnostics));
  };
  auto check = [&](std::size_t i, std::string bytes) {
    core::Document document(std::string(files[i].display()), std::move(bytes));
    return check_document(config, site, document, files[i].relative_to_root(), &external)
        .result.diagnostics;
  };

  // Files are claimed one at a time from a shared counter and each result lands in its
  // own slot, so the output order does not depend on the scheduling.
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      auto bytes = read_file(files[i].path(), files[i].display());
      if (!bytes) {
        aside(i).error = bytes.error();
        continue;
      }
      const DiscoveredFile& file = files[i];
      if (cache) {
        if (auto hit = cache->find(file.relative_to_root(), *bytes, site)) {
          keep(i, std::move(*hit));
          ++reused;
          continue;
        }
        links::ResolutionLog log;
        ToStore entry{stable_hash(*bytes), bytes->size(), {}};
        {
          links::ResolutionLog::Scope scope(log);
          hold(i, check(i, std::move(*bytes)));
        }
        entry.resolved = log.entries();
        to_store[i] = std::move(entry);
        continue;
      }
      if (options.fix == FixMode::none) {
        hold(i, check(i, std::move(*bytes)));
        continue;
      }
      std::string original = *bytes;
      Fixed fixed = fix_document(config, site, std::string(file.display()), file.relative_to_root(),
                                 std::move(*bytes), &external);
      hold(i, std::move(fixed.result.diagnostics));
      if (fixed.refused)
        aside(i).note = std::string(file.display()) + ": fixes not applied: " + *fixed.refused;
      if (fixed.text == original) continue;
      if (options.fix == FixMode::diff) {
        aside(i).diff = unified_diff(std::string(file.display()), original, fixed.text);
      } else if (auto error =
                     write_atomically(file.path(), fixed.text, std::string(file.display()))) {
        aside(i).error = std::move(*error);
      }
    }
  };
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(files.size(), 1)));
  std::vector<std::jthread> workers;
  for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  workers.clear();
  if (routes_reader.joinable()) routes_reader.join();
  // A file where a finding decided later holds is checked again as the run checked it,
  // now that nothing is left to wait for: that check reports the finding with its message
  // (and a suppression comment as used or not).
  the_site->all_checked();
  for (std::size_t i : pending.settle()) {
    auto bytes = read_file(files[i].path(), files[i].display());
    if (!bytes) continue;  // gone since: it keeps the findings it had
    if (options.fix == FixMode::none) {
      keep(i, check(i, std::move(*bytes)));
    } else {  // on disk as fixed, or as it was with --diff: the fixes come out the same
      keep(i, fix_document(config, site, std::string(files[i].display()),
                           files[i].relative_to_root(), std::move(*bytes), &external)
                  .result.diagnostics);
    }
  }
  markdown::release_parse_memory();  // this thread parses nothing more
  const std::vector<core::Diagnostic> none;
  for (std::size_t i = 0; i < to_store.size(); ++i) {
    if (!to_store[i]) continue;
    auto kept = found.find(i);
    cache->store(files[i].relative_to_root(), to_store[i]->content, to_store[i]->size,
                 to_store[i]->resolved, kept != found.end() ? kept->second : none);
  }
  if (cache) {
    run.notes.push_back(fmt::format("cache: {} of {} files unchanged, their findings reused",
                                    reused.load(), files.size()));
  }

  for (auto& [i, extra] : asides) {  // in file order
    if (!extra.diff.empty()) run.diffs.push_back(std::move(extra.diff));
    if (!extra.note.empty()) run.notes.push_back(std::move(extra.note));
    if (extra.error) run.errors.push_back(std::move(*extra.error));
  }
  the_site.reset();
  RunFiles& results = run.result.files;
  std::size_t path_bytes = 0;
  for (const DiscoveredFile& file : files) path_bytes += file.display_size();
  results.reserve(files.size(), path_bytes);
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto extra = asides.find(i);
    if (extra != asides.end() && extra->second.error) continue;  // reported as an error
    auto kept = found.find(i);
    results.push_back(files[i].display(), kept != found.end() ? std::move(kept->second)
                                                              : std::vector<core::Diagnostic>());
  }
  run.result.summary = summarize(run.result.files);
  return run;
}

}  // namespace contentlint::engine
