// `contentlint config [FILE]`: the effective configuration for a file, and where each
// setting came from.

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/load_config.hpp"
#include "config/config.hpp"
#include "core/document.hpp"
#include "frontmatter/frontmatter.hpp"

namespace contentlint::cli {
namespace {

namespace fs = std::filesystem;

struct ConfigFlags {
  std::string file;
  std::string config;
  std::string format = "text";
  std::vector<std::string> rule_overrides;
};

/// One setting as shown: its value and where it was set.
struct Shown {
  std::string key;
  std::string value;
  std::string source;
};

// The config file re-read, to name the line of each top-level key (the loaded Config keeps
// values, not places). Empty when running on defaults.
struct ConfigText {
  std::unique_ptr<core::Document> document;
  std::optional<core::Node> root;

  const core::Entry* entry(std::string_view key) const {
    if (!root || !root->is_mapping()) return nullptr;
    const core::Entry* found = nullptr;
    for (const core::Entry& e : root->entries) {
      if (e.key.text == key) found = &e;
    }
    return found;
  }
};

ConfigText read_config_text(const config::Config& config) {
  ConfigText out;
  if (config.path.empty()) return out;
  fs::path file = config.root / fs::path(config.path).filename();
  std::ifstream stream(file, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
  out.document = std::make_unique<core::Document>(config.path, std::move(text));
  frontmatter::Yaml yaml = frontmatter::parse_yaml(*out.document, {0, out.document->text().size()});
  out.root = std::move(yaml.root);
  return out;
}

std::string at(const std::string& path, const core::Node& node) {
  return fmt::format("{}:{}:{}", path, node.position.line, node.position.column);
}

// A value in one line: scalars as written, lists and mappings in flow style. The depth
// bound keeps a hostile config from recursing without end.
std::string inline_text(const core::Node& node, int depth = 0) {
  if (depth > 8) return "...";
  if (node.is_null()) return "null";
  if (node.is_scalar()) {
    return node.style == core::ScalarStyle::quoted ? fmt::format("\"{}\"", node.text) : node.text;
  }
  std::string out = node.is_sequence() ? "[" : "{";
  bool first = true;
  if (node.is_sequence()) {
    for (const core::Node& item : node.items) {
      out += first ? "" : ", ";
      out += inline_text(item, depth + 1);
      first = false;
    }
  } else {
    for (const core::Entry& entry : node.entries) {
      out += first ? "" : ", ";
      out += entry.key.text + ": " + inline_text(entry.value, depth + 1);
      first = false;
    }
  }
  return out + (node.is_sequence() ? "]" : "}");
}

nlohmann::json to_json(const core::Node& node, int depth = 0) {
  if (depth > 8) return nullptr;
  switch (node.kind) {
    case core::NodeKind::null:
      return nullptr;
    case core::NodeKind::scalar:
      switch (node.scalar_type()) {
        case core::ScalarType::null:
          return nullptr;
        case core::ScalarType::boolean:
          return *node.as_bool();
        case core::ScalarType::integer:
          return *node.as_integer();
        case core::ScalarType::number:
          return *node.as_number();
        case core::ScalarType::string:
          return node.text;
      }
      return node.text;
    case core::NodeKind::sequence: {
      nlohmann::json out = nlohmann::json::array();
      for (const core::Node& item : node.items) out.push_back(to_json(item, depth + 1));
      return out;
    }
    case core::NodeKind::mapping: {
      nlohmann::json out = nlohmann::json::object();
      for (const core::Entry& entry : node.entries) {
        out[entry.key.text] = to_json(entry.value, depth + 1);
      }
      return out;
    }
  }
  return nullptr;
}

// Where an option entry was written: the config file when its key stands there, else a
// preset (presets are the only other files options come from).
std::string option_source(const ConfigText& text, const core::Entry& option) {
  if (text.document && option.key.span.end <= text.document->text().size() &&
      text.document->slice(option.key.span) == option.key.text) {
    return at(text.document->path(), option.key);
  }
  return "preset";
}

std::string describe_source(const std::string& source) {
  if (source.empty()) return "not configured (off)";
  if (source == "--rule") return "command line (--rule)";
  return source;
}

std::vector<Shown> site_settings(const config::Config& config, const ConfigText& text) {
  std::vector<Shown> out;
  auto source = [&](std::string_view key, std::string_view fallback) {
    const core::Entry* entry = text.entry(key);
    return entry != nullptr ? at(config.path, entry->key) : std::string(fallback);
  };
  const core::Entry* extends = text.entry("extends");
  out.push_back({"extends", extends != nullptr ? extends->value.text : "recommended",
                 source("extends", "default")});
  out.push_back({"public-dir", config.public_dir.empty() ? "(none)" : config.public_dir,
                 source("public-dir", "default")});
  out.push_back({"pages-dir", config.pages_dir.empty() ? "(none)" : config.pages_dir,
                 source("pages-dir", "default")});
  out.push_back({"site-url", config.site_url.empty() ? "(none)" : config.site_url,
                 source("site-url", "default")});
  out.push_back({"links", config.links == config::LinkMode::external ? "external" : "offline",
                 source("links", "default")});
  return out;
}

// The place of `collection`'s key and of one of its fields in the config file.
std::string collection_source(const config::Config& config, const ConfigText& text,
                              const std::string& name, std::string_view field) {
  const core::Entry* collections = text.entry("collections");
  if (collections == nullptr || !collections->value.is_mapping()) return config.path;
  for (const core::Entry& entry : collections->value.entries) {
    if (entry.key.text != name) continue;
    if (field.empty() || !entry.value.is_mapping()) return at(config.path, entry.key);
    for (const core::Entry& inner : entry.value.entries) {
      if (inner.key.text == field) return at(config.path, inner.key);
    }
    return at(config.path, entry.key);
  }
  return config.path;
}

int run_config(const ConfigFlags& flags) {
  std::vector<config::Override> overrides;
  for (const std::string& spec : flags.rule_overrides) {
    auto equals = spec.find('=');
    auto severity =
        equals == std::string::npos ? std::nullopt : core::parse_severity(spec.substr(equals + 1));
    if (!severity) {
      print_errors(
          {core::Error{"--rule", std::nullopt,
                       fmt::format("expected ID=off|info|warning|error, found '{}'", spec)}});
      return kExitUsage;
    }
    overrides.push_back({spec.substr(0, equals), *severity});
  }
  fs::path start = fs::current_path();
  std::error_code ignored;
  if (!flags.file.empty()) {
    fs::path absolute = fs::absolute(flags.file, ignored);
    start = fs::is_directory(absolute, ignored) ? absolute : absolute.parent_path();
  }
  auto loaded = load_config(flags.config, start, overrides);
  if (!loaded) {
    print_errors({loaded.error()});
    return kExitUsage;
  }
  const config::Config& config = *loaded;
  ConfigText text = read_config_text(config);

  const config::Collection* collection = nullptr;
  std::string relative;
  if (!flags.file.empty()) {
    relative = fs::absolute(flags.file, ignored)
                   .lexically_normal()
                   .lexically_relative(config.root)
                   .generic_string();
    collection = config.collection_for(relative);
  }
  const config::RuleSet& rules = config.rules_for(collection);
  std::vector<Shown> settings = site_settings(config, text);

  if (flags.format == "json") {
    nlohmann::json out = nlohmann::json::object();
    out["file"] = flags.file.empty() ? nlohmann::json(nullptr) : nlohmann::json(flags.file);
    out["config"] = config.path.empty() ? nlohmann::json(nullptr) : nlohmann::json(config.path);
    for (const Shown& shown : settings) {
      out["settings"][shown.key] = {{"value", shown.value}, {"source", shown.source}};
    }
    if (collection != nullptr) {
      out["collection"] = {{"name", collection->name},
                           {"source", collection_source(config, text, collection->name, "")},
                           {"schema", collection->schema_path},
                           {"route", collection->route}};
    } else {
      out["collection"] = nullptr;
    }
    out["rules"] = nlohmann::json::array();
    for (const auto& [id, setting] : rules.settings) {
      nlohmann::json rule = {{"id", id},
                             {"level", core::to_string(setting.severity)},
                             {"source", describe_source(setting.source)}};
      if (setting.options != nullptr) {
        for (const core::Entry& option : setting.options->entries) {
          rule["options"][option.key.text] = {{"value", to_json(option.value)},
                                              {"source", option_source(text, option)}};
        }
      }
      out["rules"].push_back(std::move(rule));
    }
    fmt::print("{}\n", out.dump(2));
    return kExitOk;
  }

  std::string out;
  if (!flags.file.empty()) out += fmt::format("file: {}\n", flags.file);
  out += fmt::format("config: {}\n",
                     config.path.empty() ? "none (the recommended defaults)" : config.path);
  std::size_t width = 0;
  for (const Shown& shown : settings)
    width = std::max(width, shown.key.size() + shown.value.size());
  for (const Shown& shown : settings) {
    out += fmt::format("{}: {:<{}}  {}\n", shown.key, shown.value, width - shown.key.size(),
                       shown.source);
  }
  if (collection != nullptr) {
    out += fmt::format("collection: {}  {}\n", collection->name,
                       collection_source(config, text, collection->name, ""));
    out += fmt::format("  schema: {}  {}\n",
                       collection->schema_path.empty() ? "(none)" : collection->schema_path,
                       collection_source(config, text, collection->name, "schema"));
    if (!collection->route.empty()) {
      out += fmt::format("  route: {}  {}\n", collection->route,
                         collection_source(config, text, collection->name, "route"));
    }
  } else if (!flags.file.empty()) {
    out += "collection: none (outside every collection)\n";
  }
  out += "rules:\n";
  std::size_t id_width = 0;
  for (const auto& [id, setting] : rules.settings) id_width = std::max(id_width, id.size());
  for (const auto& [id, setting] : rules.settings) {
    out += fmt::format("  {:<{}}  {:<7}  {}\n", id, id_width, core::to_string(setting.severity),
                       describe_source(setting.source));
    if (setting.options == nullptr) continue;
    for (const core::Entry& option : setting.options->entries) {
      out += fmt::format("    {}: {}  {}\n", option.key.text, inline_text(option.value),
                         option_source(text, option));
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Command add_config(CLI::App& app) {
  auto flags = std::make_shared<ConfigFlags>();
  CLI::App* command = app.add_subcommand(
      "config",
      "Print the effective configuration for FILE (its collection, schema, each rule's level "
      "and options) and where each setting came from");
  command->add_option("FILE", flags->file,
                      "the file to show the configuration for; default: files outside every "
                      "collection");
  command->add_option("--config", flags->config,
                      "the config file; default: the nearest .contentlint.yaml upward from FILE");
  command->add_option("--format", flags->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  command
      ->add_option("--rule", flags->rule_overrides,
                   "override one rule's level: ID=off|info|warning|error (repeatable)")
      ->allow_extra_args(false);
  return [flags] { return run_config(*flags); };
}

}  // namespace contentlint::cli
