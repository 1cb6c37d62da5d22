/// `.contentlint.yaml`: discovery, parsing, validation, presets, and the rules it yields.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/glob.hpp"
#include "core/document.hpp"
#include "core/error.hpp"
#include "core/severity.hpp"
#include "core/value.hpp"
#include "rules/rule.hpp"
#include "schema/schema.hpp"

namespace contentlint::config {

/// One rule as configured: its level and options, and where that was said.
struct RuleSetting {
  core::Severity severity = core::Severity::off;
  const core::Node* options = nullptr;  // a mapping in the config tree, or nullptr
  std::string source;                   // "preset recommended", ".contentlint.yaml:12:3", "--rule"
};

/// A rule made from its settings, ready to run.
struct ActiveRule {
  const rules::RuleEntry* entry = nullptr;
  core::Severity severity = core::Severity::off;
  std::unique_ptr<rules::Rule> rule;
};

/// The rules one file runs, already constructed (options validated at load time).
struct RuleSet {
  std::map<std::string, RuleSetting, std::less<>> settings;  // every known rule id
  std::vector<ActiveRule> active;                           // severity != off, sorted by id
};

/// A group of files that follow one schema.
struct Collection {
  std::string name;
  std::vector<Glob> include;  // relative to Config::root
  std::string schema_path;    // as written in the config
  std::shared_ptr<const schema::Schema> schema;
  std::string route;          // "/blog/{slug}", may be empty
  RuleSet rules;              // global rules with this collection's overrides
};

/// A loaded, validated configuration. Paths inside are relative to `root`.
struct Config {
  std::string path;  // the config file as displayed, empty when running on defaults
  std::filesystem::path root;  // the config file's folder (the current dir for defaults)
  std::vector<Glob> ignore;
  std::string public_dir;
  std::string pages_dir;
  std::string site_url;
  std::vector<std::string> rule_dirs;
  std::vector<Collection> collections;
  RuleSet rules;  // for files outside every collection

  /// The first collection whose include globs match `relative` (a path relative to root,
  /// with `/` separators), or nullptr.
  const Collection* collection_for(std::string_view relative) const;
  /// The rules for a file in `collection` (nullptr: outside every collection).
  const RuleSet& rules_for(const Collection* collection) const {
    return collection != nullptr ? collection->rules : rules;
  }

  // The parsed config file and preset trees that RuleSetting::options point into.
  std::vector<std::shared_ptr<const core::Document>> documents;
  std::vector<std::shared_ptr<const core::Node>> trees;
};

/// `--rule ID=LEVEL` overrides from the command line, applied after the config.
struct Override {
  std::string rule;
  core::Severity severity;
};

/// Walks up from `start` to the nearest folder holding `.contentlint.yaml`.
std::optional<std::filesystem::path> discover(const std::filesystem::path& start);

/// Loads and validates the config at `file` (displayed as `display_path`): unknown keys,
/// wrong types, unknown rule ids, bad options, unreadable or invalid schemas are errors
/// naming the file, line and column.
core::Expected<Config> load(const std::filesystem::path& file, const std::string& display_path,
                            const std::vector<Override>& overrides);

/// The configuration used when no config file exists: the recommended preset, every
/// Markdown file, no collections.
core::Expected<Config> defaults(const std::filesystem::path& root,
                                const std::vector<Override>& overrides);

}  // namespace contentlint::config
