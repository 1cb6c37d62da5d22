/// Declarative rules (one YAML file, one rule of a fixed kind, Vale-style) and the
/// catalog that merges them with the built-in registry.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/position.hpp"
#include "rules/rule.hpp"

namespace contentlint::rules {

/// What a declarative rule looks for.
enum class DeclarativeKind {
  existence,     // `tokens` (whole words) or `patterns` (RE2) must not appear
  substitution,  // `swap: {wrong: right}`; fixable by replacing the match with the right form
  field_pattern  // the front matter `field` must match `pattern` (RE2, unanchored)
};

struct DeclarativeDefinition;

/// One declarative rule, loaded and validated from its file. It owns every string its
/// metadata views and its compiled patterns, so it never moves: it lives behind a
/// unique_ptr in the Catalog, and the rules made from it point into it.
class Declarative {
 public:
  /// Reads the rule in `text`, the file displayed as `path`. Every mistake is an error at
  /// its `path:line:col`: YAML syntax, an unknown key (with the nearest known one), a
  /// missing `id`, `kind` or `message`, a bad id, level, kind or scope, a key that belongs
  /// to another kind, a bad regex, an unknown `{placeholder}` in the message. A file that
  /// holds nothing (empty or only comments) defines no rule: nullptr.
  static core::Expected<std::unique_ptr<Declarative>> load(std::string path, std::string text);

  ~Declarative();
  Declarative(const Declarative&) = delete;
  Declarative& operator=(const Declarative&) = delete;

  const RuleMeta& meta() const { return meta_; }
  /// The registry-style entry of this rule. Its `make` is nullptr: a declarative rule is
  /// made with Catalog::make (a plain function pointer cannot know which file it is).
  const RuleEntry& entry() const { return entry_; }
  DeclarativeKind kind() const;
  const std::string& path() const;  // the file, as displayed
  core::Position id_position() const;

  /// The rule that runs this definition; it points into `*this`, which must outlive it.
  std::unique_ptr<Rule> make_rule() const;

 private:
  explicit Declarative(std::unique_ptr<DeclarativeDefinition> definition);

  std::unique_ptr<DeclarativeDefinition> definition_;
  RuleMeta meta_;
  RuleEntry entry_;
};

/// The rules one configuration knows, sorted by id: the built-in registry merged with the
/// declarative rules of its `rule-dirs`. Entries keep their addresses for the catalog's
/// lifetime (built-ins are static; declarative ones live in the catalog), so a
/// config::ActiveRule may point at them while the catalog lives.
class Catalog {
 public:
  /// The built-in rules only.
  Catalog();
  Catalog(Catalog&&) = default;
  Catalog& operator=(Catalog&&) = default;

  /// Adds a declarative rule. An error at its `id` when a built-in rule or an earlier file
  /// already has that id.
  std::optional<core::Error> add(std::unique_ptr<Declarative> rule);

  /// Loads every `*.yaml` and `*.yml` file under `folder` (recursively, in path order),
  /// each displayed as `display_folder` joined with its path below `folder`, and adds its
  /// rule. The first error stops loading.
  std::optional<core::Error> add_folder(const std::filesystem::path& folder,
                                        const std::string& display_folder);

  /// Every rule, built-in and declarative, sorted by id.
  std::span<const RuleEntry* const> entries() const { return entries_; }
  /// The entry with this id, or nullptr.
  const RuleEntry* find(std::string_view id) const;
  /// The declarative rule with this id, or nullptr (built-in or unknown).
  const Declarative* declarative(std::string_view id) const;

  /// Makes the rule of `entry` (one of this catalog's entries) from its options, like
  /// RuleEntry::make; declarative rules take no options besides `level`.
  core::Expected<std::unique_ptr<Rule>> make(const RuleEntry& entry, const Options& options) const;

 private:
  std::vector<const RuleEntry*> entries_;
  std::vector<std::unique_ptr<Declarative>> declarative_;  // in the order they were added
};

}  // namespace contentlint::rules
