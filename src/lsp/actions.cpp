#include "lsp/actions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/suppress.hpp"
#include "frontmatter/frontmatter.hpp"
#include "markdown/facts.hpp"
#include "markdown/slug.hpp"

namespace contentlint::lsp {
namespace {

using nlohmann::json;

json to_json(LspPosition position) {
  return {{"line", position.line}, {"character", position.character}};
}

json to_json(LspRange range) {
  return {{"start", to_json(range.start)}, {"end", to_json(range.end)}};
}

int lsp_severity(core::Severity severity) {
  switch (severity) {
    case core::Severity::error:
      return 1;
    case core::Severity::warning:
      return 2;
    default:
      return 3;
  }
}

bool touches(const LspRange& a, const LspRange& b) { return a.start <= b.end && b.start <= a.end; }

std::vector<engine::Suppression> suppressions_of(const core::Document& document) {
  frontmatter::FrontMatter front_matter = frontmatter::read(document);
  markdown::Body body = markdown::extract(document, front_matter.split.body);
  return engine::find_suppressions(document, front_matter, body);
}

bool names(const engine::Suppression& suppression, std::string_view rule) {
  return std::any_of(suppression.rules.begin(), suppression.rules.end(),
                     [&](const engine::SuppressedRule& named) { return named.id == rule; });
}

// Whether `edit` on `document` leaves a comment of `kind` that silences `rule` on the
// line that `line` becomes.
bool silences(const core::Document& document, const core::Edit& edit, engine::SuppressionKind kind,
              std::uint32_t line, std::string_view rule) {
  std::string text(document.text());
  text.replace(edit.span.begin, edit.span.size(), edit.replacement);
  core::Document edited(document.path(), std::move(text));
  for (const engine::Suppression& suppression : suppressions_of(edited)) {
    if (suppression.kind != kind || !names(suppression, rule)) continue;
    if (kind == engine::SuppressionKind::disable_next_line && suppression.last_line + 1 == line) {
      return true;
    }
    if (kind == engine::SuppressionKind::disable_line && suppression.first_line <= line &&
        line <= suppression.last_line) {
      return true;
    }
  }
  return false;
}

bool inside(core::ByteSpan span, std::size_t offset) {
  return span.begin <= offset && offset < span.end;
}

}  // namespace

std::string rule_docs_url(std::string_view rule) {
  return "https://github.com/contentlint/contentlint/blob/main/docs/rules.md#" +
         markdown::github_slug(rule);
}

json to_lsp(const core::Diagnostic& diagnostic, const TextIndex& index) {
  json result = {{"range", to_json(index.range(diagnostic.span))},
                 {"severity", lsp_severity(diagnostic.severity)},
                 {"code", diagnostic.rule},
                 {"codeDescription", {{"href", rule_docs_url(diagnostic.rule)}}},
                 {"source", "contentlint"},
                 {"message", diagnostic.message}};
  if (diagnostic.rule == engine::kUnusedSuppressionId) result["tags"] = json::array({1});
  return result;
}

json to_lsp_diagnostics(const Lint& lint, PositionEncoding encoding) {
  json diagnostics = json::array();
  if (lint.error) {
    diagnostics.push_back(
        {{"range", to_json(LspRange{})},
         {"severity", 1},
         {"source", "contentlint"},
         {"message", "contentlint cannot lint this document: " + lint.error->to_string()}});
    return diagnostics;
  }
  TextIndex index(lint.text, encoding);
  for (const core::Diagnostic& diagnostic : lint.diagnostics) {
    diagnostics.push_back(to_lsp(diagnostic, index));
  }
  return diagnostics;
}

bool kind_requested(std::string_view kind, const std::optional<std::vector<std::string>>& only) {
  if (!only) return true;
  return std::any_of(only->begin(), only->end(), [&](const std::string& wanted) {
    return kind == wanted ||
           (kind.starts_with(wanted) && kind.size() > wanted.size() && kind[wanted.size()] == '.');
  });
}

json workspace_edit(const Lint& lint, PositionEncoding encoding, std::vector<core::Edit> edits,
                    bool document_changes) {
  std::sort(edits.begin(), edits.end(), [](const core::Edit& a, const core::Edit& b) {
    return std::tie(a.span.begin, a.span.end) < std::tie(b.span.begin, b.span.end);
  });
  TextIndex index(lint.text, encoding);
  json text_edits = json::array();
  for (const core::Edit& edit : edits) {
    text_edits.push_back(
        {{"range", to_json(index.range(edit.span))}, {"newText", edit.replacement}});
  }
  if (document_changes) {
    return {{"documentChanges",
             json::array({{{"textDocument", {{"uri", lint.uri}, {"version", lint.version}}},
                           {"edits", std::move(text_edits)}}})}};
  }
  return {{"changes", {{lint.uri, std::move(text_edits)}}}};
}

std::optional<core::Edit> disable_edit(const core::Document& document, std::uint32_t line,
                                       std::string_view rule) {
  const core::LineIndex& lines = document.lines();
  if (line == 0 || line > lines.line_count()) return std::nullopt;
  core::ByteSpan span = lines.line_span(line);
  frontmatter::Split split = frontmatter::split(document);
  std::vector<engine::Suppression> existing = suppressions_of(document);
  std::string rule_text(rule);

  bool in_body = !split.present || (split.closed && span.begin >= split.body.begin);
  bool in_yaml = split.present && !in_body && inside(split.yaml, span.begin);
  if (!in_body && !in_yaml) return std::nullopt;  // a fence: no comment can go there

  if (in_yaml) {
    for (const engine::Suppression& suppression : existing) {
      if (suppression.kind != engine::SuppressionKind::disable_line ||
          suppression.first_line != line || suppression.rules.empty() ||
          !inside(split.yaml, suppression.span.begin)) {
        continue;
      }
      core::Edit edit{{suppression.rules.back().span.end, suppression.rules.back().span.end},
                      " " + rule_text};
      if (silences(document, edit, engine::SuppressionKind::disable_line, line, rule)) return edit;
    }
    core::Edit edit{{span.end, span.end}, " # contentlint-disable-line " + rule_text};
    if (silences(document, edit, engine::SuppressionKind::disable_line, line, rule)) return edit;
    return std::nullopt;
  }

  for (const engine::Suppression& suppression : existing) {
    if (suppression.kind != engine::SuppressionKind::disable_next_line ||
        suppression.last_line + 1 != line || suppression.rules.empty()) {
      continue;
    }
    core::Edit edit{{suppression.rules.back().span.end, suppression.rules.back().span.end},
                    " " + rule_text};
    if (silences(document, edit, engine::SuppressionKind::disable_next_line, line, rule)) {
      return edit;
    }
  }
  std::string_view text = lines.line_text(line);
  std::string_view prefix = text.substr(0, text.find_first_not_of(" \t>"));
  std::string_view eol = document.line_ending() == core::LineEnding::crlf ? "\r\n" : "\n";
  for (std::string_view indent : {prefix, std::string_view()}) {
    std::string comment =
        fmt::format("{}<!-- contentlint-disable-next-line {} -->{}", indent, rule, eol);
    core::Edit edit{{span.begin, span.begin}, std::move(comment)};
    if (silences(document, edit, engine::SuppressionKind::disable_next_line, line + 1, rule)) {
      return edit;
    }
    if (indent.empty()) break;
  }
  return std::nullopt;
}

json code_actions(const Lint& lint, PositionEncoding encoding, const ActionRequest& request) {
  json actions = json::array();
  if (lint.error || !kind_requested("quickfix", request.only)) return actions;
  TextIndex index(lint.text, encoding);
  std::optional<core::Document> document;  // parsed on demand, for disable comments
  for (const core::Diagnostic& diagnostic : lint.diagnostics) {
    LspRange range = index.range(diagnostic.span);
    if (!touches(range, request.range)) continue;
    json lsp_diagnostic = to_lsp(diagnostic, index);
    if (diagnostic.fix && diagnostic.fix->safety != core::FixSafety::display_only &&
        !diagnostic.fix->edits.empty()) {
      bool safe = diagnostic.fix->safety == core::FixSafety::safe;
      json action = {{"title", safe ? diagnostic.fix->title : diagnostic.fix->title + " (unsafe)"},
                     {"kind", "quickfix"},
                     {"diagnostics", json::array({lsp_diagnostic})},
                     {"edit", workspace_edit(lint, encoding, diagnostic.fix->edits,
                                             request.document_changes)}};
      if (safe) action["isPreferred"] = true;
      actions.push_back(std::move(action));
    }
    if (!document) document.emplace(std::string(), lint.text);
    if (auto edit = disable_edit(*document, diagnostic.range.begin.line, diagnostic.rule)) {
      actions.push_back(
          {{"title", fmt::format("Disable {} for this line", diagnostic.rule)},
           {"kind", "quickfix"},
           {"diagnostics", json::array({lsp_diagnostic})},
           {"edit", workspace_edit(lint, encoding, {std::move(*edit)}, request.document_changes)}});
    }
  }
  return actions;
}

core::Edit minimal_edit(std::string_view before, std::string_view after) {
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  std::size_t prefix = 0;
  std::size_t limit = std::min(before.size(), after.size());
  while (prefix < limit && before[prefix] == after[prefix]) ++prefix;
  while (prefix > 0 && prefix < before.size() && continuation(before[prefix])) --prefix;
  std::size_t suffix = 0;
  limit -= prefix;
  while (suffix < limit && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  while (suffix > 0 && continuation(before[before.size() - suffix])) --suffix;
  return {{prefix, before.size() - suffix},
          std::string(after.substr(prefix, after.size() - suffix - prefix))};
}

}  // namespace contentlint::lsp
