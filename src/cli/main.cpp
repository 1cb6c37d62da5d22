// contentlint: lint Markdown articles and their YAML front matter.

#include <fmt/format.h>

#include <cstring>
#include <iostream>
#include <map>

#include "cli/commands.hpp"

namespace {

// `contentlint [check] [PATHS...]`: anything that is not a subcommand or a top-level flag
// is the start of a check, so `contentlint docs/` and `contentlint check docs/` agree.
bool names_a_subcommand(const CLI::App& app, const char* word) {
  if (std::strcmp(word, "--version") == 0 || std::strcmp(word, "-V") == 0 ||
      std::strcmp(word, "--help") == 0 || std::strcmp(word, "-h") == 0) {
    return true;
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == word) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace contentlint::cli;
  CLI::App app{"contentlint: lint and validate Markdown articles with YAML front matter"};
  app.set_version_flag("--version,-V", std::string("contentlint ") + CONTENTLINT_VERSION);
  app.require_subcommand(1);

  std::map<std::string, Command> commands;
  commands["check"] = add_check(app);
  commands["rules"] = add_rules(app);
  commands["explain"] = add_explain(app);
  commands["lsp"] = add_lsp(app);
  commands["init"] = add_init(app);
  commands["config"] = add_config(app);

  std::vector<const char*> args(argv, argv + argc);
  if (argc < 2 || !names_a_subcommand(app, argv[1])) args.insert(args.begin() + 1, "check");

  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (const CLI::App* sub : app.get_subcommands()) return commands.at(sub->get_name())();
  return kExitUsage;
}
