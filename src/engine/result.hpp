/// What a run found: the finished diagnostics per file, ready for a reporter.
#pragma once

#include <cstddef>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace contentlint::engine {

/// One checked file and its diagnostics, sorted by position. Ranges and source lines
/// are already resolved, so reporters need not read the file.
struct FileResult {
  std::string path;  // display path: relative to the current directory, no leading "./"
  std::vector<core::Diagnostic> diagnostics;
};

/// One file of a RunFiles as reporters read it. Both views point into the RunFiles and
/// live as long as it does, unchanged.
struct CheckedFile {
  std::string_view path;  // as FileResult::path
  std::span<const core::Diagnostic> diagnostics;
};

/// The files of a run, in order, with the diagnostics of those that have some. Most
/// files of a large run have none, and the JSON and JUnit reports still list each one:
/// such a file costs its path and eight bytes here, where a FileResult would cost 56
/// bytes and an allocation.
class RunFiles {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = CheckedFile;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = CheckedFile;

    iterator() = default;
    CheckedFile operator*() const { return files_->at(index_, found_); }
    iterator& operator++();
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const iterator& other) const { return index_ == other.index_; }

   private:
    friend class RunFiles;
    iterator(const RunFiles& files, std::size_t index, std::size_t found)
        : files_(&files), index_(index), found_(found) {}

    const RunFiles* files_ = nullptr;
    std::size_t index_ = 0;
    std::size_t found_ = 0;  // the first entry of found_ at or after index_
  };

  RunFiles() = default;
  /// The files of `files`, in their order.
  RunFiles(std::vector<FileResult> files);  // NOLINT(google-explicit-constructor): a list

  /// Makes room for `files` more files whose paths are `path_bytes` long in all, so that
  /// a large run fills its list without copying it as it grows.
  void reserve(std::size_t files, std::size_t path_bytes);
  /// Appends a file after the others.
  void push_back(std::string_view path, std::vector<core::Diagnostic> diagnostics);
  void push_back(FileResult file) { push_back(file.path, std::move(file.diagnostics)); }

  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  /// The `index`-th file (a binary search among the files with diagnostics).
  CheckedFile operator[](std::size_t index) const;

  iterator begin() const { return {*this, 0, 0}; }
  iterator end() const { return {*this, size(), found_.size()}; }

 private:
  // The `index`-th file, given the first entry of found_ at or after it.
  CheckedFile at(std::size_t index, std::size_t found) const;

  std::string paths_;              // every file's path, one after the other
  std::vector<std::size_t> ends_;  // where each file's path ends in paths_
  std::vector<std::pair<std::size_t, std::vector<core::Diagnostic>>>
      found_;  // the files with diagnostics, by index, in order
};

struct Summary {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t fixable = 0;
};

/// All files checked in one run, sorted by path (files without findings included).
struct RunResult {
  RunFiles files;
  Summary summary;
};

/// Counts the diagnostics of `files` by severity.
Summary summarize(const RunFiles& files);

}  // namespace contentlint::engine
