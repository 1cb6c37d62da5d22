#include "config/links_config.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "config/nearest.hpp"

namespace contentlint::config {
namespace {

constexpr std::string_view kLinksKeys[] = {
    "mode",      "cache-dir",      "cache-max-age", "timeout", "concurrency", "host-concurrency",
    "retries",   "max-retry-wait", "max-bytes",     "accept",  "exclude",     "allow-private",
    "fragments", "hosts",
};
constexpr std::string_view kMaxAgeKeys[] = {"ok", "broken"};
constexpr std::string_view kTimeoutKeys[] = {"connect", "total"};
constexpr std::string_view kHostKeys[] = {"concurrency", "headers"};

std::string unknown(std::string_view what, std::string_view word,
                    std::span<const std::string_view> known) {
  if (auto suggestion = nearest(word, known)) {
    return fmt::format("unknown {} '{}'; did you mean '{}'?", what, word, *suggestion);
  }
  return fmt::format("unknown {} '{}'; expected one of: {}", what, word, join_words(known));
}

/// Reads the mapping form of `links:`, one key at a time, with errors at the node.
class LinksReader {
 public:
  explicit LinksReader(Config& config) : config_(config), options_(config.external_links) {}

  std::optional<core::Error> read(const core::Node& value) {
    if (value.is_scalar()) return read_mode(value);
    if (!value.is_mapping()) {
      return error(value, fmt::format("'links' must be offline, external or a mapping, found {}",
                                      core::describe_type(value)));
    }
    for (const core::Entry& entry : value.entries) {
      if (auto failure = read_key(entry)) return failure;
    }
    return std::nullopt;
  }

 private:
  core::Error error(const core::Node& at, std::string message) const {
    return core::Error{config_.path, at.position, std::move(message)};
  }

  std::optional<core::Error> read_mode(const core::Node& value) {
    if (!value.is_scalar()) {
      return error(value, fmt::format("'links.mode' must be offline or external, found {}",
                                      core::describe_type(value)));
    }
    if (value.text == "offline") {
      config_.links = LinkMode::offline;
    } else if (value.text == "external") {
      config_.links = LinkMode::external;
    } else {
      return error(value,
                   fmt::format("'links' must be offline or external, found '{}'", value.text));
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_key(const core::Entry& entry) {
    const std::string& key = entry.key.text;
    const core::Node& value = entry.value;
    if (key == "mode") return read_mode(value);
    if (key == "cache-dir") return read_cache_dir(value);
    if (key == "cache-max-age") return read_max_ages(value);
    if (key == "timeout") return read_timeouts(value);
    if (key == "concurrency") return read_count(key, value, 1, 256, options_.concurrency);
    if (key == "host-concurrency") {
      return read_count(key, value, 1, 64, options_.host_concurrency);
    }
    if (key == "retries") return read_count(key, value, 0, 10, options_.retries);
    if (key == "max-retry-wait") return read_duration(key, value, options_.max_retry_wait);
    if (key == "max-bytes") return read_max_bytes(value);
    if (key == "accept") return read_accept(value);
    if (key == "exclude") return read_exclude(value);
    if (key == "allow-private") return read_allow_private(value);
    if (key == "fragments") return read_bool(key, value, options_.fragments);
    if (key == "hosts") return read_hosts(value);
    return error(entry.key, unknown("key of 'links'", key, kLinksKeys));
  }

  std::optional<core::Error> read_cache_dir(const core::Node& value) {
    // `false` turns the cache off; anything else is a folder.
    if (value.is_scalar() && value.style == core::ScalarStyle::plain && value.as_bool() == false) {
      options_.cache_dir.clear();
      return std::nullopt;
    }
    if (!value.is_scalar() || value.text.empty()) {
      return error(value, fmt::format("'links.cache-dir' must be a folder or false, found {}",
                                      core::describe_type(value)));
    }
    options_.cache_dir = value.text;
    return std::nullopt;
  }

  std::optional<core::Error> read_duration(std::string_view key, const core::Node& value,
                                           std::chrono::milliseconds& out) const {
    std::optional<std::chrono::milliseconds> duration;
    if (value.is_scalar()) duration = parse_duration(value.text);
    if (!duration) {
      std::string found = value.is_scalar() ? fmt::format("'{}'", value.text)
                                            : std::string(core::describe_type(value));
      return error(value, fmt::format("'links.{}' must be a duration like 500ms, 5s, 10m, 1h "
                                      "or 7d, found {}",
                                      key, found));
    }
    out = *duration;
    return std::nullopt;
  }

  std::optional<core::Error> read_max_ages(const core::Node& value) {
    if (!value.is_mapping()) {
      return error(value, fmt::format("'links.cache-max-age' must be a mapping like "
                                      "{{ ok: 7d, broken: 1d }}, found {}",
                                      core::describe_type(value)));
    }
    for (const core::Entry& entry : value.entries) {
      const std::string& key = entry.key.text;
      if (key != "ok" && key != "broken") {
        return error(entry.key, unknown("key of 'links.cache-max-age'", key, kMaxAgeKeys));
      }
      std::chrono::milliseconds age{};
      if (auto failure = read_duration("cache-max-age." + key, entry.value, age)) return failure;
      auto seconds = std::chrono::duration_cast<std::chrono::seconds>(age);
      (key == "ok" ? options_.cache_max_age_ok : options_.cache_max_age_broken) = seconds;
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_timeouts(const core::Node& value) {
    if (!value.is_mapping()) {
      return error(value, fmt::format("'links.timeout' must be a mapping like "
                                      "{{ connect: 5s, total: 20s }}, found {}",
                                      core::describe_type(value)));
    }
    for (const core::Entry& entry : value.entries) {
      const std::string& key = entry.key.text;
      if (key != "connect" && key != "total") {
        return error(entry.key, unknown("key of 'links.timeout'", key, kTimeoutKeys));
      }
      auto& out = key == "connect" ? options_.connect_timeout : options_.total_timeout;
      if (auto failure = read_duration("timeout." + key, entry.value, out)) return failure;
      if (out.count() == 0) {
        return error(entry.value, fmt::format("'links.timeout.{}' must be more than 0", key));
      }
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_count(std::string_view key, const core::Node& value, int low,
                                        int high, int& out) const {
    auto number = value.is_scalar() ? value.as_integer() : std::nullopt;
    if (!number || *number < low || *number > high) {
      std::string found = value.is_scalar() ? fmt::format("'{}'", value.text)
                                            : std::string(core::describe_type(value));
      return error(value, fmt::format("'{}' must be an integer from {} to {}, found {}", key, low,
                                      high, found));
    }
    out = static_cast<int>(*number);
    return std::nullopt;
  }

  std::optional<core::Error> read_bool(std::string_view key, const core::Node& value,
                                       bool& out) const {
    auto flag = value.is_scalar() ? value.as_bool() : std::nullopt;
    if (!flag) {
      return error(value, fmt::format("'links.{}' must be true or false, found {}", key,
                                      core::describe_type(value)));
    }
    out = *flag;
    return std::nullopt;
  }

  std::optional<core::Error> read_max_bytes(const core::Node& value) {
    auto number = value.is_scalar() ? value.as_integer() : std::nullopt;
    if (!number || *number < 1024 || *number > 256 * 1024 * 1024) {
      return error(value, "'links.max-bytes' must be an integer from 1024 to 268435456");
    }
    options_.max_bytes = static_cast<std::size_t>(*number);
    return std::nullopt;
  }

  // `200`, or `200-299`.
  static std::optional<links::StatusRange> parse_status_range(std::string_view text) {
    auto code = [](std::string_view digits) -> std::optional<int> {
      int value = 0;
      auto [end, failure] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (digits.size() != 3 || failure != std::errc() || end != digits.data() + digits.size() ||
          value < 100 || value > 599) {
        return std::nullopt;
      }
      return value;
    };
    std::size_t dash = text.find('-');
    auto low = code(text.substr(0, dash));
    auto high = dash == std::string_view::npos ? low : code(text.substr(dash + 1));
    if (!low || !high || *low > *high) return std::nullopt;
    return links::StatusRange{*low, *high};
  }

  std::optional<core::Error> read_accept(const core::Node& value) {
    if (!value.is_sequence()) {
      return error(value, fmt::format("'links.accept' must be a list of status codes or ranges "
                                      "like [200-299, 403], found {}",
                                      core::describe_type(value)));
    }
    options_.accept.clear();
    for (const core::Node& item : value.items) {
      auto range = item.is_scalar() ? parse_status_range(item.text) : std::nullopt;
      if (!range) {
        std::string found = item.is_scalar() ? fmt::format("'{}'", item.text)
                                             : std::string(core::describe_type(item));
        return error(item, fmt::format("expected a status code like 403 or a range like "
                                       "200-299, found {}",
                                       found));
      }
      options_.accept.push_back(*range);
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_exclude(const core::Node& value) {
    if (!value.is_sequence()) {
      return error(value, fmt::format("'links.exclude' must be a list of patterns, found {}",
                                      core::describe_type(value)));
    }
    for (const core::Node& item : value.items) {
      if (!item.is_scalar()) {
        return error(item, fmt::format("'links.exclude' must be a list of patterns, found {} "
                                       "in it",
                                       core::describe_type(item)));
      }
      re2::RE2::Options re2_options;
      re2_options.set_log_errors(false);
      re2::RE2 pattern(item.text, re2_options);
      if (!pattern.ok()) {
        return error(item, fmt::format("invalid pattern '{}': {}", item.text, pattern.error()));
      }
      options_.exclude.push_back(item.text);
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_allow_private(const core::Node& value) {
    if (auto flag = value.is_scalar() && value.style == core::ScalarStyle::plain ? value.as_bool()
                                                                                 : std::nullopt) {
      options_.allow_private.allow_all = *flag;
      return std::nullopt;
    }
    if (!value.is_sequence()) {
      return error(value, fmt::format("'links.allow-private' must be true, false or a list of "
                                      "addresses and networks, found {}",
                                      core::describe_type(value)));
    }
    for (const core::Node& item : value.items) {
      auto network = item.is_scalar() ? links::parse_allowed_network(item.text) : std::nullopt;
      if (!network) {
        std::string found = item.is_scalar() ? fmt::format("'{}'", item.text)
                                             : std::string(core::describe_type(item));
        return error(item, fmt::format("expected an address or network like 10.0.0.0/8, "
                                       "127.0.0.1:8080 or [::1]:3000, found {}",
                                       found));
      }
      options_.allow_private.allowed.push_back(*network);
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_hosts(const core::Node& value) {
    if (!value.is_mapping()) {
      return error(value, fmt::format("'links.hosts' must be a mapping of host names to "
                                      "settings, found {}",
                                      core::describe_type(value)));
    }
    for (const core::Entry& entry : value.entries) {
      std::string host = entry.key.text;
      for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!entry.value.is_mapping()) {
        return error(entry.value, fmt::format("host '{}' must be a mapping, found {}", host,
                                              core::describe_type(entry.value)));
      }
      links::HostOptions& host_options = options_.hosts[host];
      for (const core::Entry& field : entry.value.entries) {
        const std::string& key = field.key.text;
        if (key == "concurrency") {
          if (auto failure =
                  read_count("concurrency", field.value, 1, 64, host_options.concurrency)) {
            return failure;
          }
        } else if (key == "headers") {
          if (auto failure = read_headers(field.value, host_options)) return failure;
        } else {
          return error(field.key, unknown("key of a host", key, kHostKeys));
        }
      }
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_headers(const core::Node& value, links::HostOptions& out) const {
    if (!value.is_mapping()) {
      return error(value, fmt::format("'headers' must be a mapping of header names to values, "
                                      "found {}",
                                      core::describe_type(value)));
    }
    for (const core::Entry& header : value.entries) {
      const std::string& name = header.key.text;
      bool valid_name = !name.empty() && name.find_first_of(" \t\r\n:") == std::string::npos;
      if (!valid_name) return error(header.key, fmt::format("invalid header name '{}'", name));
      // A line break in a value would inject another header.
      if (!header.value.is_scalar() ||
          header.value.text.find_first_of("\r\n") != std::string::npos) {
        return error(header.value, fmt::format("header '{}' must be a one-line string, found {}",
                                               name, core::describe_type(header.value)));
      }
      out.headers.emplace_back(name, header.value.text);
    }
    return std::nullopt;
  }

  Config& config_;
  links::ExternalOptions& options_;
};

}  // namespace

std::span<const std::string_view> links_keys() { return kLinksKeys; }

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 9) return std::nullopt;
  long long value = 0;
  std::from_chars(text.data(), text.data() + digits, value);
  std::string_view unit = text.substr(digits);
  if (unit == "ms") return std::chrono::milliseconds(value);
  if (unit.empty() || unit == "s") return std::chrono::seconds(value);
  if (unit == "m") return std::chrono::minutes(value);
  if (unit == "h") return std::chrono::hours(value);
  if (unit == "d") return std::chrono::hours(24 * value);
  return std::nullopt;
}

std::optional<core::Error> read_links(const core::Node& value, Config& config) {
  return LinksReader(config).read(value);
}

std::optional<core::Error> enable_external_links(Config& config, std::string_view source) {
  config.links = LinkMode::external;
  const rules::RuleEntry* entry = config.catalog->find("link/external");
  if (entry == nullptr) return std::nullopt;
  auto enable = [&](RuleSet& set) -> std::optional<core::Error> {
    auto setting = set.settings.find(entry->meta.id);
    if (setting == set.settings.end()) return std::nullopt;
    bool only_preset =
        setting->second.source.empty() || setting->second.source.starts_with("preset ");
    if (setting->second.severity != core::Severity::off || !only_preset) return std::nullopt;
    auto rule = config.catalog->make(*entry, rules::Options(setting->second.options, config.path));
    if (!rule) return rule.error();
    setting->second.severity = entry->meta.default_severity;
    setting->second.source = std::string(source);
    auto at = std::find_if(set.active.begin(), set.active.end(), [&](const ActiveRule& active) {
      return active.entry->meta.id > entry->meta.id;
    });
    set.active.insert(at, ActiveRule{entry, entry->meta.default_severity, std::move(*rule)});
    return std::nullopt;
  };
  if (auto failure = enable(config.rules)) return failure;
  for (Collection& collection : config.collections) {
    if (auto failure = enable(collection.rules)) return failure;
  }
  return std::nullopt;
}

}  // namespace contentlint::config
