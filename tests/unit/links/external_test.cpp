#include <catch2/catch.hpp>

#include <fstream>

#include "links/external.hpp"
#include "links/http_cache.hpp"
#include "temp_site.hpp"

using namespace contentlint;
using links::LinkResult;
using links::testing::TempSite;
using std::chrono::seconds;
using Outcome = LinkResult::Outcome;

namespace {

std::chrono::system_clock::time_point at(std::int64_t unix_seconds) {
  return std::chrono::system_clock::time_point(seconds(unix_seconds));
}

constexpr std::int64_t kOct21_2015_072800 = 1445412480;  // Wed, 21 Oct 2015 07:28:00 GMT

}  // namespace

TEST_CASE("page keys: http(s) URLs without their fragment") {
  CHECK(links::page_key("https://example.org/a#b") == "https://example.org/a");
  CHECK(links::page_key("  HTTP://Example.org  ") == "HTTP://Example.org");
  CHECK(links::page_key("https://example.org/?q=1#") == "https://example.org/?q=1");
  CHECK(links::page_key("mailto:me@example.org") == std::nullopt);
  CHECK(links::page_key("ftp://example.org/") == std::nullopt);
  CHECK(links::page_key("https:///path") == std::nullopt);
  CHECK(links::page_key("https://") == std::nullopt);
  CHECK(links::page_key("//example.org/a") == std::nullopt);
  CHECK(links::page_key("/blog/post") == std::nullopt);
  CHECK(links::page_key("") == std::nullopt);
}

TEST_CASE("Retry-After in seconds") {
  auto now = at(kOct21_2015_072800);
  CHECK(links::parse_retry_after("120", now) == seconds(120));
  CHECK(links::parse_retry_after(" 0 ", now) == seconds(0));
  CHECK(links::parse_retry_after("99999999999999999999", now) == seconds(999999999));
  CHECK(links::parse_retry_after("-5", now) == std::nullopt);
  CHECK(links::parse_retry_after("1.5", now) == std::nullopt);
  CHECK(links::parse_retry_after("", now) == std::nullopt);
  CHECK(links::parse_retry_after("soon", now) == std::nullopt);
}

TEST_CASE("Retry-After as an HTTP date, in its three forms") {
  auto now = at(kOct21_2015_072800 - 90);
  CHECK(links::parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now) == seconds(90));
  CHECK(links::parse_retry_after("Wednesday, 21-Oct-15 07:28:00 GMT", now) == seconds(90));
  CHECK(links::parse_retry_after("Wed Oct 21 07:28:00 2015", now) == seconds(90));
  // In the past: retry now.
  CHECK(links::parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", at(kOct21_2015_072800 + 5)) ==
        seconds(0));
  CHECK(links::parse_retry_after("Wed, 21 Oct 2015 07:28:00", now) == std::nullopt);
  CHECK(links::parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT trailing", now) == std::nullopt);
}

TEST_CASE("ids of an HTML page: id attributes and anchor names") {
  CHECK(links::html_ids("<h2 id=\"setup\">Setup</h2><div class=x id='b' data-id=\"no\">"
                        "<a name=legacy href=\"#x\"></a><input name=\"field\">"
                        "<p ID = spaced>") ==
        std::vector<std::string>{"b", "legacy", "setup", "spaced"});
  CHECK(links::html_ids("<a id=\"x\"><a id=\"x\">") == std::vector<std::string>{"x"});
  CHECK(links::html_ids("</p id=x> <!-- id=y --> text id=z <p id=\"unclosed").size() == 1);
  CHECK(links::html_ids("<p id=\"\">") == std::vector<std::string>{});
  CHECK(links::html_ids("<<<<").empty());
}

TEST_CASE("reason phrases") {
  CHECK(links::reason_phrase(404) == "Not Found");
  CHECK(links::reason_phrase(410) == "Gone");
  CHECK(links::reason_phrase(599) == "");
}

TEST_CASE("status ranges accept") {
  links::ExternalOptions options;
  CHECK(options.accepts(200));
  CHECK(options.accepts(299));
  CHECK_FALSE(options.accepts(403));
  options.accept.push_back({403, 403});
  CHECK(options.accepts(403));
  CHECK_FALSE(options.accepts(404));
}

TEST_CASE("exclude patterns are RE2, searched anywhere in the URL") {
  links::ExcludeFilter filter({"^https://(www\\.)?linkedin\\.com/", "/private/"});
  CHECK(filter.excluded("https://www.linkedin.com/in/someone"));
  CHECK(filter.excluded("https://linkedin.com/"));
  CHECK_FALSE(filter.excluded("https://notlinkedin.com/"));
  CHECK(filter.excluded("https://example.org/private/x"));
}

TEST_CASE("the cache keeps ok and broken results for their max age") {
  TempSite folder;
  links::HttpCache cache(folder.path() / "cache");
  LinkResult ok;
  ok.outcome = Outcome::ok;
  ok.status = 200;
  ok.has_ids = true;
  ok.ids = {"intro", "setup"};
  LinkResult broken;
  broken.outcome = Outcome::broken;
  broken.status = 404;
  broken.detail = "returns 404 Not Found";
  auto now = at(1700000000);
  REQUIRE_FALSE(cache.write("https://example.org/ok", ok, now));
  REQUIRE_FALSE(cache.write("https://example.org/broken", broken, now));

  auto read = [&](std::string_view page, std::int64_t later) {
    return cache.read(page, seconds(100), seconds(10), at(1700000000 + later));
  };
  auto cached = read("https://example.org/ok", 100);
  REQUIRE(cached);
  CHECK(cached->outcome == Outcome::ok);
  CHECK(cached->status == 200);
  CHECK(cached->has_ids);
  CHECK_FALSE(cached->truncated);
  CHECK(cached->ids == std::vector<std::string>{"intro", "setup"});
  CHECK(cached->from_cache);
  CHECK_FALSE(read("https://example.org/ok", 101));  // older than its max age

  cached = read("https://example.org/broken", 10);
  REQUIRE(cached);
  CHECK(cached->outcome == Outcome::broken);
  CHECK(cached->status == 404);
  CHECK(cached->detail == "returns 404 Not Found");
  CHECK_FALSE(read("https://example.org/broken", 11));
  CHECK_FALSE(read("https://example.org/broken", -1));  // from the future
  CHECK_FALSE(read("https://example.org/never", 0));

  // Only what the page itself decides is stored.
  LinkResult limited;
  limited.outcome = Outcome::rate_limited;
  REQUIRE_FALSE(cache.write("https://example.org/limited", limited, now));
  CHECK_FALSE(std::filesystem::exists(cache.file_for("https://example.org/limited")));

  // A rewrite replaces the file whole, leaving no temporary file behind.
  REQUIRE_FALSE(cache.write("https://example.org/ok", broken, now));
  CHECK(read("https://example.org/ok", 0)->outcome == Outcome::broken);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder.path() / "cache" / "links")) {
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
    ++files;
  }
  CHECK(files == 2);
}

TEST_CASE("a damaged or foreign cache file is a miss") {
  TempSite folder;
  links::HttpCache cache(folder.path());
  std::filesystem::path file = cache.file_for("https://example.org/");
  std::filesystem::create_directories(file.parent_path());
  auto now = at(1700000000);
  auto read = [&] { return cache.read("https://example.org/", seconds(100), seconds(100), now); };
  std::ofstream(file) << "contentlint-link-cache 1\nurl https://other.org/\nchecked 1700000000\n"
                         "outcome ok\nstatus 200\ndetail \nids 0 0\n";
  CHECK_FALSE(read());
  std::ofstream(file) << "contentlint-link-cache 1\nurl https://example.org/\nchecked x\n";
  CHECK_FALSE(read());
  std::ofstream(file) << "garbage";
  CHECK_FALSE(read());
  std::ofstream(file) << "contentlint-link-cache 1\nurl https://example.org/\nchecked 1700000000\n"
                         "outcome ok\nstatus 200\ndetail \nids 0 0\n";
  CHECK(read());
}

TEST_CASE("addresses the policy refuses are reported without a request") {
  links::ExternalOptions options;
  options.cache_dir.clear();
  links::ExternalResults results = links::check_external(
      {"http://169.254.169.254/latest/meta-data/", "http://2130706433:1/", "http://[::1]/",
       "http://[::ffff:10.0.0.1]:8080/", "http://user:secret@0x7f.1/"},
      {}, options);
  auto detail = [&](std::string_view url) {
    const LinkResult* result = results.find(url);
    REQUIRE(result != nullptr);
    CHECK(result->outcome == Outcome::refused);
    return result->detail;
  };
  CHECK(detail("http://169.254.169.254/latest/meta-data/") ==
        "169.254.169.254 is a link-local address");
  CHECK(detail("http://2130706433:1/") == "127.0.0.1 is a loopback address");
  CHECK(detail("http://[::1]/#x") == "::1 is a loopback address");
  CHECK(detail("http://[::ffff:10.0.0.1]:8080/") == "::ffff:10.0.0.1 is a private address");
  CHECK(detail("http://user:secret@0x7f.1/") == "127.0.0.1 is a loopback address");
}

TEST_CASE("excluded and non-http URLs get no result") {
  links::ExternalOptions options;
  options.cache_dir.clear();
  options.exclude = {"^http://10\\."};
  links::ExternalResults results = links::check_external({"http://10.0.0.1/"}, {}, options);
  CHECK(results.size() == 0);
  CHECK(results.find("http://10.0.0.1/") == nullptr);
  CHECK(results.find("mailto:me@example.org") == nullptr);
}
