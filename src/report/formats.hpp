/// The reporter of each format, one per file; make_reporter picks among them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "report/reporter.hpp"

namespace contentlint::report {

std::unique_ptr<Reporter> make_pretty_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_compact_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_github_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions& options);

/// One diagnostic as compact prints it, without the line break:
/// `path:line:col: severity: message (fixable) [rule-id]`, every part escaped with
/// escape_terminal except `display_path`, which the caller escapes once per file.
std::string compact_line(std::string_view display_path, const core::Diagnostic& diagnostic,
                         bool color);

/// `text` as a JSON string literal, quotes included: `"` and `\` escaped, control
/// characters as \n, \t, ... or \u00XX, U+2028/U+2029 as \u2028/\u2029 (so the output
/// can be embedded in JavaScript), and each invalid UTF-8 byte as U+FFFD.
std::string json_string(std::string_view text);

/// `display_path` (relative to the current directory, or absolute) relative to the
/// repository root: `repository.directory` prepended and `.`/`..` segments resolved
/// lexically. nullopt when the path leaves the repository (or is absolute and not under
/// `repository.root`).
std::optional<std::string> repository_path(const RepositoryLocation& repository,
                                           std::string_view display_path);

/// `display_path` as an absolute, normalized path when `repository.root` is known or the
/// path is already absolute; else `display_path` unchanged.
std::string absolute_path(const RepositoryLocation& repository, std::string_view display_path);

/// `path` percent-encoded for a URI (RFC 3986): every byte except the unreserved
/// characters (ALPHA DIGIT - . _ ~) and '/' becomes %XX, so spaces, '%', ':', '#', '?'
/// and non-ASCII bytes can never change how the URI parses.
std::string percent_encode_path(std::string_view path);

/// Workflow-command data (the message after `::`), escaped as @actions/core does
/// (% CR LF as %25 %0D %0A, which the runner turns back), so no message can end the
/// command early or start another. Other control characters, bidirectional controls and
/// U+2028/U+2029 are written as escape_terminal writes them, invalid UTF-8 as U+FFFD.
std::string escape_workflow_data(std::string_view text);

/// A workflow-command property value (file=, title=): escape_workflow_data plus ':' and
/// ',' as %3A and %2C, which would otherwise end the value.
std::string escape_workflow_property(std::string_view text);

/// A line of plain log output made unable to act as a workflow command: the runner
/// takes a line for one when, after leading white space, it starts with `::`, or when
/// `##[` appears anywhere in it. Such a line gets a leading "./" (plain lines start with
/// a path, and ./path names the same file), and each `##[` becomes `##\x5b`. `line`
/// must already be one line (escape_terminal).
std::string neutralize_workflow_commands(std::string line);

/// `text` for XML 1.0 character data and attribute values: & < > " ' as entities, tab,
/// LF and CR as character references (attribute values would turn them into spaces),
/// characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF) removed, and
/// invalid UTF-8 bytes as U+FFFD.
std::string xml_escape(std::string_view text);

/// `text` for a cell of a GitHub-flavoured Markdown table: escape_terminal first (one
/// line), then & < > as entities and \ ` * _ [ ] ~ | $ behind a backslash, so user text
/// can neither split the cell nor add markup, links, HTML or math.
std::string markdown_text(std::string_view text);

/// `text` inside raw HTML (a <summary>): escape_terminal first, then & < > " ' as
/// entities (Markdown is not parsed there).
std::string html_text(std::string_view text);

}  // namespace contentlint::report
