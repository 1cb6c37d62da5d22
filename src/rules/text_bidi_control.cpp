#include <fmt/format.h>

#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

// The explicit embedding, override and isolate controls of Trojan Source
// (CVE-2021-42574). The implicit marks (U+200E, U+200F, U+061C) are left alone: right-to-left
// prose uses them, and they cannot reorder text on their own.
struct BidiControl {
  char32_t code_point;
  std::string_view name;
};
constexpr BidiControl kControls[] = {
    {0x202A, "LEFT-TO-RIGHT EMBEDDING"},    {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
    {0x202C, "POP DIRECTIONAL FORMATTING"}, {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
    {0x202E, "RIGHT-TO-LEFT OVERRIDE"},     {0x2066, "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, "RIGHT-TO-LEFT ISOLATE"},      {0x2068, "FIRST STRONG ISOLATE"},
    {0x2069, "POP DIRECTIONAL ISOLATE"},
};

// The control encoded at `at` (three UTF-8 bytes E2 80 AA..AE or E2 81 A6..A9), if any.
const BidiControl* control_at(std::string_view text, std::size_t at) {
  if (at + 2 >= text.size() || text[at] != '\xE2') return nullptr;
  auto second = static_cast<unsigned char>(text[at + 1]);
  auto third = static_cast<unsigned char>(text[at + 2]);
  char32_t code_point = 0x2000 + ((second & 0x3F) << 6) + (third & 0x3F);
  if (second != 0x80 && second != 0x81) return nullptr;
  for (const BidiControl& control : kControls) {
    if (control.code_point == code_point) return &control;
  }
  return nullptr;
}

class TextBidiControl final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "text/bidi-control",
      .default_severity = core::Severity::warning,
      .summary = "a Unicode bidirectional control character (Trojan Source)",
      .what =
          "Reports each bidirectional embedding, override or isolate control (U+202A to "
          "U+202E, U+2066 to U+2069) anywhere in the file: prose, code blocks, front matter. "
          "The implicit direction marks U+200E, U+200F and U+061C are allowed.",
      .why =
          "These invisible characters reorder how text is displayed, so a reviewer can read a "
          "code sample, a command or a link differently from what the file says (Trojan "
          "Source, CVE-2021-42574). Right-to-left prose does not need them.",
      .bad = "Run `rm -rf ./build \\u202E` # safe\n",
      .good = "Run `rm -rf ./build` # safe\n",
  };

  static core::Expected<TextBidiControl> create(const Options&) { return TextBidiControl{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    std::string_view text = article.document.text();
    for (std::size_t at = text.find('\xE2'); at != std::string_view::npos;
         at = text.find('\xE2', at + 1)) {
      if (const BidiControl* control = control_at(text, at)) {
        sink.report({at, at + 3},
                    fmt::format("bidirectional control character U+{:04X} ({}) can make the "
                                "text display differently from how it reads; remove it",
                                static_cast<std::uint32_t>(control->code_point), control->name));
      }
    }
  }
};

}  // namespace

RuleEntry text_bidi_control() { return {TextBidiControl::meta, make_rule<TextBidiControl>}; }

}  // namespace contentlint::rules
