/// The anchors a document offers to `#fragment` links, and the nearest one to a typo.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "markdown/facts.hpp"

namespace contentlint::links {

/// The targets of `#fragment` links in one document: the GitHub slug of every heading
/// (de-duplicated with `-1`, `-2`), custom heading ids (`{#id}`) and HTML `id`/`name`
/// attributes. Owns its strings: it outlives the text it was read from.
class Anchors {
 public:
  Anchors() = default;
  /// The anchors of a body already extracted (the current document: no re-parse).
  static Anchors of(const markdown::Body& body);

  /// Whether `fragment` (percent-decoded, without '#') names an anchor. Compared
  /// case-sensitively, as browsers do; GitHub's `user-content-` id prefix is accepted.
  bool contains(std::string_view fragment) const;
  /// The anchor `fragment` most plausibly meant: the one equal to its slug or equal
  /// ignoring case, else the closest by edit distance when close enough; ties go to the
  /// earlier anchor in the document.
  std::optional<std::string> nearest(std::string_view fragment) const;

  /// Every anchor, in document order, without repeats.
  const std::vector<std::string>& all() const { return ordered_; }

 private:
  void add(std::string anchor);

  std::vector<std::string> ordered_;
  std::unordered_set<std::string> set_;
};

/// GitHub's prefix of heading ids: `#user-content-intro` names the heading `intro`.
inline constexpr std::string_view kGitHubPrefix = "user-content-";

/// The hash a digest keeps of an anchor.
std::uint32_t anchor_hash(std::string_view anchor);

/// What a run keeps of the anchors of each file it checks: their 32-bit hashes, sorted,
/// so memory stays small however many files a run has. A hash collision could only hide
/// a broken fragment: with n anchors in the linked file, odds of about n in 2^32 (one in
/// 400 million for a file with ten headings).
std::vector<std::uint32_t> anchor_digest(const Anchors& anchors);

/// A fragment as a digest looks it up: its hash and, for `user-content-intro`, the hash
/// of `intro`.
struct FragmentKey {
  explicit FragmentKey(std::string_view fragment);

  std::uint32_t hash = 0;
  std::uint32_t unprefixed = 0;
  bool prefixed = false;
};

/// Whether the digest [begin, end) names the fragment `key` was made from: the same answer
/// as Anchors::contains.
template <std::random_access_iterator Iterator>
bool digest_contains(Iterator begin, Iterator end, const FragmentKey& key) {
  auto has = [&](std::uint32_t hash) { return std::binary_search(begin, end, hash); };
  return (key.prefixed && has(key.unprefixed)) || has(key.hash);
}

/// Whether the digest [begin, end) names `fragment`.
template <std::random_access_iterator Iterator>
bool digest_contains(Iterator begin, Iterator end, std::string_view fragment) {
  return digest_contains(begin, end, FragmentKey(fragment));
}

}  // namespace contentlint::links
