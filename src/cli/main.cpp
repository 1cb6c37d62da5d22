// contentlint: lint Markdown articles and their YAML front matter.

#include <fmt/format.h>

#include <malloc.h>

#include <array>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"

namespace {

using namespace contentlint::cli;

struct Subcommand {
  const char* name;
  Command (*add)(CLI::App&);
};

constexpr std::array<Subcommand, 6> kSubcommands{{
    {"check", add_check},
    {"rules", add_rules},
    {"explain", add_explain},
    {"lsp", add_lsp},
    {"init", add_init},
    {"config", add_config},
}};

bool is_top_level_flag(const char* word) {
  return std::strcmp(word, "--version") == 0 || std::strcmp(word, "-V") == 0 ||
         std::strcmp(word, "--help") == 0 || std::strcmp(word, "-h") == 0;
}

const Subcommand* find_subcommand(const char* word) {
  for (const Subcommand& subcommand : kSubcommands) {
    if (std::strcmp(subcommand.name, word) == 0) return &subcommand;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  // glibc raises its mmap threshold to the size of each large block freed, so after the
  // first few, large temporaries (a collection's scan, a report's text) come from the heap,
  // and their pages stay resident after they are freed: a tenth of the peak on a large
  // site. A fixed threshold gives those pages back and costs no measurable time (bench/).
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  CLI::App app{"contentlint: lint and validate Markdown articles with YAML front matter"};
  app.set_version_flag("--version,-V", std::string("contentlint ") + CONTENTLINT_VERSION);
  app.require_subcommand(1);

  // `contentlint [check] [PATHS...]`: anything that is not a subcommand or a top-level flag
  // is the start of a check, so `contentlint docs/` and `contentlint check docs/` agree.
  std::vector<const char*> args(argv, argv + argc);
  const Subcommand* named = argc >= 2 ? find_subcommand(argv[1]) : nullptr;
  const bool top_level = argc >= 2 && is_top_level_flag(argv[1]);
  if (named == nullptr && !top_level) {
    named = find_subcommand("check");
    args.insert(args.begin() + 1, "check");
  }

  // Only the subcommand that runs gets its options: setting up all six was a tenth of a
  // run over one file. The top-level --help lists them all, so it sets them all up.
  Command command;
  for (const Subcommand& subcommand : kSubcommands) {
    if (named == nullptr || named == &subcommand) command = subcommand.add(app);
  }

  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return command ? command() : kExitUsage;
}
