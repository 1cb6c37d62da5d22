// `contentlint rules` and `contentlint explain RULE`: generated from the rule metadata.

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/load_config.hpp"
#include "config/config.hpp"
#include "rules/declarative.hpp"
#include "rules/rule.hpp"

namespace contentlint::cli {
namespace {

void indent(std::string& out, std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out += "    ";
    out += text.substr(start, end - start);
    out += '\n';
    start = end + 1;
  }
}

std::string explain(const rules::RuleMeta& meta) {
  std::string out =
      fmt::format("{}\n\n{}\n\nDefault level: {}. Fixable: {}.\n\n", meta.id, meta.summary,
                  core::to_string(meta.default_severity), meta.fixable ? "yes, with --fix" : "no");
  out += fmt::format("What it does\n  {}\n\nWhy is this bad?\n  {}\n\n", meta.what, meta.why);
  out += "Example\n";
  indent(out, meta.bad);
  out += "\nUse instead\n";
  indent(out, meta.good);
  out += "\nOptions\n";
  if (meta.options.empty()) out += "  none\n";
  for (const rules::OptionDoc& option : meta.options) {
    out += fmt::format("  {} ({}, default {})\n    {}\n", option.name, option.type,
                       option.default_value, option.description);
  }
  out += fmt::format(
      "\nConfigure it in .contentlint.yaml:\n  rules:\n    {}: {}\n"
      "Silence one line with <!-- contentlint-disable-next-line {} -->.\n",
      meta.id, meta.options.empty() ? "warning" : "{ level: warning }", meta.id);
  return out;
}

// The built-in rules and the declarative ones of the config's rule-dirs.
core::Expected<config::Config> config_for_listing(const std::string& explicit_path) {
  return load_config(explicit_path, std::filesystem::current_path(), {});
}

}  // namespace

Command add_rules(CLI::App& app) {
  CLI::App* command = app.add_subcommand(
      "rules",
      "List every rule (built-in and from the config's rule-dirs): id, default level, fixable, "
      "summary");
  auto config_path = std::make_shared<std::string>();
  command->add_option("--config", *config_path, "the config whose rule-dirs to include");
  return [config_path] {
    auto config = config_for_listing(*config_path);
    if (!config) {
      print_errors({config.error()});
      return kExitUsage;
    }
    std::size_t width = 0;
    for (const rules::RuleEntry* entry : config->catalog->entries()) {
      width = std::max(width, entry->meta.id.size());
    }
    for (const rules::RuleEntry* entry : config->catalog->entries()) {
      fmt::print("{:<{}}  {:<7}  {:<7}  {}\n", entry->meta.id, width,
                 core::to_string(entry->meta.default_severity),
                 entry->meta.fixable ? "fixable" : "", entry->meta.summary);
    }
    return kExitOk;
  };
}

Command add_explain(CLI::App& app) {
  CLI::App* command = app.add_subcommand("explain", "Show a rule's documentation");
  auto id = std::make_shared<std::string>();
  auto config_path = std::make_shared<std::string>();
  command->add_option("RULE", *id, "the rule id, e.g. image/empty-url")->required();
  command->add_option("--config", *config_path, "the config whose rule-dirs to include");
  return [id, config_path] {
    auto config = config_for_listing(*config_path);
    if (!config) {
      print_errors({config.error()});
      return kExitUsage;
    }
    const rules::RuleEntry* entry = config->catalog->find(*id);
    if (entry == nullptr) {
      fmt::print(stderr, "contentlint: unknown rule '{}'; `contentlint rules` lists them\n", *id);
      return kExitUsage;
    }
    fmt::print("{}", explain(entry->meta));
    return kExitOk;
  };
}

}  // namespace contentlint::cli
