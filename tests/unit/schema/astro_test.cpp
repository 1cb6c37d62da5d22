// A schema as Astro writes it to .astro/collections/<name>.schema.json (draft-07, via
// zod-to-json-schema), against the running example's front matter.
#include "schema_helpers.hpp"

using namespace contentlint::schema::testing;

namespace {

// Written by hand the way Astro 4 writes it (zod-to-json-schema, draft-07 target).
std::shared_ptr<const contentlint::schema::Schema> astro_schema() {
  auto schema = contentlint::schema::Schema::load(CONTENTLINT_TESTS_DIR
                                                  "/fixtures/schema/astro/posts.schema.json",
                                                  ".astro/collections/posts.schema.json");
  INFO((schema ? std::string() : schema.error().to_string()));
  REQUIRE(schema.ok());
  return *schema;
}

}  // namespace

TEST_CASE("astro: the running example validates") {
  auto schema = astro_schema();
  CHECK(check(*schema, R"(pubDate: 2024-03-11
author: Clan Six of Cohort 3
title: How to get a job in DevRel
description: DevRel is one of the fast-rising career paths ...
image:
  url: ''
  alt: 'DXM 3.0 Announcement'
tags: ['cohort3', 'clan-six', 'article', 'task']
)") == Lines{});
}

TEST_CASE("astro: z.date() takes a date-time, a date or a Unix timestamp") {
  auto schema = astro_schema();
  std::string rest = "author: A\ntitle: T\ndescription: D\nimage: {url: u, alt: a}\ntags: []\n";
  CHECK(check(*schema, "pubDate: 2024-03-11T10:00:00Z\n" + rest) == Lines{});
  CHECK(check(*schema, "pubDate: '2024-03-11'\n" + rest) == Lines{});
  CHECK(check(*schema, "pubDate: 1710151200\n" + rest) == Lines{});
  CHECK(check(*schema, "pubDate: 11/03/2024\n" + rest) ==
        Lines{"2:10 'pubDate': expected one of: a date-time, a date, a Unix timestamp, found "
              "'11/03/2024'"});
  CHECK(check(*schema, "pubDate: 2024-02-30\n" + rest) ==
        Lines{"2:10 'pubDate': expected one of: a date-time, a date, a Unix timestamp, found "
              "'2024-02-30'"});
  CHECK(check(*schema, "pubDate: true\n" + rest) ==
        Lines{"2:10 'pubDate': expected one of: a date-time, a date, a Unix timestamp, found a "
              "boolean"});
}

TEST_CASE("astro: a broken article gets every violation, in order") {
  auto schema = astro_schema();
  CHECK(check(*schema, R"($schema: ../../.astro/collections/posts.schema.json
pubdate: 2024-03-11
author: [Clan Six]
title: How to get a job in DevRel
image:
  src: a.png
  alt: 3
tags: ['cohort3', 2]
draft: 'no'
)") == Lines{
           "1:1 missing required field 'description'",
           "3:1 missing required field 'pubDate' (found 'pubdate': a misspelling?)",
           "4:9 'author': expected a string, found a list",
           "6:1 missing required field 'image.url'",
           "7:3 unknown field 'image.src'",
           "8:8 'image.alt': expected a string, found an integer",
           "9:19 'tags[1]': expected a string, found an integer",
           "10:8 'draft': expected a boolean, found a string",
       });
}
