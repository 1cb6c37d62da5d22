/// The site as links see it: files on disk, file-based routes, collection routes, and
/// the anchors of other documents.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/glob.hpp"

namespace contentlint::links {

/// A collection whose entries are served at `route` ("/blog/{slug}").
struct RouteCollection {
  std::string name;
  std::string route;
  std::vector<core::Glob> include;  // relative to SiteOptions::root
};

/// What the config says about the site; paths are relative to `root`.
struct SiteOptions {
  std::filesystem::path root;  // absolute: the config file's folder
  std::string public_dir;
  std::string pages_dir;
  std::string site_url;
  std::vector<RouteCollection> collections;
};

/// Answers questions about link targets for every file of one run. Shared by the worker
/// threads, so every query is thread-safe; results that touch the disk are cached.
class Site {
 public:
  explicit Site(SiteOptions options);

  const SiteOptions& options() const { return options_; }

 private:
  SiteOptions options_;
};

}  // namespace contentlint::links
