// The running example of DESIGN.md against a YAML schema with a sibling-file $ref.
#include "schema_helpers.hpp"

using namespace contentlint::schema::testing;

namespace {

std::shared_ptr<const contentlint::schema::Schema> post_schema() {
  auto schema = contentlint::schema::Schema::load(
      CONTENTLINT_TESTS_DIR "/fixtures/schema/post.schema.yaml", "schemas/post.schema.yaml");
  INFO((schema ? std::string() : schema.error().to_string()));
  REQUIRE(schema.ok());
  return *schema;
}

}  // namespace

TEST_CASE("running example: the article as submitted holds the schema") {
  // The empty image URL is image/empty-url's business, not the schema's.
  CHECK(check(*post_schema(), R"(pubDate: 2024-03-11
author: Clan Six of Cohort 3
title: How to get a job in DevRel
description: DevRel is one of the fast-rising career paths ...
image:
  url: ''
  alt: 'DXM 3.0 Announcement'
tags: ['cohort3', 'clan-six', 'article', 'task']
)") == Lines{});
}

TEST_CASE("running example: a mentee's mistakes, each at its place") {
  CHECK(check(*post_schema(), R"(pubdate: 11/03/2024
author: Clan Six of Cohort 3
title: How to get a job in DevRel
description: ''
summary: old
level: expert
image:
  url: 'a b.png'
  alt:
tags: ['cohort3', 'Clan Six', 'article', 'cohort3']
)") == Lines{
           "2:1 missing required field 'pubDate' (found 'pubdate': a misspelling?)",
           "5:14 'description': expected at least 1 character, found an empty string",
           "6:1 'summary' is deprecated",
           "7:8 'level': expected one of 'beginner', 'intermediate', 'advanced', found 'expert'",
           "9:8 'image.url': expected a URI reference like /blog/my-post, found 'a b.png'",
           "10:3 'image.alt': expected a string, found nothing (null)",
           "11:19 'tags[1]': expected a string matching '^[a-z0-9]+(-[a-z0-9]+)*$', found 'Clan "
           "Six'",
           "11:42 'tags[3]': expected unique items, found a duplicate of 'tags[0]'",
       });
}
