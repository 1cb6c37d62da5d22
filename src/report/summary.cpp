#include "report/summary.hpp"

#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include "core/diagnostic.hpp"
#include "report/formats.hpp"
#include "report/terminal.hpp"

namespace contentlint::report {
namespace {

// Room kept for closing an open <details> and for the note on what was left out.
constexpr std::size_t kReserve = 512;

struct FileCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t total() const { return errors + warnings + infos; }
};

std::string plural(std::size_t count, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

std::string describe(const FileCounts& counts) {
  std::string out;
  auto add = [&](std::size_t count, std::string_view singular, std::string_view many) {
    if (count == 0) return;
    if (!out.empty()) out += ", ";
    out += plural(count, singular, many);
  };
  add(counts.errors, "error", "errors");
  add(counts.warnings, "warning", "warnings");
  add(counts.infos, "info", "infos");
  return out;
}

// Appends chunks while they fit in the budget; once one does not, it refuses every
// later one, so the summary ends at a whole row.
class Budget {
 public:
  Budget(std::string& out, std::size_t max_bytes) : out_(out), limit_(out.size() + max_bytes) {}

  bool add(std::string_view chunk) {
    if (full_ || out_.size() + chunk.size() + kReserve > limit_) {
      full_ = true;
      return false;
    }
    out_ += chunk;
    return true;
  }
  bool full() const { return full_; }

 private:
  std::string& out_;
  std::size_t limit_;
  bool full_ = false;
};

}  // namespace

std::string markdown_text(std::string_view text) {
  const std::string safe = escape_terminal(text);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '~':
      case '|':
      case '$':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_text(std::string_view text) {
  const std::string safe = escape_terminal(text);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string job_summary(const engine::RunResult& result, const ReportOptions& options,
                        std::size_t max_bytes) {
  auto shown = [&](const core::Diagnostic& diagnostic) {
    return !options.quiet || diagnostic.severity == core::Severity::error;
  };
  std::vector<FileCounts> counts(result.files.size());
  std::size_t listed = 0;
  std::size_t files_with_findings = 0;
  for (std::size_t i = 0; i < result.files.size(); ++i) {
    for (const core::Diagnostic& diagnostic : result.files[i].diagnostics) {
      if (!shown(diagnostic)) continue;
      switch (diagnostic.severity) {
        case core::Severity::error:
          ++counts[i].errors;
          break;
        case core::Severity::warning:
          ++counts[i].warnings;
          break;
        default:
          ++counts[i].infos;
      }
    }
    listed += counts[i].total();
    if (counts[i].total() > 0) ++files_with_findings;
  }

  // The summary is read on the run's page, away from the working directory.
  auto path_of = [&](const engine::CheckedFile file) {
    return repository_path(options.repository, file.path).value_or(std::string(file.path));
  };
  const engine::Summary& summary = result.summary;
  std::string out =
      fmt::format("## contentlint\n\n**{}**\n\n", summary_line(summary, options.quiet));
  out += "| errors | warnings | infos | fixable with `--fix` | files checked |\n";
  out += "| ---: | ---: | ---: | ---: | ---: |\n";
  out += fmt::format("| {} | {} | {} | {} | {} |\n", summary.errors, summary.warnings,
                     summary.infos, summary.fixable, summary.files);
  if (listed == 0) return out;

  Budget budget(out, max_bytes);
  budget.add("\n| file | errors | warnings | infos |\n| --- | ---: | ---: | ---: |\n");
  for (std::size_t i = 0; i < result.files.size() && !budget.full(); ++i) {
    if (counts[i].total() == 0) continue;
    budget.add(fmt::format("| {} | {} | {} | {} |\n", markdown_text(path_of(result.files[i])),
                           counts[i].errors, counts[i].warnings, counts[i].infos));
  }

  std::size_t rows = 0;
  std::size_t files_done = 0;
  for (std::size_t i = 0; i < result.files.size() && !budget.full(); ++i) {
    if (counts[i].total() == 0) continue;
    const engine::CheckedFile file = result.files[i];
    if (!budget.add(fmt::format("\n<details><summary><code>{}</code>: {}</summary>\n\n"
                                "| line:col | severity | message | rule |\n"
                                "| ---: | --- | --- | --- |\n",
                                html_text(path_of(file)), describe(counts[i])))) {
      break;
    }
    std::size_t file_rows = 0;
    for (const core::Diagnostic& diagnostic : file.diagnostics) {
      if (!shown(diagnostic)) continue;
      std::string message = markdown_text(diagnostic.message);
      if (diagnostic.fixable()) message += " (fixable)";
      if (!budget.add(fmt::format("| {}:{} | {} | {} | {} |\n", diagnostic.range.begin.line,
                                  diagnostic.range.begin.column,
                                  core::to_string(diagnostic.severity), message,
                                  markdown_text(diagnostic.rule)))) {
        break;
      }
      ++file_rows;
    }
    out += "\n</details>\n";  // kReserve keeps room for it
    rows += file_rows;
    if (file_rows == counts[i].total()) ++files_done;
  }
  if (budget.full()) {
    out += fmt::format(
        "\n> **Note:** the summary stops here to stay under GitHub's size limit: {} in {} "
        "are not listed. The job's log lists every finding.\n",
        plural(listed - rows, "finding", "findings"),
        plural(files_with_findings - files_done, "file", "files"));
  }
  return out;
}

std::optional<core::Error> append_job_summary(const std::filesystem::path& path,
                                              const engine::RunResult& result,
                                              const ReportOptions& options) {
  std::error_code error;
  const std::uintmax_t existing = std::filesystem::file_size(path, error);
  const std::size_t used = error ? 0 : static_cast<std::size_t>(existing);
  const std::size_t left = used < kJobSummaryLimit ? kJobSummaryLimit - used : 0;
  const std::string text = job_summary(result, options, left);
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << (used > 0 ? "\n" : "") << text;
  out.flush();
  if (!out) {
    return core::Error{path.string(), std::nullopt,
                       "cannot append the job summary (GITHUB_STEP_SUMMARY)"};
  }
  return std::nullopt;
}

}  // namespace contentlint::report
