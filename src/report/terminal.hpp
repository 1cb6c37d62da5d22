/// What the human formats (pretty, compact) share: terminal-safe text, display widths,
/// colour and the summary line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/severity.hpp"
#include "engine/result.hpp"

namespace contentlint::report {

/// `text` made safe to print on one terminal line. Paths, messages, rule ids and source
/// lines are user text: a newline would split one diagnostic in two, and an escape
/// sequence could rewrite the terminal. So \t, \n and \r print as those two characters,
/// other C0 controls and DEL as \xNN, C1 controls, bidirectional overrides/isolates and
/// U+2028/U+2029 as \u{NNNN}, and each invalid UTF-8 byte as \xNN. Backslashes stay as
/// they are: this keeps messages readable; json is the lossless format.
std::string escape_terminal(std::string_view text);

/// The escaped form of one code point, or empty when it prints as itself.
std::string escape_code_point(char32_t cp);

/// How many terminal columns a printable code point takes: 0 for combining marks and
/// zero-width characters, 2 for East Asian wide/fullwidth characters and emoji, else 1
/// (an approximation of wcwidth; terminals disagree about the rarer cases).
std::size_t code_point_width(char32_t cp);

/// The terminal columns of text that escape_terminal has already made safe.
std::size_t display_width(std::string_view safe_text);

/// Appends `count` spaces.
void append_spaces(std::string& out, std::size_t count);

/// ANSI SGR parameters, combinable with ';' ("1;31" is bold red).
namespace sgr {
inline constexpr std::string_view bold = "1";
inline constexpr std::string_view dim = "2";
inline constexpr std::string_view bold_underline = "1;4";
inline constexpr std::string_view red = "31";
inline constexpr std::string_view green = "32";
inline constexpr std::string_view yellow = "33";
inline constexpr std::string_view blue = "34";
inline constexpr std::string_view bold_red = "1;31";
inline constexpr std::string_view bold_green = "1;32";
inline constexpr std::string_view bold_yellow = "1;33";
inline constexpr std::string_view bold_blue = "1;34";
}  // namespace sgr

/// `text` wrapped in the SGR sequence and a reset when `color`, else `text` unchanged.
std::string paint(std::string_view text, std::string_view sgr_parameters, bool color);

/// red for error, yellow for warning, blue for info (and for off, which reporters never
/// see).
std::string_view severity_color(core::Severity severity);

/// The last line of pretty and compact, without its line break:
///   "3 problems (2 errors, 1 warning) in 12 files, 1 fixable with --fix"
///   "no problems in 12 files"
/// Only the non-zero severities are listed. With `quiet` only errors are shown, so the
/// line counts only them and leaves out the fixable count, which covers every severity:
///   "2 errors in 12 files", "no errors in 12 files".
std::string summary_line(const engine::Summary& summary, bool quiet);

/// The colour of summary_line: the worst severity counted, green when there is none.
std::string_view summary_color(const engine::Summary& summary, bool quiet);

}  // namespace contentlint::report
