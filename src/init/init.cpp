#include "init/init.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <map>
#include <memory>

#include "core/document.hpp"
#include "engine/fix.hpp"
#include "frontmatter/frontmatter.hpp"

namespace contentlint::init {
namespace {

namespace fs = std::filesystem;

std::string schema_file_name(const std::string& collection) {
  std::string name;
  for (char c : collection) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    name += ok ? c : '-';
  }
  return "schemas/" + name + ".schema.yaml";
}

// The front matter of each file: the documents and trees stay alive with the reader.
struct Reader {
  std::vector<std::unique_ptr<core::Document>> documents;
  std::vector<std::unique_ptr<frontmatter::FrontMatter>> front_matters;
  std::vector<Sample> samples;
  std::vector<Note> unread;

  void read(const fs::path& root, const std::string& file) {
    std::ifstream stream(root / file, std::ios::binary);
    if (!stream) {
      unread.push_back({"cannot be read", {file}});
      return;
    }
    std::string bytes{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    auto& document = documents.emplace_back(std::make_unique<core::Document>(file, bytes));
    auto& front = front_matters.emplace_back(
        std::make_unique<frontmatter::FrontMatter>(frontmatter::read(*document)));
    if (!front->split.present) {
      unread.push_back({"no front matter", {file}});
      return;
    }
    if (!front->split.closed) {
      unread.push_back({"the front matter is not closed", {file}});
      return;
    }
    for (const frontmatter::Problem& problem : front->yaml.problems) {
      if (problem.kind != frontmatter::ProblemKind::duplicate_key) {
        core::Position at = document->position(problem.span.begin);
        unread.push_back({fmt::format("the front matter is not valid YAML ({}:{}: {})", at.line,
                                      at.column, problem.message),
                          {file}});
        return;
      }
    }
    static const core::Node kEmpty = [] {
      core::Node node;
      node.kind = core::NodeKind::mapping;
      return node;
    }();
    const core::Node* root_node = front->yaml.root ? &*front->yaml.root : &kEmpty;
    if (root_node->is_null()) root_node = &kEmpty;
    if (!root_node->is_mapping()) {
      unread.push_back({"the front matter is not a mapping of keys", {file}});
      return;
    }
    samples.push_back({file, root_node});
  }
};

YamlValue collection_config(const PlannedCollection& planned, const CollectionReport& report) {
  YamlValue collection = YamlValue::mapping();
  collection.add("include", YamlValue::strings(planned.include));
  collection.add("schema", YamlValue::string(report.schema));
  if (!planned.route.empty()) collection.add("route", YamlValue::string(planned.route));
  if (!report.inference.tags.empty()) {
    YamlValue rules = YamlValue::mapping();
    YamlValue unknown = YamlValue::mapping();
    unknown.add("allowed", YamlValue::strings(report.inference.tags));
    rules.add("tag/unknown", std::move(unknown), "the tags the collection uses; add new ones here");
    collection.add("rules", std::move(rules));
  }
  return collection;
}

}  // namespace

Plan make_plan(const fs::path& root, const InferOptions& options) {
  Plan plan;
  plan.site = survey(root);
  YamlValue config = YamlValue::mapping();
  config.add("extends", YamlValue::string("recommended"));
  config.add("ignore", YamlValue::strings(plan.site.ignore));
  if (!plan.site.public_dir.empty()) {
    config.add("public-dir", YamlValue::string(plan.site.public_dir));
  }
  if (!plan.site.pages_dir.empty()) config.add("pages-dir", YamlValue::string(plan.site.pages_dir));
  if (!plan.site.site_url.empty()) config.add("site-url", YamlValue::string(plan.site.site_url));

  YamlValue collections = YamlValue::mapping();
  for (const PlannedCollection& planned : plan.site.collections) {
    Reader reader;
    for (const std::string& file : planned.files) reader.read(root, file);
    CollectionReport report;
    report.name = planned.name;
    report.read = reader.samples.size();
    report.unread = std::move(reader.unread);
    report.inference = infer_schema(reader.samples, planned.name, options);
    if (!planned.astro_schema.empty()) {
      report.schema = planned.astro_schema;
      report.from_astro = true;
      // Astro's schema decides; what the inference says about it would mislead.
      report.inference.defects.clear();
      report.inference.candidates.clear();
    } else {
      report.schema = schema_file_name(planned.name);
    }
    collections.add(planned.name, collection_config(planned, report));
    plan.collections.push_back(std::move(report));
  }
  if (!collections.entries.empty()) config.add("collections", std::move(collections));
  plan.config = std::move(config);
  return plan;
}

std::vector<PlannedFile> planned_files(const Plan& plan) {
  std::vector<PlannedFile> files;
  for (std::size_t i = 0; i < plan.collections.size(); ++i) {
    const CollectionReport& report = plan.collections[i];
    if (report.from_astro) continue;
    const PlannedCollection& planned = plan.site.collections[i];
    std::string header = fmt::format(
        "# The front matter of collection '{}' ({}/), as `contentlint init` inferred\n"
        "# it from {} of its {} files. Tighten it by hand: bounds, patterns, descriptions.\n",
        report.name, planned.folder, report.read, planned.files.size());
    files.push_back({report.schema, header + emit(report.inference.schema)});
  }
  std::string header = fmt::format(
      "# contentlint configuration, written by `contentlint init` for this {} site.\n"
      "# `contentlint config FILE` shows what applies to a file and where it was set.\n",
      to_string(plan.site.builder));
  files.push_back({std::string(kConfigFile), header + emit(plan.config)});
  return files;
}

std::vector<RedRule> red_rules(const engine::RunResult& result) {
  std::map<std::string, std::size_t> files_by_rule;
  for (const engine::CheckedFile file : result.files) {
    std::map<std::string, bool> seen;
    for (const core::Diagnostic& diagnostic : file.diagnostics) {
      if (!seen[diagnostic.rule]) ++files_by_rule[diagnostic.rule];
      seen[diagnostic.rule] = true;
    }
  }
  std::vector<RedRule> red;
  std::size_t total = result.files.size();
  for (const auto& [id, files] : files_by_rule) {
    if (files * 2 > total && files >= 3) red.push_back({id, files, total});
  }
  return red;
}

void switch_off(Plan& plan, const std::vector<RedRule>& red) {
  if (red.empty()) return;
  YamlValue* rules = plan.config.find("rules");
  if (rules == nullptr) rules = &plan.config.add("rules", YamlValue::mapping());
  for (const RedRule& rule : red) {
    rules->add(rule.id, YamlValue::raw_scalar("off"),
               fmt::format("switched off by init: it reports in {} of {} files; turn it on when "
                           "they are fixed",
                           rule.files, rule.of));
    plan.switched_off.push_back(rule);
  }
}

std::optional<core::Error> write_files(const fs::path& root, const std::vector<PlannedFile>& files,
                                       bool force, const std::string& display_root) {
  auto display = [&](const std::string& path) {
    return (fs::path(display_root) / path).lexically_normal().generic_string();
  };
  if (!force) {
    for (const PlannedFile& file : files) {
      std::error_code ignored;
      if (fs::exists(fs::symlink_status(root / file.path, ignored))) {
        return core::Error{display(file.path), std::nullopt,
                           "already exists; init never overwrites a file (pass --force to "
                           "replace it)"};
      }
    }
  }
  for (const PlannedFile& file : files) {
    fs::path target = root / file.path;
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    if (error) {
      return core::Error{display(fs::path(file.path).parent_path().generic_string()), std::nullopt,
                         "cannot create the folder: " + error.message()};
    }
    if (auto failure = engine::write_atomically(target, file.text, display(file.path))) {
      return failure;
    }
  }
  return std::nullopt;
}

}  // namespace contentlint::init
