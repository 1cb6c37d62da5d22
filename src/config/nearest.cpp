#include "config/nearest.hpp"

#include <algorithm>
#include <vector>

namespace contentlint::config {
namespace {

// Words longer than this are not misspellings of a key; the quadratic distance is not
// worth computing on them.
constexpr std::size_t kMaxWord = 100;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Optimal string alignment distance: Levenshtein plus adjacent transpositions.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    before.swap(previous);
    previous.swap(current);
  }
  return previous[b.size()];
}

}  // namespace

std::optional<std::string_view> nearest(std::string_view word,
                                        std::span<const std::string_view> candidates) {
  if (word.empty() || word.size() > kMaxWord) return std::nullopt;
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (std::string_view candidate : candidates) {
    if (candidate.size() > kMaxWord) continue;
    std::size_t d = distance(word, candidate);
    std::size_t limit = std::max<std::size_t>(1, std::max(word.size(), candidate.size()) / 3);
    if (d > limit || d >= candidate.size()) continue;
    if (!best || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  if (best || word.size() < 3) return best;
  // An abbreviation: `warn` for `warning`, `col` for `collections`.
  for (std::string_view candidate : candidates) {
    if (candidate.size() > word.size() && distance(word, candidate.substr(0, word.size())) == 0) {
      return candidate;
    }
  }
  return std::nullopt;
}

std::string join_words(std::span<const std::string_view> words) {
  std::string text;
  for (std::string_view word : words) {
    if (!text.empty()) text += ", ";
    text += word;
  }
  return text;
}

}  // namespace contentlint::config
