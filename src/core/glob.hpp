/// Glob patterns as .gitignore and .contentlint.yaml write them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace contentlint::core {

/// A compiled glob: `*` (any run of characters but `/`), `?` (one code point but `/`),
/// `[abc]`, `[a-z]`, `[!a-z]` or `[^a-z]`, `{a,b}` (nestable, at most 64 expansions), `\`
/// escapes the next character, and `**` as a whole segment (zero or more whole path
/// segments: `src/**/*.md` matches `src/a.md` and `src/x/y/a.md`). Other `**` act as `*`.
/// A leading `./` and a trailing `/` are dropped. `*` and `?` match a leading dot too.
/// Matching is case-sensitive and takes at most path length times pattern length steps
/// per alternative, never exponential. Paths use `/` separators.
class Glob {
 public:
  /// Compiles `pattern`; the error (without path or position: the caller knows where the
  /// pattern was written) names the column in the pattern of an unclosed `[` or `{`.
  static core::Expected<Glob> compile(std::string_view pattern);

  /// Whether `path` (relative, `/`-separated) matches the whole pattern.
  bool matches(std::string_view path) const;
  /// Whether some path strictly inside the folder `directory` could match: discovery
  /// skips folders no include glob can reach. `""` is the folder the glob is relative to.
  bool may_match_inside(std::string_view directory) const;

  /// The pattern exactly as written.
  const std::string& pattern() const { return pattern_; }

 private:
  struct Token {
    enum class Kind : std::uint8_t { literal, any, star, set };
    Kind kind = Kind::literal;
    char32_t ch = 0;        // literal
    std::uint32_t set = 0;  // index into sets_
  };
  struct Set {
    std::vector<std::pair<char32_t, char32_t>> ranges;  // inclusive
    bool negated = false;
  };
  struct Segment {
    bool globstar = false;
    std::vector<Token> tokens;
  };
  using Alternative = std::vector<Segment>;

  // Paths are matched by code point: as bytes when all are ASCII (most paths), else
  // decoded to UTF-32 first. Char is char or char32_t.
  template <typename Char>
  bool segment_matches(const std::vector<Token>& tokens, std::basic_string_view<Char> text) const;
  // Pattern positions reachable in `alternative` after consuming `segments`, in `states`
  // (size alternative.size() + 1); false when none is.
  template <typename Char>
  bool run(const Alternative& alternative,
           const std::vector<std::basic_string_view<Char>>& segments,
           std::vector<char>& states) const;
  template <typename Char>
  bool matches_text(std::basic_string_view<Char> path) const;
  template <typename Char>
  bool may_match_inside_text(std::basic_string_view<Char> directory) const;

  std::string pattern_;
  std::vector<Alternative> alternatives_;  // `{a,b}` expanded
  std::vector<Set> sets_;
};

}  // namespace contentlint::core
