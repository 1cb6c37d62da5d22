// `contentlint lsp`: the language server, on standard input and output.

#include <memory>

#include "cli/commands.hpp"
#include "lsp/server.hpp"

namespace contentlint::cli {

Command add_lsp(CLI::App& app) {
  auto stdio = std::make_shared<bool>(false);
  CLI::App* lsp = app.add_subcommand(
      "lsp", "Run the language server (LSP over standard input and output) for editors");
  // Editor clients (vscode-languageclient among them) pass --stdio to name the transport.
  lsp->add_flag("--stdio", *stdio, "talk over standard input and output (the only transport)");
  return [stdio]() -> int {
    lsp::ServerOptions options;
    options.version = CONTENTLINT_VERSION;
    lsp::serve_stdio(options);
  };
}

}  // namespace contentlint::cli
