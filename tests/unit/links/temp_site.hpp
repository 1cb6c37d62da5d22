/// Test helpers: a scratch site tree on disk, removed at scope exit.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

namespace contentlint::links::testing {

/// A fresh folder under the system's temp folder, removed with its contents at scope exit.
class TempSite {
 public:
  TempSite() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("contentlint-links-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
    path_ = std::filesystem::canonical(path_);
  }
  TempSite(const TempSite&) = delete;
  TempSite& operator=(const TempSite&) = delete;
  ~TempSite() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  const std::filesystem::path& path() const { return path_; }

  /// Writes `text` to `relative` (creating its folders) and returns the file's path.
  std::filesystem::path write(const std::string& relative, std::string_view text = "") const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace contentlint::links::testing
