#include "engine/result.hpp"

#include <algorithm>

namespace contentlint::engine {

RunFiles::RunFiles(std::vector<FileResult> files) {
  for (FileResult& file : files) push_back(std::move(file));
}

void RunFiles::reserve(std::size_t files, std::size_t path_bytes) {
  ends_.reserve(ends_.size() + files);
  paths_.reserve(paths_.size() + path_bytes);
}

void RunFiles::push_back(std::string_view path, std::vector<core::Diagnostic> diagnostics) {
  paths_ += path;
  if (!diagnostics.empty()) {
    found_.emplace_back(ends_.size(), std::move(diagnostics));
  }
  ends_.push_back(paths_.size());
}

CheckedFile RunFiles::operator[](std::size_t index) const {
  auto found = std::lower_bound(found_.begin(), found_.end(), index,
                                [](const auto& entry, std::size_t i) { return entry.first < i; });
  return at(index, static_cast<std::size_t>(found - found_.begin()));
}

CheckedFile RunFiles::at(std::size_t index, std::size_t found) const {
  std::size_t begin = index == 0 ? 0 : ends_[index - 1];
  CheckedFile file{std::string_view(paths_).substr(begin, ends_[index] - begin), {}};
  if (found < found_.size() && found_[found].first == index)
    file.diagnostics = found_[found].second;
  return file;
}

RunFiles::iterator& RunFiles::iterator::operator++() {
  if (found_ < files_->found_.size() && files_->found_[found_].first == index_) ++found_;
  ++index_;
  return *this;
}

Summary summarize(const RunFiles& files) {
  Summary summary;
  summary.files = files.size();
  for (const CheckedFile file : files) {
    for (const core::Diagnostic& diagnostic : file.diagnostics) {
      switch (diagnostic.severity) {
        case core::Severity::error:
          ++summary.errors;
          break;
        case core::Severity::warning:
          ++summary.warnings;
          break;
        case core::Severity::info:
          ++summary.infos;
          break;
        case core::Severity::off:
          break;
      }
      summary.fixable += diagnostic.fixable() ? 1 : 0;
    }
  }
  return summary;
}

}  // namespace contentlint::engine
