#include <algorithm>

#include "core/utf8.hpp"
#include "markdown/unicode_tables.hpp"

namespace contentlint::markdown::detail {
namespace {

void append_mapped(std::string& out, char32_t cp, const CaseRun* runs, std::size_t runs_size,
                   const SpecialCase* special, std::size_t special_size) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
    return;
  }
  const SpecialCase* special_end = special + special_size;
  auto found = std::lower_bound(special, special_end, cp,
                                [](const SpecialCase& s, char32_t c) { return s.code_point < c; });
  if (found != special_end && found->code_point == cp) {
    out += found->utf8;
    return;
  }
  const CaseRun* runs_end = runs + runs_size;
  auto run = std::upper_bound(runs, runs_end, cp,
                              [](char32_t c, const CaseRun& r) { return c < r.first; });
  if (run != runs) {
    --run;
    if (cp <= run->last && (cp - run->first) % run->stride == 0) {
      core::append_utf8(out, static_cast<char32_t>(static_cast<std::int32_t>(cp) + run->delta));
      return;
    }
  }
  core::append_utf8(out, cp);
}

}  // namespace

bool slug_keeps(char32_t cp) {
  const CodePointRange* end = kSlugKeeps + kSlugKeepsSize;
  auto range = std::upper_bound(kSlugKeeps, end, cp,
                                [](char32_t c, const CodePointRange& r) { return c < r.first; });
  return range != kSlugKeeps && cp <= (range - 1)->last;
}

void append_lowercase(std::string& out, char32_t cp) {
  append_mapped(out, cp, kLowerRuns, kLowerRunsSize, kLowerSpecial, kLowerSpecialSize);
}

void append_case_fold(std::string& out, char32_t cp) {
  append_mapped(out, cp, kFoldRuns, kFoldRunsSize, kFoldSpecial, kFoldSpecialSize);
}

const char* find_entity(std::string_view name) {
  const NamedEntity* end = kEntities + kEntitiesSize;
  auto found = std::lower_bound(kEntities, end, name, [](const NamedEntity& e, std::string_view n) {
    return std::string_view(e.name) < n;
  });
  if (found != end && std::string_view(found->name) == name) return found->utf8;
  return nullptr;
}

}  // namespace contentlint::markdown::detail
