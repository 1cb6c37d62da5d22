#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "config/links_config.hpp"
#include "temp_folder.hpp"

using namespace contentlint;
using namespace contentlint::config;
using contentlint::config::testing::TempFolder;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

const ActiveRule* active(const RuleSet& rules, std::string_view id) {
  for (const ActiveRule& rule : rules.active) {
    if (rule.entry->meta.id == id) return &rule;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("links: the plain string form") {
  TempFolder folder;
  auto config = folder.load_config("links: offline\n");
  REQUIRE(config.ok());
  CHECK(config->links == LinkMode::offline);
  CHECK(active(config->rules, "link/external") == nullptr);
  CHECK(config->external_links.cache_dir == ".contentlint-cache");
  CHECK(config->external_links.accept == std::vector<links::StatusRange>{{200, 299}});
}

TEST_CASE("links: external turns link/external on at its default level") {
  TempFolder folder;
  auto config =
      folder.load_config("links: external\ncollections:\n  posts:\n    include: ['posts/*.md']\n");
  REQUIRE(config.ok());
  CHECK(config->links == LinkMode::external);
  const ActiveRule* rule = active(config->rules, "link/external");
  REQUIRE(rule != nullptr);
  CHECK(rule->severity == core::Severity::error);
  CHECK(config->rules.settings.at("link/external").source == "links: external");
  REQUIRE(active(config->collections[0].rules, "link/external") != nullptr);
  // The active rules stay sorted by id.
  for (std::size_t i = 1; i < config->rules.active.size(); ++i) {
    CHECK(config->rules.active[i - 1].entry->meta.id < config->rules.active[i].entry->meta.id);
  }
}

TEST_CASE("a level the user gave link/external wins over the mode") {
  TempFolder folder;
  auto config = folder.load_config("links: external\nrules:\n  link/external: off\n");
  REQUIRE(config.ok());
  CHECK(active(config->rules, "link/external") == nullptr);
  config = folder.load_config("links: external\nrules:\n  link/external: warning\n");
  REQUIRE(config.ok());
  CHECK(active(config->rules, "link/external")->severity == core::Severity::warning);
  config = folder.load_config("links: external\n", {{"link/external", core::Severity::info}});
  REQUIRE(config.ok());
  CHECK(active(config->rules, "link/external")->severity == core::Severity::info);
}

TEST_CASE("the command line's external mode enables the rule after loading") {
  TempFolder folder;
  auto config = folder.load_config("extends: none\n");
  REQUIRE(config.ok());
  CHECK(active(config->rules, "link/external") == nullptr);
  REQUIRE_FALSE(enable_external_links(*config, "--links external"));
  CHECK(config->links == LinkMode::external);
  REQUIRE(active(config->rules, "link/external") != nullptr);
  CHECK(config->rules.settings.at("link/external").source == "--links external");
}

TEST_CASE("links: the mapping form") {
  TempFolder folder;
  auto config = folder.load_config(R"(links:
  mode: external
  cache-dir: .cache/links
  cache-max-age: { ok: 7d, broken: 1h }
  timeout: { connect: 500ms, total: 20s }
  concurrency: 16
  host-concurrency: 3
  retries: 1
  max-retry-wait: 2m
  max-bytes: 65536
  accept: [200-299, 403]
  exclude: ["^https://(www\\.)?linkedin\\.com/"]
  allow-private: ["127.0.0.1:8080", "10.0.0.0/8"]
  fragments: true
  hosts:
    GitHub.com: { concurrency: 2, headers: { Accept: text/html } }
)");
  REQUIRE(config.ok());
  const links::ExternalOptions& options = config->external_links;
  CHECK(config->links == LinkMode::external);
  CHECK(options.cache_dir == ".cache/links");
  CHECK(options.cache_max_age_ok == seconds(7 * 24 * 3600));
  CHECK(options.cache_max_age_broken == seconds(3600));
  CHECK(options.connect_timeout == milliseconds(500));
  CHECK(options.total_timeout == seconds(20));
  CHECK(options.concurrency == 16);
  CHECK(options.host_concurrency == 3);
  CHECK(options.retries == 1);
  CHECK(options.max_retry_wait == seconds(120));
  CHECK(options.max_bytes == 65536);
  CHECK(options.accept == std::vector<links::StatusRange>{{200, 299}, {403, 403}});
  CHECK(options.exclude == std::vector<std::string>{"^https://(www\\.)?linkedin\\.com/"});
  CHECK_FALSE(options.allow_private.allow_all);
  CHECK(options.allow_private.allowed.size() == 2);
  CHECK(options.fragments);
  REQUIRE(options.hosts.count("github.com") == 1);
  CHECK(options.hosts.at("github.com").concurrency == 2);
  CHECK(options.hosts.at("github.com").headers ==
        std::vector<std::pair<std::string, std::string>>{{"Accept", "text/html"}});
  REQUIRE(active(config->rules, "link/external") != nullptr);
}

TEST_CASE("links: cache off, allow-private true, mode left offline") {
  TempFolder folder;
  auto config = folder.load_config("links:\n  cache-dir: false\n  allow-private: true\n");
  REQUIRE(config.ok());
  CHECK(config->links == LinkMode::offline);
  CHECK(config->external_links.cache_dir.empty());
  CHECK(config->external_links.allow_private.allow_all);
}

TEST_CASE("links: errors name the line and column") {
  TempFolder folder;
  CHECK(folder.error_of("links: online\n") ==
        ".contentlint.yaml:1:8: 'links' must be offline or external, found 'online'");
  CHECK(folder.error_of("links: [external]\n") ==
        ".contentlint.yaml:1:8: 'links' must be offline, external or a mapping, found a list");
  CHECK(folder.error_of("links:\n  mdoe: external\n") ==
        ".contentlint.yaml:2:3: unknown key of 'links' 'mdoe'; did you mean 'mode'?");
  CHECK(folder.error_of("links:\n  timeout: { connect: 5 seconds }\n") ==
        ".contentlint.yaml:2:23: 'links.timeout.connect' must be a duration like 500ms, 5s, "
        "10m, 1h or 7d, found '5 seconds'");
  CHECK(folder.error_of("links:\n  timeout: { total: 0s }\n") ==
        ".contentlint.yaml:2:21: 'links.timeout.total' must be more than 0");
  CHECK(folder.error_of("links:\n  timeout: { read: 1s }\n") ==
        ".contentlint.yaml:2:14: unknown key of 'links.timeout' 'read'; expected one of: "
        "connect, total");
  CHECK(folder.error_of("links:\n  accept: [200-299, 2xx]\n") ==
        ".contentlint.yaml:2:21: expected a status code like 403 or a range like 200-299, "
        "found '2xx'");
  CHECK(folder.error_of("links:\n  accept: [299-200]\n") ==
        ".contentlint.yaml:2:12: expected a status code like 403 or a range like 200-299, "
        "found '299-200'");
  CHECK(folder.error_of("links:\n  exclude: ['(unclosed']\n") ==
        ".contentlint.yaml:2:13: invalid pattern '(unclosed': missing ): (unclosed");
  CHECK(folder.error_of("links:\n  allow-private: [localhost]\n") ==
        ".contentlint.yaml:2:19: expected an address or network like 10.0.0.0/8, "
        "127.0.0.1:8080 or [::1]:3000, found 'localhost'");
  CHECK(folder.error_of("links:\n  concurrency: 0\n") ==
        ".contentlint.yaml:2:16: 'concurrency' must be an integer from 1 to 256, found '0'");
  CHECK(folder.error_of("links:\n  fragments: yes please\n") ==
        ".contentlint.yaml:2:14: 'links.fragments' must be true or false, found a string");
  CHECK(folder.error_of("links:\n  hosts:\n    a.org: { proxy: x }\n") ==
        ".contentlint.yaml:3:14: unknown key of a host 'proxy'; expected one of: concurrency, "
        "headers");
  CHECK(folder.error_of("links:\n  hosts:\n    a.org: { headers: { 'X: y': z } }\n") ==
        ".contentlint.yaml:3:25: invalid header name 'X: y'");
}

TEST_CASE("durations") {
  CHECK(parse_duration("500ms") == milliseconds(500));
  CHECK(parse_duration("5") == seconds(5));
  CHECK(parse_duration("5s") == seconds(5));
  CHECK(parse_duration("10m") == seconds(600));
  CHECK(parse_duration("1h") == seconds(3600));
  CHECK(parse_duration("7d") == seconds(7 * 86400));
  CHECK(parse_duration("") == std::nullopt);
  CHECK(parse_duration("s") == std::nullopt);
  CHECK(parse_duration("1.5s") == std::nullopt);
  CHECK(parse_duration("-1s") == std::nullopt);
  CHECK(parse_duration("5 s") == std::nullopt);
  CHECK(parse_duration("1w") == std::nullopt);
}
