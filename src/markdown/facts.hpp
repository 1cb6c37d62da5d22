/// What rules need to know about a Markdown body, extracted in one cmark parse.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/position.hpp"
#include "markdown/complexity.hpp"

namespace contentlint::markdown {

/// A link or an image. Spans index Document::text(). cmark's inline source positions are
/// unreliable (wrong on lazy continuation lines, after hard breaks, after reference
/// definitions), so every span here is found by scanning the block's source bytes.
struct Link {
  /// How the link is written: `[a](b)`, `[a][b]`/`[a][]`/`[a]`, `<https://b>`,
  /// a bare `https://b` in prose, or an `<a href>`/`<img src>` in raw HTML.
  enum class Form { inline_, reference, autolink, bare_url, html };
  Form form = Form::inline_;
  bool image = false;
  /// As written, after backslash-unescaping and entity decoding (percent-encoding is left
  /// alone); for a reference, the destination of the definition cmark resolved; an e-mail
  /// autolink `<me@x.org>` has "mailto:me@x.org".
  std::string destination;
  /// inline_: inside the parentheses (inside `<...>` when angle-bracketed; for `[a]()` an
  /// empty span right after `(`). reference: the label that names the definition (see
  /// `label_span`). autolink: inside `<...>`. bare_url: the URL. html: the attribute value.
  core::ByteSpan destination_span;
  /// Plain text of the link text or an image's alt text (code span text kept, emphasis
  /// markers dropped, nested image alt text kept); an `<img>`'s alt attribute; "" for `<a>`.
  std::string text;
  core::ByteSpan text_span;  // between the brackets (an `<img>`: its alt attribute value)
  std::string title;
  /// reference: the label as written (the text itself for `[a][]` and `[a]`); compare
  /// labels with normalize_label.
  std::string label;
  core::ByteSpan label_span;  // reference only: where `label` is written
  /// reference: index into Body::definitions of the definition it resolved to.
  std::optional<std::size_t> definition;
  /// From the `[` of a link or the `!` of an image to after its closing `)` or `]`;
  /// an autolink's `<...>`; a bare URL; the whole HTML tag.
  core::ByteSpan span;
};

/// A reference definition `[label]: destination "title"`.
struct Definition {
  std::string label;        // normalized (normalize_label): case-folded, whitespace collapsed
  std::string destination;  // unescaped and entity-decoded, like Link::destination
  core::ByteSpan destination_span;  // inside `<...>` when angle-bracketed
  core::ByteSpan span;              // from `[` to the end of the destination or title
};

/// A full `[text][label]` or collapsed `[label][]` reference whose label has no
/// definition, which cmark leaves as plain text. A shortcut `[label]` alone is never
/// reported: task lists and prose use brackets too often.
struct UndefinedReference {
  std::string label;          // as written
  core::ByteSpan label_span;  // where the label is written
  core::ByteSpan span;        // from `[` (or the `!` of an image) to the last `]`
};

/// An ATX or setext heading.
struct Heading {
  int level = 1;
  bool setext = false;
  /// Plain text: code span text kept, emphasis markers dropped, link text kept, image
  /// alt text and raw HTML dropped, line breaks as spaces; without a trailing `{#id}`.
  std::string text;
  /// GitHub slug of the text, de-duplicated in document order (`intro`, `intro-1`, ...);
  /// computed even when a custom id is given (anchors may name either).
  std::string anchor;
  std::optional<std::string> custom_id;  // from `{#custom-id}` ending an ATX heading
  core::ByteSpan span;                   // the whole heading line(s), underline included
  /// The text as written: after `## `, before closing `#`s and `{#id}`; a setext
  /// heading's text lines without the underline.
  core::ByteSpan text_span;
};

/// A fenced or indented code block.
struct CodeBlock {
  bool fenced = false;
  std::string info;     // the info string after the fence (language first), unescaped
  core::ByteSpan span;  // first line (the opening fence) to the end of the last line
};

/// An `id="..."` attribute of any tag, or the `name="..."` of an `<a>`, in raw HTML:
/// a link target like a heading.
struct HtmlAnchor {
  std::string id;       // entity-decoded
  core::ByteSpan span;  // the attribute value, inside the quotes
};

/// An HTML comment in an HTML block or inline HTML (suppression comments are read from
/// these).
struct Comment {
  std::string text;     // between `<!--` and `-->`, trimmed
  core::ByteSpan span;  // from `<!--` to after `-->`
};

/// A run of prose that declarative rules and text checks look at, with its kind.
struct TextRun {
  /// The innermost context of the run: paragraph text, heading text, link text, or an
  /// image's alt text.
  enum class Scope { text, heading, link_text, alt_text };
  Scope scope = Scope::text;
  /// Source bytes of the run (Document::slice gives its text, escapes and entities as
  /// written). Adjacent text of one line is one run; code spans, emphasis markers,
  /// raw HTML and line breaks end a run.
  core::ByteSpan span;
};

/// Everything extracted from one body, each list in source order. Spans index the
/// Document's text; the Document must outlive any use of them.
struct Body {
  std::vector<Link> links;  // links and images
  std::vector<Definition> definitions;
  std::vector<UndefinedReference> undefined_references;
  std::vector<Heading> headings;
  std::vector<CodeBlock> code_blocks;
  std::vector<HtmlAnchor> html_anchors;
  std::vector<Comment> comments;
  std::vector<TextRun> text;
  /// Set when the body was too complex to hand to cmark (see complexity.hpp); every
  /// list above is then empty.
  std::optional<TooComplex> too_complex;
};

/// Parses `span` of `document` (the body after the front matter) once with cmark and
/// extracts its facts. Walks cmark's tree iteratively and scans each block's bytes once
/// with a forward cursor, so deep nesting cannot overflow and time stays linear. A body
/// that find_too_complex refuses is not parsed: only `too_complex` is set.
Body extract(const core::Document& document, core::ByteSpan span);

/// Frees the memory the calling thread keeps from one parse for its next (half a
/// megabyte for a long post): for a thread that parses nothing more.
void release_parse_memory();

/// A reference label as CommonMark matches it: trimmed, inner whitespace collapsed to
/// one space, Unicode case-folded. `[Foo  Bar]` and `[foo bar]` name the same definition.
std::string normalize_label(std::string_view label);

}  // namespace contentlint::markdown
