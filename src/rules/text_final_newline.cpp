#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

class TextFinalNewline final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "text/final-newline",
      .default_severity = core::Severity::warning,
      .fixable = true,
      .summary = "a file that does not end with a line break",
      .what =
          "Reports a non-empty file whose last line has no line break after it, at the end of "
          "that line. The fix appends a line break of the kind the file uses (LF, or CRLF in "
          "a CRLF file). An empty file is fine.",
      .why =
          "POSIX tools treat a last line without a line break as incomplete: `cat` runs it "
          "into the next output, and every diff that appends to the file shows the old last "
          "line as changed (`\\ No newline at end of file`).",
      .bad = "---\ntitle: My post\n---\n\nThe last line.",
      .good = "---\ntitle: My post\n---\n\nThe last line.\n",
  };

  static core::Expected<TextFinalNewline> create(const Options&) { return TextFinalNewline{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    std::string_view text = article.document.text();
    if (text.empty() || text.back() == '\n' || text.back() == '\r') return;
    std::string ending = article.document.line_ending() == core::LineEnding::crlf ? "\r\n" : "\n";
    core::ByteSpan end{text.size(), text.size()};
    sink.report(end, "file does not end with a line break",
                core::Fix{"add a line break at the end",
                          core::FixSafety::safe,
                          {core::Edit{end, std::move(ending)}}});
  }
};

}  // namespace

RuleEntry text_final_newline() { return {TextFinalNewline::meta, make_rule<TextFinalNewline>}; }

}  // namespace contentlint::rules
