// `contentlint [check] [PATHS...]`: lint files and report.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/load_config.hpp"
#include "config/config.hpp"
#include "config/links_config.hpp"
#include "engine/changed.hpp"
#include "engine/engine.hpp"
#include "engine/fix.hpp"
#include "engine/read.hpp"
#include "links/external.hpp"
#include "report/reporter.hpp"
#include "report/summary.hpp"

namespace contentlint::cli {
namespace {

namespace fs = std::filesystem;

struct CheckFlags {
  std::vector<std::string> paths;
  std::string config;
  std::string format;
  std::string output;
  bool stdin_input = false;
  std::string stdin_filename;
  std::vector<std::string> rule_overrides;
  int max_warnings = -1;
  bool quiet = false;
  std::string color = "auto";
  unsigned jobs = 0;
  bool fix = false;
  bool diff = false;
  std::string changed_since;  // a git revision; empty: check every selected file
  std::string links;          // --links offline|external; empty: as the config says
  std::string shard;          // --shard K/N; empty: every file
  bool cache = false;         // --cache
};

core::Expected<std::vector<config::Override>> parse_overrides(
    const std::vector<std::string>& specs) {
  std::vector<config::Override> overrides;
  for (const std::string& spec : specs) {
    auto equals = spec.find('=');
    auto severity =
        equals == std::string::npos ? std::nullopt : core::parse_severity(spec.substr(equals + 1));
    if (!severity) {
      return core::Error{"--rule", std::nullopt,
                         fmt::format("expected ID=off|info|warning|error, found '{}'", spec)};
    }
    overrides.push_back({spec.substr(0, equals), *severity});
  }
  return overrides;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

report::Format default_format() {
  // In GitHub Actions the annotations on the pull request are what people read.
  const char* actions = std::getenv("GITHUB_ACTIONS");
  if (actions != nullptr && std::string_view(actions) == "true") return report::Format::github;
  return ::isatty(STDOUT_FILENO) != 0 ? report::Format::pretty : report::Format::compact;
}

int run_check(const CheckFlags& flags) {
  auto overrides = parse_overrides(flags.rule_overrides);
  if (!overrides) {
    print_errors({overrides.error()});
    return kExitUsage;
  }
  if (flags.stdin_input && flags.fix) {
    fmt::print(stderr, "contentlint: --fix cannot write standard input; use --diff\n");
    return kExitUsage;
  }
  if (flags.stdin_input && !flags.paths.empty()) {
    fmt::print(stderr,
               "contentlint: --stdin takes no paths (name the file with --stdin-filename)\n");
    return kExitUsage;
  }
  if (flags.stdin_input && !flags.changed_since.empty()) {
    fmt::print(stderr, "contentlint: --changed-since cannot be used with --stdin\n");
    return kExitUsage;
  }
  // An editor's --stdin-filename names where the text belongs: its config applies.
  fs::path start = fs::current_path();
  if (flags.stdin_input && !flags.stdin_filename.empty()) {
    start = fs::absolute(flags.stdin_filename).parent_path();
  }
  auto config = load_config(flags.config, start, *overrides);
  if (!config) {
    print_errors({config.error()});
    return kExitUsage;
  }
  if (flags.links == "offline") config->links = config::LinkMode::offline;
  if (flags.links == "external") {
    if (auto failure = config::enable_external_links(*config, "--links external")) {
      print_errors({*failure});
      return kExitUsage;
    }
  }

  if (config->links == config::LinkMode::external) {
    if (auto failure = links::external_unavailable()) {
      fmt::print(stderr, "contentlint: external links cannot be checked: {}\n", *failure);
      return kExitUsage;
    }
  }

  std::optional<engine::Shard> shard;
  if (!flags.shard.empty()) {
    auto parsed = engine::parse_shard(flags.shard);
    if (!parsed) {
      print_errors({parsed.error()});
      return kExitUsage;
    }
    if (flags.stdin_input) {
      fmt::print(stderr, "contentlint: --shard cannot be used with --stdin\n");
      return kExitUsage;
    }
    shard = *parsed;
  }

  engine::FixMode fix_mode = flags.diff  ? engine::FixMode::diff
                             : flags.fix ? engine::FixMode::write
                                         : engine::FixMode::none;
  engine::Run run;
  if (flags.stdin_input) {
    std::string path = flags.stdin_filename.empty() ? "<stdin>" : flags.stdin_filename;
    core::Expected<std::string> input = engine::read_stdin(path);
    if (!input) {
      print_errors({input.error()});
      return kExitUsage;
    }
    std::string text = std::move(*input);
    if (fix_mode == engine::FixMode::diff) {
      engine::Fixed fixed = engine::fix_text(*config, path, text);
      run.diffs.push_back(engine::unified_diff(path, text, fixed.text));
      if (fixed.refused) run.notes.push_back(path + ": fixes not applied: " + *fixed.refused);
      run.result.files.push_back(std::move(fixed.result));
    } else {
      run.result.files.push_back(engine::check_text(*config, path, std::move(text)));
    }
    run.result.summary = engine::summarize(run.result.files);
  } else if (!flags.changed_since.empty()) {
    engine::Discovered changed =
        engine::discover_changed(*config, flags.paths, flags.changed_since, fs::current_path());
    if (!changed.errors.empty()) {
      print_errors(changed.errors);
      return kExitUsage;
    }
    if (changed.files.empty()) {
      // No paths would mean "everything" to engine::run: report the empty run instead.
      run.notes.push_back("no files to check changed since '" + flags.changed_since + "'");
      run.result.summary = engine::summarize(run.result.files);
    } else {
      std::vector<std::string> paths;
      for (const engine::DiscoveredFile& file : changed.files) paths.emplace_back(file.path());
      run = engine::run(*config, {std::move(paths), flags.jobs, fix_mode, shard, flags.cache});
    }
  } else {
    run = engine::run(*config, {flags.paths, flags.jobs, fix_mode, shard, flags.cache});
  }
  // A file that cannot be checked (a FIFO, a dangling symlink, one over the size limit) is
  // named, and the run goes on: the other files are still reported; the exit code is 2.
  const bool tool_errors = !run.errors.empty();
  print_errors(run.errors);
  for (const std::string& note : run.notes) fmt::print(stderr, "contentlint: {}\n", note);
  if (fix_mode == engine::FixMode::diff) {
    // The diff is the output; the findings that remain go to stderr in compact form.
    for (const std::string& diff : run.diffs) std::fwrite(diff.data(), 1, diff.size(), stdout);
    std::ostringstream remaining;
    report::make_reporter(report::Format::compact, {})->write(run.result, remaining);
    const std::string remaining_text = std::move(remaining).str();
    std::fwrite(remaining_text.data(), 1, remaining_text.size(), stderr);
    if (tool_errors) return kExitUsage;
    return run.result.summary.errors > 0 ? kExitFindings : kExitOk;
  }

  report::ReportOptions options;
  options.quiet = flags.quiet;
  options.tool_version = CONTENTLINT_VERSION;
  options.rules = config->catalog->entries();  // for sarif's rule descriptors
  options.repository = report::locate_repository(fs::current_path());
  report::Format format = default_format();
  if (!flags.format.empty()) {
    format = *report::parse_format(flags.format);
  }
  if (!flags.output.empty()) {
    std::ostringstream text;
    report::make_reporter(format, options)->write(run.result, text);
    if (auto error = engine::write_atomically(flags.output, std::move(text).str(), flags.output)) {
      print_errors({*error});
      return kExitUsage;
    }
    format = default_format();  // stdout stays human-readable
  }
  options.color = use_color(flags.color) && format == report::Format::pretty;
  std::ostringstream text;
  report::make_reporter(format, options)->write(run.result, text);
  // Taken, not copied: a large run's report is a few hundred kilobytes.
  const std::string report = std::move(text).str();
  std::fwrite(report.data(), 1, report.size(), stdout);
  // GitHub Actions shows this file on the run's page; a failure to write it is not one
  // of the content, so it does not change the exit code.
  if (const char* step_summary = std::getenv("GITHUB_STEP_SUMMARY");
      step_summary != nullptr && *step_summary != '\0') {
    if (auto error = report::append_job_summary(step_summary, run.result, options)) {
      print_errors({*error});
    }
  }

  const engine::Summary& summary = run.result.summary;
  if (tool_errors) return kExitUsage;
  if (summary.errors > 0) return kExitFindings;
  if (flags.max_warnings >= 0 && summary.warnings > static_cast<std::size_t>(flags.max_warnings)) {
    return kExitFindings;
  }
  return kExitOk;
}

}  // namespace

Command add_check(CLI::App& app) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* check =
      app.add_subcommand("check", "Lint files, folders or globs (the default command)");
  check->add_option("PATHS", flags->paths,
                    "files, folders or globs; default: the config's collections, else **/*.md");
  check->add_option("--config", flags->config,
                    "the config file; default: the nearest .contentlint.yaml upward");
  std::vector<std::string> formats;
  for (report::Format format : report::kAllFormats) formats.emplace_back(report::to_string(format));
  check
      ->add_option("--format", flags->format,
                   "output format; default: pretty on a terminal, compact otherwise, github when "
                   "GITHUB_ACTIONS=true")
      ->check(CLI::IsMember(formats));
  check->add_option("--output", flags->output,
                    "write the report to FILE (stdout stays human-readable)");
  check->add_flag("--stdin", flags->stdin_input, "lint standard input");
  check->add_option("--stdin-filename", flags->stdin_filename,
                    "the path standard input stands for (config, collection, links)");
  check
      ->add_option("--rule", flags->rule_overrides,
                   "override one rule's level: ID=off|info|warning|error (repeatable)")
      ->allow_extra_args(false);  // one ID=LEVEL per --rule; what follows is a path
  check->add_option("--max-warnings", flags->max_warnings, "exit 1 when warnings exceed N")
      ->check(CLI::NonNegativeNumber);
  check->add_flag("--quiet,-q", flags->quiet, "report errors only");
  check
      ->add_option("--color", flags->color, "colour: auto, always or never (NO_COLOR is respected)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_flag("--fix", flags->fix, "apply safe fixes in place; report what remains");
  check->add_flag("--diff", flags->diff, "print the safe fixes as a unified diff; change nothing");
  check
      ->add_option("--changed-since", flags->changed_since,
                   "only the files changed since the merge base of REF and HEAD (git)")
      ->type_name("REF");
  check->add_option("--jobs,-j", flags->jobs, "worker threads; default: all cores")
      ->check(CLI::NonNegativeNumber);
  check->add_flag("--cache", flags->cache,
                  "skip files unchanged since the last --cache run (.contentlint-cache/ next "
                  "to the config); not with --fix, --diff or --links external");
  check
      ->add_option("--shard", flags->shard,
                   "check only the K-th of N parts of the files (CI matrices); every part "
                   "together is one full run")
      ->type_name("K/N");
  check
      ->add_option("--links", flags->links,
                   "offline (default) or external: also check http(s) links over the network "
                   "(not with --stdin)")
      ->check(CLI::IsMember({"offline", "external"}));
  return [flags] { return run_check(*flags); };
}

}  // namespace contentlint::cli
