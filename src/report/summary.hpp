/// The Markdown job summary that GitHub Actions shows on a workflow run's page.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "engine/result.hpp"
#include "report/reporter.hpp"

namespace contentlint::report {

/// GitHub rejects a step summary over 1 MiB; contentlint stays at half of that, so the
/// other steps' summaries and several contentlint runs in one step still fit.
inline constexpr std::size_t kJobSummaryLimit = 512 * 1024;

/// The run in GitHub-flavoured Markdown: a heading with the summary line, a table of
/// totals, a table with a row per file that has findings, and per such file a folded
/// <details> block with a table of its findings (docs/github-format.md). Files are
/// named by repository path (options.repository), as in annotations. All user
/// text is escaped (markdown_text, html_text). The result is at most `max_bytes` long,
/// plus the heading and totals (under 1 KiB): past that, files and rows are left out and
/// a closing note says how many. With `options.quiet`, only errors are listed.
std::string job_summary(const engine::RunResult& result, const ReportOptions& options,
                        std::size_t max_bytes = kJobSummaryLimit);

/// Appends job_summary to the file at `path` ($GITHUB_STEP_SUMMARY), creating it when
/// missing and never overwriting: what the step wrote there before is kept, and the
/// summary gets only what is left of kJobSummaryLimit after it.
std::optional<core::Error> append_job_summary(const std::filesystem::path& path,
                                              const engine::RunResult& result,
                                              const ReportOptions& options);

}  // namespace contentlint::report
