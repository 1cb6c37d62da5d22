// One passing and one failing case per keyword, with exact messages and positions.
// Front matter starts on line 2: line 1 is the opening `---` (the root anchor).
#include "schema_helpers.hpp"

using namespace contentlint::schema::testing;

TEST_CASE("type: each JSON type, passing and failing") {
  TempDir dir;
  auto schema = load(dir, R"(type: object
properties:
  s: {type: string}
  i: {type: integer}
  n: {type: number}
  b: {type: boolean}
  z: {type: "null"}
  a: {type: array}
  o: {type: object}
)");
  CHECK(check(*schema, "s: '3'\ni: 3\nn: 2.5\nb: true\nz: ~\na: []\no: {}\n") == Lines{});
  CHECK(check(*schema, "s: 3\ni: '3'\nn: x\nb: 'true'\nz: 0\na: {}\no: [1]\n") ==
        Lines{
            "2:4 's': expected a string, found an integer",
            "3:4 'i': expected an integer, found a string",
            "4:4 'n': expected a number, found a string",
            "5:4 'b': expected a boolean, found a string",
            "6:4 'z': expected nothing (null), found an integer",
            "7:4 'a': expected a list, found a mapping",
            "8:4 'o': expected a mapping, found a list",
        });
}

TEST_CASE("type: integers accept whole numbers, numbers accept integers") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  i: {type: integer}\n  n: {type: number}\n");
  CHECK(check(*schema, "i: 3.0\nn: 3\n") == Lines{});
  CHECK(check(*schema, "i: 3.5\n") == Lines{"2:4 'i': expected an integer, found a number"});
}

TEST_CASE("type: a list of types, a YAML null in the list means null") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  x: {type: [string, null]}\n");
  CHECK(check(*schema, "x: a\n") == Lines{});
  CHECK(check(*schema, "x:\n") == Lines{});
  CHECK(check(*schema, "x: [1]\n") ==
        Lines{"2:4 'x': expected a string or nothing (null), found a list"});
  auto three = load(dir, "properties:\n  x: {type: [boolean, integer, array]}\n", "three.yaml");
  CHECK(check(*three, "x: a\n") ==
        Lines{"2:4 'x': expected an integer, a boolean or a list, found a string"});
}

TEST_CASE("type: an empty value is null, reported at its key") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  title: {type: string}\n");
  CHECK(check(*schema, "title:\n") ==
        Lines{"2:1 'title': expected a string, found nothing (null)"});
}

TEST_CASE("type: the root's problems are reported at the opening fence") {
  TempDir dir;
  auto schema = load(dir, "type: object\n");
  CHECK(check(*schema, "- a\n- b\n") == Lines{"1:1 expected a mapping, found a list"});
}

TEST_CASE("type: a plain date and timestamp are strings") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  d: {type: string}\n  t: {type: string}\n");
  CHECK(check(*schema, "d: 2024-03-11\nt: 2024-03-11T10:00:00Z\n") == Lines{});
}

TEST_CASE("properties: nested paths") {
  TempDir dir;
  auto schema = load(dir, R"(type: object
properties:
  image:
    type: object
    properties:
      url: {type: string}
      alt: {type: string}
)");
  CHECK(check(*schema, "image:\n  url: a.png\n  alt: A cat\n") == Lines{});
  CHECK(check(*schema, "image:\n  url: 3\n  alt: [x]\n") ==
        Lines{
            "3:8 'image.url': expected a string, found an integer",
            "4:8 'image.alt': expected a string, found a list",
        });
}

TEST_CASE("required: at the root anchor for a top-level field") {
  TempDir dir;
  auto schema = load(dir, R"(type: object
required: [title, pubDate]
properties:
  title: {type: string}
  pubDate: {type: string}
)");
  CHECK(check(*schema, "title: A\npubDate: 2024-03-11\n") == Lines{});
  CHECK(check(*schema, "author: me\n") == Lines{
                                              "1:1 missing required field 'title'",
                                              "1:1 missing required field 'pubDate'",
                                          });
}

TEST_CASE("required: at the parent's key for a nested field, or an item's first key") {
  TempDir dir;
  auto schema = load(dir, R"(type: object
properties:
  image:
    type: object
    required: [url]
  authors:
    type: array
    items: {type: object, required: [name]}
)");
  CHECK(check(*schema, "image:\n  alt: x\nauthors:\n  - url: x\n    bio: y\n") ==
        Lines{
            "2:1 missing required field 'image.url'",
            "5:5 missing required field 'authors[0].name'",
        });
}

TEST_CASE("required: a near-miss key is named and reported at that key") {
  TempDir dir;
  auto schema = load(dir, R"(type: object
required: [pubDate, title]
properties:
  pubDate: {type: string}
  title: {type: string}
additionalProperties: false
)");
  CHECK(check(*schema, "title: A\npubdate: 2024-03-11\n") ==
        Lines{"3:1 missing required field 'pubDate' (found 'pubdate': a misspelling?)"});
  CHECK(check(*schema, "titel: A\npubDate: 2024-03-11\n") ==
        Lines{"2:1 missing required field 'title' (found 'titel': a misspelling?)"});
  // Without additionalProperties: false the misspelling is still named.
  auto open = load(dir, "required: [pubDate]\n", "open.yaml");
  CHECK(check(*open, "pubdate: 2024-03-11\n") ==
        Lines{"2:1 missing required field 'pubDate' (found 'pubdate': a misspelling?)"});
  // A declared field is never taken for a misspelling of another.
  auto declared =
      load(dir, "required: [tags]\nproperties:\n  tag: {}\n  tags: {}\n", "declared.yaml");
  CHECK(check(*declared, "tag: a\n") == Lines{"1:1 missing required field 'tags'"});
}

TEST_CASE("additionalProperties: false names unknown fields and suggests the nearest") {
  TempDir dir;
  auto schema = load(dir, R"(type: object
properties:
  pubDate: {type: string}
  title: {type: string}
additionalProperties: false
)");
  CHECK(check(*schema, "title: A\n") == Lines{});
  CHECK(check(*schema, "title: A\npubdate: x\nsummary: y\n") ==
        Lines{
            "3:1 unknown field 'pubdate' (did you mean 'pubDate'?)",
            "4:1 unknown field 'summary'",
        });
}

TEST_CASE("additionalProperties: a schema for the other fields") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  title: {type: string}
additionalProperties: {type: integer}
)");
  CHECK(check(*schema, "title: A\nviews: 3\n") == Lines{});
  CHECK(check(*schema, "title: A\nviews: many\n") ==
        Lines{"3:8 'views': expected an integer, found a string"});
}

TEST_CASE("patternProperties: keys matching a regex, partially") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  title: {type: string}
patternProperties:
  "^x-": {type: string}
  "_count": {type: integer}
additionalProperties: false
)");
  CHECK(check(*schema, "title: A\nx-note: n\nword_count: 3\n") == Lines{});
  CHECK(check(*schema, "x-note: 3\nword_count: a\ny-note: n\n") ==
        Lines{
            "2:9 'x-note': expected a string, found an integer",
            "3:13 'word_count': expected an integer, found a string",
            "4:1 unknown field 'y-note'",
        });
}

TEST_CASE("propertyNames: every key is checked as a string") {
  TempDir dir;
  auto schema = load(dir, "propertyNames: {pattern: '^[a-z]+$'}\n");
  CHECK(check(*schema, "title: a\n") == Lines{});
  CHECK(check(*schema, "Title: a\n3: b\n") ==
        Lines{
            "2:1 'Title': expected a string matching '^[a-z]+$', found 'Title'",
            "3:1 '3': expected a string matching '^[a-z]+$', found '3'",
        });
}

TEST_CASE("minProperties and maxProperties") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  meta: {minProperties: 1, maxProperties: 2}
  one: {minProperties: 2}
)");
  CHECK(check(*schema, "meta: {a: 1}\n") == Lines{});
  CHECK(check(*schema, "meta: {}\none: {a: 1}\n") ==
        Lines{
            "2:7 'meta': expected at least 1 field, found none",
            "3:6 'one': expected at least 2 fields, found 1",
        });
  CHECK(check(*schema, "meta: {a: 1, b: 2, c: 3}\n") ==
        Lines{"2:7 'meta': expected at most 2 fields, found 3"});
}

TEST_CASE("items: every item, with its index in the path") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  tags: {type: array, items: {type: string}}\n");
  CHECK(check(*schema, "tags: [a, b]\n") == Lines{});
  CHECK(check(*schema, "tags: [a, b, 3]\n") ==
        Lines{"2:14 'tags[2]': expected a string, found an integer"});
  CHECK(check(*schema, "tags: a\n") == Lines{"2:7 'tags': expected a list, found a string"});
}

TEST_CASE("items: a list of mappings, block style") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  links:
    items:
      properties:
        url: {type: string, minLength: 1}
)");
  CHECK(check(*schema, "links:\n  - url: a\n  - url: ''\n") ==
        Lines{"4:10 'links[1].url': expected at least 1 character, found an empty string"});
}

TEST_CASE("items: the draft-07 tuple form with additionalItems") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  pair:
    items: [{type: string}, {type: integer}]
    additionalItems: false
  open:
    items: [{type: string}]
)");
  CHECK(check(*schema, "pair: [a, 1]\nopen: [a, 1, true]\n") == Lines{});
  CHECK(check(*schema, "pair: [1, 1, x]\n") ==
        Lines{
            "2:8 'pair[0]': expected a string, found an integer",
            "2:14 'pair[2]' is not allowed",
        });
}

TEST_CASE("prefixItems: the 2020-12 tuple form, items for the rest") {
  TempDir dir;
  auto schema = load(dir, R"($schema: https://json-schema.org/draft/2020-12/schema
properties:
  row:
    prefixItems: [{type: string}]
    items: {type: integer}
)");
  CHECK(check(*schema, "row: [a, 1, 2]\n") == Lines{});
  CHECK(check(*schema, "row: [1, 1, b]\n") ==
        Lines{
            "2:7 'row[0]': expected a string, found an integer",
            "2:13 'row[2]': expected an integer, found a string",
        });
}

TEST_CASE("minItems and maxItems") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  tags: {minItems: 1, maxItems: 2}
  two: {minItems: 2}
)");
  CHECK(check(*schema, "tags: [a]\n") == Lines{});
  CHECK(check(*schema, "tags: []\ntwo: [a]\n") ==
        Lines{
            "2:7 'tags': expected at least 1 item, found an empty list",
            "3:6 'two': expected at least 2 items, found 1",
        });
  CHECK(check(*schema, "tags: [a, b, c]\n") ==
        Lines{"2:7 'tags': expected at most 2 items, found 3"});
}

TEST_CASE("uniqueItems: every later duplicate, by JSON equality") {
  TempDir dir;
  auto schema =
      load(dir, "properties:\n  tags: {uniqueItems: true}\n  maps: {uniqueItems: true}\n");
  CHECK(check(*schema, "tags: [a, b, '1', 1]\nmaps: [{a: 1}, {a: 2}]\n") == Lines{});
  CHECK(check(*schema, "tags: [a, b, a, 1, 1.0]\nmaps: [{a: 1, b: 2}, {b: 2, a: 1}]\n") ==
        Lines{
            "2:14 'tags[2]': expected unique items, found a duplicate of 'tags[0]'",
            "2:20 'tags[4]': expected unique items, found a duplicate of 'tags[3]'",
            "3:22 'maps[1]': expected unique items, found a duplicate of 'maps[0]'",
        });
}

TEST_CASE("enum: lists the values and suggests the nearest") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  level: {enum: [beginner, advanced]}
  size: {enum: [1, 2, null]}
)");
  CHECK(check(*schema, "level: advanced\nsize: 2.0\n") == Lines{});
  CHECK(check(*schema, "level: expert\nsize: '1'\n") ==
        Lines{
            "2:8 'level': expected one of 'beginner', 'advanced', found 'expert'",
            "3:7 'size': expected one of 1, 2, null, found '1'",
        });
  CHECK(check(*schema, "level: Advanced\n") ==
        Lines{"2:8 'level': expected one of 'beginner', 'advanced', found 'Advanced' (did you mean "
              "'advanced'?)"});
}

TEST_CASE("enum: one value reads like const, long lists are cut") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  kind: {enum: [post]}
  n: {enum: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
)");
  CHECK(check(*schema, "kind: page\nn: 11\n") ==
        Lines{
            "2:7 'kind': expected 'post', found 'page'",
            "3:4 'n': expected one of 1, 2, 3, 4, 5, 6, 7, 8 (and 2 more), found 11",
        });
}

TEST_CASE("const") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  layout: {const: post}\n  v: {const: 2}\n");
  CHECK(check(*schema, "layout: post\nv: 2\n") == Lines{});
  CHECK(check(*schema, "layout: page\nv: true\n") ==
        Lines{
            "2:9 'layout': expected 'post', found 'page'",
            "3:4 'v': expected 2, found true",
        });
}

TEST_CASE("a wrong type is the only violation reported for its value") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  t: {type: string, enum: [a], minLength: 3}\n");
  CHECK(check(*schema, "t: 3\n") == Lines{"2:4 't': expected a string, found an integer"});
}

TEST_CASE("pattern: RE2, a partial match unless anchored") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  slug: {type: string, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"}
  code: {pattern: "[0-9]"}
)");
  CHECK(check(*schema, "slug: how-to-devrel\ncode: abc1\n") == Lines{});
  CHECK(check(*schema, "slug: How to DevRel\ncode: abc\n") ==
        Lines{
            "2:7 'slug': expected a string matching '^[a-z0-9]+(-[a-z0-9]+)*$', found 'How to "
            "DevRel'",
            "3:7 'code': expected a string matching '[0-9]', found 'abc'",
        });
  // Not a string: pattern does not apply.
  CHECK(check(*schema, "code: 12\n") == Lines{});
}

TEST_CASE("minLength and maxLength count code points") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  title: {minLength: 3, maxLength: 5}
  one: {minLength: 1}
  max1: {maxLength: 1}
)");
  CHECK(check(*schema, "title: héllo\none: é\n") == Lines{});
  CHECK(check(*schema, "title: hé\none: ''\nmax1: ab\n") ==
        Lines{
            "2:8 'title': expected at least 3 characters, found 2",
            "3:6 'one': expected at least 1 character, found an empty string",
            "4:7 'max1': expected at most 1 character, found 2",
        });
  CHECK(check(*schema, "title: héllo!\n") ==
        Lines{"2:8 'title': expected at most 5 characters, found 6"});
}

TEST_CASE("minimum, maximum, exclusiveMinimum, exclusiveMaximum") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  rating: {minimum: 1, maximum: 5}
  weight: {exclusiveMinimum: 0, exclusiveMaximum: 1.5}
)");
  CHECK(check(*schema, "rating: 1\nweight: 1.25\n") == Lines{});
  CHECK(check(*schema, "rating: 0\nweight: 0\n") ==
        Lines{
            "2:9 'rating': expected at least 1, found 0",
            "3:9 'weight': expected more than 0, found 0",
        });
  CHECK(check(*schema, "rating: 5.5\nweight: 1.5\n") ==
        Lines{
            "2:9 'rating': expected at most 5, found 5.5",
            "3:9 'weight': expected less than 1.5, found 1.5",
        });
  // Bounds do not apply to strings.
  CHECK(check(*schema, "rating: '0'\n") == Lines{});
}

TEST_CASE("multipleOf: integers exactly, decimals with a tolerance") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  n: {multipleOf: 5}\n  d: {multipleOf: 0.1}\n");
  CHECK(check(*schema, "n: 15\nd: 0.3\n") == Lines{});
  CHECK(check(*schema, "n: 12\nd: 0.35\n") == Lines{
                                                  "2:4 'n': expected a multiple of 5, found 12",
                                                  "3:4 'd': expected a multiple of 0.1, found 0.35",
                                              });
}

TEST_CASE("multipleOf and integer: negative, large and fractional values") {
  TempDir dir;
  auto schema = load(dir,
                     "properties:\n  d: {multipleOf: 2.5}\n  i: {type: integer}\n"
                     "  w: {multipleOf: 1.5}\n");
  CHECK(check(*schema, "d: -7.5\ni: 1.0e20\nw: 4.5\n") == Lines{});
  CHECK(check(*schema, "d: -7.4\ni: -2.5\nw: 1e300\n") ==
        Lines{
            "2:4 'd': expected a multiple of 2.5, found -7.4",
            "3:4 'i': expected an integer, found a number",
        });
}

TEST_CASE("format: each format, passing and failing") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  date: {type: string, format: date}
  datetime: {type: string, format: date-time}
  time: {type: string, format: time}
  uri: {type: string, format: uri}
  ref: {type: string, format: uri-reference}
  email: {type: string, format: email}
  uuid: {type: string, format: uuid}
  ipv4: {type: string, format: ipv4}
  ipv6: {type: string, format: ipv6}
  host: {type: string, format: hostname}
  unix: {format: unix-time}
)");
  CHECK(check(*schema, R"(date: 2024-02-29
datetime: 2024-03-11T10:00:00+01:00
time: 23:59:60Z
uri: https://example.org/a?b=c#d
ref: ../posts/other.md
email: dev.rel@example.org
uuid: 123e4567-e89b-12d3-a456-426614174000
ipv4: 192.0.2.1
ipv6: 2001:db8::1
host: example.org
unix: 1710151200
)") == Lines{});
  CHECK(check(*schema, R"(date: 11/03/2024
datetime: 2024-03-11 10:00
time: '25:00:00Z'
uri: /relative
ref: 'has space'
email: someone
uuid: not-a-uuid
ipv4: 192.0.2.256
ipv6: '2001:db8:::1'
host: -bad-.org
unix: '1710151200'
)") == Lines{
           "2:7 'date': expected a date like 2024-03-11, found '11/03/2024'",
           "3:11 'datetime': expected a date-time like 2024-03-11T10:00:00Z, found '2024-03-11 "
           "10:00'",
           "4:7 'time': expected a time like 10:00:00Z, found '25:00:00Z'",
           "5:6 'uri': expected an absolute URI like https://example.org/page, found '/relative'",
           "6:6 'ref': expected a URI reference like /blog/my-post, found 'has space'",
           "7:8 'email': expected an e-mail address like name@example.org, found 'someone'",
           "8:7 'uuid': expected a UUID like 123e4567-e89b-12d3-a456-426614174000, found "
           "'not-a-uuid'",
           "9:7 'ipv4': expected an IPv4 address like 192.0.2.1, found '192.0.2.256'",
           "10:7 'ipv6': expected an IPv6 address like 2001:db8::1, found '2001:db8:::1'",
           "11:7 'host': expected a host name like example.org, found '-bad-.org'",
           "12:7 'unix': expected a Unix timestamp like 1710151200, found '1710151200'",
       });
}

TEST_CASE("format: a wrong type names the format") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  pubDate: {type: string, format: date}\n");
  CHECK(check(*schema, "pubDate: 20240311\n") ==
        Lines{"2:10 'pubDate': expected a date like 2024-03-11, found an integer"});
  // Without `type`, format does not apply to other types.
  auto untyped = load(dir, "properties:\n  pubDate: {format: date}\n", "untyped.yaml");
  CHECK(check(*untyped, "pubDate: 20240311\n") == Lines{});
}

TEST_CASE("format: real calendar dates only") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  d: {type: string, format: date}\n");
  CHECK(check(*schema, "d: 2000-02-29\n") == Lines{});
  CHECK(check(*schema, "d: 2023-02-29\n") ==
        Lines{"2:4 'd': expected a date like 2024-03-11, found '2023-02-29'"});
  CHECK(check(*schema, "d: 1900-02-29\n") ==
        Lines{"2:4 'd': expected a date like 2024-03-11, found '1900-02-29'"});
  CHECK(check(*schema, "d: 2024-04-31\n") ==
        Lines{"2:4 'd': expected a date like 2024-03-11, found '2024-04-31'"});
  CHECK(check(*schema, "d: 2024-3-11\n") ==
        Lines{"2:4 'd': expected a date like 2024-03-11, found '2024-3-11'"});
}

TEST_CASE("anyOf: passes when one alternative does") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  d:
    anyOf:
      - {type: string, format: date-time}
      - {type: string, format: date}
)");
  CHECK(check(*schema, "d: 2024-03-11\n") == Lines{});
  CHECK(check(*schema, "d: 2024-03-11T10:00:00Z\n") == Lines{});
  CHECK(check(*schema, "d: 11/03/2024\n") ==
        Lines{"2:4 'd': expected one of: a date-time, a date, found '11/03/2024'"});
  CHECK(check(*schema, "d: [1]\n") ==
        Lines{"2:4 'd': expected one of: a date-time, a date, found a list"});
}

TEST_CASE("anyOf: the one alternative of the value's type reports its own violations") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  image:
    anyOf:
      - {type: string, minLength: 1}
      - type: object
        required: [url]
        properties:
          url: {type: string}
)");
  CHECK(check(*schema, "image: {url: a.png}\n") == Lines{});
  CHECK(check(*schema, "image:\n  alt: x\n") == Lines{"2:1 missing required field 'image.url'"});
  CHECK(check(*schema, "image: ''\n") ==
        Lines{"2:8 'image': expected at least 1 character, found an empty string"});
}

TEST_CASE("anyOf: discriminator fields pick the alternative") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  block:
    anyOf:
      - properties: {kind: {const: video}, src: {type: string}}
        required: [kind, src]
      - properties: {kind: {const: quote}, text: {type: string}}
        required: [kind, text]
)");
  CHECK(check(*schema, "block: {kind: quote, text: hi}\n") == Lines{});
  CHECK(check(*schema, "block:\n  kind: quote\n") ==
        Lines{"2:1 missing required field 'block.text'"});
}

TEST_CASE("oneOf: exactly one alternative") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  v:
    oneOf:
      - {type: string, maxLength: 3}
      - {type: string, pattern: "^a"}
      - {type: integer}
)");
  CHECK(check(*schema, "v: bcd\n") == Lines{});
  CHECK(check(*schema, "v: 3\n") == Lines{});
  CHECK(
      check(*schema, "v: abc\n") ==
      Lines{"2:4 'v': expected exactly one of: a string, a string matching '^a', an integer, found "
            "a value that matches 2 of them"});
  CHECK(
      check(*schema, "v: bcde\n") ==
      Lines{
          "2:4 'v': expected one of: a string, a string matching '^a', an integer, found 'bcde'"});
  CHECK(check(*schema, "v: true\n") ==
        Lines{"2:4 'v': expected one of: a string, a string matching '^a', an integer, found a "
              "boolean"});
}

TEST_CASE("allOf: every part applies") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  t:
    allOf:
      - {type: string}
      - {minLength: 2}
      - {maxLength: 3}
)");
  CHECK(check(*schema, "t: ab\n") == Lines{});
  CHECK(check(*schema, "t: a\n") == Lines{"2:4 't': expected at least 2 characters, found 1"});
  CHECK(check(*schema, "t: 1\n") == Lines{"2:4 't': expected a string, found an integer"});
}

TEST_CASE("not") {
  TempDir dir;
  auto schema =
      load(dir, "properties:\n  status: {not: {enum: [draft, wip]}}\n  n: {not: {type: string}}\n");
  CHECK(check(*schema, "status: published\nn: 1\n") == Lines{});
  CHECK(check(*schema, "status: draft\nn: x\n") ==
        Lines{
            "2:9 'status': expected anything except 'draft' or 'wip', found 'draft'",
            "3:4 'n': expected anything except a string, found 'x'",
        });
}

TEST_CASE("if/then/else") {
  TempDir dir;
  auto schema = load(dir, R"(type: object
if:
  properties: {kind: {const: video}}
  required: [kind]
then:
  required: [src]
else:
  properties: {src: false}
)");
  CHECK(check(*schema, "kind: video\nsrc: a.mp4\n") == Lines{});
  CHECK(check(*schema, "kind: text\n") == Lines{});
  CHECK(check(*schema, "kind: video\n") == Lines{"1:1 missing required field 'src'"});
  CHECK(check(*schema, "kind: text\nsrc: a.mp4\n") == Lines{"3:1 'src' is not allowed"});
}

TEST_CASE("$ref to $defs and definitions, and to the root") {
  TempDir dir;
  auto schema = load(dir, R"(type: object
properties:
  author: {$ref: "#/$defs/person"}
  editor: {$ref: "#/definitions/person"}
  related: {type: array, items: {$ref: "#"}}
$defs:
  person: {type: object, required: [name], properties: {name: {type: string}}}
definitions:
  person: {$ref: "#/$defs/person"}
)");
  CHECK(check(*schema, "author: {name: A}\nrelated: [{editor: {name: B}}]\n") == Lines{});
  CHECK(check(*schema, "author: {name: 1}\nrelated: [{editor: {}}]\n") ==
        Lines{
            "2:16 'author.name': expected a string, found an integer",
            "3:12 missing required field 'related[0].editor.name'",
        });
}

TEST_CASE("$ref: JSON pointers into properties, with escapes") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  "a/b": {type: integer}
  image: {properties: {url: {type: string}}}
  cover: {$ref: "#/properties/image"}
  weird: {$ref: "#/properties/a~1b"}
  list: {items: [{type: string}]}
  first: {$ref: "#/properties/list/items/0"}
)");
  CHECK(check(*schema, "cover: {url: x}\nweird: 1\nfirst: s\n") == Lines{});
  CHECK(check(*schema, "cover: {url: 1}\nweird: x\nfirst: 2\n") ==
        Lines{
            "2:14 'cover.url': expected a string, found an integer",
            "3:8 'weird': expected an integer, found a string",
            "4:8 'first': expected a string, found an integer",
        });
}

TEST_CASE("$ref: sibling files, relative to the referring file, each read once") {
  TempDir dir;
  dir.write("schemas/shared/image.schema.yaml", R"($defs:
  image:
    type: object
    required: [url]
    properties:
      url: {type: string, minLength: 1}
      credit: {$ref: "../people.schema.json#/definitions/person"}
)");
  dir.write("schemas/people.schema.json",
            R"({"definitions": {"person": {"type": "string", "minLength": 2}}})");
  auto schema = load(dir, R"(properties:
  image: {$ref: "shared/image.schema.yaml#/$defs/image"}
  cover: {$ref: "shared/image.schema.yaml#/$defs/image"}
  author: {$ref: "people.schema.json#/definitions/person"}
)");
  CHECK(check(*schema, "image: {url: a.png, credit: Al}\n") == Lines{});
  CHECK(check(*schema, "image: {url: '', credit: A}\ncover: {}\nauthor: B\n") ==
        Lines{
            "2:14 'image.url': expected at least 1 character, found an empty string",
            "2:26 'image.credit': expected at least 2 characters, found 1",
            "3:1 missing required field 'cover.url'",
            "4:9 'author': expected at least 2 characters, found 1",
        });
}

TEST_CASE("$ref: recursive schemas that descend into the value are fine") {
  TempDir dir;
  auto schema = load(dir, R"($defs:
  menu:
    type: object
    properties:
      label: {type: string}
      children: {type: array, items: {$ref: "#/$defs/menu"}}
properties:
  menu: {$ref: "#/$defs/menu"}
)");
  CHECK(check(*schema, "menu: {label: a, children: [{label: b, children: [{label: c}]}]}\n") ==
        Lines{});
  CHECK(check(*schema, "menu: {label: a, children: [{label: b, children: [{label: 3}]}]}\n") ==
        Lines{"2:59 'menu.children[0].children[0].label': expected a string, found an integer"});
}

TEST_CASE("depth: a value nested past the limit is one violation, not a crash") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  a: {$ref: '#'}\n");
  std::string yaml = "a:\n";
  std::string deep;
  for (int i = 0; i < 60; ++i) deep += "{a: ";
  deep += "1";
  for (int i = 0; i < 60; ++i) deep += "}";
  Lines found = check(*schema, "a: " + deep + "\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "2:128 too deeply nested to validate");
}

TEST_CASE("deprecated: a present field is reported as advice") {
  TempDir dir;
  auto schema = load(dir, R"(properties:
  summary: {type: string, deprecated: true}
  old: {$ref: "#/$defs/old"}
  d:
    anyOf:
      - {type: integer, deprecated: true}
      - {type: string}
$defs:
  old: {deprecated: true}
)");
  CHECK(check(*schema, "title: x\n") == Lines{});
  CHECK(check(*schema, "summary: s\nold: 1\n") == Lines{
                                                      "2:1 'summary' is deprecated",
                                                      "3:1 'old' is deprecated",
                                                  });
  auto violations = schema->validate(contentlint::core::Node{}, {0, 3});
  CHECK(violations.empty());
}

TEST_CASE("deprecated: the flag is set, and a deprecated field does not fail anyOf") {
  TempDir dir;
  auto schema = load(dir, R"(anyOf:
  - properties: {summary: {deprecated: true}}
)");
  contentlint::core::Document document("post.md", "---\nsummary: s\n---\n");
  auto front_matter = contentlint::frontmatter::read(document);
  auto violations = schema->validate(*front_matter.yaml.root, front_matter.split.opening);
  REQUIRE(violations.size() == 1);
  CHECK(violations[0].deprecated);
  CHECK(violations[0].path == "summary");
  CHECK(violations[0].message == "'summary' is deprecated");
}

TEST_CASE("boolean schemas") {
  TempDir dir;
  auto schema = load(dir, "properties:\n  any: true\n  never: false\n");
  CHECK(check(*schema, "any: [1, {a: b}]\n") == Lines{});
  CHECK(check(*schema, "never: 1\n") == Lines{"2:1 'never' is not allowed"});
  auto nothing = load(dir, "false\n", "false.yaml");
  CHECK(check(*nothing, "a: 1\n") == Lines{"1:1 no value is allowed here"});
}

TEST_CASE("annotations are accepted and ignored") {
  TempDir dir;
  auto schema = load(dir, R"($schema: http://json-schema.org/draft-07/schema#
$id: https://example.org/post.schema.json
$comment: for posts
title: Post
description: A blog post
markdownDescription: A **blog** post
type: object
properties:
  title:
    type: string
    default: Untitled
    examples: [Hello]
    readOnly: false
    writeOnly: false
    deprecated: false
)");
  CHECK(check(*schema, "title: x\n") == Lines{});
}

TEST_CASE("violations come in source order and all of them are reported") {
  TempDir dir;
  auto schema = load(dir, R"(type: object
required: [title, pubDate]
additionalProperties: false
properties:
  title: {type: string}
  pubDate: {type: string, format: date}
  tags: {type: array, items: {type: string}}
)");
  CHECK(check(*schema, "tags: [a, 2, 3]\npubDate: 11/03/2024\nextra: 1\n") ==
        Lines{
            "1:1 missing required field 'title'",
            "2:11 'tags[1]': expected a string, found an integer",
            "2:14 'tags[2]': expected a string, found an integer",
            "3:10 'pubDate': expected a date like 2024-03-11, found '11/03/2024'",
            "4:1 unknown field 'extra'",
        });
}

TEST_CASE("field paths quote keys that contain dots") {
  TempDir dir;
  auto schema = load(dir, "additionalProperties: {type: string}\n");
  CHECK(check(*schema, "a.b: 1\n") ==
        Lines{"2:6 '[\"a.b\"]': expected a string, found an integer"});
}
