/// The on-disk cache of external link results: one small file per page under the cache
/// folder, written to a temporary file and renamed, so runs in parallel never see half
/// a file and CI can save and restore the folder between runs.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "links/external.hpp"

namespace contentlint::links {

/// A folder of cached results. Only `ok` and `broken` results are stored: the others
/// (refused, time-outs, rate limits) depend on the moment or the policy, not the page.
class HttpCache {
 public:
  explicit HttpCache(std::filesystem::path folder) : folder_(std::move(folder)) {}

  /// The result stored for `page` no older than its outcome's max age (`ok_age` or
  /// `broken_age`) at `now`, marked from_cache; nullopt when absent, stale or unreadable.
  std::optional<LinkResult> read(std::string_view page, std::chrono::seconds ok_age,
                                 std::chrono::seconds broken_age,
                                 std::chrono::system_clock::time_point now) const;

  /// Stores `result` for `page` as checked at `now`; an error when the folder cannot be
  /// written (the run goes on without the cache). Other outcomes are not stored.
  std::optional<core::Error> write(std::string_view page, const LinkResult& result,
                                   std::chrono::system_clock::time_point now) const;

  /// The file that holds `page`'s result.
  std::filesystem::path file_for(std::string_view page) const;

 private:
  std::filesystem::path folder_;
};

}  // namespace contentlint::links
