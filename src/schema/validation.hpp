/// Validating a value tree against a compiled schema (internal). validate.cpp checks
/// values keyword by keyword; alternatives.cpp holds anyOf, oneOf, not and if, and how a
/// failed alternative is explained. schema.cpp lists every message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.hpp"
#include "schema/compiled.hpp"

namespace contentlint::schema {

/// How far describing an alternative or testing its type follows nested schemas.
inline constexpr int kMaxLookahead = 8;

/// Schema applications one validation may make: a bound on pathological schemas (anyOf
/// alternatives that each descend into the same deep value), generous for the size of
/// the value (a node takes at least two bytes of YAML; a sane schema a few steps per node).
inline constexpr std::size_t kBaseSteps = 100'000;
inline constexpr std::size_t kStepsPerByte = 4;

/// Whether a value of JSON type `type` (a TypeBit) is one of the types in `mask`;
/// whole numbers count as integers.
bool accepts_type(std::uint8_t mask, std::uint8_t type, const core::Node& value);

/// "a, b or c" (with `last_separator` " or "), "a, b, c" (with ", ").
std::string join(const std::vector<std::string>& parts, std::string_view last_separator);

/// The nouns for a type mask: "a string or nothing (null)".
std::string describe_types(std::uint8_t mask);

/// Appends a field to a path: "image" + "url" is "image.url"; a key with a dot or a
/// bracket is quoted: `["a.b"]`.
void append_key(std::string& path, std::string_view key);

/// Appends an item index to a path: "tags[2]".
void append_index(std::string& path, std::size_t index);

/// One validation of one value: holds the field path, the depth and the report.
class Validation {
 public:
  Validation(const CompiledSchema& schema, const core::Node& root, core::ByteSpan anchor,
             std::vector<Violation>* out)
      : schema_(schema),
        root_(root),
        anchor_(anchor),
        out_(out),
        max_steps_(kBaseSteps + kStepsPerByte * root.span.size()) {}

  // Whether `value` (the value of `key`'s entry, or an item or the root when `key` is
  // null) is valid against schema `id`. Reports into out_ unless out_ is null, in which
  // case it stops at the first failure.
  bool check(SchemaId id, const core::Node& value, const core::Node* key);

  // Reports the first limit met, wherever it was met (perhaps while checking quietly).
  void finish();

 private:
  // Counts nesting for the life of the guard.
  struct Depth {
    explicit Depth(int& depth) : depth_(depth) { ++depth_; }
    ~Depth() { --depth_; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
    int& depth_;
  };

  // Appends a path segment for the life of the guard.
  class Segment {
   public:
    Segment(std::string& path, std::string_view key) : path_(path), mark_(path.size()) {
      append_key(path, key);
    }
    Segment(std::string& path, std::size_t index) : path_(path), mark_(path.size()) {
      append_index(path, index);
    }
    ~Segment() { path_.resize(mark_); }
    Segment(const Segment&) = delete;
    Segment& operator=(const Segment&) = delete;

   private:
    std::string& path_;
    std::size_t mark_;
  };

  // Runs a check without reporting: anyOf, oneOf, not and if only need the answer.
  class Quiet {
   public:
    explicit Quiet(Validation& validation) : validation_(validation), saved_(validation.out_) {
      validation.out_ = nullptr;
    }
    ~Quiet() { validation_.out_ = saved_; }
    Quiet(const Quiet&) = delete;
    Quiet& operator=(const Quiet&) = delete;

   private:
    Validation& validation_;
    std::vector<Violation>* saved_;
  };

  // Only the first limit is kept: after it, everything deeper would hit it again.
  void hit_limit(const core::Node& value, const core::Node* key, std::string_view message);

  std::string prefix() const;

  core::ByteSpan span_of(const core::Node& value, const core::Node* key) const;

  // Where a missing field of mapping `value` is reported: the mapping's own key, the
  // root anchor, or (for a mapping in a list) its first key.
  core::ByteSpan missing_span(const core::Node& value, const core::Node* key) const;

  void report(core::ByteSpan span, std::string message, bool deprecated = false);

  // Reports a violation whose message is only built when someone reads it.
  template <typename Message>
  bool fail(core::ByteSpan span, Message&& message) {
    if (out_ != nullptr) {
      report(span, message());
    }
    return false;
  }

  bool in_enum(const std::vector<core::Node>& values, const core::Node& value) const;

  std::string enum_message(const std::vector<core::Node>& values, const core::Node& value) const;

  bool is_deprecated(SchemaId id) const;

  // A key no `properties` or `patternProperties` entry names.
  bool is_unknown(const SchemaNode& schema, std::string_view name) const;

  bool check_object(const SchemaNode& schema, const core::Node& value, const core::Node* key);

  std::string unknown_message(const SchemaNode& schema, std::string_view name) const;

  bool check_array(const SchemaNode& schema, const core::Node& value, const core::Node* key);

  bool check_unique(const std::vector<core::Node>& items);

  bool check_string(const SchemaNode& schema, const core::Node& value, const core::Node* key);

  bool check_number(const SchemaNode& schema, const core::Node& value, const core::Node* key);

  static bool is_multiple(const core::Node& value, double x, double divisor);

  bool check_applicators(const SchemaNode& schema, const core::Node& value, const core::Node* key);

  // A passing branch was checked quietly; checking it again reports its deprecations.
  void report_deprecations(SchemaId branch, const core::Node& value, const core::Node* key);

  bool check_any_of(const std::vector<SchemaId>& branches, const core::Node& value,
                    const core::Node* key);

  bool check_one_of(const std::vector<SchemaId>& branches, const core::Node& value,
                    const core::Node* key);

  // Why no alternative matched. One alternative of the value's type reports its own
  // violations. Several: a scalar is told what each one is ("expected one of: a date,
  // a date-time"), unless two read alike; then, and for lists and mappings (which all
  // read "a mapping"), the alternative with the fewest violations reports them.
  void report_alternatives(const std::vector<SchemaId>& branches, const core::Node& value,
                           const core::Node* key);

  void report_closest(const std::vector<SchemaId>& branches, const core::Node& value,
                      const core::Node* key);

  // Whether an alternative is about values like this one: its type (or const/enum) fits,
  // and for a mapping, the fields it pins with const/enum (discriminators) agree.
  bool type_matches(SchemaId id, const core::Node& value, int depth) const;

  std::string describe_all(const std::vector<SchemaId>& branches) const;

  // Appends what schema `id` accepts, in a few words per alternative, without repeats.
  void describe(SchemaId id, std::vector<std::string>& out, int depth) const;

  const CompiledSchema& schema_;
  const core::Node& root_;
  core::ByteSpan anchor_;
  std::vector<Violation>* out_;
  std::string path_;
  int depth_ = 0;
  std::size_t steps_ = 0;
  std::size_t max_steps_;
  std::optional<Violation> limit_;
};

}  // namespace contentlint::schema
