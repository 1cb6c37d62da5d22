/// What rules need to know about a Markdown body, extracted in one cmark parse.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/position.hpp"

namespace contentlint::markdown {

/// A link or an image. Spans index Document::text(); `span` starts at the `[` of a link
/// or the `!` of an image (found by scanning the block's source bytes, because cmark's
/// inline positions are unreliable) and ends after its closing `)` or `]`.
struct Link {
  enum class Form { inline_, reference, autolink, bare_url, html };
  Form form = Form::inline_;
  bool image = false;
  std::string destination;        // as written, after unescaping (empty for `[a]()`)
  core::ByteSpan destination_span;  // inside the parentheses; empty span at `(`+1 when empty
  std::string text;               // link text, or an image's alt text, as plain text
  core::ByteSpan text_span;       // between the brackets
  std::string title;
  std::string label;              // reference label for Form::reference
  core::ByteSpan span;
};

/// A reference definition `[label]: destination`.
struct Definition {
  std::string label;  // normalized as CommonMark matches labels (case-folded, spaces collapsed)
  std::string destination;
  core::ByteSpan span;
};

/// A reference `[text][label]` or `[label]` that has no definition (cmark leaves it text).
struct UndefinedReference {
  std::string label;
  core::ByteSpan span;
};

/// An ATX or setext heading.
struct Heading {
  int level = 1;
  std::string text;                      // plain text, without `{#id}`
  std::string anchor;                    // GitHub slug, de-duplicated with -1, -2 ...
  std::optional<std::string> custom_id;  // from `{#custom-id}`
  core::ByteSpan span;                   // the whole heading line(s)
  core::ByteSpan text_span;              // the heading's text on its line
};

/// A fenced or indented code block.
struct CodeBlock {
  bool fenced = false;
  std::string info;  // the info string after the fence (language first)
  core::ByteSpan span;
};

/// An `id="..."` or `name="..."` attribute in raw HTML: a link target like a heading.
struct HtmlAnchor {
  std::string id;
  core::ByteSpan span;
};

/// An HTML comment (suppression comments are read from these).
struct Comment {
  std::string text;  // between `<!--` and `-->`, trimmed
  core::ByteSpan span;
};

/// A run of prose that declarative rules and text checks look at, with its kind.
struct TextRun {
  enum class Scope { text, heading, link_text, alt_text };
  Scope scope = Scope::text;
  core::ByteSpan span;  // source bytes of the run (Document::slice gives its text)
};

/// Everything extracted from one body. Spans index the Document's text.
struct Body {
  std::vector<Link> links;  // links and images in source order
  std::vector<Definition> definitions;
  std::vector<UndefinedReference> undefined_references;
  std::vector<Heading> headings;
  std::vector<CodeBlock> code_blocks;
  std::vector<HtmlAnchor> html_anchors;
  std::vector<Comment> comments;
  std::vector<TextRun> text;
};

/// Parses `span` of `document` (the body after the front matter) once with cmark and
/// extracts its facts. Walks cmark's tree iteratively, so deep nesting cannot overflow.
Body extract(const core::Document& document, core::ByteSpan span);

}  // namespace contentlint::markdown
