#include "rules/rule.hpp"

#include <fmt/format.h>

namespace contentlint::rules {

const core::Node* Options::node(std::string_view key) const {
  return node_ != nullptr && node_->is_mapping() ? node_->find(key) : nullptr;
}

core::Error Options::error(const core::Node& at, std::string message) const {
  return core::Error{config_path_, at.position, std::move(message)};
}

core::Expected<std::string> Options::string(std::string_view key, std::string fallback) const {
  const core::Node* value = node(key);
  if (value == nullptr) return fallback;
  if (!value->is_scalar()) {
    return error(*value, fmt::format("option '{}' must be a string, found {}", key,
                                     core::describe_type(*value)));
  }
  return value->text;
}

core::Expected<std::vector<std::string>> Options::strings(std::string_view key,
                                                          std::vector<std::string> fallback) const {
  const core::Node* value = node(key);
  if (value == nullptr) return fallback;
  if (!value->is_sequence()) {
    return error(*value, fmt::format("option '{}' must be a list of strings, found {}", key,
                                     core::describe_type(*value)));
  }
  std::vector<std::string> result;
  for (const core::Node& item : value->items) {
    if (!item.is_scalar()) {
      return error(item, fmt::format("option '{}' must be a list of strings, found {} in it", key,
                                     core::describe_type(item)));
    }
    result.push_back(item.text);
  }
  return result;
}

core::Expected<std::int64_t> Options::integer(std::string_view key, std::int64_t fallback) const {
  const core::Node* value = node(key);
  if (value == nullptr) return fallback;
  if (auto i = value->as_integer()) return *i;
  return error(*value, fmt::format("option '{}' must be an integer, found {}", key,
                                   core::describe_type(*value)));
}

core::Expected<bool> Options::boolean(std::string_view key, bool fallback) const {
  const core::Node* value = node(key);
  if (value == nullptr) return fallback;
  if (auto b = value->as_bool()) return *b;
  return error(*value, fmt::format("option '{}' must be true or false, found {}", key,
                                   core::describe_type(*value)));
}

std::optional<core::Error> Options::check_known(const RuleMeta& meta) const {
  if (node_ == nullptr || !node_->is_mapping()) return std::nullopt;
  for (const core::Entry& entry : node_->entries) {
    if (entry.key.text == "level") continue;
    bool known = false;
    for (const OptionDoc& option : meta.options) known = known || option.name == entry.key.text;
    if (known) continue;
    std::string names;
    for (const OptionDoc& option : meta.options) {
      names += names.empty() ? "" : ", ";
      names += option.name;
    }
    return error(entry.key,
                 fmt::format("rule {} has no option '{}' ({})", meta.id, entry.key.text,
                             names.empty() ? "it takes no options" : "it takes: " + names));
  }
  return std::nullopt;
}

}  // namespace contentlint::rules
