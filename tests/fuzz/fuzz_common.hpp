/// Invariants every fuzz target checks, with abort() so that they hold under NDEBUG too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "core/diagnostic.hpp"
#include "core/document.hpp"
#include "core/position.hpp"
#include "core/value.hpp"

// Both libFuzzer and tests/fuzz/replay_main.cpp call this, once per input.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#define FUZZ_CHECK(condition) \
  ((condition) ? (void)0 : ::contentlint::fuzz::fail(#condition, __FILE__, __LINE__))

namespace contentlint::fuzz {

[[noreturn]] inline void fail(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, condition);
  std::abort();
}

inline std::string bytes(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// A span that lies inside a text of `size` bytes, ends after it begins.
inline void check_span(core::ByteSpan span, std::size_t size) {
  FUZZ_CHECK(span.begin <= span.end);
  FUZZ_CHECK(span.end <= size);
}

/// A span that lies inside `outer`.
inline void check_inside(core::ByteSpan span, core::ByteSpan outer) {
  FUZZ_CHECK(span.begin <= span.end);
  FUZZ_CHECK(span.begin >= outer.begin);
  FUZZ_CHECK(span.end <= outer.end);
}

/// Every diagnostic of a file lies inside it: its span, its range (which must be the span's
/// range), and the edits of its fix.
inline void check_diagnostics(const core::Document& document,
                              const std::vector<core::Diagnostic>& diagnostics) {
  const std::size_t size = document.text().size();
  for (const core::Diagnostic& diagnostic : diagnostics) {
    FUZZ_CHECK(!diagnostic.rule.empty());
    FUZZ_CHECK(!diagnostic.message.empty());
    check_span(diagnostic.span, size);
    FUZZ_CHECK(diagnostic.range == document.range(diagnostic.span));
    FUZZ_CHECK(diagnostic.range.begin <= diagnostic.range.end);
    FUZZ_CHECK(diagnostic.range.end.line <= document.lines().line_count());
    if (!diagnostic.fix) continue;
    for (const core::Edit& edit : diagnostic.fix->edits) check_span(edit.span, size);
  }
}

/// Every node of a value tree (walked without recursion) lies inside `block` (the YAML it
/// was read from), and its position is that of its first byte. Scalars are resolved, so
/// that the core-schema number parsing runs on every one.
inline void check_tree(const core::Document& document, const core::Node& root,
                       core::ByteSpan block) {
  std::vector<const core::Node*> stack{&root};
  while (!stack.empty()) {
    const core::Node* node = stack.back();
    stack.pop_back();
    check_inside(node->span, block);
    FUZZ_CHECK(node->position == document.position(node->span.begin));
    if (node->is_scalar()) {
      (void)node->scalar_type();
      (void)node->as_bool();
      (void)node->as_integer();
      (void)node->as_number();
    }
    (void)core::describe_type(*node);
    for (const core::Node& item : node->items) stack.push_back(&item);
    for (const core::Entry& entry : node->entries) {
      stack.push_back(&entry.key);
      stack.push_back(&entry.value);
    }
  }
}

/// A folder of this process's own under the temporary directory, for targets whose entry
/// point reads files (configs); removed when the process exits normally.
class ScratchDir {
 public:
  ScratchDir()
      : path_(std::filesystem::temp_directory_path() /
              ("contentlint-fuzz-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline const std::filesystem::path& scratch_dir() {
  static const ScratchDir dir;
  return dir.path();
}

}  // namespace contentlint::fuzz
