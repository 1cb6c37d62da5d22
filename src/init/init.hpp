/// `contentlint init`: a starter config and schemas for an existing site, written safely.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "engine/result.hpp"
#include "init/infer.hpp"
#include "init/site.hpp"
#include "init/yaml_writer.hpp"

namespace contentlint::init {

/// The config file init writes, in the site's root.
inline constexpr std::string_view kConfigFile = ".contentlint.yaml";

/// A file init writes: its path relative to the site root, and its bytes.
struct PlannedFile {
  std::string path;
  std::string text;
};

/// One collection as init sets it up, and what it learned on the way. Paths in notes are
/// relative to the site root.
struct CollectionReport {
  std::string name;
  std::size_t read = 0;      // files whose front matter was learned from
  std::vector<Note> unread;  // files not learned from (no or broken front matter), and why
  std::string schema;        // the schema path the config names
  bool from_astro = false;   // the schema is the one `astro sync` wrote
  Inference inference;       // for an Astro schema: only the tags are used
};

/// A rule that reports in most files of a site as it is: init switches it off.
struct RedRule {
  std::string id;
  std::size_t files = 0;  // files it reports in
  std::size_t of = 0;     // files checked

  friend bool operator==(const RedRule&, const RedRule&) = default;
};

/// Everything init writes, decided before anything is written.
struct Plan {
  SitePlan site;
  std::vector<CollectionReport> collections;  // in the order of site.collections
  std::vector<RedRule> switched_off;
  YamlValue config;  // the .contentlint.yaml tree
};

/// Surveys `root` and infers a schema per collection (or takes the one Astro wrote).
Plan make_plan(const std::filesystem::path& root, const InferOptions& options = {});

/// The files of `plan`: one schema per inferred collection, then the config.
std::vector<PlannedFile> planned_files(const Plan& plan);

/// The rules that report in more than half of the checked files, and in at least 3.
std::vector<RedRule> red_rules(const engine::RunResult& result);

/// Adds `rule: off` to the plan's config for each rule of `red`, with a comment saying why.
void switch_off(Plan& plan, const std::vector<RedRule>& red);

/// Writes `files` under `root`, each atomically, creating folders as needed. When one of
/// them exists and `force` is false, nothing is written and the error names that file
/// (`display_root` is prepended to paths in errors).
std::optional<core::Error> write_files(const std::filesystem::path& root,
                                       const std::vector<PlannedFile>& files, bool force,
                                       const std::string& display_root);

}  // namespace contentlint::init
