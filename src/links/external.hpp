/// Checking http(s) links over the network (`--links external`): the options, the results
/// rules read, and the checker (libcurl's multi interface, one event loop, no threads but
/// the host-name lookups).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "links/address.hpp"

namespace contentlint::links {

/// An inclusive range of HTTP status codes (`200-299`, or one code).
struct StatusRange {
  int low = 200;
  int high = 299;
  friend bool operator==(const StatusRange&, const StatusRange&) = default;
};

/// Per-host settings of the `links.hosts` mapping.
struct HostOptions {
  int concurrency = 0;                                       // 0: ExternalOptions::host_concurrency
  std::vector<std::pair<std::string, std::string>> headers;  // sent to this host only
};

/// How external links are checked: the mapping form of the config's `links:`.
struct ExternalOptions {
  std::filesystem::path cache_dir = ".contentlint-cache";  // empty: no cache
  std::chrono::seconds cache_max_age_ok{std::chrono::hours(24 * 7)};
  std::chrono::seconds cache_max_age_broken{std::chrono::hours(24)};
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(5)};
  std::chrono::milliseconds total_timeout{std::chrono::seconds(20)};
  int concurrency = 16;      // transfers at once, all hosts together
  int host_concurrency = 2;  // transfers at once to one host
  int retries = 2;           // after a 429/503 or a time-out
  std::chrono::milliseconds max_retry_wait{
      std::chrono::seconds(30)};            // a longer Retry-After gives up
  std::size_t max_bytes = 2 * 1024 * 1024;  // of a page read for its ids (fragments)
  std::vector<StatusRange> accept{{200, 299}};
  std::vector<std::string> exclude;  // RE2 patterns, searched in the URL (validated at load)
  AddressPolicy allow_private;       // default: only global addresses
  bool fragments = false;            // check `#fragment` against the ids of fetched HTML
  std::map<std::string, HostOptions, std::less<>> hosts;  // lowercase host names

  bool accepts(int status) const;
};

/// What checking one page (a URL without its fragment) found.
struct LinkResult {
  enum class Outcome {
    ok,            // an accepted status
    broken,        // another status, a name that does not resolve, a redirect loop
    refused,       // not checked: a private address, a non-http(s) redirect, ...
    unverified,    // time-out, connection failure, TLS failure, 503: maybe transient
    rate_limited,  // 429 until the retries ran out
  };
  Outcome outcome = Outcome::unverified;
  int status = 0;  // the last HTTP status, 0 when none
  /// broken: what follows "external link " ("returns 404 Not Found", "does not resolve");
  /// refused: what follows "not checked: "; unverified: the reason in "could not verify (...)".
  std::string detail;
  /// fragments: whether `ids` were read (an HTML page fetched with GET), and whether the
  /// page was cut at max_bytes (then a missing id is not reported).
  bool has_ids = false;
  bool truncated = false;
  std::vector<std::string> ids;  // sorted, unique
  bool from_cache = false;
};

/// The results of one run, keyed by page (see page_key); rules look links up here.
class ExternalResults {
 public:
  void add(std::string page, LinkResult result) { results_[std::move(page)] = std::move(result); }
  /// The result for a link destination as written, or nullptr (not http(s), excluded,
  /// or not part of this run).
  const LinkResult* find(std::string_view destination) const;
  std::size_t size() const { return results_.size(); }
  /// Whether `#fragment`s were checked in this run.
  bool fragments = false;

 private:
  std::unordered_map<std::string, LinkResult> results_;
};

/// The page a destination names: trimmed, without its `#fragment`; nullopt when it is not
/// an absolute http(s) URL with a host.
std::optional<std::string> page_key(std::string_view destination);

/// Why external links cannot be checked on this machine (libcurl.so.4 cannot be loaded),
/// or nullopt. Loads libcurl on first call.
std::optional<std::string> external_unavailable();

/// Seconds to wait from a Retry-After value: delta-seconds ("120") or an HTTP date
/// ("Wed, 21 Oct 2015 07:28:00 GMT", also the obsolete RFC 850 and asctime forms),
/// relative to `now`; a date in the past is zero. nullopt when it is neither.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

/// The `id` attributes of any tag and the `name` of `<a>` tags in an HTML page, sorted
/// and unique; a scan, not a parser (attributes in comments and scripts count too).
std::vector<std::string> html_ids(std::string_view html);

/// "Not Found" for 404, ... ; "" for codes without a standard phrase.
std::string_view reason_phrase(int status);

/// Progress of a run: pages done, pages in all, failures so far.
using ProgressCallback =
    std::function<void(std::size_t done, std::size_t total, std::size_t failed)>;

/// Checks each page once (network, or the cache when fresh), `pages` being page keys;
/// `with_fragments` are those pages whose ids are wanted. Never throws; failures of the
/// network are results, not errors.
ExternalResults check_external(const std::vector<std::string>& pages,
                               const std::vector<std::string>& with_fragments,
                               const ExternalOptions& options,
                               const ProgressCallback& progress = {});

/// Whether `url` matches one of `options.exclude` (patterns assumed valid).
class ExcludeFilter {
 public:
  explicit ExcludeFilter(const std::vector<std::string>& patterns);
  ~ExcludeFilter();
  ExcludeFilter(const ExcludeFilter&) = delete;
  ExcludeFilter& operator=(const ExcludeFilter&) = delete;
  bool excluded(std::string_view url) const;

 private:
  struct Patterns;
  std::unique_ptr<Patterns> patterns_;
};

}  // namespace contentlint::links
