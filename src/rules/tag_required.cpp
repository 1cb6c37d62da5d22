#include <fmt/format.h>
#include <re2/re2.h>

#include <memory>

#include "rules/catalog.hpp"
#include "rules/tags.hpp"
#include "schema/text.hpp"

namespace contentlint::rules {
namespace {

// How many matching tags a message lists before "and N more".
constexpr std::size_t kListed = 10;

/// One required group: how many tags must match a pattern.
struct Group {
  std::shared_ptr<const RE2> pattern;  // shared: RE2 cannot be copied or moved
  std::int64_t min = 1;
  std::optional<std::int64_t> max;
  std::string name;  // "cohort tag"; empty: "tag matching <pattern>"
};

std::string count_word(std::int64_t count) { return count == 1 ? "one" : std::to_string(count); }

std::string describe(const Group& group, std::int64_t count) {
  if (!group.name.empty()) return count == 1 ? group.name : group.name + "s";
  return fmt::format("{} matching {}", count == 1 ? "tag" : "tags", group.pattern->pattern());
}

class TagRequired final : public Rule {
 public:
  static inline const RuleMeta meta{
      .id = "tag/required",
      .default_severity = core::Severity::warning,
      .summary = "a required group of tags missing, or too many of a group",
      .what =
          "Checks the front matter's tags list (see `field`) against each group of `groups`: "
          "the number of tags that match the group's `pattern` (a regular expression in RE2 "
          "syntax, searched anywhere in the tag unless anchored) must be at least `min` "
          "(default 1) and at most `max` (default: no limit). A group may have a `name` for "
          "messages (`cohort tag`). Reported at the tags key, or at the opening `---` when the "
          "front matter has no tags field; a tags field that is not a list is left to "
          "frontmatter/schema. Without `groups` the rule does nothing, so the recommended "
          "preset leaves it off.",
      .why =
          "Sites group articles by tags: a cohort's page lists the articles tagged `cohort3`. "
          "An article without its cohort tag is missing from that page, and one with two "
          "cohort tags shows up on both.",
      .bad =
          "---\n# groups: [{pattern: \"^cohort[0-9]+$\", min: 1, max: 1, name: cohort tag}]\n"
          "title: How to get a job in DevRel\ntags: [article, devrel]\n---\n",
      .good = "---\ntitle: How to get a job in DevRel\ntags: [cohort3, article, devrel]\n---\n",
      .options = {{"field", "string", "tags",
                   "the front matter field that holds the tags, as a dotted path"},
                  {"groups", "list of mappings", "[]",
                   "each `{pattern, min, max, name}`: how many tags must match `pattern`; e.g. "
                   "`[{pattern: \"^cohort[0-9]+$\", min: 1, max: 1, name: cohort tag}]`"}},
  };

  static core::Expected<TagRequired> create(const Options& options) {
    auto field = options.string("field", "tags");
    if (!field) return field.error();
    TagRequired rule(std::move(*field));
    const core::Node* groups = options.node("groups");
    if (groups == nullptr || groups->is_null()) return rule;
    if (!groups->is_sequence()) {
      return options.error(*groups, fmt::format("option 'groups' must be a list of mappings, "
                                                "found {}",
                                                core::describe_type(*groups)));
    }
    for (const core::Node& node : groups->items) {
      auto group = read_group(options, node);
      if (!group) return group.error();
      rule.groups_.push_back(std::move(*group));
    }
    return rule;
  }

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    if (groups_.empty()) return;
    tags::TagField field = tags::find_field(article.document, article.front_matter, field_);
    core::ByteSpan at;
    if (field.state == tags::FieldState::list) {
      at = field.key->span;
    } else if (field.state == tags::FieldState::missing) {
      at = article.front_matter.split.opening;
    } else {
      return;
    }
    for (const Group& group : groups_) {
      std::vector<std::string_view> found;
      for (const core::Node& item : field.items()) {
        if (item.is_scalar() && RE2::PartialMatch(item.text, *group.pattern)) {
          found.push_back(item.text);
        }
      }
      auto count = static_cast<std::int64_t>(found.size());
      if (count >= group.min && (!group.max || count <= *group.max)) continue;
      sink.report(at,
                  fmt::format("expected {}, found {}", expectation(group, count), listing(found)));
    }
  }

 private:
  explicit TagRequired(std::string field) : field_(std::move(field)) {}

  static core::Expected<Group> read_group(const Options& options, const core::Node& node) {
    if (!node.is_mapping()) {
      return options.error(node, fmt::format("each of option 'groups' must be a mapping "
                                             "{{pattern, min, max, name}}, found {}",
                                             core::describe_type(node)));
    }
    Group group;
    const core::Node* pattern = nullptr;
    for (const core::Entry& entry : node.entries) {
      const std::string& key = entry.key.text;
      const core::Node& value = entry.value;
      if (key == "pattern" || key == "name") {
        if (!value.is_scalar()) {
          return options.error(value, fmt::format("'{}' of a group must be a string, found {}", key,
                                                  core::describe_type(value)));
        }
        if (key == "pattern") pattern = &value;
        if (key == "name") group.name = value.text;
      } else if (key == "min" || key == "max") {
        auto number = value.as_integer();
        if (!number || *number < 0) {
          return options.error(value, fmt::format("'{}' of a group must be a whole number of "
                                                  "at least 0, found {}",
                                                  key, schema::render_value(value)));
        }
        if (key == "min") {
          group.min = *number;
        } else {
          group.max = *number;
        }
      } else {
        return options.error(entry.key, fmt::format("a group has no key '{}' (it takes: "
                                                    "pattern, min, max, name)",
                                                    key));
      }
    }
    if (pattern == nullptr) return options.error(node, "a group needs a 'pattern'");
    RE2::Options re2_options;
    re2_options.set_log_errors(false);
    group.pattern = std::make_shared<const RE2>(pattern->text, re2_options);
    if (!group.pattern->ok()) {
      return options.error(*pattern, fmt::format("'pattern' of a group is not a valid regular "
                                                 "expression: {}",
                                                 group.pattern->error()));
    }
    if (group.max && *group.max < group.min) {
      return options.error(node, fmt::format("a group's 'max' ({}) is less than its 'min' ({})",
                                             *group.max, group.min));
    }
    return group;
  }

  static std::string expectation(const Group& group, std::int64_t count) {
    if (group.max && *group.max == 0) return "no " + describe(group, 0);
    if (group.max && *group.max == group.min) {
      return fmt::format("exactly {} {}", count_word(group.min), describe(group, group.min));
    }
    if (count < group.min) {
      return fmt::format("at least {} {}", count_word(group.min), describe(group, group.min));
    }
    return fmt::format("at most {} {}", count_word(*group.max), describe(group, *group.max));
  }

  static std::string listing(const std::vector<std::string_view>& found) {
    if (found.empty()) return "none";
    std::string out = fmt::format("{}: ", found.size());
    for (std::size_t i = 0; i < found.size() && i < kListed; ++i) {
      out += i == 0 ? "" : ", ";
      out += found[i];
    }
    if (found.size() > kListed) out += fmt::format(" and {} more", found.size() - kListed);
    return out;
  }

  std::string field_;
  std::vector<Group> groups_;
};

}  // namespace

RuleEntry tag_required() { return {TagRequired::meta, make_rule<TagRequired>}; }

}  // namespace contentlint::rules
