#include "core/utf8.hpp"
#include "markdown/encoding.hpp"
#include "rules/catalog.hpp"

namespace contentlint::rules {
namespace {

std::string hex_byte(unsigned char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return {kHex[byte >> 4], kHex[byte & 0xF]};
}

class TextEncoding final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "text/encoding",
      .default_severity = core::Severity::error,
      .summary = "bytes that are not valid UTF-8, NUL bytes, a UTF-16 file",
      .what =
          "Reports the first byte of the file that is not part of valid UTF-8 (a file saved as "
          "Latin-1 or Windows-1252, a truncated multi-byte character, a stray binary byte), the "
          "first NUL byte, and a file saved as UTF-16 (it starts with a UTF-16 byte-order "
          "mark). A UTF-16 or binary file (a NUL byte in its first 8000 bytes, git's test) gets "
          "only this diagnostic: no other rule reads it.",
      .why =
          "Site builders read Markdown as UTF-8: invalid bytes become replacement characters "
          "(�) on the page, or stop the build. A UTF-16 or binary file is not Markdown text at "
          "all, and a NUL byte ends strings in many tools.",
      .bad = "Caf\\xE9 au lait (saved as Latin-1)\n",
      .good = "Café au lait (saved as UTF-8)\n",
  };

  static core::Expected<TextEncoding> create(const Options&) { return TextEncoding{}; }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    std::string_view text = article.document.text();
    if (markdown::sniff_not_text(text) == markdown::NotText::utf16) {
      sink.report({0, 2}, "UTF-16 is not supported; save the file as UTF-8");
      return;
    }
    if (auto bad = core::find_invalid_utf8(text)) {
      sink.report({*bad, *bad + 1}, "invalid UTF-8 (byte 0x" +
                                        hex_byte(static_cast<unsigned char>(text[*bad])) +
                                        "); save the file as UTF-8");
    }
    if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
      sink.report({nul, nul + 1},
                  nul < markdown::kBinarySniffBytes
                      ? "NUL byte (0x00): this looks like a binary file, not Markdown text"
                      : "NUL byte (0x00) in the text; remove it");
    }
  }
};

}  // namespace

RuleEntry text_encoding() { return {TextEncoding::meta, make_rule<TextEncoding>}; }

}  // namespace contentlint::rules
