/// Unicode data for slugs and reference labels (internal to markdown/; generated tables).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace contentlint::markdown::detail {

/// An inclusive range of code points.
struct CodePointRange {
  char32_t first;
  char32_t last;
};

/// Code points first, first+stride, ... last map to code point + delta.
struct CaseRun {
  char32_t first;
  char32_t last;
  std::int32_t delta;
  std::uint8_t stride;
};

/// A code point whose mapping is more than one code point (UTF-8).
struct SpecialCase {
  char32_t code_point;
  const char* utf8;
};

/// An HTML5 named character reference: `name` without `&` and `;`, its UTF-8 value.
struct NamedEntity {
  const char* name;
  const char* utf8;
};

// Defined in the generated unicode_tables.cpp; every table is sorted.
extern const CodePointRange kSlugKeeps[];
extern const std::size_t kSlugKeepsSize;
extern const CaseRun kLowerRuns[];
extern const std::size_t kLowerRunsSize;
extern const SpecialCase kLowerSpecial[];
extern const std::size_t kLowerSpecialSize;
extern const CaseRun kFoldRuns[];
extern const std::size_t kFoldRunsSize;
extern const SpecialCase kFoldSpecial[];
extern const std::size_t kFoldSpecialSize;
extern const NamedEntity kEntities[];
extern const std::size_t kEntitiesSize;

/// Whether github-slugger keeps `cp` (letters, marks, decimal and letter numbers, `_`,
/// a space and `-`).
bool slug_keeps(char32_t cp);

/// Appends the lowercase of `cp` as JavaScript's toLowerCase maps it out of context.
void append_lowercase(std::string& out, char32_t cp);

/// Appends the full case folding of `cp` (how CommonMark compares reference labels).
void append_case_fold(std::string& out, char32_t cp);

/// The UTF-8 value of the named character reference `&name;`, or nullptr.
const char* find_entity(std::string_view name);

}  // namespace contentlint::markdown::detail
