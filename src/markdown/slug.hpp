/// GitHub heading anchors: the slug of a heading's text, de-duplicated per document.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace contentlint::markdown {

/// The anchor GitHub (and github-slugger, which Astro and remark use) gives a heading
/// whose plain text is `heading_text`: lowercased, every code point removed that is not
/// a letter, a mark, a decimal or letter number, `_`, `-` or a space, then each space
/// replaced by `-` (no trimming, no collapsing: "a  b" gives "a--b").
/// "What is DevRel?" gives "what-is-devrel"; "C++ & Rust" gives "c--rust".
std::string github_slug(std::string_view heading_text);

/// Hands out slugs unique within one document, as github-slugger does: the second
/// "intro" becomes "intro-1", the third "intro-2"; a heading whose own slug is
/// "intro-1" then gets "intro-1-1".
class SlugCounter {
 public:
  /// The unique slug for the next heading with text `heading_text`.
  std::string next(std::string_view heading_text);

 private:
  std::unordered_map<std::string, int> occurrences_;
};

}  // namespace contentlint::markdown
