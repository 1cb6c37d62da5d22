#include <fmt/format.h>

#include <algorithm>

#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

// The language of an info string is its first word: "js title=\"app.js\"" is js.
std::string_view language_of(std::string_view info) {
  std::size_t begin = 0;
  while (begin < info.size() && is_space(info[begin])) ++begin;
  std::size_t end = begin;
  while (end < info.size() && !is_space(info[end])) ++end;
  return info.substr(begin, end - begin);
}

class CodeFenceLanguage final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "code/fence-language",
      .default_severity = core::Severity::warning,
      .summary = "a fenced code block without a language",
      .what =
          "Reports a fenced code block (```` ``` ```` or `~~~`) whose opening fence names no "
          "language. With `allowed`, also a language outside that list (compared ignoring "
          "case). Indented code blocks cannot name a language and are not reported.",
      .why =
          "The language drives syntax highlighting, and tells readers and screen readers what "
          "kind of code or output they are looking at. Use `text` for plain output.",
      .bad = "```\nnpm install contentlint\n```\n",
      .good = "```sh\nnpm install contentlint\n```\n",
      .options = {{"allowed", "list of strings", "[]",
                   "the languages code blocks may name; empty allows any language"}},
  };

  static core::Expected<CodeFenceLanguage> create(const Options& options) {
    auto allowed = options.strings("allowed", {});
    if (!allowed) return allowed.error();
    return CodeFenceLanguage(std::move(*allowed));
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    for (const markdown::CodeBlock& block : article.body.code_blocks) {
      if (!block.fenced) continue;
      std::string_view language = language_of(block.info);
      if (language.empty()) {
        sink.report(block.span, "code block has no language; add one after the fence, e.g. ```js");
      } else if (!allowed_.empty() &&
                 std::none_of(allowed_.begin(), allowed_.end(), [&](const std::string& known) {
                   return equal_ignoring_case(known, language);
                 })) {
        sink.report(block.span,
                    fmt::format("code block language '{}' is not in the allowed list", language));
      }
    }
  }

 private:
  explicit CodeFenceLanguage(std::vector<std::string> allowed) : allowed_(std::move(allowed)) {}

  std::vector<std::string> allowed_;
};

}  // namespace

RuleEntry code_fence_language() { return {CodeFenceLanguage::meta, make_rule<CodeFenceLanguage>}; }

}  // namespace contentlint::rules
