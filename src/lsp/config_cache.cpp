#include "lsp/config_cache.hpp"

#include <algorithm>

namespace contentlint::lsp {
namespace {

namespace fs = std::filesystem;

// Bounds the stat calls made before every lint of a site with huge rule folders.
constexpr std::size_t kMaxStamps = 2000;

bool is_schema_or_rule_file(const fs::path& path) {
  std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

}  // namespace

ConfigCache::Stamp ConfigCache::stamp(const fs::path& path) {
  Stamp result;
  result.path = path;
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) return result;
  result.exists = true;
  result.mtime = fs::last_write_time(path, error);
  if (fs::is_regular_file(status)) result.size = fs::file_size(path, error);
  return result;
}

std::vector<ConfigCache::Stamp> ConfigCache::stamps_for(const fs::path& file,
                                                        const config::Config& config) {
  std::vector<fs::path> paths;
  if (!file.empty()) paths.push_back(file);
  std::error_code error;
  for (const config::Collection& collection : config.collections) {
    if (collection.schema_path.empty()) continue;
    fs::path schema = (config.root / collection.schema_path).lexically_normal();
    fs::path folder = schema.parent_path();
    paths.push_back(folder);  // its own time changes when a file is added or removed
    for (auto it = fs::directory_iterator(folder, error);
         !error && it != fs::directory_iterator() && paths.size() < kMaxStamps;
         it.increment(error)) {
      if (is_schema_or_rule_file(it->path())) paths.push_back(it->path());
    }
    paths.push_back(schema);
  }
  for (const std::string& dir : config.rule_dirs) {
    fs::path folder = (config.root / dir).lexically_normal();
    paths.push_back(folder);
    for (auto it = fs::recursive_directory_iterator(folder, error);
         !error && it != fs::recursive_directory_iterator() && paths.size() < kMaxStamps;
         it.increment(error)) {
      if (it->is_directory(error) || is_schema_or_rule_file(it->path())) {
        paths.push_back(it->path());
      }
    }
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  std::vector<Stamp> stamps;
  stamps.reserve(paths.size());
  for (const fs::path& path : paths) stamps.push_back(stamp(path));
  return stamps;
}

core::Expected<std::shared_ptr<const config::Config>> ConfigCache::for_folder(
    const fs::path& folder) {
  std::optional<fs::path> found = config::discover(folder);
  std::string key = found ? found->string() : std::string();
  auto cached = entries_.find(key);
  if (cached != entries_.end()) {
    const std::vector<Stamp>& then = cached->second.stamps;
    bool unchanged = std::all_of(then.begin(), then.end(),
                                 [](const Stamp& old) { return stamp(old.path) == old; });
    if (unchanged) return cached->second.config;
    entries_.erase(cached);
  }

  ++loads_;
  core::Expected<config::Config> loaded = [&]() -> core::Expected<config::Config> {
    if (!found) return config::defaults(fs::current_path(), {});
    // Relative to the current directory like the command line, unless that climbs out
    // of it: an editor's current directory is often unrelated to the document.
    std::error_code error;
    std::string display = fs::relative(*found, error).generic_string();
    if (display.empty() || display.starts_with("..")) display = found->string();
    return config::load(*found, display, {});
  }();
  if (!loaded) return loaded.error();
  auto shared = std::make_shared<const config::Config>(std::move(*loaded));
  entries_[key] = Entry{shared, stamps_for(found.value_or(fs::path()), *shared)};
  return shared;
}

}  // namespace contentlint::lsp
