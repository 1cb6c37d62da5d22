#include "core/glob.hpp"

#include <algorithm>
#include <utility>

#include "core/utf8.hpp"

namespace contentlint::core {
namespace {

// Brace expansion multiplies: `{a,b}{c,d}{e,f}...` doubles per group, so the count is
// capped before it can blow up memory or matching time.
constexpr std::size_t kMaxAlternatives = 64;

/// One lexical element of a pattern, before braces are expanded.
struct Raw {
  enum class Kind : std::uint8_t { literal, slash, any, star, set, open, comma, close };
  Kind kind = Kind::literal;
  char32_t ch = 0;
  std::uint32_t set = 0;
  std::uint32_t column = 0;  // of `{`, for the unclosed-brace message
};

using Sequence = std::vector<Raw>;

core::Error invalid(std::string_view pattern, const std::string& what) {
  return core::Error{"", std::nullopt, "invalid glob '" + std::string(pattern) + "': " + what};
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) out.push_back(core::decode_code_point(text, offset));
  return out;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
}

template <typename Char>
std::vector<std::basic_string_view<Char>> split_segments(std::basic_string_view<Char> text) {
  std::vector<std::basic_string_view<Char>> segments;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == Char('/')) {
      segments.push_back(text.substr(begin, i - begin));
      begin = i + 1;
    }
  }
  return segments;
}

}  // namespace

core::Expected<Glob> Glob::compile(std::string_view pattern) {
  Glob glob;
  glob.pattern_ = std::string(pattern);

  // Lex, resolving escapes and character classes.
  std::vector<Raw> raw;
  std::size_t offset = 0;
  std::uint32_t column = 0;
  auto next = [&] {
    ++column;
    return core::decode_code_point(pattern, offset);
  };
  auto at_end = [&] { return offset >= pattern.size(); };
  while (!at_end()) {
    const std::uint32_t start = column + 1;
    char32_t c = next();
    switch (c) {
      case U'\\':
        if (at_end()) {
          return invalid(pattern, "'\\' at column " + std::to_string(start) + " escapes nothing");
        }
        c = next();
        raw.push_back(c == U'/' ? Raw{Raw::Kind::slash} : Raw{Raw::Kind::literal, c});
        break;
      case U'/':
        raw.push_back(Raw{Raw::Kind::slash});
        break;
      case U'*':
        raw.push_back(Raw{Raw::Kind::star});
        break;
      case U'?':
        raw.push_back(Raw{Raw::Kind::any});
        break;
      case U'{':
        raw.push_back(Raw{Raw::Kind::open, 0, 0, start});
        break;
      case U',':
        raw.push_back(Raw{Raw::Kind::comma, c});
        break;
      case U'}':
        raw.push_back(Raw{Raw::Kind::close, c});
        break;
      case U'[': {
        Set set;
        if (!at_end() && (pattern[offset] == '!' || pattern[offset] == '^')) {
          set.negated = true;
          next();
        }
        bool first = true;
        bool closed = false;
        while (!at_end()) {
          char32_t low = next();
          if (low == U']' && !first) {
            closed = true;
            break;
          }
          first = false;
          if (low == U'\\') {
            if (at_end()) break;
            low = next();
          }
          char32_t high = low;
          if (offset + 1 < pattern.size() && pattern[offset] == '-' && pattern[offset + 1] != ']') {
            next();
            high = next();
            if (high == U'\\') {
              if (at_end()) break;
              high = next();
            }
          }
          set.ranges.emplace_back(low, high);
        }
        if (!closed) {
          return invalid(pattern, "unclosed '[' at column " + std::to_string(start));
        }
        raw.push_back(Raw{Raw::Kind::set, 0, static_cast<std::uint32_t>(glob.sets_.size())});
        glob.sets_.push_back(std::move(set));
        break;
      }
      default:
        raw.push_back(Raw{Raw::Kind::literal, c});
    }
  }

  // Expand braces with an explicit stack, so nesting depth costs no recursion.
  struct Frame {
    std::vector<Sequence> current;  // the alternatives being built, one per prefix
    std::vector<Sequence> done;     // finished comma-separated options of this group
    std::uint32_t column = 0;
  };
  const core::Error too_many = invalid(
      pattern, "braces expand to more than " + std::to_string(kMaxAlternatives) + " patterns");
  std::vector<Frame> frames;
  frames.push_back(Frame{{Sequence{}}, {}, 0});
  for (const Raw& item : raw) {
    const bool in_group = frames.size() > 1;
    if (item.kind == Raw::Kind::open) {
      frames.push_back(Frame{{Sequence{}}, {}, item.column});
      continue;
    }
    if (in_group && item.kind == Raw::Kind::comma) {
      Frame& top = frames.back();
      if (top.done.size() + top.current.size() > kMaxAlternatives) return too_many;
      for (Sequence& sequence : top.current) top.done.push_back(std::move(sequence));
      top.current.assign(1, Sequence{});
      continue;
    }
    if (in_group && item.kind == Raw::Kind::close) {
      Frame& top = frames.back();
      if (top.done.size() + top.current.size() > kMaxAlternatives) return too_many;
      for (Sequence& sequence : top.current) top.done.push_back(std::move(sequence));
      std::vector<Sequence> options = std::move(top.done);
      frames.pop_back();
      Frame& parent = frames.back();
      if (parent.current.size() * options.size() > kMaxAlternatives) return too_many;
      std::vector<Sequence> product;
      product.reserve(parent.current.size() * options.size());
      for (const Sequence& prefix : parent.current) {
        for (const Sequence& option : options) {
          Sequence joined = prefix;
          joined.insert(joined.end(), option.begin(), option.end());
          product.push_back(std::move(joined));
        }
      }
      parent.current = std::move(product);
      continue;
    }
    Raw token = item;
    if (token.kind == Raw::Kind::comma || token.kind == Raw::Kind::close) {
      token.kind = Raw::Kind::literal;  // outside braces they are plain characters
    }
    for (Sequence& sequence : frames.back().current) sequence.push_back(token);
  }
  if (frames.size() > 1) {
    return invalid(pattern, "unclosed '{' at column " + std::to_string(frames[1].column));
  }

  // Split every expansion into path segments.
  for (const Sequence& sequence : frames.front().current) {
    Alternative alternative;
    Segment segment;
    std::size_t raw_count = 0;
    std::size_t star_count = 0;
    auto finish = [&] {
      segment.globstar = raw_count == 2 && star_count == 2;
      if (segment.globstar) segment.tokens.clear();
      alternative.push_back(std::move(segment));
      segment = Segment{};
      raw_count = star_count = 0;
    };
    for (const Raw& item : sequence) {
      if (item.kind == Raw::Kind::slash) {
        finish();
        continue;
      }
      ++raw_count;
      Token token;
      switch (item.kind) {
        case Raw::Kind::star:
          ++star_count;
          // `**` inside a segment is `*`; collapsing also keeps the matcher's restarts few.
          if (!segment.tokens.empty() && segment.tokens.back().kind == Token::Kind::star) {
            continue;
          }
          token.kind = Token::Kind::star;
          break;
        case Raw::Kind::any:
          token.kind = Token::Kind::any;
          break;
        case Raw::Kind::set:
          token.kind = Token::Kind::set;
          token.set = item.set;
          break;
        default:
          token.kind = Token::Kind::literal;
          token.ch = item.ch;
      }
      segment.tokens.push_back(token);
    }
    finish();
    auto is_dot = [](const Segment& s) {
      return !s.globstar && s.tokens.size() == 1 && s.tokens[0].kind == Token::Kind::literal &&
             s.tokens[0].ch == U'.';
    };
    while (alternative.size() > 1 && is_dot(alternative.front())) {
      alternative.erase(alternative.begin());
    }
    if (alternative.size() > 1 && !alternative.back().globstar &&
        alternative.back().tokens.empty()) {
      alternative.pop_back();
    }
    glob.alternatives_.push_back(std::move(alternative));
  }
  return glob;
}

template <typename Char>
bool Glob::segment_matches(const std::vector<Token>& tokens,
                           std::basic_string_view<Char> text) const {
  auto one = [&](const Token& token, char32_t c) {
    switch (token.kind) {
      case Token::Kind::literal:
        return token.ch == c;
      case Token::Kind::any:
        return true;
      case Token::Kind::set: {
        const Set& set = sets_[token.set];
        bool inside = false;
        for (const auto& [low, high] : set.ranges) {
          if (low <= c && c <= high) {
            inside = true;
            break;
          }
        }
        return inside != set.negated;
      }
      case Token::Kind::star:
        break;
    }
    return false;
  };
  // The classic two-pointer wildcard match: on a mismatch, only the last `*` is retried
  // one character further, which is enough because every other token matches exactly one
  // character. At most tokens x text steps.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t t = 0;
  std::size_t i = 0;
  std::size_t star = kNone;
  std::size_t star_text = 0;
  while (i < text.size()) {
    if (t < tokens.size() && tokens[t].kind == Token::Kind::star) {
      star = t++;
      star_text = i;
    } else if (t < tokens.size() && one(tokens[t], static_cast<char32_t>(text[i]))) {
      ++t;
      ++i;
    } else if (star != kNone) {
      t = star + 1;
      i = ++star_text;
    } else {
      return false;
    }
  }
  while (t < tokens.size() && tokens[t].kind == Token::Kind::star) ++t;
  return t == tokens.size();
}

template <typename Char>
bool Glob::run(const Alternative& alternative,
               const std::vector<std::basic_string_view<Char>>& segments,
               std::vector<char>& states) const {
  // A set of pattern positions, as in an NFA: `**` both stays (consuming a segment) and
  // steps over itself (consuming none). Every other segment pattern consumes exactly one
  // path segment, so no backtracking is needed.
  const std::size_t size = alternative.size();
  auto close = [&](std::vector<char>& set) {
    for (std::size_t i = 0; i < size; ++i) {
      if (set[i] && alternative[i].globstar) set[i + 1] = 1;
    }
  };
  states.assign(size + 1, 0);
  states[0] = 1;
  close(states);
  std::vector<char> next(size + 1);
  for (std::basic_string_view<Char> segment : segments) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (std::size_t i = 0; i < size; ++i) {
      if (!states[i]) continue;
      if (alternative[i].globstar) {
        next[i] = 1;
        any = true;
      } else if (segment_matches(alternative[i].tokens, segment)) {
        next[i + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(next);
    states.swap(next);
  }
  return true;
}

bool Glob::matches(std::string_view path) const {
  if (is_ascii(path)) return matches_text(path);
  const std::u32string text = decode(path);
  return matches_text(std::u32string_view(text));
}

template <typename Char>
bool Glob::matches_text(std::basic_string_view<Char> path) const {
  const std::vector<std::basic_string_view<Char>> segments = split_segments(path);
  std::vector<char> states;
  for (const Alternative& alternative : alternatives_) {
    if (run(alternative, segments, states) && states[alternative.size()]) return true;
  }
  return false;
}

bool Glob::may_match_inside(std::string_view directory) const {
  if (is_ascii(directory)) return may_match_inside_text(directory);
  const std::u32string text = decode(directory);
  return may_match_inside_text(std::u32string_view(text));
}

template <typename Char>
bool Glob::may_match_inside_text(std::basic_string_view<Char> directory) const {
  std::vector<std::basic_string_view<Char>> segments;
  if (!directory.empty()) segments = split_segments(directory);
  std::vector<char> states;
  for (const Alternative& alternative : alternatives_) {
    if (!run(alternative, segments, states)) continue;
    // Some segment pattern is left to match what the folder holds.
    for (std::size_t i = 0; i < alternative.size(); ++i) {
      if (states[i]) return true;
    }
  }
  return false;
}

}  // namespace contentlint::core
