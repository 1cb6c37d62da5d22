/// `.contentlint.yaml`: discovery, parsing, validation, presets, and the rules it yields.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/error.hpp"
#include "core/glob.hpp"
#include "core/severity.hpp"
#include "core/value.hpp"
#include "links/external.hpp"
#include "rules/declarative.hpp"
#include "rules/rule.hpp"
#include "schema/schema.hpp"

namespace contentlint::config {

/// One rule as configured: its level and options, and where that was said.
struct RuleSetting {
  core::Severity severity = core::Severity::off;
  // The options of every layer merged into one mapping (without `level`; entries keep
  // their positions in the config file), owned by Config::trees; nullptr when none.
  const core::Node* options = nullptr;
  // Where the level or options were last set: "preset recommended", ".contentlint.yaml:12:3",
  // "collection posts (.contentlint.yaml:9:7)", "--rule"; empty when nothing named the rule.
  std::string source;
};

/// A rule made from its settings, ready to run.
struct ActiveRule {
  const rules::RuleEntry* entry = nullptr;  // in Config::catalog
  core::Severity severity = core::Severity::off;
  std::unique_ptr<rules::Rule> rule;
};

/// The rules one file runs, already constructed (options validated at load time).
struct RuleSet {
  std::map<std::string, RuleSetting, std::less<>> settings;  // every known rule id
  std::vector<ActiveRule> active;                            // severity != off, sorted by id
};

/// A group of files that follow one schema.
struct Collection {
  std::string name;
  std::vector<core::Glob> include;  // relative to Config::root
  std::string schema_path;          // as written in the config
  std::shared_ptr<const schema::Schema> schema;
  std::string route;  // "/blog/{slug}", may be empty
  RuleSet rules;      // global rules with this collection's overrides
};

/// How links are checked: offline (files, anchors, routes) or also over the network.
enum class LinkMode { offline, external };

/// A loaded, validated configuration. Paths inside are relative to `root`, as written.
struct Config {
  std::string path;            // the config file as displayed, empty when running on defaults
  std::filesystem::path root;  // the config file's folder, absolute (defaults: the given folder)
  std::vector<core::Glob> ignore;
  std::string public_dir;              // empty when not configured
  std::string pages_dir;               // empty when not configured
  std::string site_url;                // an absolute http(s) URL as written, or empty
  std::vector<std::string> rule_dirs;  // existing folders, checked at load time
  /// Every rule this config knows: the built-in ones and the declarative rules of its
  /// `rule-dirs`, sorted by id (`contentlint rules` and `explain` list it). Shared, so
  /// that moving a Config keeps the entries its rule sets point at.
  std::shared_ptr<const rules::Catalog> catalog;
  LinkMode links = LinkMode::offline;  // `links:`; the command line's --links overrides it
  /// The external checker's settings: the mapping form of `links:` (config/links_config.hpp);
  /// `cache_dir` as written, relative to `root`, empty when the cache is off.
  links::ExternalOptions external_links;
  std::vector<Collection> collections;
  RuleSet rules;  // for files outside every collection

  /// The first collection whose include globs match `relative` (a path relative to root,
  /// with `/` separators), or nullptr.
  const Collection* collection_for(std::string_view relative) const;
  /// The rules for a file in `collection` (nullptr: outside every collection).
  const RuleSet& rules_for(const Collection* collection) const {
    return collection != nullptr ? collection->rules : rules;
  }

  // The parsed config and preset files, and the merged option mappings, that
  // RuleSetting::options point into. Shared pointers, so moving a Config moves no node.
  std::vector<std::shared_ptr<const core::Document>> documents;
  std::vector<std::shared_ptr<const core::Node>> trees;
};

/// The top-level keys a `.contentlint.yaml` accepts, in documentation order
/// (schemas/contentlint.schema.json lists the same keys; a unit test keeps them in sync).
std::span<const std::string_view> config_keys();
/// The keys a collection under `collections:` accepts.
std::span<const std::string_view> collection_keys();

/// `--rule ID=LEVEL` overrides from the command line, applied after the config.
struct Override {
  std::string rule;
  core::Severity severity;
};

/// Walks up from `start` (a folder, made absolute) to the nearest folder holding a
/// `.contentlint.yaml` file and returns that file's absolute path.
std::optional<std::filesystem::path> discover(const std::filesystem::path& start);

/// Loads and validates the config at `file` (displayed as `display_path`): unknown keys,
/// wrong types, unknown rule ids, bad options, unreadable or invalid schemas are errors
/// naming the file, line and column. An unknown rule id in `overrides` is an error too.
///
/// A rule's setting is resolved in layers, each overriding the last: the preset named by
/// `extends` (recommended when absent), the config's `rules`, the collection's `rules`,
/// then `overrides`. A level replaces the level and keeps earlier options; an options
/// mapping overrides earlier options key by key, and turns on at its default severity a
/// rule that was off unless it gives a `level`. A rule no layer names stays off.
core::Expected<Config> load(const std::filesystem::path& file, const std::string& display_path,
                            const std::vector<Override>& overrides);

/// The configuration used when no config file exists: the recommended preset, every
/// Markdown file, no collections.
core::Expected<Config> defaults(const std::filesystem::path& root,
                                const std::vector<Override>& overrides);

}  // namespace contentlint::config
