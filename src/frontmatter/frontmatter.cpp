#include "frontmatter/frontmatter.hpp"

namespace contentlint::frontmatter {
namespace {

// A fence line: `marker` followed only by spaces or tabs.
bool is_fence(std::string_view line, std::string_view marker) {
  if (!line.starts_with(marker)) return false;
  return line.substr(marker.size()).find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace

Split split(const core::Document& document) {
  Split result;
  const core::LineIndex& lines = document.lines();
  std::string_view text = document.text();
  result.body = {0, text.size()};
  if (!is_fence(lines.line_text(1), "---")) return result;

  result.present = true;
  result.opening = lines.line_span(1);
  std::size_t yaml_begin = lines.line_count() > 1 ? lines.line_span(2).begin : text.size();
  for (std::uint32_t line = 2; line <= lines.line_count(); ++line) {
    std::string_view content = lines.line_text(line);
    if (!is_fence(content, "---") && !is_fence(content, "...")) continue;
    core::ByteSpan fence = lines.line_span(line);
    result.closed = true;
    result.closing = fence;
    result.yaml = {yaml_begin, fence.begin};
    std::size_t body_begin =
        line < lines.line_count() ? lines.line_span(line + 1).begin : text.size();
    result.body = {body_begin, text.size()};
    return result;
  }
  // Unclosed: nothing after the opening fence is taken as YAML or as Markdown.
  result.yaml = {yaml_begin, yaml_begin};
  result.body = {text.size(), text.size()};
  return result;
}

FrontMatter read(const core::Document& document) {
  FrontMatter front_matter;
  front_matter.split = split(document);
  if (!front_matter.split.closed) return front_matter;
  front_matter.yaml = parse_yaml(document, front_matter.split.yaml);
  const auto& root = front_matter.yaml.root;
  if (root && !root->is_mapping() && !root->is_null()) {
    front_matter.yaml.problems.push_back(
        {ProblemKind::syntax, root->span,
         "front matter must be a mapping of keys to values, found " +
             std::string(core::describe_type(*root))});
  }
  return front_matter;
}

}  // namespace contentlint::frontmatter
