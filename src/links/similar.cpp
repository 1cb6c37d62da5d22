#include "links/similar.hpp"

#include <algorithm>
#include <vector>

namespace contentlint::links::detail {
namespace {

constexpr std::size_t kCompareLength = 128;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  a = a.substr(0, kCompareLength);
  b = b.substr(0, kCompareLength);
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::size_t> plausible_distance(std::string_view typed, std::string_view candidate) {
  std::size_t longer = std::min(kCompareLength, std::max(typed.size(), candidate.size()));
  std::size_t shorter_size = std::min(typed.size(), candidate.size());
  // Lengths far apart cannot be close, and need no quadratic distance to say so.
  std::size_t allowed = std::max<std::size_t>(2, longer / 3);
  bool may_be_close = longer - std::min(longer, shorter_size) <= allowed;
  std::string_view shorter = typed.size() < candidate.size() ? typed : candidate;
  std::string_view other = typed.size() < candidate.size() ? candidate : typed;
  bool abbreviated = shorter.size() >= 4 && other.starts_with(shorter);
  if (!may_be_close && !abbreviated) return std::nullopt;
  std::size_t distance = edit_distance(typed, candidate);
  bool close = distance <= allowed && distance < longer;
  if (!close && !abbreviated) return std::nullopt;
  return distance;
}

}  // namespace contentlint::links::detail
