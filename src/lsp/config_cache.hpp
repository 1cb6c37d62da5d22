/// The configuration of each document, found and loaded the way the command line does,
/// kept between lints and reloaded when its files change.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "core/error.hpp"

namespace contentlint::lsp {

/// Configs by the path of their `.contentlint.yaml`. Before each use the modification
/// times and sizes of the files a config was built from (the config file, each
/// collection's schema and the other schema files in its folder, which `$ref` may name,
/// and everything under its `rule-dirs`) are compared with what they were at load time;
/// any change reloads it. A config that fails to load is not cached, so fixing it takes
/// effect at the next lint. Not thread-safe: the server's lint worker owns it.
class ConfigCache {
 public:
  /// The config for a document in `folder`: the nearest `.contentlint.yaml` upward from
  /// it, else the defaults for the current directory. Errors name the config relative
  /// to the current directory when it is below it, else by its absolute path.
  core::Expected<std::shared_ptr<const config::Config>> for_folder(
      const std::filesystem::path& folder);

  /// Forgets every config (the client reported changed files).
  void clear() { entries_.clear(); }

  /// How many times a config was (re)loaded; for tests.
  std::size_t loads() const { return loads_; }

 private:
  struct Stamp {
    std::filesystem::path path;
    bool exists = false;
    std::filesystem::file_time_type mtime;
    std::uintmax_t size = 0;

    friend bool operator==(const Stamp&, const Stamp&) = default;
  };
  struct Entry {
    std::shared_ptr<const config::Config> config;
    std::vector<Stamp> stamps;
  };

  static Stamp stamp(const std::filesystem::path& path);
  static std::vector<Stamp> stamps_for(const std::filesystem::path& file,
                                       const config::Config& config);

  std::map<std::string, Entry> entries_;  // "" for the defaults
  std::size_t loads_ = 0;
};

}  // namespace contentlint::lsp
