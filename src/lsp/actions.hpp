/// What the server says about a linted document: LSP diagnostics and code actions, built
/// from the same diagnostics and fix data as the command line's reports and `--fix`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"
#include "core/document.hpp"
#include "core/error.hpp"
#include "lsp/encoding.hpp"

namespace contentlint::lsp {

/// One lint of one version of a document.
struct Lint {
  std::string uri;  // as the client wrote it; echoed back unchanged
  std::int64_t version = 0;
  std::string text;  // the text linted, as the client holds it (a BOM included)
  std::vector<core::Diagnostic> diagnostics;  // spans index the text without its BOM
  std::optional<core::Error> error;  // why it could not be linted (the config does not load)
};

/// The documentation of a rule: the heading for `rule` in docs/rules.md, whose anchor is
/// GitHub's slug of the id ("image/empty-url" gives "#imageempty-url"). The SARIF report
/// points at the same page.
std::string rule_docs_url(std::string_view rule);

/// A Diagnostic of the protocol: range in `index`'s units, severity (1 error, 2 warning,
/// 3 information), the rule id as `code` with its docs as `codeDescription`, source
/// "contentlint"; `suppression/unused` is tagged Unnecessary (1).
nlohmann::json to_lsp(const core::Diagnostic& diagnostic, const TextIndex& index);

/// The diagnostics to publish for `lint`: its findings, or the single error that the
/// document could not be linted (its configuration does not load), at its start.
nlohmann::json to_lsp_diagnostics(const Lint& lint, PositionEncoding encoding);

/// How the client wants workspace edits and which kinds of action it asked for.
struct ActionRequest {
  LspRange range;                                // actions for the diagnostics this range touches
  std::optional<std::vector<std::string>> only;  // CodeActionContext.only
  bool document_changes = false;                 // the client takes versioned `documentChanges`
};

/// Whether an action of `kind` ("quickfix", "source.fixAll.contentlint") is wanted by a
/// request whose `only` is `only` (a kind matches itself and its parents: "source").
bool kind_requested(std::string_view kind, const std::optional<std::vector<std::string>>& only);

/// The quick fixes for the diagnostics of `lint` that the request's range touches, each
/// diagnostic's in turn: its fix (safe ones preferred, unsafe ones offered with
/// "(unsafe)" in the title, display-only ones never), then "Disable RULE for this line".
nlohmann::json code_actions(const Lint& lint, PositionEncoding encoding,
                            const ActionRequest& request);

/// A WorkspaceEdit of `edits` (spans without the BOM, not overlapping) on `lint`'s text.
nlohmann::json workspace_edit(const Lint& lint, PositionEncoding encoding,
                              std::vector<core::Edit> edits, bool document_changes);

/// The edit that silences `rule` on line `line` (1-based) of `document`: in the body a
/// `<!-- contentlint-disable-next-line RULE -->` line above it (indented like the line, so
/// a list item or block quote keeps it), in the front matter ` # contentlint-disable-line
/// RULE` at its end; the rule is added to such a comment when one is already there.
/// Nothing on a front-matter fence, or where the comment would not work (inside a code
/// block or a block scalar): each candidate is checked by reading the suppressions of the
/// edited text.
std::optional<core::Edit> disable_edit(const core::Document& document, std::uint32_t line,
                                       std::string_view rule);

/// One edit that turns `before` into `after`: the differing middle, with the common
/// prefix and suffix left alone (whole UTF-8 characters, so positions stay valid).
core::Edit minimal_edit(std::string_view before, std::string_view after);

}  // namespace contentlint::lsp
