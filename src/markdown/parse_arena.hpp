/// Memory for cmark's parse of one document (internal to markdown/).
#pragma once

#include <cmark.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace contentlint::markdown::detail {

/// A bump allocator that cmark parses into. cmark allocates each node and grows each
/// buffer through calloc and realloc, some five hundred times for a blog post, and frees
/// them one by one when the tree goes: that was a fifth of a run (bench/README.md). Here
/// an allocation is a pointer bump and the whole parse is dropped at once.
///
/// One arena is current per thread while it lives (cmark_mem carries no context); arenas
/// nest. The largest block is kept for the thread's next parse, so a run's later files
/// reuse memory that is already mapped. Past kBudget bytes in one parse, allocations go
/// to the heap and are freed one by one again, so a hostile document that allocates and
/// frees without end cannot make the arena grow without end.
class ParseArena {
 public:
  static constexpr std::size_t kBudget = std::size_t{64} << 20;

  explicit ParseArena(std::size_t budget = kBudget);
  ~ParseArena();
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;

  /// The allocator to give cmark_parser_new_with_mem: allocates in the current arena.
  static cmark_mem* memory();

  /// Frees the block the calling thread keeps for its next parse.
  static void release_spare();

  /// Bytes the arena holds for live allocations (what went to the heap is not counted).
  std::size_t used() const { return total_; }

 private:
  struct Block {
    std::unique_ptr<std::byte[]> bytes;
    std::size_t size = 0;
    std::size_t used = 0;
  };

  void* allocate(std::size_t size);
  void* reallocate(void* pointer, std::size_t size);
  void release(void* pointer);
  bool is_last(const std::byte* allocation) const;

  static void* cmark_calloc(std::size_t count, std::size_t size);
  static void* cmark_realloc(void* pointer, std::size_t size);
  static void cmark_free(void* pointer);

  ParseArena* outer_;
  std::size_t budget_;
  std::vector<Block> blocks_;
  std::size_t total_ = 0;
  const std::byte* last_ = nullptr;  // the newest allocation's header, for in-place growth
};

}  // namespace contentlint::markdown::detail
