/// Test helpers: a scratch folder on disk, and a config written into it and loaded.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace contentlint::config::testing {

/// A fresh folder under the system's temp folder, removed with its contents at scope exit.
class TempFolder {
 public:
  TempFolder() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("contentlint-config-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
    // The folder as the loader sees it (temp_directory_path may be a symlink's name).
    path_ = std::filesystem::canonical(path_);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  const std::filesystem::path& path() const { return path_; }

  /// Writes `text` to `relative` (creating its folders) and returns the file's path.
  std::filesystem::path write(const std::string& relative, std::string_view text) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

  /// Writes `.contentlint.yaml` and loads it, displayed as ".contentlint.yaml".
  core::Expected<Config> load_config(std::string_view yaml,
                                     const std::vector<Override>& overrides = {}) const {
    return load(write(".contentlint.yaml", yaml), ".contentlint.yaml", overrides);
  }

  /// The error that loading `yaml` gives, as printed, or "loaded" when it loads.
  std::string error_of(std::string_view yaml, const std::vector<Override>& overrides = {}) const {
    auto config = load_config(yaml, overrides);
    return config ? "loaded" : config.error().to_string();
  }

 private:
  std::filesystem::path path_;
};

/// Makes `folder` the current directory until scope exit (display paths are relative to it).
class CurrentFolder {
 public:
  explicit CurrentFolder(const std::filesystem::path& folder)
      : previous_(std::filesystem::current_path()) {
    std::filesystem::current_path(folder);
  }
  CurrentFolder(const CurrentFolder&) = delete;
  CurrentFolder& operator=(const CurrentFolder&) = delete;
  ~CurrentFolder() {
    std::error_code ignored;
    std::filesystem::current_path(previous_, ignored);
  }

 private:
  std::filesystem::path previous_;
};

/// The scalar texts of a sequence node (nullptr: empty).
inline std::vector<std::string> texts(const core::Node* sequence) {
  std::vector<std::string> result;
  if (sequence == nullptr) return result;
  for (const core::Node& item : sequence->items) result.push_back(item.text);
  return result;
}

}  // namespace contentlint::config::testing
