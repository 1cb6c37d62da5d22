// `contentlint [check] [PATHS...]`: lint files and report.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "config/config.hpp"
#include "engine/engine.hpp"
#include "report/reporter.hpp"

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
};

void print_errors(const std::vector<core::Error>& errors) {
  for (const core::Error& error : errors) fmt::print(stderr, "{}\n", error.to_string());
}

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

core::Expected<config::Config> load_config(const CheckFlags& flags,
                                           const std::vector<config::Override>& overrides) {
  if (!flags.config.empty()) {
    if (!fs::is_regular_file(flags.config)) {
      return core::Error{flags.config, std::nullopt, "config file not found"};
    }
    return config::load(flags.config, flags.config, overrides);
  }
  // An editor's --stdin-filename names where the text belongs: its config applies.
  fs::path start = fs::current_path();
  if (flags.stdin_input && !flags.stdin_filename.empty()) {
    start = fs::absolute(flags.stdin_filename).parent_path();
  }
  if (auto found = config::discover(start)) {
    std::string display = fs::relative(*found).generic_string();
    return config::load(*found, display.empty() ? found->string() : display, overrides);
  }
  return config::defaults(fs::current_path(), overrides);
}

// Writes `text` to `path` through a temporary file and a rename, so a reader never
// sees half a report.
std::optional<core::Error> write_atomically(const std::string& path, const std::string& text) {
  std::string temporary = path + ".contentlint-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return core::Error{path, std::nullopt, "cannot write the report"};
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    return core::Error{path, std::nullopt, "cannot write the report: " + error.message()};
  }
  return std::nullopt;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

report::Format default_format() {
  return ::isatty(STDOUT_FILENO) != 0 ? report::Format::pretty : report::Format::compact;
}

int run_check(const CheckFlags& flags) {
  auto overrides = parse_overrides(flags.rule_overrides);
  if (!overrides) {
    print_errors({overrides.error()});
    return kExitUsage;
  }
  if (flags.stdin_input && !flags.paths.empty()) {
    fmt::print(stderr,
               "contentlint: --stdin takes no paths (name the file with --stdin-filename)\n");
    return kExitUsage;
  }
  auto config = load_config(flags, *overrides);
  if (!config) {
    print_errors({config.error()});
    return kExitUsage;
  }

  engine::Run run;
  if (flags.stdin_input) {
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    std::string path = flags.stdin_filename.empty() ? "<stdin>" : flags.stdin_filename;
    run.result.files.push_back(engine::check_text(*config, path, std::move(text)));
    run.result.summary = engine::summarize(run.result.files);
  } else {
    run = engine::run(*config, {flags.paths, flags.jobs});
  }
  if (!run.errors.empty()) {
    print_errors(run.errors);
    return kExitUsage;
  }

  report::ReportOptions options;
  options.quiet = flags.quiet;
  options.tool_version = CONTENTLINT_VERSION;
  report::Format format = default_format();
  if (!flags.format.empty()) {
    format = *report::parse_format(flags.format);
  }
  if (!flags.output.empty()) {
    std::ostringstream text;
    report::make_reporter(format, options)->write(run.result, text);
    if (auto error = write_atomically(flags.output, text.str())) {
      print_errors({*error});
      return kExitUsage;
    }
    format = default_format();  // stdout stays human-readable
  }
  options.color = use_color(flags.color) && format == report::Format::pretty;
  std::ostringstream text;
  report::make_reporter(format, options)->write(run.result, text);
  std::fwrite(text.str().data(), 1, text.str().size(), stdout);

  const engine::Summary& summary = run.result.summary;
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
                   "output format; default: pretty on a terminal, compact otherwise")
      ->check(CLI::IsMember(formats));
  check->add_option("--output", flags->output,
                    "write the report to FILE (stdout stays human-readable)");
  check->add_flag("--stdin", flags->stdin_input, "lint standard input");
  check->add_option("--stdin-filename", flags->stdin_filename,
                    "the path standard input stands for (config, collection, links)");
  check->add_option("--rule", flags->rule_overrides,
                    "override one rule's level: ID=off|info|warning|error (repeatable)");
  check->add_option("--max-warnings", flags->max_warnings, "exit 1 when warnings exceed N")
      ->check(CLI::NonNegativeNumber);
  check->add_flag("--quiet,-q", flags->quiet, "report errors only");
  check
      ->add_option("--color", flags->color, "colour: auto, always or never (NO_COLOR is respected)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_option("--jobs,-j", flags->jobs, "worker threads; default: all cores")
      ->check(CLI::NonNegativeNumber);
  return [flags] { return run_check(*flags); };
}

}  // namespace contentlint::cli
