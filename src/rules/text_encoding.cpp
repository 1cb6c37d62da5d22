#include "core/utf8.hpp"
#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

class TextEncoding final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "text/encoding",
      .default_severity = core::Severity::error,
      .summary = "bytes that are not valid UTF-8",
      .what =
          "Reports the first byte of the file that is not part of valid UTF-8 (a file saved as "
          "Latin-1 or Windows-1252, a truncated multi-byte character, a stray binary byte).",
      .why =
          "Site builders read Markdown as UTF-8: invalid bytes become replacement characters "
          "(�) on the page, or stop the build.",
      .bad = "Caf\\xE9 au lait (saved as Latin-1)\n",
      .good = "Café au lait (saved as UTF-8)\n",
  };

  static core::Expected<TextEncoding> create(const Options&) { return TextEncoding{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    std::string_view text = article.document.text();
    if (auto bad = core::find_invalid_utf8(text)) {
      auto byte = static_cast<unsigned char>(text[*bad]);
      static constexpr char kHex[] = "0123456789ABCDEF";
      std::string hex{kHex[byte >> 4], kHex[byte & 0xF]};
      sink.report({*bad, *bad + 1}, "invalid UTF-8 (byte 0x" + hex + "); save the file as UTF-8");
    }
  }
};

}  // namespace

RuleEntry text_encoding() { return {TextEncoding::meta, make_rule<TextEncoding>}; }

}  // namespace contentlint::rules
