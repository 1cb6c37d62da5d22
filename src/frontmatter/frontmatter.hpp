/// Splitting the front matter off a Markdown file and reading it into a value tree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/position.hpp"
#include "core/value.hpp"

namespace contentlint::frontmatter {

/// Where the front matter stands in a Document. Spans index Document::text().
struct Split {
  bool present = false;    // the first line is an opening `---` fence
  bool closed = false;     // ...and a closing `---` (or `...`) fence follows
  core::ByteSpan opening;  // the opening fence, without its line break
  core::ByteSpan yaml;     // the lines between the fences
  core::ByteSpan closing;  // the closing fence, without its line break
  core::ByteSpan body;     // the Markdown after the front matter (the whole text if none)
};

/// Finds the fences. An opening fence without a closing one leaves `closed` false and
/// the body empty: the file is never taken as one YAML document.
Split split(const core::Document& document);

/// Why a YAML block could not be read, or what it holds that a mapping should not.
enum class ProblemKind {
  syntax,         // yaml-cpp's parse error, or a hazard it accepts silently
  duplicate_key,  // the same key twice in one mapping
  too_complex,    // nesting too deep, alias expansion too large, input too large
};

/// One problem, at its exact place in the file.
struct Problem {
  ProblemKind kind;
  core::ByteSpan span;
  std::string message;
};

/// A YAML block read into a tree. `root` is empty when the block could not be parsed
/// or was empty; `problems` lists everything found, in source order.
struct Yaml {
  std::optional<core::Node> root;
  std::vector<Problem> problems;
};

/// Parses the YAML at `span` of `document` (the front matter, or a whole config or schema
/// file). Positions in the result are positions in the document. Never throws, never
/// loops: aliases are expanded within a budget and cycles are reported.
Yaml parse_yaml(const core::Document& document, core::ByteSpan span);

/// A Markdown file's front matter: where it stands and what it holds.
struct FrontMatter {
  Split split;
  Yaml yaml;
};

FrontMatter read(const core::Document& document);

}  // namespace contentlint::frontmatter
