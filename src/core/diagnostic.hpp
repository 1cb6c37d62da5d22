/// Findings about a file, the fixes that ride on them, and the sink rules report into.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/position.hpp"
#include "core/severity.hpp"

namespace contentlint::core {

/// Replace the bytes of `span` in the original text with `replacement`.
struct Edit {
  ByteSpan span;
  std::string replacement;

  friend bool operator==(const Edit&, const Edit&) = default;
};

/// Safe fixes are applied by --fix; unsafe ones only on request in an editor;
/// display-only ones are shown, never applied.
enum class FixSafety { safe, unsafe, display_only };

/// A change that resolves a diagnostic, as edits on the original text.
struct Fix {
  std::string title;  // states the action: "lowercase the tag"
  FixSafety safety = FixSafety::safe;
  std::vector<Edit> edits;
};

/// What a finding reported for later says when the engine asks (Diagnostic::settle).
enum class Settled {
  waiting,  // asked before the end of the run, it cannot tell yet
  holds,    // its file is checked again once every file is read, and reports it then
  dropped,  // it does not hold after all
};

/// One finding. Rules fill `span`, `message` and `fix`; the engine fills the rule id,
/// the configured severity, the range and the source line (so reporters compute nothing
/// and no report needs the file's text).
struct Diagnostic {
  std::string rule;  // "image/empty-url"
  Severity severity = Severity::warning;
  std::string message;
  ByteSpan span;
  Range range;
  std::string source_line;  // the text of range.begin.line, without its line break;
                            // empty when that line is too long to copy (over 4 KiB)
  std::optional<Fix> fix;
  /// Set on a finding that can only be decided once a file checked later has been read
  /// (a fragment into it). The engine asks as the run goes, and once every file is read,
  /// when the answer is no longer `waiting`. A file where such a finding holds is checked
  /// again then, with nothing left to wait for: that check gives its findings, so a
  /// finding that waits needs no message.
  std::function<Settled()> settle;

  bool fixable() const { return fix && fix->safety == FixSafety::safe; }
};

/// Collects the diagnostics one rule reports on one file. The engine names the rule
/// before it runs; rules only say where, what and how to fix it.
class DiagnosticSink {
 public:
  void begin_rule(std::string_view rule, Severity severity);

  void report(ByteSpan span, std::string message, std::optional<Fix> fix = std::nullopt);
  /// Like report, at the rule's level but never above `at_most`: for a rule whose findings
  /// differ in weight (an external link that is broken, or only could not be verified).
  void report_at_most(Severity at_most, ByteSpan span, std::string message);
  /// A finding decided once the files it depends on are read (Diagnostic::settle).
  /// Suppression comments apply to it as to any other finding.
  void report_later(ByteSpan span, std::function<Settled()> settle);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> take() { return std::move(diagnostics_); }

 private:
  std::string rule_;
  Severity severity_ = Severity::warning;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace contentlint::core
