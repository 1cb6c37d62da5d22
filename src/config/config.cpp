#include "config/config.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "config/links_config.hpp"
#include "config/nearest.hpp"
#include "config/rule_layers.hpp"

namespace contentlint::config {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kConfigFile = ".contentlint.yaml";
constexpr std::string_view kDefaultPreset = "recommended";

constexpr std::string_view kConfigKeys[] = {
    "extends",     "ignore", "public-dir", "pages-dir", "site-url",
    "collections", "rules",  "rule-dirs",  "links",
};
constexpr std::string_view kCollectionKeys[] = {"include", "schema", "route", "rules"};

std::string unknown_message(std::string_view what, std::string_view word,
                            std::span<const std::string_view> known) {
  if (auto suggestion = nearest(word, known)) {
    return fmt::format("unknown {} '{}'; did you mean '{}'?", what, word, *suggestion);
  }
  return fmt::format("unknown {} '{}'; expected one of: {}", what, word, join_words(known));
}

// The path as it is shown: relative to the current directory, without "./", like every
// path in contentlint's output.
std::string display_path(const fs::path& path) {
  std::error_code error;
  fs::path relative = fs::relative(path, fs::current_path(error), error);
  if (error || relative.empty()) return path.generic_string();
  return relative.generic_string();
}

// Whether `path` lies inside `root` once symlinks are resolved: the files and folders a
// config names come from pull requests too, and must not read the rest of the machine.
bool inside_root(const fs::path& path, const fs::path& root) {
  std::error_code error;
  fs::path relative =
      fs::weakly_canonical(path, error).lexically_relative(fs::weakly_canonical(root, error));
  return !relative.empty() && relative.begin()->string() != ".." && !relative.is_absolute();
}

// A collection as read, before its rules are resolved (that needs the whole config).
struct PendingCollection {
  Collection collection;
  const core::Node* rules = nullptr;
};

/// Reads one config file's tree into a Config, checking every key on the way.
class Loader {
 public:
  Loader(Config& config, const std::vector<Override>& overrides)
      : config_(config), overrides_(overrides) {}

  std::optional<core::Error> run(const core::Node* root) {
    if (root != nullptr && !root->is_mapping()) {
      return error(*root, fmt::format("the config must be a mapping of keys, found {}",
                                      core::describe_type(*root)));
    }
    // Declarative rules first: the rules mappings and --rule may name them.
    auto catalog = std::make_shared<rules::Catalog>();
    const core::Node* rule_dirs = root != nullptr ? root->find("rule-dirs") : nullptr;
    if (rule_dirs != nullptr) {
      if (auto failure = read_rule_dirs(*rule_dirs, *catalog)) return failure;
    }
    config_.catalog = catalog;
    if (auto failure = check_overrides(overrides_, *catalog)) return failure;

    RuleLayers base = empty_layers(*catalog);
    const core::Node* extends = root != nullptr ? root->find("extends") : nullptr;
    std::string preset(kDefaultPreset);
    if (extends != nullptr) {
      auto name = preset_name(*extends);
      if (!name) return name.error();
      preset = *name;
    }
    if (auto failure = apply_preset(base, preset, config_)) return failure;

    std::vector<PendingCollection> collections;
    if (root != nullptr) {
      for (const core::Entry& entry : root->entries) {
        if (auto failure = read_key(entry, base, collections)) return failure;
      }
    }

    RuleLayers global = base;
    apply_overrides(global, overrides_);
    auto rules = build_rule_set(global, *catalog, config_.path, config_);
    if (!rules) return rules.error();
    config_.rules = std::move(*rules);

    for (PendingCollection& pending : collections) {
      RuleLayers layers = base;
      if (pending.rules != nullptr) {
        RulesOrigin origin{config_.path, "", pending.collection.name};
        if (auto failure = apply_rules(layers, *pending.rules, origin)) return failure;
      }
      apply_overrides(layers, overrides_);
      auto collection_rules = build_rule_set(layers, *catalog, config_.path, config_);
      if (!collection_rules) return collection_rules.error();
      pending.collection.rules = std::move(*collection_rules);
      config_.collections.push_back(std::move(pending.collection));
    }
    if (config_.links == LinkMode::external) {
      return enable_external_links(config_, "links: external");
    }
    return std::nullopt;
  }

 private:
  core::Error error(const core::Node& at, std::string message) const {
    return core::Error{config_.path, at.position, std::move(message)};
  }

  core::Expected<std::string> preset_name(const core::Node& node) const {
    if (!node.is_scalar()) {
      return error(node,
                   fmt::format("'extends' must be a string, found {}", core::describe_type(node)));
    }
    std::vector<std::string_view> names = preset_names();
    for (std::string_view name : names) {
      if (name == node.text) return node.text;
    }
    return error(node, unknown_message("preset", node.text, names));
  }

  std::optional<core::Error> read_key(const core::Entry& entry, RuleLayers& base,
                                      std::vector<PendingCollection>& collections) {
    const std::string& key = entry.key.text;
    const core::Node& value = entry.value;
    if (key == "extends") return std::nullopt;  // applied first, whatever its place
    if (key == "ignore") return read_globs(key, value, config_.ignore);
    if (key == "public-dir") return read_string(key, value, config_.public_dir);
    if (key == "pages-dir") return read_string(key, value, config_.pages_dir);
    if (key == "site-url") return read_site_url(value);
    if (key == "collections") return read_collections(value, collections);
    if (key == "rules") return apply_rules(base, value, {config_.path, "", ""});
    if (key == "rule-dirs") return std::nullopt;  // read first, like extends
    if (key == "links") return config::read_links(value, config_);
    return error(entry.key, unknown_message("key", key, kConfigKeys));
  }

  std::optional<core::Error> read_string(std::string_view key, const core::Node& value,
                                         std::string& out) const {
    if (!value.is_scalar()) {
      return error(value,
                   fmt::format("'{}' must be a string, found {}", key, core::describe_type(value)));
    }
    if (value.text.empty()) return error(value, fmt::format("'{}' is empty", key));
    out = value.text;
    return std::nullopt;
  }

  std::optional<core::Error> read_strings(std::string_view key, std::string_view what,
                                          const core::Node& value,
                                          std::vector<const core::Node*>& out) const {
    if (!value.is_sequence()) {
      return error(value, fmt::format("'{}' must be a list of {}, found {}", key, what,
                                      core::describe_type(value)));
    }
    for (const core::Node& item : value.items) {
      if (!item.is_scalar()) {
        return error(item, fmt::format("'{}' must be a list of {}, found {} in it", key, what,
                                       core::describe_type(item)));
      }
      out.push_back(&item);
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_globs(std::string_view key, const core::Node& value,
                                        std::vector<core::Glob>& out) const {
    std::vector<const core::Node*> items;
    if (auto failure = read_strings(key, "globs", value, items)) return failure;
    for (const core::Node* item : items) {
      auto glob = core::Glob::compile(item->text);
      if (!glob) return error(*item, glob.error().message);
      out.push_back(std::move(*glob));
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_site_url(const core::Node& value) {
    if (auto failure = read_string("site-url", value, config_.site_url)) return failure;
    std::string_view url = config_.site_url;
    std::string_view rest = url.starts_with("https://")  ? url.substr(8)
                            : url.starts_with("http://") ? url.substr(7)
                                                         : std::string_view();
    bool has_host =
        !rest.empty() && rest.front() != '/' && rest.find_first_of(" \t") == std::string_view::npos;
    if (!has_host) {
      return error(value, fmt::format("'site-url' must be an absolute http(s) URL like "
                                      "https://example.org, found '{}'",
                                      url));
    }
    return std::nullopt;
  }

  // Each folder's `*.yaml` files define one declarative rule each (rules/declarative.hpp).
  std::optional<core::Error> read_rule_dirs(const core::Node& value, rules::Catalog& catalog) {
    std::vector<const core::Node*> items;
    if (auto failure = read_strings("rule-dirs", "folders", value, items)) return failure;
    for (const core::Node* item : items) {
      std::error_code ignored;
      fs::path folder = (config_.root / item->text).lexically_normal();
      if (!inside_root(folder, config_.root)) {
        return error(*item, fmt::format("rule folder '{}' is outside the repository (the "
                                        "config's folder); not read",
                                        item->text));
      }
      if (!fs::is_directory(folder, ignored)) {
        return error(*item, fmt::format("rule folder '{}' not found", item->text));
      }
      if (auto failure = catalog.add_folder(folder, display_path(folder))) return failure;
      config_.rule_dirs.push_back(item->text);
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_collections(const core::Node& value,
                                              std::vector<PendingCollection>& collections) {
    if (!value.is_mapping()) {
      return error(value, fmt::format("'collections' must be a mapping of collection names to "
                                      "collections, found {}",
                                      core::describe_type(value)));
    }
    for (const core::Entry& entry : value.entries) {
      auto pending = read_collection(entry);
      if (!pending) return pending.error();
      collections.push_back(std::move(*pending));
    }
    return std::nullopt;
  }

  core::Expected<PendingCollection> read_collection(const core::Entry& entry) {
    PendingCollection pending;
    Collection& collection = pending.collection;
    collection.name = entry.key.text;
    const core::Node& value = entry.value;
    if (!value.is_mapping()) {
      return error(value, fmt::format("collection '{}' must be a mapping, found {}",
                                      collection.name, core::describe_type(value)));
    }
    bool has_include = false;
    for (const core::Entry& field : value.entries) {
      const std::string& key = field.key.text;
      std::optional<core::Error> failure;
      if (key == "include") {
        has_include = true;
        failure = read_globs(key, field.value, collection.include);
        if (!failure && collection.include.empty()) {
          failure = error(field.value,
                          fmt::format("'include' of collection '{}' is empty", collection.name));
        }
      } else if (key == "schema") {
        failure = read_schema(field.value, collection);
      } else if (key == "route") {
        failure = read_string(key, field.value, collection.route);
        if (!failure && !collection.route.starts_with('/')) {
          failure = error(field.value,
                          fmt::format("'route' must start with '/', found '{}'", collection.route));
        }
      } else if (key == "rules") {
        pending.rules = &field.value;
      } else {
        failure = error(field.key, unknown_message("key", key, kCollectionKeys));
      }
      if (failure) return *failure;
    }
    if (!has_include) {
      return error(entry.key, fmt::format("collection '{}' has no 'include' (a list of globs)",
                                          collection.name));
    }
    return pending;
  }

  std::optional<core::Error> read_schema(const core::Node& value, Collection& collection) {
    if (auto failure = read_string("schema", value, collection.schema_path)) return failure;
    fs::path resolved = (config_.root / collection.schema_path).lexically_normal();
    if (!inside_root(resolved, config_.root)) {
      return error(value, fmt::format("schema file '{}' is outside the repository (the "
                                      "config's folder); not read",
                                      collection.schema_path));
    }
    std::string key = resolved.string();
    if (auto cached = schemas_.find(key); cached != schemas_.end()) {
      collection.schema = cached->second;
      return std::nullopt;
    }
    std::error_code ignored;
    if (!fs::is_regular_file(resolved, ignored)) {
      return error(value, fmt::format("schema file '{}' not found", collection.schema_path));
    }
    auto schema = schema::Schema::load(key, display_path(resolved), config_.root.string());
    if (!schema) return schema.error();
    schemas_.emplace(key, *schema);
    collection.schema = *schema;
    return std::nullopt;
  }

  Config& config_;
  const std::vector<Override>& overrides_;
  // One Schema per file, so that collections sharing a schema share the object.
  std::map<std::string, std::shared_ptr<const schema::Schema>> schemas_;
};

}  // namespace

std::span<const std::string_view> config_keys() { return kConfigKeys; }

std::span<const std::string_view> collection_keys() { return kCollectionKeys; }

const Collection* Config::collection_for(std::string_view relative) const {
  for (const Collection& collection : collections) {
    for (const core::Glob& glob : collection.include) {
      if (glob.matches(relative)) return &collection;
    }
  }
  return nullptr;
}

std::optional<fs::path> discover(const fs::path& start) {
  std::error_code error;
  fs::path folder = fs::absolute(start, error).lexically_normal();
  if (error) return std::nullopt;
  // A trailing separator normalizes to an empty file name; drop it so parent_path moves up.
  if (!folder.has_filename()) folder = folder.parent_path();
  while (true) {
    fs::path candidate = folder / kConfigFile;
    if (fs::is_regular_file(candidate, error)) return candidate;
    fs::path parent = folder.parent_path();
    if (parent == folder || parent.empty()) return std::nullopt;
    folder = parent;
  }
}

core::Expected<Config> load(const fs::path& file, const std::string& display_path,
                            const std::vector<Override>& overrides) {
  Config config;
  config.path = display_path;
  std::error_code ignored;
  config.root = fs::absolute(file, ignored).lexically_normal().parent_path();

  if (fs::is_directory(file, ignored)) {
    return core::Error{display_path, std::nullopt, "is a folder, not a config file"};
  }
  std::ifstream stream(file, std::ios::binary);
  if (!stream) {
    return core::Error{display_path, std::nullopt,
                       fmt::format("cannot read the config file: {}", std::strerror(errno))};
  }
  std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
  if (stream.bad()) {
    return core::Error{display_path, std::nullopt, "cannot read the config file"};
  }
  auto root = parse_yaml_file(display_path, std::move(text), config);
  if (!root) return root.error();
  if (auto failure = Loader(config, overrides).run(*root)) return *failure;
  return config;
}

core::Expected<Config> defaults(const fs::path& root, const std::vector<Override>& overrides) {
  Config config;
  std::error_code ignored;
  config.root = fs::absolute(root, ignored);
  if (auto failure = Loader(config, overrides).run(nullptr)) return *failure;
  return config;
}

}  // namespace contentlint::config
