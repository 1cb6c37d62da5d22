/// Inferring a collection's JSON Schema and tag vocabulary from its existing front matter.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.hpp"
#include "init/yaml_writer.hpp"

namespace contentlint::init {

/// One front matter to learn from. `root` points into a tree the caller keeps alive.
struct Sample {
  std::string path;                  // display path, named in notes
  const core::Node* root = nullptr;  // the front matter's root mapping
};

/// Something the inference found, with the files it is about (sorted, unique).
struct Note {
  std::string message;
  std::vector<std::string> files;

  friend bool operator==(const Note&, const Note&) = default;
};

/// The thresholds of the inference (the defaults are documented in the README).
struct InferOptions {
  /// `enum` only for a string field with at least this many values...
  std::size_t enum_min_values = 5;
  /// ...at most this many distinct ones, each seen twice on average (distinct * 2 <= values).
  std::size_t enum_max_distinct = 8;
  /// A key in at least this share of its objects (but not all) is a candidate for
  /// `required`; a format or closed set that this share of values follows is a candidate too.
  double near_share = 0.8;
  /// Below this many objects or values nothing is "almost" anything: no candidates.
  std::size_t near_min_count = 5;
  /// The front-matter field whose list of strings is the tag vocabulary.
  std::string tags_field = "tags";
  /// Nesting deeper than this gets an unconstrained schema (`{}`); bounds the recursion.
  int max_depth = 8;
};

/// What the inference learned about one collection.
struct Inference {
  YamlValue schema;               // a JSON Schema (draft 2020-12), as YAML to write
  std::vector<Note> defects;      // values the schema rejects: the files fail as they are
  std::vector<Note> candidates;   // almost consistent: printed, not enforced
  std::vector<std::string> tags;  // the tag vocabulary, sorted; empty without a tags field
  std::vector<Note> tag_defects;  // tags left out of the vocabulary, and why
};

/// Infers a schema under which every sample passes, apart from real defects: a key that
/// is a misspelling of a common key (`pubdate` beside `pubDate`), a value of a type the
/// other files do not use for that key, a quoted `'no'` where the others have booleans.
/// Types, `required` (keys present in every object), `format: date`/`date-time`/`uri`
/// (every value fits), `enum` (a small closed vocabulary), nested objects and arrays.
/// `title` is the schema's title.
Inference infer_schema(std::span<const Sample> samples, std::string_view title,
                       const InferOptions& options = {});

}  // namespace contentlint::init
