/// The `links:` key of `.contentlint.yaml`: a mode (`offline` | `external`) or a mapping
/// with the external checker's settings; and turning `link/external` on for that mode.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "core/error.hpp"
#include "core/value.hpp"

namespace contentlint::config {

/// The keys the mapping form of `links:` accepts, in documentation order
/// (schemas/contentlint.schema.json lists the same keys; a unit test keeps them in sync).
std::span<const std::string_view> links_keys();

/// Reads `links:` into `config.links` and `config.external_links`. Errors name
/// `config.path` with the line and column of the offending node.
std::optional<core::Error> read_links(const core::Node& value, Config& config);

/// Switches `config` to external link checking and turns `link/external` on, at its
/// default level, in every rule set where only a preset set it (off): a level the user
/// gave in the config or with --rule stays. `source` says who asked ("links: external",
/// "--links external"), shown as the rule's source.
std::optional<core::Error> enable_external_links(Config& config, std::string_view source);

/// A duration as the config writes it: an integer (seconds) or a number with a unit,
/// `500ms`, `5s`, `10m`, `1h`, `7d`; nullopt for anything else.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

}  // namespace contentlint::config
