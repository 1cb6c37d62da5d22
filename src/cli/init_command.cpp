// `contentlint init [DIR]`: a starter .contentlint.yaml and schemas for an existing site.

#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cli/commands.hpp"
#include "cli/load_config.hpp"
#include "config/config.hpp"
#include "engine/engine.hpp"
#include "init/init.hpp"

namespace contentlint::cli {
namespace {

namespace fs = std::filesystem;

struct InitFlags {
  std::string dir = ".";
  bool force = false;
};

// Notes name files relative to the site root; the user reads them relative to here.
std::string shown(const std::string& dir, const std::string& path) {
  return (fs::path(dir) / path).lexically_normal().generic_string();
}

void print_site(const init::Plan& plan, const std::string& dir) {
  const init::SitePlan& site = plan.site;
  std::vector<std::string> settings;
  if (!site.public_dir.empty()) settings.push_back("public-dir " + site.public_dir);
  if (!site.pages_dir.empty()) settings.push_back("pages-dir " + site.pages_dir);
  if (!site.site_url.empty()) settings.push_back("site-url " + site.site_url);
  std::string from = site.builder_config.empty() ? "" : " (" + site.builder_config + ")";
  fmt::print("{} site{}{}{}\n", init::to_string(site.builder), from, settings.empty() ? "" : ": ",
             fmt::join(settings, ", "));
  for (std::size_t i = 0; i < plan.collections.size(); ++i) {
    const init::CollectionReport& report = plan.collections[i];
    const init::PlannedCollection& planned = site.collections[i];
    std::string line = fmt::format("collection {}: {} files in {}/", report.name,
                                   planned.files.size(), shown(dir, planned.folder));
    if (report.from_astro) {
      line += ", schema " + report.schema + " (from astro sync)";
    } else {
      line += fmt::format(", schema inferred from {}", report.read);
    }
    if (!planned.route.empty()) line += ", route " + planned.route;
    if (!report.inference.tags.empty()) {
      line += fmt::format(", {} tags", report.inference.tags.size());
    }
    fmt::print("{}\n", line);
  }
  if (!site.other_files.empty()) {
    fmt::print("{} other Markdown files (outside every collection)\n", site.other_files.size());
  }
}

void print_per_file(std::string_view title, const std::vector<const init::Note*>& notes,
                    const std::string& dir) {
  if (notes.empty()) return;
  fmt::print("\n{}\n", title);
  for (const init::Note* note : notes) {
    for (const std::string& file : note->files) {
      fmt::print("  {}: {}\n", shown(dir, file), note->message);
    }
  }
}

void print_findings(const init::Plan& plan, const std::string& dir) {
  std::vector<const init::Note*> unread, defects, tags;
  for (const init::CollectionReport& report : plan.collections) {
    for (const init::Note& note : report.unread) unread.push_back(&note);
    for (const init::Note& note : report.inference.defects) defects.push_back(&note);
    for (const init::Note& note : report.inference.tag_defects) tags.push_back(&note);
  }
  print_per_file("Not read (these files fail as they are):", unread, dir);
  print_per_file("Defects (these files fail under the new schema):", defects, dir);
  print_per_file("Tags left out of the vocabulary (tag/unknown reports them):", tags, dir);
  bool any = false;
  for (const init::CollectionReport& report : plan.collections) {
    for (const init::Note& note : report.inference.candidates) {
      if (!any) fmt::print("\nCandidates to tighten (not enforced; edit the schema to enforce):\n");
      any = true;
      fmt::print("  {}: {}\n", report.name, note.message);
      for (const std::string& file : note.files) fmt::print("    {}\n", shown(dir, file));
    }
  }
  if (!plan.switched_off.empty()) {
    fmt::print("\nSwitched off (they report in most files as they are):\n");
    for (const init::RedRule& rule : plan.switched_off) {
      fmt::print("  {}: {} of {} files\n", rule.id, rule.files, rule.of);
    }
  }
}

int run_init(const InitFlags& flags) {
  std::error_code ignored;
  if (!fs::is_directory(flags.dir, ignored)) {
    print_errors({core::Error{flags.dir, std::nullopt, "not a folder"}});
    return kExitUsage;
  }
  fs::path root = fs::weakly_canonical(fs::absolute(flags.dir, ignored), ignored);
  init::Plan plan = init::make_plan(root);
  std::vector<init::PlannedFile> files = init::planned_files(plan);
  if (auto error = init::write_files(root, files, flags.force, flags.dir)) {
    print_errors({*error});
    return kExitUsage;
  }

  // Check the site under what was written: a rule that reports in most files is switched
  // off, so that the config starts green apart from real defects.
  std::string config_path = shown(flags.dir, std::string(init::kConfigFile));
  auto check = [&]() -> core::Expected<engine::Run> {
    auto config = config::load(root / init::kConfigFile, config_path, {});
    if (!config) return config.error();
    // As `contentlint` would run there: the config's collections, else every Markdown file.
    std::vector<std::string> paths;
    if (root != fs::weakly_canonical(fs::current_path(ignored), ignored))
      paths.push_back(flags.dir);
    return engine::run(*config, {paths, 0, engine::FixMode::none});
  };
  auto run = check();
  if (run && run->errors.empty()) {
    std::vector<init::RedRule> red = init::red_rules(run->result);
    if (!red.empty()) {
      init::switch_off(plan, red);
      std::vector<init::PlannedFile> config_file = {init::planned_files(plan).back()};
      if (auto error = init::write_files(root, config_file, true, flags.dir)) {
        print_errors({*error});
        return kExitUsage;
      }
      run = check();
    }
  }
  if (!run) {
    print_errors({run.error()});
    return kExitUsage;
  }
  if (!run->errors.empty()) {
    print_errors(run->errors);
    return kExitUsage;
  }

  print_site(plan, flags.dir);
  for (const init::PlannedFile& file : files) fmt::print("wrote {}\n", shown(flags.dir, file.path));
  print_findings(plan, flags.dir);
  const engine::Summary& summary = run->result.summary;
  if (summary.errors + summary.warnings == 0) {
    fmt::print("\n{} files checked under the new config: no problems.\n", summary.files);
  } else {
    fmt::print(
        "\n{} files checked under the new config: {} errors, {} warnings; run `contentlint` "
        "to see them.\n",
        summary.files, summary.errors, summary.warnings);
  }
  return kExitOk;
}

}  // namespace

Command add_init(CLI::App& app) {
  auto flags = std::make_shared<InitFlags>();
  CLI::App* init = app.add_subcommand(
      "init",
      "Write a starter .contentlint.yaml and one schema per collection, inferred from the "
      "site's existing front matter");
  init->footer(
      "Collections are the folders of Markdown: src/content/<name>/ (Astro), content/<section>/ "
      "(Hugo), _posts/ (Jekyll), else the top folders. Each gets schemas/<name>.schema.yaml, "
      "inferred from its front matter (types; `required` for keys in every file; format date, "
      "date-time or uri where every value fits; enum for small closed sets; nested objects and "
      "lists), or the .astro/collections/<name>.schema.json that `astro sync` wrote. Tags become "
      "the vocabulary of tag/unknown. public-dir, pages-dir and site-url come from the site "
      "builder's config. The site is then checked: a rule that reports in most files is "
      "switched off, and what remains are real defects. Near misses (a key in most files, a "
      "value outside an otherwise closed set) are printed as candidates to tighten. Existing "
      "files are never overwritten without --force.");
  init->add_option("DIR", flags->dir, "the site's root folder; default: the current folder");
  init->add_flag("--force", flags->force, "overwrite .contentlint.yaml and schemas that exist");
  return [flags] { return run_init(*flags); };
}

}  // namespace contentlint::cli
