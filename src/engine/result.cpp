#include "engine/result.hpp"

namespace contentlint::engine {

Summary summarize(const std::vector<FileResult>& files) {
  Summary summary;
  summary.files = files.size();
  for (const FileResult& file : files) {
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
