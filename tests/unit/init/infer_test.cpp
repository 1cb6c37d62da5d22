#include "init/infer.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "schema/schema.hpp"

namespace contentlint::init {
namespace {

using testing::body_of;
using testing::Samples;

// The violations of every sample under the inferred schema, as "file: path: message".
std::vector<std::string> violations(const Samples& samples, const Inference& inference) {
  core::Document document("schema.yaml", emit(inference.schema));
  frontmatter::Yaml yaml = frontmatter::parse_yaml(document, {0, document.text().size()});
  REQUIRE(yaml.problems.empty());
  auto schema = schema::Schema::load_from_node(*yaml.root, "schema.yaml", "schema.yaml");
  REQUIRE(schema.ok());
  std::vector<std::string> out;
  for (const Sample& sample : samples.samples()) {
    for (const schema::Violation& v : (*schema)->validate(*sample.root, {0, 0})) {
      out.push_back(sample.path + ": " + v.message);
    }
  }
  return out;
}

TEST_CASE("types and required come from every file") {
  Samples samples({"title: A\ncount: 3\ndraft: false\n", "title: B\ncount: 4\n",
                   "title: C\ncount: 5\nscore: 1.5\n"});
  Inference inference = infer_schema(samples.samples(), "posts");
  CHECK(emit(inference.schema) ==
        "$schema: \"https://json-schema.org/draft/2020-12/schema\"\n"
        "title: posts\n"
        "type: object\n"
        "required: [count, title]\n"
        "additionalProperties: false\n"
        "properties:\n"
        "  count:\n"
        "    type: integer\n"
        "  draft:\n"
        "    type: boolean\n"
        "  score:\n"
        "    type: number\n"
        "  title:\n"
        "    type: string\n");
  CHECK(inference.defects.empty());
  CHECK(inference.candidates.empty());
  CHECK(violations(samples, inference).empty());
}

TEST_CASE("integers and floats in one field are numbers; nulls are allowed") {
  Samples samples({"n: 1\nu:\n", "n: 2.5\nu: x\n"});
  Inference inference = infer_schema(samples.samples(), "t");
  CHECK(body_of(inference) ==
        "type: object\n"
        "required: [\"n\", u]\n"
        "additionalProperties: false\n"
        "properties:\n"
        "  \"n\":\n"
        "    type: number\n"
        "  u:\n"
        "    type: [string, \"null\"]\n");
  CHECK(violations(samples, inference).empty());
}

TEST_CASE("formats are inferred only when every value fits") {
  Samples samples(
      {"d: 2024-03-11\nt: 2024-03-11T10:00:00Z\nm: 2024-03-11\nu: https://a.example\n"
       "x: /assets/a.png\n",
       "d: 2024-04-01\nt: 2024-04-01T08:30:00+02:00\nm: 2024-04-01T08:30:00Z\n"
       "u: http://b.example/page\nx: https://c.example\n"});
  Inference inference = infer_schema(samples.samples(), "t");
  CHECK(body_of(inference) ==
        "type: object\n"
        "required: [d, m, t, u, x]\n"
        "additionalProperties: false\n"
        "properties:\n"
        "  d:\n"
        "    type: string\n"
        "    format: date\n"
        "  m:\n"
        "    type: string\n"
        "    anyOf:\n"
        "      - format: date\n"
        "      - format: date-time\n"
        "  t:\n"
        "    type: string\n"
        "    format: date-time\n"
        "  u:\n"
        "    type: string\n"
        "    format: uri\n"
        "  x:\n"
        "    type: string\n");
  CHECK(violations(samples, inference).empty());
}

TEST_CASE("enum for a small closed vocabulary, at the thresholds") {
  SECTION("5 values, 2 distinct: an enum") {
    Samples samples({"c: a\n", "c: b\n", "c: a\n", "c: b\n", "c: a\n"});
    Inference inference = infer_schema(samples.samples(), "t");
    CHECK(body_of(inference).ends_with("  c:\n    type: string\n    enum: [a, b]\n"));
    CHECK(violations(samples, inference).empty());
  }
  SECTION("4 values: too few to tell") {
    Samples samples({"c: a\n", "c: b\n", "c: a\n", "c: b\n"});
    CHECK(body_of(infer_schema(samples.samples(), "t")).ends_with("  c:\n    type: string\n"));
  }
  SECTION("6 values, 4 distinct: not seen twice on average") {
    Samples samples({"c: a\n", "c: b\n", "c: c\n", "c: d\n", "c: a\n", "c: b\n"});
    CHECK(body_of(infer_schema(samples.samples(), "t")).ends_with("  c:\n    type: string\n"));
  }
  SECTION("thresholds are options") {
    Samples samples({"c: a\n", "c: b\n", "c: a\n", "c: b\n"});
    InferOptions options;
    options.enum_min_values = 4;
    CHECK(body_of(infer_schema(samples.samples(), "t", options)).ends_with("    enum: [a, b]\n"));
  }
}

TEST_CASE("a value outside an otherwise closed set is a candidate, not enforced") {
  std::vector<std::string> yamls;
  for (int i = 0; i < 10; ++i) yamls.push_back(i % 2 == 0 ? "c: article\n" : "c: news\n");
  yamls.push_back("c: artcle\n");
  Samples samples(yamls);
  Inference inference = infer_schema(samples.samples(), "t");
  CHECK(body_of(inference).ends_with("  c:\n    type: string\n"));
  REQUIRE(inference.candidates.size() == 1);
  CHECK(inference.candidates[0] ==
        Note{"'c' is one of 'article', 'news' in 10 of 11 values; not: 'artcle'", {"k.md"}});
  CHECK(violations(samples, inference).empty());
}

TEST_CASE("a key in most but not all files is a candidate for required") {
  Samples samples({"a: 1\nb: x\n", "a: 2\nb: x\n", "a: 3\nb: y\n", "a: 4\nb: y\n", "a: 5\n"});
  Inference inference = infer_schema(samples.samples(), "t");
  CHECK(body_of(inference).starts_with("type: object\nrequired: [a]\n"));
  REQUIRE(inference.candidates.size() == 1);
  CHECK(inference.candidates[0] ==
        Note{"'b' is in 4 of 5 files; add it to `required` to demand it", {"e.md"}});
  CHECK(violations(samples, inference).empty());
}

TEST_CASE("a date format that one value misses is a candidate") {
  Samples samples({"d: 2024-01-01\n", "d: 2024-01-02\n", "d: 2024-01-03\n", "d: 2024-01-04\n",
                   "d: 11/04/2024\n"});
  Inference inference = infer_schema(samples.samples(), "t");
  CHECK(body_of(inference).ends_with("  d:\n    type: string\n"));
  REQUIRE(inference.candidates.size() == 1);
  CHECK(inference.candidates[0] ==
        Note{"'d' is a date in 4 of 5 values; not: '11/04/2024'", {"e.md"}});
}

TEST_CASE("nested objects and lists of objects") {
  Samples samples(
      {"image: {url: /a.png, alt: A}\nlinks:\n  - {label: Blog, url: https://a.example}\n",
       "image: {url: /b.png}\nlinks: []\n"});
  Inference inference = infer_schema(samples.samples(), "t");
  CHECK(body_of(inference) ==
        "type: object\n"
        "required: [image, links]\n"
        "additionalProperties: false\n"
        "properties:\n"
        "  image:\n"
        "    type: object\n"
        "    required: [url]\n"
        "    additionalProperties: false\n"
        "    properties:\n"
        "      alt:\n"
        "        type: string\n"
        "      url:\n"
        "        type: string\n"
        "  links:\n"
        "    type: array\n"
        "    items:\n"
        "      type: object\n"
        "      required: [label, url]\n"
        "      additionalProperties: false\n"
        "      properties:\n"
        "        label:\n"
        "          type: string\n"
        "        url:\n"
        "          type: string\n"
        "          format: uri\n");
  CHECK(violations(samples, inference).empty());
}

TEST_CASE("nesting past the depth bound gets an open schema") {
  Samples samples({"a: {b: {c: {d: 1}}}\n"});
  InferOptions options;
  options.max_depth = 2;
  CHECK(body_of(infer_schema(samples.samples(), "t", options))
            .ends_with("        properties:\n          c: {}\n"));
}

TEST_CASE("real defects: a misspelt key, a lone other type, a boolean written as a string") {
  Samples samples({"pubDate: 2024-01-01\ntags: [a]\ndraft: false\n",
                   "pubDate: 2024-01-02\ntags: [b]\n", "pubDate: 2024-01-03\ntags: [a, b]\n",
                   "pubdate: 2024-01-04\ntags: b\ndraft: 'no'\n"});
  Inference inference = infer_schema(samples.samples(), "t");
  CHECK(body_of(inference) ==
        "type: object\n"
        "required: [pubDate, tags]\n"
        "additionalProperties: false\n"
        "properties:\n"
        "  draft:\n"
        "    type: boolean\n"
        "  pubDate:\n"
        "    type: string\n"
        "    format: date\n"
        "  tags:\n"
        "    type: array\n"
        "    items:\n"
        "      type: string\n");
  REQUIRE(inference.defects.size() == 3);
  CHECK(inference.defects[0] ==
        Note{"'draft' is the string 'no'; the other files have a boolean", {"d.md"}});
  CHECK(inference.defects[1] == Note{"'pubdate' looks like a misspelling of 'pubDate'", {"d.md"}});
  CHECK(inference.defects[2] == Note{"'tags' is a string; 3 other values are a list", {"d.md"}});
  CHECK(violations(samples, inference) ==
        std::vector<std::string>{
            "d.md: missing required field 'pubDate' (found 'pubdate': a misspelling?)",
            "d.md: 'tags': expected a list, found a string",
            "d.md: 'draft': expected a boolean, found a string"});
}

TEST_CASE("mixed types with no clear majority are all accepted") {
  Samples samples({"v: 1\n", "v: x\n", "v: [a]\n"});
  Inference inference = infer_schema(samples.samples(), "t");
  CHECK(body_of(inference).ends_with("  v:\n    type: [integer, string, array]\n"));
  CHECK(inference.defects.empty());
  CHECK(violations(samples, inference).empty());
}

TEST_CASE("the tag vocabulary leaves out tags that break the pattern and rare misspellings") {
  Samples samples({"tags: [cohort4, article, devrel]\n", "tags: [cohort3, article, task]\n",
                   "tags: [Cohort4, devrel, DevRel, clan six, devrell]\n", "tags: [cohort4]\n",
                   "title: no tags\n"});
  Inference inference = infer_schema(samples.samples(), "t");
  CHECK(inference.tags ==
        std::vector<std::string>{"article", "cohort3", "cohort4", "devrel", "task"});
  CHECK(inference.tag_defects ==
        std::vector<Note>{
            {"tag 'Cohort4' breaks the tag/format pattern; left out of the vocabulary", {"c.md"}},
            {"tag 'DevRel' breaks the tag/format pattern; left out of the vocabulary", {"c.md"}},
            {"tag 'clan six' breaks the tag/format pattern; left out of the vocabulary", {"c.md"}},
            {"tag 'devrell' looks like a misspelling of 'devrel'; left out of the vocabulary",
             {"c.md"}}});
}

TEST_CASE("the tags field is an option") {
  Samples samples({"labels: [a, b]\ntags: [x]\n"});
  InferOptions options;
  options.tags_field = "labels";
  CHECK(infer_schema(samples.samples(), "t", options).tags == std::vector<std::string>{"a", "b"});
}

TEST_CASE("no samples: an object schema with no properties") {
  Inference inference = infer_schema({}, "empty");
  CHECK(emit(inference.schema) ==
        "$schema: \"https://json-schema.org/draft/2020-12/schema\"\n"
        "title: empty\n"
        "type: object\n");
}

}  // namespace
}  // namespace contentlint::init
