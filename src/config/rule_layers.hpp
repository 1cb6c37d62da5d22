/// Resolving rule settings in layers: preset, config, collection, command line.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "core/error.hpp"
#include "core/severity.hpp"
#include "core/value.hpp"
#include "rules/declarative.hpp"

namespace contentlint::config {

/// One rule's setting while the layers of a configuration are applied.
struct LayeredSetting {
  const rules::RuleEntry* entry = nullptr;  // the rule, in the config's catalog
  core::Severity severity = core::Severity::off;
  // Option entries in the order the layers gave them (a later key wins), `level` left
  // out. They point into trees that Config::trees keeps alive.
  std::vector<const core::Entry*> options;
  std::string source;  // the last layer that named the rule; empty when none did
};

/// Every rule id of the catalog → its setting so far.
using RuleLayers = std::map<std::string, LayeredSetting, std::less<>>;

/// Where a `rules:` mapping stands: this decides the sources it records and whether an
/// unknown rule id is an error.
struct RulesOrigin {
  std::string path;        // the display path of the file that holds the mapping
  std::string preset;      // the preset's name when the mapping is in a preset
  std::string collection;  // the collection's name when it is a collection's `rules`
};

/// Parses `text`, a whole YAML file displayed as `path`, keeping its Document and tree in
/// `keep`. The root, nullptr for an empty file (or a lone null), or the first problem the
/// YAML reader found (a syntax error, a duplicate key) as an error at its position.
core::Expected<const core::Node*> parse_yaml_file(std::string path, std::string text, Config& keep);

/// Every rule of `catalog`: built-in rules off and named by no layer; declarative rules
/// at the level their file gives, with that file as their source (adding a rule folder
/// is what turns its rules on, whatever the preset).
RuleLayers empty_layers(const rules::Catalog& catalog);

/// Applies a `rules:` mapping on top of `layers`. A preset may name rules this binary
/// does not have (the registry grows; the preset is not the user's to fix), so there they
/// are skipped; anywhere else an unknown id is an error.
std::optional<core::Error> apply_rules(RuleLayers& layers, const core::Node& rules,
                                       const RulesOrigin& origin);

/// The names of the embedded presets, in their embedding order.
std::vector<std::string_view> preset_names();

/// Applies the embedded preset `name` and the presets it extends. Their parsed files are
/// added to `keep`, because the settings' options point into them. An error here is a
/// broken preset, i.e. a bug in contentlint.
std::optional<core::Error> apply_preset(RuleLayers& layers, std::string_view name, Config& keep);

/// An error for the first override that names no rule of `catalog`.
std::optional<core::Error> check_overrides(const std::vector<Override>& overrides,
                                           const rules::Catalog& catalog);
void apply_overrides(RuleLayers& layers, const std::vector<Override>& overrides);

/// The final settings of `layers`, with each rule's options merged into one mapping (kept
/// alive by `keep.trees`), and every rule that is on constructed. A rule that is off but
/// has options is constructed too, so its options are checked. A factory's error is
/// returned as it is; `config_path` is the path its errors name. Rules are made with
/// `catalog`, which must outlive the set (its entries are pointed at).
core::Expected<RuleSet> build_rule_set(const RuleLayers& layers, const rules::Catalog& catalog,
                                       const std::string& config_path, Config& keep);

}  // namespace contentlint::config
