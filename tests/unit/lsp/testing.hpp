/// Test helpers for the language server: in-memory input, scratch folders, messages.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "lsp/framing.hpp"

namespace contentlint::lsp::testing {

/// Input that hands out `bytes` at most `chunk` bytes per read, to split headers and
/// bodies at every possible place.
class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string bytes, std::size_t chunk = 1 << 20)
      : bytes_(std::move(bytes)), chunk_(chunk) {}

  std::size_t read(char* buffer, std::size_t size) override {
    std::size_t n = std::min({size, chunk_, bytes_.size() - position_});
    std::copy_n(bytes_.data() + position_, n, buffer);
    position_ += n;
    reads_ += 1;
    return n;
  }

  std::size_t position() const { return position_; }

 private:
  std::string bytes_;
  std::size_t chunk_;
  std::size_t position_ = 0;
  std::size_t reads_ = 0;
};

/// A fresh folder under the system's temp folder, removed with its contents at scope exit.
class TempFolder {
 public:
  TempFolder() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("contentlint-lsp-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
    path_ = std::filesystem::canonical(path_);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  const std::filesystem::path& path() const { return path_; }

  std::filesystem::path write(const std::string& relative, std::string_view text) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

inline std::string request(int id, std::string_view method, nlohmann::json params) {
  return nlohmann::json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}
      .dump();
}

inline std::string notification(std::string_view method, nlohmann::json params) {
  return nlohmann::json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump();
}

}  // namespace contentlint::lsp::testing
