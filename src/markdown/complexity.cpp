// The pre-scan models only the parts of cmark 0.30.2 that go super-linear, with the
// counts that drive them:
//
// - blocks.c, check_open_blocks: every line walks the open containers from the root. A
//   block quote matches only a line carrying its `>` and a list item only indentation,
//   so those walks are paid for by input bytes, except on blank lines, which match every
//   open list item for free. `- ` × 30,000 then 30,000 blank lines is 9e8 steps.
// - node.c: an inline node appended to a paragraph checks it is not its own ancestor,
//   walking up every container: `>` × 100,000 then `a*` × 100,000 is 1e10 steps.
// - inlines.c, handle_close_bracket: when a link closes, earlier link openers are
//   deactivated by walking the bracket stack back, over every unclosed image opener:
//   `![[]()` × 50,000 is 1.25e9 steps (CVE-2023-22486).
//
// Steps paid for by input are linear and not counted; the rest are summed and compared
// with budgets that normal articles stay far below.
#include "markdown/complexity.hpp"

#include <fmt/format.h>

#include <array>
#include <cstring>
#include <vector>

namespace contentlint::markdown {
namespace {

// Inline steps a body may take per byte on top of the fixed budget: a large article of
// shallow lists never comes near it, hostile depth does at once.
constexpr std::uint64_t kInlineStepsPerByte = 16;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The bytes `inlines` counts; every other byte is skipped without a look at the switch.
constexpr std::array<bool, 256> kInlineBytes = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view("\\![]*_`<&")) table[c] = true;
  return table;
}();

// The end of the line that starts at `pos`: its '\n', or a '\r' before it.
std::size_t line_end(std::string_view text, std::size_t pos, std::size_t stop) {
  const char* begin = text.data() + pos;
  const void* newline = std::memchr(begin, '\n', stop - pos);
  std::size_t end = newline != nullptr ? static_cast<const char*>(newline) - text.data() : stop;
  const void* carriage = std::memchr(begin, '\r', end - pos);
  return carriage != nullptr ? static_cast<const char*>(carriage) - text.data() : end;
}

struct Container {
  bool quote = false;
  std::size_t needed = 0;  // a list item: indentation columns its continuation lines need
};

class Scanner {
 public:
  Scanner(std::string_view text, core::ByteSpan span, const ComplexityLimits& limits)
      : text_(text), span_(span), limits_(limits) {
    inline_budget_ = limits.inline_steps + kInlineStepsPerByte * span.size();
    deepest_line_ = span.begin;
  }

  std::optional<TooComplex> run() {
    std::size_t pos = span_.begin;
    while (pos < span_.end) {
      std::size_t end = line_end(text_, pos, span_.end);
      if (auto found = line(pos, end)) return found;
      if (end < span_.end && text_[end] == '\r' && end + 1 < span_.end && text_[end + 1] == '\n') {
        ++end;
      }
      pos = end + 1;
    }
    return std::nullopt;
  }

 private:
  // Columns of blanks from `pos`, starting at column `column` (tabs stop every 4), counted
  // up to `enough` only: a line's indentation is looked at once per open container.
  std::size_t blank_columns(std::size_t pos, std::size_t stop, std::size_t column,
                            std::size_t enough) const {
    std::size_t start = column;
    for (; pos < stop && column - start < enough && is_blank(text_[pos]); ++pos) {
      column += text_[pos] == '\t' ? 4 - column % 4 : 1;
    }
    return column - start;
  }

  // Advances past blanks until `columns` columns are consumed (or the blanks end).
  std::size_t consume_columns(std::size_t& pos, std::size_t stop, std::size_t column,
                              std::size_t columns) const {
    std::size_t target = column + columns;
    while (pos < stop && column < target && is_blank(text_[pos])) {
      column += text_[pos] == '\t' ? 4 - column % 4 : 1;
      ++pos;
    }
    return column;
  }

  // A list marker at `pos`: its width, or 0.
  std::size_t list_marker(std::size_t pos, std::size_t stop) const {
    std::size_t end = pos;
    if (pos < stop && (text_[pos] == '-' || text_[pos] == '+' || text_[pos] == '*')) {
      end = pos + 1;
    } else {
      while (end < stop && end - pos < 9 && text_[end] >= '0' && text_[end] <= '9') ++end;
      if (end == pos || end >= stop || (text_[end] != '.' && text_[end] != ')')) return 0;
      ++end;
    }
    if (end < stop && !is_blank(text_[end])) return 0;
    return end - pos;
  }

  std::optional<TooComplex> line(std::size_t begin, std::size_t end) {
    std::size_t pos = begin;
    std::size_t column = 0;
    // Whether the rest of the line after the containers matched so far is blank: it
    // changes only where a `>` is consumed (list items consume blanks only).
    auto rest_blank = [&] {
      return text_.substr(pos, end - pos).find_first_not_of(" \t") == std::string_view::npos;
    };
    bool blank_line = rest_blank();

    // Continuation of the open containers.
    std::size_t matched = 0;
    for (; matched < open_.size(); ++matched) {
      const Container& container = open_[matched];
      std::size_t indent = blank_columns(pos, end, column, container.quote ? 4 : container.needed);
      if (container.quote) {
        if (indent > 3) break;
        std::size_t at = pos;
        column = consume_columns(at, end, column, indent);
        if (at >= end || text_[at] != '>') break;
        pos = at + 1;
        ++column;
        if (pos < end && text_[pos] == ' ') {
          ++pos;
          ++column;
        }
        blank_line = rest_blank();
        continue;
      }
      if (blank_line) {
        // Matched without consuming a byte: the walk input does not pay for.
        if (++container_steps_ > limits_.container_steps) return too_deep_containers();
        continue;
      }
      if (indent < container.needed) break;
      column = consume_columns(pos, end, column, container.needed);
    }

    // New containers.
    std::size_t opened = 0;
    while (true) {
      std::size_t indent = blank_columns(pos, end, column, 4);
      if (indent > 3) break;
      std::size_t at = pos;
      std::size_t at_column = consume_columns(at, end, column, indent);
      if (at < end && text_[at] == '>') {
        truncate_once(matched, opened);
        open_.push_back({true, 0});
        pos = at + 1;
        column = at_column + 1;
        if (pos < end && text_[pos] == ' ') {
          ++pos;
          ++column;
        }
        ++opened;
        continue;
      }
      std::size_t width = list_marker(at, end);
      if (width == 0) break;
      std::size_t after = at + width;
      std::size_t spaces = blank_columns(after, end, at_column + width, 5);
      bool empty =
          text_.substr(after, end - after).find_first_not_of(" \t") == std::string_view::npos;
      std::size_t padding = (empty || spaces >= 5) ? width + 1 : width + spaces;
      truncate_once(matched, opened);
      open_.push_back({false, indent + padding});
      pos = after;
      column = consume_columns(pos, end, at_column + width, std::min<std::size_t>(spaces, 4));
      ++opened;
    }
    blank_line = rest_blank();
    if (opened == 0 && matched < open_.size() && (blank_line || !previous_text_)) {
      open_.resize(matched);  // a lazy continuation line keeps them open
    }
    if (open_.size() > deepest_) {
      deepest_ = open_.size();
      deepest_line_ = begin;
    }

    if (blank_line) {
      previous_text_ = false;
      brackets_.clear();
      images_ = 0;
      return std::nullopt;
    }
    previous_text_ = true;
    return inlines(pos, end);
  }

  // New markers on a line close the containers it did not continue, once.
  void truncate_once(std::size_t matched, std::size_t opened) {
    if (opened == 0) open_.resize(matched);
  }

  std::optional<TooComplex> inlines(std::size_t pos, std::size_t end) {
    std::uint64_t depth = open_.size() + 1;
    std::uint64_t delimiters = 1;
    for (std::size_t i = pos; i < end; ++i) {
      char c = text_[i];
      if (!kInlineBytes[static_cast<unsigned char>(c)]) continue;
      switch (c) {
        case '\\':
          ++delimiters;
          ++i;
          break;
        case '!':
          if (i + 1 < end && text_[i + 1] == '[') {
            brackets_.push_back({i, true});
            ++images_;
            ++delimiters;
            ++i;
          }
          break;
        case '[':
          brackets_.push_back({i, false});
          ++delimiters;
          break;
        case ']':
          ++delimiters;
          if (brackets_.empty()) break;
          if (brackets_.back().image) {
            --images_;
          } else {
            bracket_steps_ += images_;
            if (bracket_steps_ > limits_.bracket_steps) return too_many_images();
          }
          brackets_.pop_back();
          break;
        case '*':
        case '_':
        case '`':
        case '<':
        case '&':
          ++delimiters;
          break;
        default:
          break;
      }
    }
    inline_steps_ += depth * delimiters;
    if (inline_steps_ > inline_budget_) return too_deep_inlines();
    return std::nullopt;
  }

  core::ByteSpan deepest_span() const {
    std::size_t at = deepest_line_;
    return {at, at < span_.end ? at + 1 : at};
  }

  std::optional<TooComplex> too_deep_containers() const {
    return TooComplex{deepest_span(),
                      fmt::format("lists and block quotes nested {} levels deep continue over "
                                  "too many blank lines; too complex to check (the Markdown "
                                  "body was not checked)",
                                  deepest_)};
  }

  std::optional<TooComplex> too_deep_inlines() const {
    return TooComplex{deepest_span(),
                      fmt::format("text nested {} levels deep in lists and block quotes has "
                                  "too many inline elements; too complex to check (the "
                                  "Markdown body was not checked)",
                                  deepest_)};
  }

  std::optional<TooComplex> too_many_images() const {
    std::size_t first = 0;
    while (first < brackets_.size() && !brackets_[first].image) ++first;
    std::size_t at = first < brackets_.size() ? brackets_[first].offset : span_.begin;
    return TooComplex{{at, at + 2},
                      fmt::format("{} unclosed '![' before links in one paragraph; too complex "
                                  "to check (the Markdown body was not checked)",
                                  images_)};
  }

  struct Bracket {
    std::size_t offset;
    bool image;
  };

  std::string_view text_;
  core::ByteSpan span_;
  const ComplexityLimits& limits_;
  std::uint64_t inline_budget_ = 0;
  std::vector<Container> open_;
  bool previous_text_ = false;
  std::size_t deepest_ = 0;
  std::size_t deepest_line_ = 0;
  std::vector<Bracket> brackets_;  // the paragraph's unclosed `[` and `![`
  std::uint64_t images_ = 0;       // how many of brackets_ are `![`
  std::uint64_t container_steps_ = 0;
  std::uint64_t inline_steps_ = 0;
  std::uint64_t bracket_steps_ = 0;
};

// Whether byte counts alone prove `body` inside every budget, as they do for nearly every
// article: then the line scan is skipped. Each count bounds what the Scanner sums: a
// container is opened by a marker byte (`>`, `-`, `+`, `*`, or the `.` or `)` after a
// number), so no line walks more containers than there are such bytes; a line has at most
// one inline delimiter more than it has special bytes; and a link close walks back over
// at most one `![` per `!`.
bool within_budgets_by_counts(std::string_view body, const ComplexityLimits& limits) {
  std::array<std::uint64_t, 256> count{};
  for (char c : body) ++count[static_cast<unsigned char>(c)];
  auto total = [&](std::string_view bytes) {
    std::uint64_t n = 0;
    for (char c : bytes) n += count[static_cast<unsigned char>(c)];
    return n;
  };
  const std::uint64_t lines = total("\n\r") + 1;
  const std::uint64_t containers = total(">-+*.)");
  const std::uint64_t delimiters = lines + total("\\![]*_`<&");
  const std::uint64_t inline_budget = limits.inline_steps + kInlineStepsPerByte * body.size();
  return lines * containers <= limits.container_steps &&
         (containers + 1) * delimiters <= inline_budget &&
         total("]") * total("!") <= limits.bracket_steps;
}

}  // namespace

std::optional<TooComplex> find_too_complex(std::string_view text, core::ByteSpan span,
                                           const ComplexityLimits& limits) {
  span.end = std::min(span.end, text.size());
  span.begin = std::min(span.begin, span.end);
  if (within_budgets_by_counts(text.substr(span.begin, span.size()), limits)) return std::nullopt;
  return Scanner(text, span, limits).run();
}

}  // namespace contentlint::markdown
