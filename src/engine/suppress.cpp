#include "engine/suppress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>

#include "config/nearest.hpp"

namespace contentlint::engine {
namespace {

constexpr std::uint32_t kEndOfFile = std::numeric_limits<std::uint32_t>::max();

struct Directive {
  std::string_view name;
  SuppressionKind kind;
};
// Longest first, so that `contentlint-disable` does not claim `contentlint-disable-line`.
constexpr Directive kDirectives[] = {
    {"contentlint-disable-next-line", SuppressionKind::disable_next_line},
    {"contentlint-disable-line", SuppressionKind::disable_line},
    {"contentlint-disable", SuppressionKind::disable},
    {"contentlint-enable", SuppressionKind::enable},
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ','; }

// Parses the text of a comment (`content` at offset `base` of the document): a directive
// word, then rule ids up to the end or to a `--` that starts a reason.
std::optional<Suppression> parse(std::string_view content, std::size_t base) {
  std::size_t pos = 0;
  while (pos < content.size() && is_separator(content[pos]) && content[pos] != ',') ++pos;
  std::size_t word_end = pos;
  while (word_end < content.size() && !is_separator(content[word_end])) ++word_end;
  std::string_view word = content.substr(pos, word_end - pos);
  auto directive = std::find_if(std::begin(kDirectives), std::end(kDirectives),
                                [&](const Directive& d) { return d.name == word; });
  if (directive == std::end(kDirectives)) return std::nullopt;
  Suppression suppression;
  suppression.kind = directive->kind;
  suppression.directive = directive->name;
  pos = word_end;
  while (pos < content.size()) {
    if (is_separator(content[pos])) {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < content.size() && !is_separator(content[end])) ++end;
    std::string_view id = content.substr(pos, end - pos);
    if (id == "--") break;
    suppression.rules.push_back({std::string(id), {base + pos, base + end}});
    pos = end;
  }
  return suppression;
}

// Spans of every scalar of the front matter tree: a `#` inside one is text.
std::vector<core::ByteSpan> scalar_spans(const frontmatter::FrontMatter& front_matter) {
  std::vector<core::ByteSpan> spans;
  if (!front_matter.yaml.root) return spans;
  // The tree is finite and bounded by the YAML reader; walk it without recursion anyway.
  std::vector<const core::Node*> stack{&*front_matter.yaml.root};
  while (!stack.empty()) {
    const core::Node* node = stack.back();
    stack.pop_back();
    if (node->is_scalar()) spans.push_back(node->span);
    for (const core::Node& item : node->items) stack.push_back(&item);
    for (const core::Entry& entry : node->entries) {
      stack.push_back(&entry.key);
      stack.push_back(&entry.value);
    }
  }
  return spans;
}

// The offset of the `#` that starts a comment on a YAML line, or npos. A quote opens a
// quoted scalar only where a scalar can start (line start, after `:`, `-`, `[`, `{`, `,`
// or `?`), so the apostrophe of `it's` does not hide a comment; a quoted scalar left open
// hides the rest of the line. This also works when the YAML did not parse.
std::size_t comment_start(std::string_view line) {
  char quote = 0;
  char previous = 0;  // the last non-blank character outside quotes
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote == '\'') {
      if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;
      } else if (c == '\'') {
        quote = 0;
        previous = c;
      }
      continue;
    }
    if (quote == '"') {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quote = 0;
        previous = c;
      }
      continue;
    }
    if (c == '#' && (i == 0 || is_blank(line[i - 1]))) return i;
    if ((c == '\'' || c == '"') &&
        (previous == 0 || std::string_view(":-[{,?").find(previous) != std::string_view::npos)) {
      quote = c;
      continue;
    }
    if (!is_blank(c)) previous = c;
  }
  return std::string_view::npos;
}

// Whether `code` (a YAML line without its comment) ends with a block scalar header: `|`
// or `>`, with chomping and indentation indicators (`|-`, `>+`, `|2`), after a blank or at
// the start. The block's lines follow it, more indented than this line.
bool opens_block_scalar(std::string_view code) {
  while (!code.empty() && is_blank(code.back())) code.remove_suffix(1);
  std::size_t start = code.find_last_of(" \t");
  start = start == std::string_view::npos ? 0 : start + 1;
  std::string_view header = code.substr(start);
  if (header.empty() || (header[0] != '|' && header[0] != '>')) return false;
  return header.find_first_not_of("+-0123456789", 1) == std::string_view::npos;
}

std::size_t indentation(std::string_view line) {
  std::size_t indent = line.find_first_not_of(' ');
  return indent == std::string_view::npos ? line.size() : indent;
}

void find_in_front_matter(const core::Document& document,
                          const frontmatter::FrontMatter& front_matter,
                          std::vector<Suppression>& out) {
  core::ByteSpan yaml = front_matter.split.yaml;
  std::string_view text = document.text();
  if (yaml.empty() || text.substr(yaml.begin, yaml.size()).find('#') == std::string_view::npos) {
    return;
  }
  // yaml-cpp's span of a block scalar covers only its header, so its lines are followed
  // here: a `#` in them is text.
  std::vector<core::ByteSpan> scalars = scalar_spans(front_matter);
  std::optional<std::size_t> block_indent;  // of the line that opened a block scalar
  const core::LineIndex& lines = document.lines();
  for (std::uint32_t line = document.position(yaml.begin).line; line <= lines.line_count();
       ++line) {
    core::ByteSpan span = lines.line_span(line);
    if (span.begin >= yaml.end) break;
    std::string_view line_text = text.substr(span.begin, span.size());
    std::size_t indent = indentation(line_text);
    if (block_indent) {
      if (indent == line_text.size() || indent > *block_indent) continue;
      block_indent.reset();
    }
    std::size_t hash = comment_start(line_text);
    if (opens_block_scalar(line_text.substr(0, hash))) block_indent = indent;
    if (hash == std::string_view::npos) continue;
    std::size_t at = span.begin + hash;
    bool in_scalar = std::any_of(scalars.begin(), scalars.end(), [&](const core::ByteSpan& s) {
      return s.begin <= at && at < s.end;
    });
    if (in_scalar) continue;
    std::size_t content = at + 1;
    auto suppression = parse(text.substr(content, span.end - content), content);
    if (!suppression) continue;
    suppression->span = {at, span.end};
    suppression->first_line = suppression->last_line = line;
    out.push_back(std::move(*suppression));
  }
}

void find_in_body(const core::Document& document, const markdown::Body& body,
                  std::vector<Suppression>& out) {
  for (const markdown::Comment& comment : body.comments) {
    if (!comment.text.starts_with("contentlint-")) continue;
    std::string_view written = document.slice(comment.span);
    if (!written.starts_with("<!--") || !written.ends_with("-->") || written.size() < 7) continue;
    std::size_t content = comment.span.begin + 4;
    auto suppression = parse(written.substr(4, written.size() - 7), content);
    if (!suppression) continue;
    suppression->span = comment.span;
    suppression->first_line = document.position(comment.span.begin).line;
    suppression->last_line = document.position(comment.span.end - 1).line;
    out.push_back(std::move(*suppression));
  }
}

// Lines of a rule where an enable interrupts a disable of all rules.
struct Exception {
  std::string rule;
  std::uint32_t first = 0;
  std::uint32_t last = kEndOfFile;
};

// The lines one id (or all rules) of one comment covers.
struct Interval {
  std::size_t suppression = 0;
  const SuppressedRule* rule = nullptr;  // nullptr: every rule
  std::uint32_t first = 0;
  std::uint32_t last = kEndOfFile;
  std::vector<Exception> exceptions;
  bool used = false;  // it covers a finding
  // The findings decided later that it covers (core::Diagnostic::settle): while it covers
  // no other, it is used only if one of them holds.
  std::vector<std::function<core::Settled()>> waits_on;

  bool covers(std::string_view id, std::uint32_t line) const {
    if (line < first || line > last) return false;
    if (rule != nullptr) return rule->id == id;
    return std::none_of(exceptions.begin(), exceptions.end(), [&](const Exception& e) {
      return e.rule == id && e.first <= line && line <= e.last;
    });
  }
};

std::vector<Interval> intervals_of(const std::vector<Suppression>& suppressions) {
  std::vector<Interval> intervals;
  std::vector<std::size_t> open;  // indexes of disable intervals not yet ended
  for (std::size_t i = 0; i < suppressions.size(); ++i) {
    const Suppression& s = suppressions[i];
    auto add = [&](std::uint32_t first, std::uint32_t last) {
      if (s.rules.empty()) intervals.push_back({i, nullptr, first, last});
      for (const SuppressedRule& rule : s.rules) intervals.push_back({i, &rule, first, last});
    };
    switch (s.kind) {
      case SuppressionKind::disable_line:
        add(s.first_line, s.last_line);
        break;
      case SuppressionKind::disable_next_line:
        add(s.last_line + 1, s.last_line + 1);
        break;
      case SuppressionKind::disable: {
        std::size_t before = intervals.size();
        add(s.first_line, kEndOfFile);
        for (std::size_t j = before; j < intervals.size(); ++j) open.push_back(j);
        // A disable of one rule ends that rule's exception to an open disable of all.
        for (std::size_t j : open) {
          if (intervals[j].rule != nullptr) continue;
          for (Exception& exception : intervals[j].exceptions) {
            for (const SuppressedRule& rule : s.rules) {
              if (exception.rule == rule.id && exception.last == kEndOfFile) {
                exception.last = s.first_line - 1;
              }
            }
          }
        }
        break;
      }
      case SuppressionKind::enable: {
        std::uint32_t end = s.first_line - 1;
        std::vector<std::size_t> still_open;
        for (std::size_t j : open) {
          Interval& interval = intervals[j];
          bool ends = s.rules.empty() ||
                      (interval.rule != nullptr &&
                       std::any_of(s.rules.begin(), s.rules.end(), [&](const SuppressedRule& r) {
                         return r.id == interval.rule->id;
                       }));
          if (ends) {
            interval.last = end;
            continue;
          }
          if (interval.rule == nullptr) {
            for (const SuppressedRule& rule : s.rules) {
              interval.exceptions.push_back({rule.id, s.first_line, kEndOfFile});
            }
          }
          still_open.push_back(j);
        }
        open = std::move(still_open);
        break;
      }
    }
  }
  return intervals;
}

std::uint32_t line_of(const core::Document& document, const core::Diagnostic& diagnostic) {
  return document.position(diagnostic.span.begin).line;
}

std::string unknown_message(std::string_view id, std::string_view directive,
                            const config::RuleSet& rules) {
  std::vector<std::string_view> ids;
  for (const auto& [known, setting] : rules.settings) ids.push_back(known);
  std::optional<std::string_view> suggestion = config::nearest(id, ids);
  if (!suggestion && id.find('/') == std::string_view::npos) {
    // `empty-url` for `image/empty-url`: the category was left out.
    for (std::string_view known : ids) {
      if (known.substr(known.find('/') + 1) == id) suggestion = known;
    }
  }
  if (suggestion) {
    return fmt::format("unknown rule '{}' in {} (did you mean '{}'?)", id, directive, *suggestion);
  }
  return fmt::format("unknown rule '{}' in {}; `contentlint rules` lists the rules", id, directive);
}

core::Severity severity_of(const config::RuleSet& rules, std::string_view id) {
  auto found = rules.settings.find(id);
  return found != rules.settings.end() ? found->second.severity : core::Severity::off;
}

}  // namespace

std::vector<Suppression> find_suppressions(const core::Document& document,
                                           const frontmatter::FrontMatter& front_matter,
                                           const markdown::Body& body) {
  std::vector<Suppression> found;
  find_in_front_matter(document, front_matter, found);
  find_in_body(document, body, found);
  return found;
}

void apply_suppressions(const core::Document& document,
                        const frontmatter::FrontMatter& front_matter, const markdown::Body& body,
                        const config::RuleSet& rules, std::vector<core::Diagnostic>& diagnostics) {
  std::vector<Suppression> suppressions = find_suppressions(document, front_matter, body);
  if (suppressions.empty()) return;
  std::vector<Interval> intervals = intervals_of(suppressions);

  // Every interval that covers a diagnostic counts as used, so no comment is called
  // unused while removing it would bring a finding back; one that covers only findings
  // decided later waits for them.
  std::erase_if(diagnostics, [&](const core::Diagnostic& diagnostic) {
    std::uint32_t line = line_of(document, diagnostic);
    bool covered = false;
    for (Interval& interval : intervals) {
      if (!interval.covers(diagnostic.rule, line)) continue;
      if (diagnostic.settle) {
        interval.waits_on.push_back(diagnostic.settle);
      } else {
        interval.used = true;
      }
      covered = true;
    }
    return covered;
  });

  struct Finding {
    core::Diagnostic diagnostic;
    std::size_t about;  // the suppression it is about, which cannot suppress it
  };
  std::vector<Finding> findings;
  auto report = [&](std::string_view rule, core::ByteSpan span, std::string message,
                    std::size_t about) {
    core::Severity severity = severity_of(rules, rule);
    if (severity == core::Severity::off) return;
    core::Diagnostic diagnostic;
    diagnostic.rule = std::string(rule);
    diagnostic.severity = severity;
    diagnostic.message = std::move(message);
    diagnostic.span = span;
    findings.push_back({std::move(diagnostic), about});
  };
  // "suppressed nothing", for an interval: at once, or once the findings decided later
  // that it covers are, if none of them holds.
  auto report_unused = [&](Interval& interval, core::ByteSpan span, std::string message) {
    std::size_t before = findings.size();
    report(kUnusedSuppressionId, span, std::move(message), interval.suppression);
    if (findings.size() == before || interval.waits_on.empty()) return;
    findings.back().diagnostic.settle = [waits_on = std::move(interval.waits_on)] {
      bool waiting = false;
      for (const auto& settle : waits_on) {
        core::Settled answer = settle();
        if (answer == core::Settled::holds) return core::Settled::dropped;  // it was used
        waiting |= answer == core::Settled::waiting;
      }
      return waiting ? core::Settled::waiting : core::Settled::holds;
    };
  };
  for (std::size_t i = 0; i < suppressions.size(); ++i) {
    for (const SuppressedRule& rule : suppressions[i].rules) {
      if (!rules.settings.contains(rule.id)) {
        report(kUnknownRuleId, rule.span,
               unknown_message(rule.id, suppressions[i].directive, rules), i);
      }
    }
  }
  for (Interval& interval : intervals) {
    const Suppression& s = suppressions[interval.suppression];
    if (interval.used || s.kind == SuppressionKind::enable) continue;
    if (interval.rule == nullptr) {
      report_unused(interval, s.span, fmt::format("{} suppressed nothing; remove it", s.directive));
      continue;
    }
    const std::string& id = interval.rule->id;
    // The suppression step's own findings are made after coverage was counted.
    if (id == kUnknownRuleId || id == kUnusedSuppressionId) continue;
    if (severity_of(rules, id) == core::Severity::off) continue;
    report_unused(interval, interval.rule->span,
                  fmt::format("{} {} suppressed nothing; remove it", s.directive, id));
  }

  for (Finding& finding : findings) {
    std::uint32_t line = line_of(document, finding.diagnostic);
    bool covered = std::any_of(intervals.begin(), intervals.end(), [&](const Interval& interval) {
      return interval.suppression != finding.about &&
             interval.covers(finding.diagnostic.rule, line);
    });
    if (!covered) diagnostics.push_back(std::move(finding.diagnostic));
  }
}

}  // namespace contentlint::engine
