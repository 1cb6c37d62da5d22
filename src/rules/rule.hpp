/// The interface every built-in rule implements, and the metadata its docs come from.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/document.hpp"
#include "core/error.hpp"
#include "core/value.hpp"
#include "frontmatter/frontmatter.hpp"
#include "links/external.hpp"
#include "links/site.hpp"
#include "markdown/facts.hpp"
#include "schema/schema.hpp"

namespace contentlint::rules {

/// Everything a rule may read about one file, parsed once before any rule runs.
/// All members are owned by the engine and outlive the rule's `check`.
struct Article {
  const core::Document& document;
  const frontmatter::FrontMatter& front_matter;
  const markdown::Body& body;
  std::string_view collection;             // the collection's name, empty when none
  const schema::Schema* schema = nullptr;  // the collection's schema, when it has one
  /// This file's links, resolved against the whole site (shared by all files); nullptr
  /// when links are not checked.
  const links::FileLinks* links = nullptr;
  /// The run's external link results (`--links external`); nullptr when offline.
  const links::ExternalResults* external = nullptr;
};

/// One documented option of a rule.
struct OptionDoc {
  std::string_view name;
  std::string_view type;           // "string", "list of strings", "integer", ...
  std::string_view default_value;  // as YAML
  std::string_view description;
};

/// What `rules`, `explain` and SARIF's rule descriptors are generated from.
struct RuleMeta {
  std::string_view id;  // "category/name", names the flagged pattern
  core::Severity default_severity = core::Severity::warning;
  bool fixable = false;
  std::string_view summary;  // one line
  std::string_view what;     // What it does
  std::string_view why;      // Why is this bad?
  std::string_view bad;      // Example (Markdown)
  std::string_view good;     // Use instead (Markdown)
  std::vector<OptionDoc> options;
};

/// A rule's options as the config gives them: a mapping (without `level`), or none.
/// Accessors return the default when the key is absent and an error naming the config's
/// line and column when it has the wrong type.
class Options {
 public:
  Options() = default;
  Options(const core::Node* node, std::string config_path)
      : node_(node), config_path_(std::move(config_path)) {}

  core::Expected<std::string> string(std::string_view key, std::string fallback) const;
  core::Expected<std::vector<std::string>> strings(std::string_view key,
                                                   std::vector<std::string> fallback) const;
  core::Expected<std::int64_t> integer(std::string_view key, std::int64_t fallback) const;
  core::Expected<bool> boolean(std::string_view key, bool fallback) const;
  /// The raw node of an option (for structured options), or nullptr.
  const core::Node* node(std::string_view key) const;

  /// An error for the first key that `meta` does not document.
  std::optional<core::Error> check_known(const RuleMeta& meta) const;
  /// An error at `at` (a node of these options) in the config file.
  core::Error error(const core::Node& at, std::string message) const;

 private:
  const core::Node* node_ = nullptr;
  std::string config_path_;
};

/// A built-in rule: metadata, a constructor that validates its options, and `check`.
/// Fixes ride on the diagnostics it reports.
class Rule {
 public:
  virtual ~Rule() = default;
  virtual void check(const Article& article, core::DiagnosticSink& sink) const = 0;
};

/// How the registry makes a rule from its options.
using RuleFactory = core::Expected<std::unique_ptr<Rule>> (*)(const Options& options);

struct RuleEntry {
  const RuleMeta& meta;
  RuleFactory make;
};

/// Every built-in rule, sorted by id (an explicit list; see registry.cpp).
std::span<const RuleEntry> registry();
/// The entry with this id, or nullptr.
const RuleEntry* find_rule(std::string_view id);

/// Makes a rule of type R from its options: the factory for rules whose constructor
/// takes `const Options&` and reports bad options by returning an error from `create`.
template <typename R>
core::Expected<std::unique_ptr<Rule>> make_rule(const Options& options) {
  if (auto unknown = options.check_known(R::meta)) return *unknown;
  auto rule = R::create(options);
  if (!rule) return rule.error();
  return std::unique_ptr<Rule>(std::make_unique<R>(std::move(*rule)));
}

}  // namespace contentlint::rules
