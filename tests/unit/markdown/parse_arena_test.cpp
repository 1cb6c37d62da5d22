#include "markdown/parse_arena.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <string>

#include "core/document.hpp"
#include "markdown/facts.hpp"

using contentlint::markdown::detail::ParseArena;

TEST_CASE("the parse arena zeroes, grows in place, moves and gives back the newest block") {
  ParseArena arena;
  cmark_mem* memory = ParseArena::memory();

  auto* zeroed = static_cast<unsigned char*>(memory->calloc(10, 8));
  CHECK(std::all_of(zeroed, zeroed + 80, [](unsigned char c) { return c == 0; }));
  std::memset(zeroed, 'a', 80);

  // The newest allocation grows where it is, keeping its bytes.
  void* grown = memory->realloc(zeroed, 200);
  CHECK(grown == zeroed);
  CHECK(static_cast<unsigned char*>(grown)[79] == 'a');

  // An older one moves, with its bytes.
  void* newer = memory->calloc(1, 16);
  void* moved = memory->realloc(grown, 400);
  CHECK(moved != grown);
  CHECK(static_cast<unsigned char*>(moved)[0] == 'a');
  CHECK(static_cast<unsigned char*>(moved)[79] == 'a');

  // Freeing the newest gives its room back; an older one waits for the arena.
  std::size_t before = arena.used();
  void* last = memory->calloc(1, 1000);
  CHECK(arena.used() > before);
  memory->free(last);
  CHECK(arena.used() == before);
  memory->free(newer);
  CHECK(arena.used() == before);

  // Allocations larger than a block get their own.
  auto* large = static_cast<unsigned char*>(memory->calloc(1, std::size_t{1} << 20));
  large[(std::size_t{1} << 20) - 1] = 'z';
  memory->free(large);
  memory->free(moved);
}

TEST_CASE("past its budget the parse arena allocates from the heap") {
  ParseArena arena(1024);
  cmark_mem* memory = ParseArena::memory();
  void* inside = memory->calloc(1, 512);
  std::size_t used = arena.used();
  void* beyond = memory->calloc(1, 4096);
  CHECK(arena.used() == used);
  beyond = memory->realloc(beyond, 8192);
  static_cast<char*>(beyond)[8191] = 'x';
  memory->free(beyond);  // a heap block: freed at once (ASan would see a leak otherwise)
  memory->free(inside);
}

TEST_CASE("parses in arenas, nested or one after another, read the same") {
  contentlint::core::Document document(
      "a.md", "# Title\n\nSome *text* with [a link](b.md#x) and ![an image](c.png).\n");
  auto links_of = [&] {
    return contentlint::markdown::extract(document, {0, document.text().size()}).links.size();
  };
  std::size_t alone = links_of();
  CHECK(alone == 2);  // the link and the image
  ParseArena outer;   // extract opens its own arena inside this one
  CHECK(links_of() == alone);
  CHECK(links_of() == alone);
  // With the block kept between parses freed, the next parse maps a new one.
  contentlint::markdown::release_parse_memory();
  CHECK(links_of() == alone);
  contentlint::markdown::release_parse_memory();
  contentlint::markdown::release_parse_memory();
}
