// Fuzz target: the libyaml reader against the yaml-cpp reader. Whenever libyaml reads a
// block, its tree and problems must equal yaml-cpp's exactly (kinds, styles, tags, texts,
// spans, positions); both the front matter and the whole input are read, as files are.
#include <fmt/format.h>

#include "frontmatter/frontmatter.hpp"
#include "frontmatter/tree_builder.hpp"
#include "fuzz_common.hpp"

using namespace contentlint;

namespace {

// Every field of every node, one line each; walked without recursion.
std::string dump(const frontmatter::Yaml& yaml) {
  std::string out;
  std::vector<std::pair<const core::Node*, int>> stack;
  if (yaml.root) stack.emplace_back(&*yaml.root, 0);
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    out += fmt::format("{:{}}{} {} tag={} text={:?} span={}-{} at={}:{}\n", "", depth * 2,
                       static_cast<int>(node->kind), static_cast<int>(node->style), node->tag,
                       node->text, node->span.begin, node->span.end, node->position.line,
                       node->position.column);
    for (auto it = node->items.rbegin(); it != node->items.rend(); ++it) {
      stack.emplace_back(&*it, depth + 1);
    }
    for (auto it = node->entries.rbegin(); it != node->entries.rend(); ++it) {
      stack.emplace_back(&it->value, depth + 2);
      stack.emplace_back(&it->key, depth + 1);
    }
  }
  for (const frontmatter::Problem& problem : yaml.problems) {
    out += fmt::format("problem {} {}-{} {}\n", static_cast<int>(problem.kind), problem.span.begin,
                       problem.span.end, problem.message);
  }
  return out;
}

void compare(const core::Document& document, core::ByteSpan span) {
  auto fast = frontmatter::detail::parse_with_libyaml(document, span);
  if (!fast) return;
  frontmatter::Yaml slow = frontmatter::detail::parse_with_yaml_cpp(document, span);
  std::string fast_dump = dump(*fast);
  std::string slow_dump = dump(slow);
  if (fast->root.has_value() != slow.root.has_value() || fast_dump != slow_dump) {
    std::fprintf(stderr, "libyaml:\n%s\nyaml-cpp:\n%s\n", fast_dump.c_str(), slow_dump.c_str());
    FUZZ_CHECK(fast_dump == slow_dump);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  core::Document document("fuzz.md", fuzz::bytes(data, size));
  frontmatter::Split split = frontmatter::split(document);
  if (split.closed) compare(document, split.yaml);
  compare(document, {0, document.text().size()});
  return 0;
}
