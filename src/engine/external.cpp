#include "engine/external.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <set>

#include "core/document.hpp"
#include "engine/read.hpp"
#include "frontmatter/frontmatter.hpp"
#include "markdown/facts.hpp"

namespace contentlint::engine {
namespace {

bool runs_link_external(const config::RuleSet& rules) {
  for (const config::ActiveRule& active : rules.active) {
    if (active.entry->meta.id == "link/external") return true;
  }
  return false;
}

// Lowercase scheme and host of an http(s) URL ("https://example.org"), for comparing
// a link with site-url.
std::string origin_of(std::string_view url) {
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  std::size_t host_end = url.find_first_of("/?#", scheme_end + 3);
  std::string origin(url.substr(0, host_end));
  for (char& c : origin) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return origin;
}

// "\r12/40 links checked, 1 failed" on stderr, at most ten times a second, after the run
// has taken a second (short runs stay silent); erased at the end.
class Progress {
 public:
  Progress() : enabled_(::isatty(STDERR_FILENO) != 0), start_(Clock::now()) {}
  ~Progress() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void update(std::size_t done, std::size_t total, std::size_t failed) {
    if (!enabled_) return;
    Clock::time_point now = Clock::now();
    if (now - start_ < std::chrono::seconds(1)) return;
    if (now - last_ < std::chrono::milliseconds(100) && done != total) return;
    last_ = now;
    shown_ = true;
    fmt::print(stderr, "\r\033[Kexternal links: {}/{} checked, {} failed", done, total, failed);
    std::fflush(stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_;
};

}  // namespace

links::ExternalResults check_external_links(const config::Config& config,
                                            const std::vector<DiscoveredFile>& files) {
  if (config.links != config::LinkMode::external) return {};
  std::string site_origin = origin_of(config.site_url);
  std::vector<std::string> pages;
  std::vector<std::string> with_fragments;
  std::set<std::string> seen;
  // Parsing twice in this mode is cheap next to the network; unreadable files are
  // reported by the main pass.
  for (const DiscoveredFile& file : files) {
    if (!runs_link_external(config.rules_for(config.collection_for(file.relative_to_root())))) {
      continue;
    }
    auto bytes = read_file(file.path(), file.display());
    if (!bytes) continue;
    core::Document document(std::string(file.display()), std::move(*bytes));
    frontmatter::FrontMatter front_matter = frontmatter::read(document);
    markdown::Body body = markdown::extract(document, front_matter.split.body);
    auto add = [&](std::string_view destination) {
      auto page = links::page_key(destination);
      if (!page || (!site_origin.empty() && origin_of(*page) == site_origin)) return;
      if (seen.insert(*page).second) pages.push_back(*page);
      if (destination.find('#') != std::string_view::npos) with_fragments.push_back(*page);
    };
    for (const markdown::Link& link : body.links) add(link.destination);
  }
  links::ExternalOptions options = config.external_links;
  if (!options.cache_dir.empty()) options.cache_dir = config.root / options.cache_dir;
  Progress progress;
  return links::check_external(pages, with_fragments, options,
                               [&](std::size_t done, std::size_t total, std::size_t failed) {
                                 progress.update(done, total, failed);
                               });
}

}  // namespace contentlint::engine
