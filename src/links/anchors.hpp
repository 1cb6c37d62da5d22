/// The anchors a document offers to `#fragment` links, and the nearest one to a typo.
#pragma once

#include <cstdint>
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

/// What a run keeps of the anchors of each file it checks: only whether a fragment names
/// one, from 64-bit hashes, so memory stays small however many files a run has. A hash
/// collision could only hide a broken fragment, with odds of about 2^-64 per fragment.
class AnchorDigest {
 public:
  AnchorDigest() = default;
  explicit AnchorDigest(const Anchors& anchors);

  /// The same answer as Anchors::contains.
  bool contains(std::string_view fragment) const;

 private:
  std::vector<std::uint64_t> hashes_;  // sorted
};

}  // namespace contentlint::links
