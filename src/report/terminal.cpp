#include "report/terminal.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "core/utf8.hpp"

namespace contentlint::report {
namespace {

struct CodePointRange {
  char32_t first;
  char32_t last;
};

// Combining marks and zero-width characters: they print on top of their neighbour.
constexpr CodePointRange kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// East Asian Wide and Fullwidth characters and emoji presented as such, sorted.
constexpr CodePointRange kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
    {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F2FF}, {0x1F300, 0x1F320},
    {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
    {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E},
    {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
    {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
    {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2},
    {0x1F6D5, 0x1F6D7}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB},
    {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

template <std::size_t N>
bool contains(const CodePointRange (&table)[N], char32_t cp) {
  auto it =
      std::upper_bound(std::begin(table), std::end(table), cp,
                       [](char32_t value, const CodePointRange& r) { return value < r.first; });
  return it != std::begin(table) && cp <= std::prev(it)->last;
}

bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C;
}

}  // namespace

std::string escape_code_point(char32_t cp) {
  switch (cp) {
    case U'\t':
      return "\\t";
    case U'\n':
      return "\\n";
    case U'\r':
      return "\\r";
    default:
      break;
  }
  if (cp < 0x20 || cp == 0x7F) {
    return fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
  }
  if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp) || cp == 0x2028 || cp == 0x2029) {
    return fmt::format("\\u{{{:04x}}}", static_cast<unsigned>(cp));
  }
  return {};
}

std::string escape_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    auto byte = static_cast<unsigned char>(text[offset]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += text[offset++];
      continue;
    }
    std::size_t start = offset;
    char32_t cp = core::decode_code_point(text, offset);
    if (cp == U'\uFFFD' && offset - start == 1) {
      out += fmt::format("\\x{:02x}", byte);
      continue;
    }
    std::string escaped = escape_code_point(cp);
    if (escaped.empty()) {
      out.append(text.substr(start, offset - start));
    } else {
      out += escaped;
    }
  }
  return out;
}

std::size_t code_point_width(char32_t cp) {
  if (cp < 0x300) {
    return 1;
  }
  if (contains(kZeroWidth, cp)) {
    return 0;
  }
  return contains(kWide, cp) ? 2 : 1;
}

std::size_t display_width(std::string_view safe_text) {
  std::size_t width = 0;
  std::size_t offset = 0;
  while (offset < safe_text.size()) {
    width += code_point_width(core::decode_code_point(safe_text, offset));
  }
  return width;
}

void append_spaces(std::string& out, std::size_t count) { out.append(count, ' '); }

std::string paint(std::string_view text, std::string_view sgr_parameters, bool color) {
  if (!color) {
    return std::string(text);
  }
  return fmt::format("\x1b[{}m{}\x1b[0m", sgr_parameters, text);
}

std::string_view severity_color(core::Severity severity) {
  switch (severity) {
    case core::Severity::error:
      return sgr::red;
    case core::Severity::warning:
      return sgr::yellow;
    case core::Severity::info:
    case core::Severity::off:
      break;
  }
  return sgr::blue;
}

namespace {

std::string count_of(std::size_t count, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

}  // namespace

std::string summary_line(const engine::Summary& summary, bool quiet) {
  std::string files = count_of(summary.files, "file", "files");
  if (quiet) {
    if (summary.errors == 0) {
      return fmt::format("no errors in {}", files);
    }
    return fmt::format("{} in {}", count_of(summary.errors, "error", "errors"), files);
  }
  std::size_t problems = summary.errors + summary.warnings + summary.infos;
  if (problems == 0) {
    return fmt::format("no problems in {}", files);
  }
  std::string kinds;
  auto add_kind = [&](std::size_t count, std::string_view singular, std::string_view plural) {
    if (count == 0) {
      return;
    }
    if (!kinds.empty()) {
      kinds += ", ";
    }
    kinds += count_of(count, singular, plural);
  };
  add_kind(summary.errors, "error", "errors");
  add_kind(summary.warnings, "warning", "warnings");
  add_kind(summary.infos, "info", "infos");
  std::string line =
      fmt::format("{} ({}) in {}", count_of(problems, "problem", "problems"), kinds, files);
  if (summary.fixable > 0) {
    line += fmt::format(", {} fixable with --fix", summary.fixable);
  }
  return line;
}

std::string_view summary_color(const engine::Summary& summary, bool quiet) {
  if (summary.errors > 0) {
    return sgr::bold_red;
  }
  if (quiet) {
    return sgr::bold_green;
  }
  if (summary.warnings > 0) {
    return sgr::bold_yellow;
  }
  if (summary.infos > 0) {
    return sgr::bold_blue;
  }
  return sgr::bold_green;
}

}  // namespace contentlint::report
