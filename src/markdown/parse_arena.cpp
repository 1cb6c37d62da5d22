#include "markdown/parse_arena.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace contentlint::markdown::detail {
namespace {

// Before each allocation: its size, and whether it came from the heap (past the budget).
struct alignas(16) Header {
  std::size_t size;
  std::size_t on_heap;
};
constexpr std::size_t kHeader = sizeof(Header);
constexpr std::size_t kAlign = alignof(Header);
constexpr std::size_t kFirstBlock = std::size_t{64} << 10;
constexpr std::size_t kLargestBlock = std::size_t{4} << 20;  // also the largest one kept

constexpr std::size_t footprint(std::size_t size) {
  return kHeader + (size + kAlign - 1) / kAlign * kAlign;
}

Header* header_of(void* pointer) { return static_cast<Header*>(pointer) - 1; }

// What cmark's own allocator does when memory runs out: there is no way to unwind
// through its C frames.
[[noreturn]] void out_of_memory() {
  std::fputs("contentlint: out of memory while parsing Markdown\n", stderr);
  std::abort();
}

thread_local ParseArena* t_current = nullptr;

// The largest block of this thread's last parse, for the next one.
struct SpareBlock {
  std::unique_ptr<std::byte[]> bytes;
  std::size_t size = 0;
};
thread_local SpareBlock t_spare;

}  // namespace

void ParseArena::release_spare() { t_spare = {}; }

ParseArena::ParseArena(std::size_t budget) : outer_(t_current), budget_(budget) {
  t_current = this;
}

ParseArena::~ParseArena() {
  t_current = outer_;
  auto largest = std::max_element(blocks_.begin(), blocks_.end(),
                                  [](const Block& a, const Block& b) { return a.size < b.size; });
  if (largest != blocks_.end() && largest->size <= kLargestBlock && largest->size > t_spare.size) {
    t_spare = {std::move(largest->bytes), largest->size};
  }
}

cmark_mem* ParseArena::memory() {
  static cmark_mem memory{cmark_calloc, cmark_realloc, cmark_free};
  return &memory;
}

bool ParseArena::is_last(const std::byte* allocation) const {
  return allocation != nullptr && allocation == last_;
}

void* ParseArena::allocate(std::size_t size) {
  const std::size_t need = footprint(size);
  if (size > budget_ || total_ + need > budget_) {
    auto* header = static_cast<Header*>(std::malloc(kHeader + size));
    if (header == nullptr) out_of_memory();
    *header = {size, 1};
    return header + 1;
  }
  if (blocks_.empty() || blocks_.back().size - blocks_.back().used < need) {
    std::size_t next =
        blocks_.empty() ? kFirstBlock : std::min(blocks_.back().size * 2, kLargestBlock);
    next = std::max(next, need);
    if (t_spare.bytes && t_spare.size >= next) {
      blocks_.push_back({std::move(t_spare.bytes), t_spare.size, 0});
      t_spare = {};
    } else {
      std::unique_ptr<std::byte[]> bytes(new (std::nothrow) std::byte[next]);
      if (!bytes) out_of_memory();
      blocks_.push_back({std::move(bytes), next, 0});
    }
  }
  Block& block = blocks_.back();
  std::byte* at = block.bytes.get() + block.used;
  block.used += need;
  total_ += need;
  *reinterpret_cast<Header*>(at) = {size, 0};
  last_ = at;
  return at + kHeader;
}

void* ParseArena::reallocate(void* pointer, std::size_t size) {
  if (pointer == nullptr) return allocate(size);
  Header* header = header_of(pointer);
  if (header->on_heap != 0) {
    auto* moved = static_cast<Header*>(std::realloc(header, kHeader + size));
    if (moved == nullptr) out_of_memory();
    moved->size = size;
    return moved + 1;
  }
  // A buffer that grows right after it was made (most do) grows where it is.
  if (is_last(reinterpret_cast<std::byte*>(header))) {
    Block& block = blocks_.back();
    const std::size_t before = footprint(header->size);
    const std::size_t after = footprint(size);
    if (block.used - before + after <= block.size && total_ - before + after <= budget_) {
      block.used = block.used - before + after;
      total_ = total_ - before + after;
      header->size = size;
      return pointer;
    }
  }
  void* moved = allocate(size);
  std::memcpy(moved, pointer, std::min(header->size, size));
  release(pointer);
  return moved;
}

void ParseArena::release(void* pointer) {
  if (pointer == nullptr) return;
  Header* header = header_of(pointer);
  if (header->on_heap != 0) {
    std::free(header);
    return;
  }
  // The newest allocation gives its room back; any other waits for the arena to go.
  if (is_last(reinterpret_cast<std::byte*>(header))) {
    const std::size_t size = footprint(header->size);
    blocks_.back().used -= size;
    total_ -= size;
    last_ = nullptr;
  }
}

void* ParseArena::cmark_calloc(std::size_t count, std::size_t size) {
  if (size != 0 && count > SIZE_MAX / size) out_of_memory();
  void* pointer = t_current->allocate(count * size);
  std::memset(pointer, 0, count * size);
  return pointer;
}

void* ParseArena::cmark_realloc(void* pointer, std::size_t size) {
  return t_current->reallocate(pointer, size);
}

void ParseArena::cmark_free(void* pointer) { t_current->release(pointer); }

}  // namespace contentlint::markdown::detail
