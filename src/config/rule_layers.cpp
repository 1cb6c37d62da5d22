#include "config/rule_layers.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "config/nearest.hpp"
#include "config/presets.hpp"
#include "frontmatter/frontmatter.hpp"
#include "rules/rule.hpp"

namespace contentlint::config {
namespace {

// Presets are ours and shallow (strict → recommended); the bound only stops a cycle.
constexpr int kMaxPresetDepth = 8;

constexpr std::string_view kLevels[] = {"off", "info", "warning", "error"};
constexpr std::string_view kPresetKeys[] = {"extends", "rules", "promote-warnings"};

core::Error error_at(const std::string& path, const core::Node& node, std::string message) {
  return core::Error{path, node.position, std::move(message)};
}

std::string source_of(const RulesOrigin& origin, const core::Node& key) {
  if (!origin.preset.empty()) return "preset " + origin.preset;
  std::string where = fmt::format("{}:{}:{}", origin.path, key.position.line, key.position.column);
  if (origin.collection.empty()) return where;
  return fmt::format("collection {} ({})", origin.collection, where);
}

// `ids`: every rule id the config knows (built-in and declarative).
std::string unknown_rule_message(std::string_view id, const std::vector<std::string_view>& ids) {
  std::optional<std::string_view> suggestion = nearest(id, ids);
  if (!suggestion && id.find('/') == std::string_view::npos) {
    // `empty-url` for `image/empty-url`: the category was left out.
    for (std::string_view known : ids) {
      if (known.substr(known.find('/') + 1) == id) suggestion = known;
    }
  }
  if (suggestion) return fmt::format("unknown rule '{}'; did you mean '{}'?", id, *suggestion);
  return fmt::format("unknown rule '{}'; `contentlint rules` lists the rules", id);
}

core::Expected<core::Severity> parse_level(const core::Node& node, std::string_view rule,
                                           const std::string& path) {
  if (!node.is_scalar()) {
    return error_at(path, node,
                    fmt::format("the level of rule {} must be off, info, warning or error, "
                                "found {}",
                                rule, core::describe_type(node)));
  }
  if (auto severity = core::parse_severity(node.text)) return *severity;
  if (auto suggestion = nearest(node.text, kLevels)) {
    return error_at(path, node,
                    fmt::format("unknown level '{}' for rule {}; did you mean '{}'?", node.text,
                                rule, *suggestion));
  }
  return error_at(path, node,
                  fmt::format("unknown level '{}' for rule {}; expected off, info, warning or "
                              "error",
                              node.text, rule));
}

// One mapping holding the options of `setting`, a later key replacing an earlier one.
// Entries are copied (with their positions) so that options from several layers can be
// read as one mapping; the copy lives in `keep.trees`.
const core::Node* merge_options(const LayeredSetting& setting, Config& keep) {
  if (setting.options.empty()) return nullptr;
  core::Node merged;
  merged.kind = core::NodeKind::mapping;
  merged.span = setting.options.front()->key.span;
  merged.position = setting.options.front()->key.position;
  for (const core::Entry* entry : setting.options) {
    auto same = std::find_if(merged.entries.begin(), merged.entries.end(),
                             [&](const core::Entry& e) { return e.key.text == entry->key.text; });
    if (same != merged.entries.end()) {
      *same = *entry;
    } else {
      merged.entries.push_back(*entry);
    }
  }
  auto tree = std::make_shared<const core::Node>(std::move(merged));
  keep.trees.push_back(tree);
  return tree.get();
}

std::optional<core::Error> apply_preset_at(RuleLayers& layers, std::string_view name, Config& keep,
                                           int depth) {
  const EmbeddedFile* preset = nullptr;
  for (const EmbeddedFile& file : embedded_presets()) {
    if (file.name == name) preset = &file;
  }
  std::string path = fmt::format("rules/{}.yaml", name);
  if (preset == nullptr) return core::Error{path, std::nullopt, "no such preset"};
  if (depth > kMaxPresetDepth) {
    return core::Error{path, std::nullopt, "presets extend each other in a cycle"};
  }
  auto root = parse_yaml_file(path, std::string(preset->text), keep);
  if (!root) return root.error();
  if (*root == nullptr) return std::nullopt;
  if (!(*root)->is_mapping()) {
    return error_at(path, **root, "a preset must be a mapping of keys");
  }
  const core::Node* extends = nullptr;
  const core::Node* rules = nullptr;
  bool promote = false;
  for (const core::Entry& entry : (*root)->entries) {
    const std::string& key = entry.key.text;
    if (key == "extends") {
      extends = &entry.value;
    } else if (key == "rules") {
      rules = &entry.value;
    } else if (key == "promote-warnings") {
      std::optional<bool> value = entry.value.as_bool();
      if (!value) return error_at(path, entry.value, "'promote-warnings' must be true or false");
      promote = *value;
    } else {
      return error_at(path, entry.key,
                      fmt::format("unknown key '{}' in a preset; expected one of: {}", key,
                                  join_words(kPresetKeys)));
    }
  }
  if (extends != nullptr) {
    if (!extends->is_scalar()) return error_at(path, *extends, "'extends' must be a preset name");
    if (auto error = apply_preset_at(layers, extends->text, keep, depth + 1)) return error;
  }
  if (rules != nullptr) {
    if (auto error = apply_rules(layers, *rules, {path, std::string(name), ""})) return error;
  }
  if (promote) {
    for (auto& [id, setting] : layers) {
      if (setting.severity != core::Severity::warning) continue;
      setting.severity = core::Severity::error;
      setting.source = fmt::format("preset {}", name);
    }
  }
  return std::nullopt;
}

}  // namespace

core::Expected<const core::Node*> parse_yaml_file(std::string path, std::string text,
                                                  Config& keep) {
  auto document = std::make_shared<const core::Document>(std::move(path), std::move(text));
  keep.documents.push_back(document);
  frontmatter::Yaml yaml = frontmatter::parse_yaml(*document, {0, document->text().size()});
  if (!yaml.problems.empty()) {
    const frontmatter::Problem& problem = yaml.problems.front();
    return core::Error{document->path(), document->position(problem.span.begin), problem.message};
  }
  if (!yaml.root || yaml.root->is_null()) return static_cast<const core::Node*>(nullptr);
  auto tree = std::make_shared<const core::Node>(std::move(*yaml.root));
  keep.trees.push_back(tree);
  return tree.get();
}

RuleLayers empty_layers(const rules::Catalog& catalog) {
  RuleLayers layers;
  for (const rules::RuleEntry* entry : catalog.entries()) {
    LayeredSetting setting{entry};
    if (const rules::Declarative* rule = catalog.declarative(entry->meta.id)) {
      setting.severity = entry->meta.default_severity;
      setting.source = rule->path();
    }
    layers.emplace(std::string(entry->meta.id), std::move(setting));
  }
  return layers;
}

std::optional<core::Error> apply_rules(RuleLayers& layers, const core::Node& rules,
                                       const RulesOrigin& origin) {
  if (!rules.is_mapping()) {
    return error_at(origin.path, rules,
                    fmt::format("'rules' must be a mapping of rule ids to levels or options, "
                                "found {}",
                                core::describe_type(rules)));
  }
  for (const core::Entry& entry : rules.entries) {
    const std::string& id = entry.key.text;
    auto found = layers.find(id);
    if (found == layers.end()) {
      if (!origin.preset.empty()) continue;
      std::vector<std::string_view> ids;
      for (const auto& [known, setting] : layers) ids.push_back(known);
      return error_at(origin.path, entry.key, unknown_rule_message(id, ids));
    }
    LayeredSetting& setting = found->second;
    const core::Node& value = entry.value;
    if (value.is_scalar()) {
      auto level = parse_level(value, id, origin.path);
      if (!level) return level.error();
      setting.severity = *level;
    } else if (value.is_mapping()) {
      const core::Node* level = nullptr;
      for (const core::Entry& option : value.entries) {
        if (option.key.text == "level") {
          level = &option.value;
        } else {
          setting.options.push_back(&option);
        }
      }
      if (level != nullptr) {
        auto severity = parse_level(*level, id, origin.path);
        if (!severity) return severity.error();
        setting.severity = *severity;
      } else if (setting.severity == core::Severity::off) {
        // Options without a level turn a rule on: `tag/unknown: {allowed: [...]}` is how a
        // rule that means nothing without options is enabled.
        setting.severity = setting.entry->meta.default_severity;
      }
    } else {
      return error_at(origin.path, value,
                      fmt::format("rule {} must be a level (off, info, warning or error) or a "
                                  "mapping of options, found {}",
                                  id, core::describe_type(value)));
    }
    setting.source = source_of(origin, entry.key);
  }
  return std::nullopt;
}

std::vector<std::string_view> preset_names() {
  std::vector<std::string_view> names;
  for (const EmbeddedFile& file : embedded_presets()) names.push_back(file.name);
  return names;
}

std::optional<core::Error> apply_preset(RuleLayers& layers, std::string_view name, Config& keep) {
  return apply_preset_at(layers, name, keep, 0);
}

std::optional<core::Error> check_overrides(const std::vector<Override>& overrides,
                                           const rules::Catalog& catalog) {
  for (const Override& override : overrides) {
    if (catalog.find(override.rule) == nullptr) {
      std::vector<std::string_view> ids;
      for (const rules::RuleEntry* entry : catalog.entries()) ids.push_back(entry->meta.id);
      return core::Error{"--rule", std::nullopt, unknown_rule_message(override.rule, ids)};
    }
  }
  return std::nullopt;
}

void apply_overrides(RuleLayers& layers, const std::vector<Override>& overrides) {
  for (const Override& override : overrides) {
    auto found = layers.find(override.rule);
    if (found == layers.end()) continue;  // check_overrides has reported it
    found->second.severity = override.severity;
    found->second.source = "--rule";
  }
}

core::Expected<RuleSet> build_rule_set(const RuleLayers& layers, const rules::Catalog& catalog,
                                       const std::string& config_path, Config& keep) {
  RuleSet set;
  // The layers are a map sorted by id, so the active rules come out sorted by id.
  for (const auto& [id, layered] : layers) {
    const rules::RuleEntry& entry = *layered.entry;
    RuleSetting setting{layered.severity, merge_options(layered, keep), layered.source};
    if (setting.severity != core::Severity::off || setting.options != nullptr) {
      auto rule = catalog.make(entry, rules::Options(setting.options, config_path));
      if (!rule) return rule.error();
      if (setting.severity != core::Severity::off) {
        set.active.push_back(ActiveRule{&entry, setting.severity, std::move(*rule)});
      }
    }
    set.settings.emplace(id, std::move(setting));
  }
  return set;
}

}  // namespace contentlint::config
