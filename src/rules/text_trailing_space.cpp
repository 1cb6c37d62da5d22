#include <fmt/format.h>

#include <vector>

#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Whether a line holds nothing but blanks and block quote markers: a blank line inside a
// block quote ends a paragraph like an empty one.
bool is_blank_line(std::string_view line) {
  return line.find_first_not_of(" \t>") == std::string_view::npos;
}

class TextTrailingSpace final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "text/trailing-space",
      .default_severity = core::Severity::warning,
      .fixable = true,
      .summary = "spaces or tabs at the end of a line",
      .what =
          "Reports spaces and tabs at the end of a line, in the front matter and in the body. "
          "Exactly `br-spaces` spaces after text on a line that the next line of the same "
          "paragraph follows are a Markdown hard line break and are allowed; at the end of a "
          "paragraph, before a blank line, or in the front matter they are not. Code blocks "
          "are skipped unless `code-blocks` is true. The fix deletes the whitespace; in a file "
          "with CRLF line breaks the `\\r` stays.",
      .why =
          "Trailing whitespace is invisible in the editor but shows in every diff that touches "
          "the line, and a reviewer cannot tell an intended hard line break from noise. Two "
          "spaces that are not followed by more of the paragraph do nothing.",
      .bad = "---\ntitle: My post   \n---\n\nThe first paragraph.   \n\nThe end.\t\n",
      .good =
          "---\ntitle: My post\n---\n\nA line that ends with a hard break  \nand continues "
          "here.\n\nThe end.\n",
      .options = {{"br-spaces", "integer", "2",
                   "the number of trailing spaces that make a hard line break inside a "
                   "paragraph; below 2, no trailing spaces are allowed"},
                  {"code-blocks", "boolean", "false",
                   "also report trailing whitespace inside fenced and indented code blocks"}},
  };

  static core::Expected<TextTrailingSpace> create(const Options& options) {
    auto br_spaces = options.integer("br-spaces", 2);
    if (!br_spaces) return br_spaces.error();
    if (*br_spaces < 0) {
      return options.error(
          *options.node("br-spaces"),
          fmt::format("option 'br-spaces' must be 0 or more, found {}", *br_spaces));
    }
    auto code_blocks = options.boolean("code-blocks", false);
    if (!code_blocks) return code_blocks.error();
    return TextTrailingSpace(*br_spaces < 2 ? 0 : static_cast<std::size_t>(*br_spaces),
                             *code_blocks);
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    const core::Document& document = article.document;
    const core::LineIndex& lines = document.lines();
    auto count = static_cast<std::uint32_t>(lines.line_count());
    // Per line (1-based, one past the end so `line + 1` is always valid): inside a code
    // block; the line cannot continue the paragraph of the line before it.
    std::vector<char> code(count + 2, 0), block_start(count + 2, 0), atx(count + 2, 0);
    for (const markdown::CodeBlock& block : article.body.code_blocks) {
      std::uint32_t first = document.position(block.span.begin).line;
      std::uint32_t last = document.position(block.span.end).line;
      block_start[first] = 1;
      for (std::uint32_t line = first; line <= last && line <= count; ++line) code[line] = 1;
    }
    for (const markdown::Heading& heading : article.body.headings) {
      std::uint32_t first = document.position(heading.span.begin).line;
      std::uint32_t last = document.position(heading.span.end).line;
      block_start[first] = 1;
      if (heading.setext) {
        block_start[last] = 1;  // the underline ends the heading's text
      } else {
        atx[first] = 1;
      }
    }
    const auto& split = article.front_matter.split;
    std::string_view text = document.text();
    for (std::uint32_t line = 1; line <= count; ++line) {
      core::ByteSpan span = lines.line_span(line);
      std::size_t begin = span.end;
      while (begin > span.begin && is_space(text[begin - 1])) --begin;
      if (begin == span.end) continue;
      if (code[line] && !code_blocks_) continue;
      bool in_front_matter = split.present && span.begin < split.body.begin;
      if (!in_front_matter && !code[line] && hard_break(text, span, begin) && !atx[line] &&
          line < count && !block_start[line + 1] && !is_blank_line(lines.line_text(line + 1))) {
        continue;
      }
      sink.report({begin, span.end}, "trailing whitespace",
                  core::Fix{"remove the trailing whitespace",
                            core::FixSafety::safe,
                            {core::Edit{{begin, span.end}, ""}}});
    }
  }

 private:
  TextTrailingSpace(std::size_t br_spaces, bool code_blocks)
      : br_spaces_(br_spaces), code_blocks_(code_blocks) {}

  // Exactly `br_spaces_` spaces (no tab) after some text.
  bool hard_break(std::string_view text, core::ByteSpan line, std::size_t begin) const {
    if (br_spaces_ == 0 || line.end - begin != br_spaces_ ||
        is_blank_line(text.substr(line.begin, begin - line.begin))) {
      return false;
    }
    for (std::size_t at = begin; at < line.end; ++at) {
      if (text[at] != ' ') return false;
    }
    return true;
  }

  std::size_t br_spaces_;
  bool code_blocks_;
};

}  // namespace

RuleEntry text_trailing_space() { return {TextTrailingSpace::meta, make_rule<TextTrailingSpace>}; }

}  // namespace contentlint::rules
