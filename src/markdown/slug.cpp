#include "markdown/slug.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "core/utf8.hpp"
#include "markdown/unicode_tables.hpp"

namespace contentlint::markdown {
namespace {

constexpr char32_t kCapitalSigma = U'\u03A3';

// Stands in for Unicode's "cased letter" in the Final_Sigma condition: close enough for
// Greek words, which is where a capital sigma ends a word.
bool is_letter(char32_t cp) {
  return detail::slug_keeps(cp) && cp != U' ' && cp != U'-' && cp != U'_' &&
         !(cp >= U'0' && cp <= U'9');
}

}  // namespace

std::string github_slug(std::string_view heading_text) {
  // Most headings are ASCII: each byte's slug comes from a table built by the same rules
  // below, instead of decoding, lowering and re-encoding one code point at a time.
  static const std::array<char, 128> kAsciiSlug = [] {
    std::array<char, 128> table{};  // '\0': the byte is dropped
    for (char32_t cp = 0; cp < 128; ++cp) {
      std::string lowered;
      detail::append_lowercase(lowered, cp);
      if (lowered.size() != 1) continue;
      if (lowered[0] == ' ') {
        table[cp] = '-';
      } else if (detail::slug_keeps(static_cast<unsigned char>(lowered[0]))) {
        table[cp] = lowered[0];
      }
    }
    return table;
  }();
  if (std::all_of(heading_text.begin(), heading_text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string slug;
    slug.reserve(heading_text.size());
    for (char c : heading_text) {
      if (char kept = kAsciiSlug[static_cast<unsigned char>(c)]) slug += kept;
    }
    return slug;
  }
  std::vector<char32_t> code_points;
  for (std::size_t offset = 0; offset < heading_text.size();) {
    code_points.push_back(core::decode_code_point(heading_text, offset));
  }
  std::string lowered;
  lowered.reserve(heading_text.size());
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    char32_t cp = code_points[i];
    // JavaScript's toLowerCase applies Final_Sigma: a capital sigma ending a word is ς.
    if (cp == kCapitalSigma && i > 0 && is_letter(code_points[i - 1]) &&
        (i + 1 == code_points.size() || !is_letter(code_points[i + 1]))) {
      core::append_utf8(lowered, U'\u03C2');
      continue;
    }
    detail::append_lowercase(lowered, cp);
  }
  std::string slug;
  slug.reserve(lowered.size());
  for (std::size_t offset = 0; offset < lowered.size();) {
    char32_t cp = core::decode_code_point(lowered, offset);
    if (cp == U' ') {
      slug += '-';
    } else if (detail::slug_keeps(cp)) {
      core::append_utf8(slug, cp);
    }
  }
  return slug;
}

std::string SlugCounter::next(std::string_view heading_text) {
  const std::string original = github_slug(heading_text);
  std::string result = original;
  while (occurrences_.contains(result)) {
    int& count = occurrences_[original];
    ++count;
    result = original + "-" + std::to_string(count);
  }
  occurrences_[result] = 0;
  return result;
}

}  // namespace contentlint::markdown
