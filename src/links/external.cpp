#include "links/external.hpp"

#include "links/curl_api.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <netdb.h>
#include <re2/re2.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "links/http_cache.hpp"

namespace contentlint::links {

bool ExternalOptions::accepts(int status) const {
  return std::any_of(accept.begin(), accept.end(), [status](const StatusRange& range) {
    return status >= range.low && status <= range.high;
  });
}

const LinkResult* ExternalResults::find(std::string_view destination) const {
  auto page = page_key(destination);
  if (!page) return nullptr;
  auto found = results_.find(*page);
  return found == results_.end() ? nullptr : &found->second;
}

namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

std::optional<std::string> page_key(std::string_view destination) {
  std::string_view url = trim(destination);
  std::string scheme = lowercase(url.substr(0, url.find(':')));
  if (scheme != "http" && scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(scheme.size());
  if (!rest.starts_with("://") || rest.size() == 3 || rest[3] == '/') return std::nullopt;
  return std::string(url.substr(0, url.find('#')));
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    // A huge number saturates rather than overflowing; the caller caps the wait anyway.
    if (value.size() > 9) return std::chrono::seconds(999999999);
    long seconds = 0;
    std::from_chars(value.data(), value.data() + value.size(), seconds);
    return std::chrono::seconds(seconds);
  }
  // RFC 9110's IMF-fixdate, then the obsolete RFC 850 and asctime forms, all in GMT.
  static constexpr const char* kFormats[] = {"%a, %d %b %Y %H:%M:%S GMT",
                                             "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"};
  std::string text(value);
  for (const char* format : kFormats) {
    std::tm parts{};
    const char* end = ::strptime(text.c_str(), format, &parts);
    if (end == nullptr || *end != '\0') continue;
    std::time_t when = ::timegm(&parts);
    if (when == static_cast<std::time_t>(-1)) return std::nullopt;
    auto delta = std::chrono::system_clock::from_time_t(when) - now;
    if (delta <= std::chrono::seconds(0)) return std::chrono::seconds(0);
    return std::chrono::ceil<std::chrono::seconds>(delta);
  }
  return std::nullopt;
}

std::vector<std::string> html_ids(std::string_view html) {
  std::set<std::string> ids;
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    std::size_t name_end = i;
    while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) {
      ++name_end;
    }
    if (name_end == i) continue;  // `</x>`, `<!-- -->`, `<?x`: no attributes wanted
    bool anchor = lowercase(html.substr(i, name_end - i)) == "a";
    i = name_end;
    // Attributes until `>`; every step moves forward, so the scan is linear.
    while (i < html.size() && html[i] != '>') {
      while (i < html.size() && (is_space(html[i]) || html[i] == '/')) ++i;
      std::size_t key_begin = i;
      while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' &&
             html[i] != '/') {
        ++i;
      }
      std::string key = lowercase(html.substr(key_begin, i - key_begin));
      while (i < html.size() && is_space(html[i])) ++i;
      if (i >= html.size() || html[i] != '=') {
        if (i == key_begin && i < html.size() && html[i] != '>') ++i;
        continue;
      }
      ++i;
      while (i < html.size() && is_space(html[i])) ++i;
      std::string_view value;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        char quote = html[i++];
        std::size_t close = html.find(quote, i);
        if (close == std::string_view::npos) close = html.size();
        value = html.substr(i, close - i);
        i = std::min(close + 1, html.size());
      } else {
        std::size_t begin = i;
        while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
        value = html.substr(begin, i - begin);
      }
      if (!value.empty() && (key == "id" || (anchor && key == "name"))) ids.emplace(value);
    }
  }
  return {ids.begin(), ids.end()};
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 203:
      return "Non-Authoritative Information";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
    case 300:
      return "Multiple Choices";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 402:
      return "Payment Required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 407:
      return "Proxy Authentication Required";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 416:
      return "Range Not Satisfiable";
    case 418:
      return "I'm a teapot";
    case 421:
      return "Misdirected Request";
    case 422:
      return "Unprocessable Content";
    case 425:
      return "Too Early";
    case 426:
      return "Upgrade Required";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 451:
      return "Unavailable For Legal Reasons";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    case 505:
      return "HTTP Version Not Supported";
    case 511:
      return "Network Authentication Required";
    default:
      return "";
  }
}

struct ExcludeFilter::Patterns {
  std::vector<std::unique_ptr<re2::RE2>> compiled;
};

ExcludeFilter::ExcludeFilter(const std::vector<std::string>& patterns)
    : patterns_(std::make_unique<Patterns>()) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  for (const std::string& pattern : patterns) {
    auto compiled = std::make_unique<re2::RE2>(pattern, options);
    if (compiled->ok()) patterns_->compiled.push_back(std::move(compiled));
  }
}

ExcludeFilter::~ExcludeFilter() = default;

bool ExcludeFilter::excluded(std::string_view url) const {
  return std::any_of(patterns_->compiled.begin(), patterns_->compiled.end(),
                     [url](const auto& pattern) { return re2::RE2::PartialMatch(url, *pattern); });
}

namespace {

using Clock = std::chrono::steady_clock;
using Outcome = LinkResult::Outcome;

constexpr int kMaxRedirects = 5;
constexpr std::string_view kUserAgent =
    "contentlint-link-checker/1 (+https://github.com/contentlint/contentlint)";

std::string format_duration(std::chrono::milliseconds duration) {
  if (duration.count() % 1000 == 0) return fmt::format("{}s", duration.count() / 1000);
  return fmt::format("{}ms", duration.count());
}

// ---------------------------------------------------------------------------------------
// Host-name lookups. getaddrinfo blocks and has no time-out, so each runs on its own
// detached thread that owns a shared slot: the event loop polls the slot and gives up on
// it after the connect time-out, and a lookup that never returns costs one idle thread
// rather than a hung run.

struct Lookup {
  std::mutex mutex;
  bool done = false;
  int error = 0;  // a getaddrinfo EAI_* code, 0 on success
  std::vector<IpAddress> addresses;
  Clock::time_point started;
};

std::shared_ptr<Lookup> start_lookup(const std::string& host) {
  auto lookup = std::make_shared<Lookup>();
  lookup->started = Clock::now();
  std::thread([lookup, host] {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    int error = ::getaddrinfo(host.c_str(), nullptr, &hints, &found);
    std::vector<IpAddress> addresses;
    for (addrinfo* entry = found; entry != nullptr; entry = entry->ai_next) {
      if (auto address = from_sockaddr(entry->ai_addr)) {
        if (std::find(addresses.begin(), addresses.end(), address->address) == addresses.end()) {
          addresses.push_back(address->address);
        }
      }
    }
    if (found != nullptr) ::freeaddrinfo(found);
    std::lock_guard lock(lookup->mutex);
    lookup->error = error;
    lookup->addresses = std::move(addresses);
    lookup->done = true;
  }).detach();
  return lookup;
}

// ---------------------------------------------------------------------------------------

// One page being checked: the hops of its redirect chain, one transfer at a time.
struct Job {
  std::string page;
  std::string url;   // the current hop, credentials and fragment removed
  std::string host;  // of the current hop, lowercase, IPv6 without brackets
  std::uint16_t port = 0;
  bool literal = false;  // the host is an IP address
  std::vector<std::string> visited;
  int redirects = 0;
  int attempts = 0;  // retries used on this hop
  bool use_get = false;
  bool want_body = false;
  bool done = false;
  bool running = false;
  Clock::time_point not_before;
  LinkResult result;

  // The transfer in flight.
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  curl_slist* resolve = nullptr;
  std::string body;
  std::size_t body_limit = 0;
  bool truncated = false;
  bool stopped_early = false;
  std::optional<SocketAddress> refused_socket;
  const AddressPolicy* policy = nullptr;
};

struct HostState {
  int running = 0;
  Clock::time_point not_before;
  bool gave_up = false;  // rate limited to the end of its retries: stop asking this host
  std::shared_ptr<Lookup> lookup;
};

// Opens the socket curl asks for, unless the address is one the policy refuses: the
// check on the address actually connected, whatever resolved it, on every hop.
curl_socket_t open_socket(void* data, curlsocktype, curl_sockaddr* address) {
  Job* job = static_cast<Job*>(data);
  auto socket_address = from_sockaddr(&address->addr);
  if (!socket_address || !job->policy->allows(socket_address->address, socket_address->port)) {
    job->refused_socket = socket_address ? *socket_address : SocketAddress{};
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype, address->protocol);
}

// Only the status is wanted unless the page's ids are: then the body is read up to the
// cap. Returning less than given aborts the transfer, so a body that never ends or a huge
// one costs at most the cap.
std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  Job* job = static_cast<Job*>(user);
  std::size_t bytes = size * count;
  if (!job->want_body) {
    job->stopped_early = true;
    return 0;
  }
  std::size_t room = job->body_limit - std::min(job->body_limit, job->body.size());
  if (bytes > room) {
    job->body.append(data, room);
    job->truncated = true;
    job->stopped_early = true;
    return 0;
  }
  job->body.append(data, bytes);
  return bytes;
}

class Checker {
 public:
  Checker(const ExternalOptions& options, const ProgressCallback& progress)
      : options_(options), progress_(progress), exclude_(options.exclude) {}

  ExternalResults run(const std::vector<std::string>& pages,
                      const std::vector<std::string>& with_fragments);

 private:
  void prepare_hop(Job& job, const std::string& url);
  void finish(Job& job, Outcome outcome, std::string detail);
  bool try_start(Job& job, Clock::time_point now);
  void start_transfer(Job& job);
  void complete(Job& job, CURLcode code);
  void release(Job& job);
  void retry_later(Job& job, std::chrono::milliseconds wait);
  int host_limit(const std::string& host) const;

  const ExternalOptions& options_;
  const ProgressCallback& progress_;
  ExcludeFilter exclude_;
  std::optional<HttpCache> cache_;
  CURLM* multi_ = nullptr;
  std::deque<Job> jobs_;
  std::map<std::string, HostState> hosts_;
  int running_ = 0;
  std::size_t finished_ = 0;
  std::size_t failed_ = 0;
};

int Checker::host_limit(const std::string& host) const {
  auto found = options_.hosts.find(host);
  if (found != options_.hosts.end() && found->second.concurrency > 0) {
    return found->second.concurrency;
  }
  return std::max(1, options_.host_concurrency);
}

void Checker::finish(Job& job, Outcome outcome, std::string detail) {
  job.done = true;
  job.result.outcome = outcome;
  job.result.detail = std::move(detail);
  ++finished_;
  if (outcome != Outcome::ok) ++failed_;
  if (cache_) (void)cache_->write(job.page, job.result, std::chrono::system_clock::now());
  if (progress_) progress_(finished_, jobs_.size(), failed_);
}

// Parses `url` the way curl will request it, drops credentials and the fragment (neither
// is ever sent), and classifies an address host. Marks the job done when refused.
void Checker::prepare_hop(Job& job, const std::string& url) {
  std::unique_ptr<CURLU, void (*)(CURLU*)> parsed(curl().url(), curl().url_cleanup);
  if (curl().url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    finish(job, Outcome::refused, fmt::format("'{}' is not a URL that can be requested", url));
    return;
  }
  auto part = [&](CURLUPart which, unsigned flags = 0) {
    char* text = nullptr;
    std::string value;
    if (curl().url_get(parsed.get(), which, &text, flags) == CURLUE_OK && text != nullptr) {
      value = text;
    }
    curl().free(text);
    return value;
  };
  std::string scheme = lowercase(part(CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https") {
    finish(job, Outcome::refused,
           fmt::format("{} redirects to '{}', which is not http(s)", job.page, url));
    return;
  }
  curl().url_set(parsed.get(), CURLUPART_USER, nullptr, 0);
  curl().url_set(parsed.get(), CURLUPART_PASSWORD, nullptr, 0);
  curl().url_set(parsed.get(), CURLUPART_OPTIONS, nullptr, 0);
  curl().url_set(parsed.get(), CURLUPART_FRAGMENT, nullptr, 0);
  job.url = part(CURLUPART_URL);
  std::string host = lowercase(part(CURLUPART_HOST));
  if (host.size() >= 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  std::string port = part(CURLUPART_PORT, CURLU_DEFAULT_PORT);
  int port_number = 0;
  std::from_chars(port.data(), port.data() + port.size(), port_number);
  job.host = host;
  job.port = static_cast<std::uint16_t>(port_number);
  job.attempts = 0;
  job.use_get = job.want_body;
  auto address = parse_ip_literal(host);
  job.literal = address.has_value();
  if (address && !options_.allow_private.allows(*address, job.port)) {
    std::string subject = job.redirects == 0 ? fmt::format("{} is", address->to_string())
                                             : fmt::format("{} redirects to {}, which is", job.page,
                                                           address->to_string());
    std::string detail = fmt::format("{} {}", subject, describe(classify(*address)));
    // The allow list names this address on another port: the class alone would mislead.
    const auto& allowed = options_.allow_private.allowed;
    if (std::any_of(allowed.begin(), allowed.end(), [&](const AllowedNetwork& network) {
          return network.port && network.contains(*address, *network.port);
        })) {
      detail += fmt::format(" on port {}, which allow-private does not list", job.port);
    }
    finish(job, Outcome::refused, std::move(detail));
  }
}

void Checker::retry_later(Job& job, std::chrono::milliseconds wait) {
  ++job.attempts;
  job.not_before = Clock::now() + wait;
  HostState& host = hosts_[job.host];
  host.not_before = std::max(host.not_before, job.not_before);
}

bool Checker::try_start(Job& job, Clock::time_point now) {
  if (job.not_before > now) return false;
  HostState& host = hosts_[job.host];
  if (host.gave_up) {
    finish(job, Outcome::rate_limited, "rate limited");
    return true;
  }
  if (host.not_before > now) return false;
  if (!job.literal) {
    if (!host.lookup) {
      // "localhost." is "localhost": without the root's dot the name also finds /etc/hosts.
      std::string name = job.host;
      if (name.size() > 1 && name.back() == '.') name.pop_back();
      host.lookup = start_lookup(name);
    }
    std::vector<IpAddress> addresses;
    int error = 0;
    {
      std::lock_guard lock(host.lookup->mutex);
      if (!host.lookup->done) {
        if (now - host.lookup->started > options_.connect_timeout) {
          finish(job, Outcome::unverified, fmt::format("host lookup of {} timed out", job.host));
          return true;
        }
        return false;
      }
      error = host.lookup->error;
      addresses = host.lookup->addresses;
    }
    if (error == EAI_NONAME || error == EAI_NODATA || (error == 0 && addresses.empty())) {
      finish(job, Outcome::broken,
             job.redirects == 0 ? std::string("does not resolve")
                                : fmt::format("redirects to {}, which does not resolve", job.url));
      return true;
    }
    if (error != 0) {
      finish(job, Outcome::unverified,
             fmt::format("host lookup of {} failed: {}", job.host, ::gai_strerror(error)));
      return true;
    }
    // Every address the name has is classified, not just the one curl would try first.
    for (const IpAddress& address : addresses) {
      if (!options_.allow_private.allows(address, job.port)) {
        std::string who = job.redirects == 0
                              ? job.host
                              : fmt::format("{} redirects to {}, which", job.page, job.host);
        finish(job, Outcome::refused,
               fmt::format("{} resolves to {} ({})", who, describe(classify(address)),
                           address.to_string()));
        return true;
      }
    }
    if (job.resolve != nullptr) curl().slist_free_all(job.resolve);
    job.resolve = nullptr;
    // Pin curl to the addresses just checked, so it does not look the name up again and
    // get another answer (DNS rebinding).
    std::string pinned = fmt::format("{}:{}:", job.host, job.port);
    for (std::size_t i = 0; i < addresses.size(); ++i) {
      if (i > 0) pinned += ',';
      pinned += addresses[i].v6 ? "[" + addresses[i].to_string() + "]" : addresses[i].to_string();
    }
    job.resolve = curl().slist_append(nullptr, pinned.c_str());
  }
  if (running_ >= std::max(1, options_.concurrency) || host.running >= host_limit(job.host)) {
    return false;
  }
  start_transfer(job);
  return true;
}

void Checker::start_transfer(Job& job) {
  job.body.clear();
  job.truncated = false;
  job.stopped_early = false;
  job.refused_socket.reset();
  job.policy = &options_.allow_private;
  job.body_limit = options_.max_bytes;
  CURL* easy = curl().easy_init();
  job.easy = easy;
  curl().easy_setopt(easy, CURLOPT_URL, job.url.c_str());
  curl().easy_setopt(easy, CURLOPT_PRIVATE, &job);
  curl().easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl().easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);  // every hop is checked here
  curl().easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl().easy_setopt(easy, CURLOPT_PROXY, "");  // a proxy would hide the address connected
  curl().easy_setopt(easy, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_IGNORED));
  curl().easy_setopt(easy, CURLOPT_USERAGENT, std::string(kUserAgent).c_str());
  curl().easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.connect_timeout.count()));
  curl().easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl().easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, open_socket);
  curl().easy_setopt(easy, CURLOPT_OPENSOCKETDATA, &job);
  curl().easy_setopt(easy, CURLOPT_WRITEFUNCTION, write_body);
  curl().easy_setopt(easy, CURLOPT_WRITEDATA, &job);
  if (job.use_get) {
    curl().easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else {
    curl().easy_setopt(easy, CURLOPT_NOBODY, 1L);
  }
  if (job.resolve != nullptr && !job.literal)
    curl().easy_setopt(easy, CURLOPT_RESOLVE, job.resolve);
  if (auto host = options_.hosts.find(job.host); host != options_.hosts.end()) {
    for (const auto& [name, value] : host->second.headers) {
      job.headers = curl().slist_append(job.headers, fmt::format("{}: {}", name, value).c_str());
    }
    curl().easy_setopt(easy, CURLOPT_HTTPHEADER, job.headers);
  }
  job.running = true;
  ++running_;
  ++hosts_[job.host].running;
  curl().multi_add_handle(multi_, easy);
}

void Checker::release(Job& job) {
  curl().multi_remove_handle(multi_, job.easy);
  curl().easy_cleanup(job.easy);
  job.easy = nullptr;
  curl().slist_free_all(job.headers);
  job.headers = nullptr;
  job.running = false;
  --running_;
  --hosts_[job.host].running;
}

void Checker::complete(Job& job, CURLcode code) {
  long status = 0;
  curl().easy_getinfo(job.easy, CURLINFO_RESPONSE_CODE, &status);
  char* location = nullptr;
  curl().easy_getinfo(job.easy, CURLINFO_REDIRECT_URL, &location);
  std::string redirect = location != nullptr ? location : "";
  curl_header* header = nullptr;
  std::string retry_after;
  if (curl().easy_header(job.easy, "Retry-After", 0, CURLH_HEADER, -1, &header) == CURLHE_OK) {
    retry_after = header->value;
  }
  char* type = nullptr;
  curl().easy_getinfo(job.easy, CURLINFO_CONTENT_TYPE, &type);
  std::string content_type = type != nullptr ? lowercase(type) : "";
  std::optional<SocketAddress> refused = job.refused_socket;
  release(job);
  job.result.status = static_cast<int>(status);

  if (refused) {
    finish(job, Outcome::refused,
           fmt::format("{} connects to {} ({})", job.host, describe(classify(refused->address)),
                       refused->address.to_string()));
    return;
  }
  bool have_status =
      status != 0 && (code == CURLE_OK || (code == CURLE_WRITE_ERROR && job.stopped_early));
  if (!have_status) {
    if (code == CURLE_OPERATION_TIMEDOUT) {
      finish(job, Outcome::unverified,
             fmt::format("timed out after {}", format_duration(options_.total_timeout)));
    } else if (code == CURLE_COULDNT_CONNECT) {
      finish(job, Outcome::unverified, "connection failed");
    } else {
      finish(job, Outcome::unverified, curl().easy_strerror(code));
    }
    return;
  }
  std::string phrase(reason_phrase(job.result.status));
  std::string status_text =
      phrase.empty() ? std::to_string(status) : fmt::format("{} {}", status, phrase);
  if (options_.accepts(job.result.status)) {
    if (job.want_body && job.use_get &&
        (content_type.starts_with("text/html") || content_type.starts_with("application/xhtml"))) {
      job.result.ids = html_ids(job.body);
      job.result.has_ids = true;
      job.result.truncated = job.truncated;
    }
    job.body.clear();
    job.body.shrink_to_fit();
    finish(job, Outcome::ok, "");
    return;
  }
  if (status >= 300 && status < 400 && status != 304) {
    if (redirect.empty()) {
      finish(job, Outcome::broken, fmt::format("returns {} without a Location", status_text));
      return;
    }
    if (job.redirects >= kMaxRedirects) {
      finish(job, Outcome::broken, fmt::format("redirects more than {} times", kMaxRedirects));
      return;
    }
    job.visited.push_back(job.url);
    ++job.redirects;
    prepare_hop(job, redirect);
    if (job.done) return;
    if (std::find(job.visited.begin(), job.visited.end(), job.url) != job.visited.end()) {
      finish(job, Outcome::broken, fmt::format("redirects in a loop (back to {})", job.url));
      return;
    }
    job.not_before = Clock::now();
    return;
  }
  if (status == 429 || status == 503) {
    auto wait = std::chrono::milliseconds(1000) * (1 << std::min(job.attempts, 10));
    if (auto after = parse_retry_after(retry_after, std::chrono::system_clock::now())) {
      wait = std::max(std::chrono::milliseconds(*after), std::chrono::milliseconds(0));
    }
    if (job.attempts < options_.retries && wait <= options_.max_retry_wait) {
      retry_later(job, wait);
      return;
    }
    if (status == 429) {
      hosts_[job.host].gave_up = true;
      finish(job, Outcome::rate_limited, "rate limited");
    } else {
      finish(job, Outcome::unverified, status_text);
    }
    return;
  }
  // Many servers answer HEAD wrongly (405, 404, 403, 500): ask again with GET before
  // calling the link broken.
  if (!job.use_get) {
    job.use_get = true;
    job.not_before = Clock::now();
    return;
  }
  std::string detail = job.redirects == 0
                           ? fmt::format("returns {}", status_text)
                           : fmt::format("redirects to {}, which returns {}", job.url, status_text);
  finish(job, Outcome::broken, std::move(detail));
}

ExternalResults Checker::run(const std::vector<std::string>& pages,
                             const std::vector<std::string>& with_fragments) {
  ExternalResults results;
  results.fragments = options_.fragments;
  std::set<std::string_view> fragment_pages(with_fragments.begin(), with_fragments.end());
  if (!options_.cache_dir.empty()) cache_.emplace(options_.cache_dir);
  std::set<std::string_view> seen;
  for (const std::string& page : pages) {
    if (!seen.insert(page).second || exclude_.excluded(page)) continue;
    Job& job = jobs_.emplace_back();
    job.page = page;
    job.want_body = options_.fragments && fragment_pages.contains(page);
  }
  if (auto failure = load_curl()) {
    for (Job& job : jobs_) {
      finish(job, Outcome::unverified, *failure);
      results.add(job.page, std::move(job.result));
    }
    return results;
  }
  curl().global_init(CURL_GLOBAL_DEFAULT);
  multi_ = curl().multi_init();

  auto now = std::chrono::system_clock::now();
  for (Job& job : jobs_) {
    if (cache_) {
      if (auto cached =
              cache_->read(job.page, options_.cache_max_age_ok, options_.cache_max_age_broken, now);
          cached && (!job.want_body || cached->has_ids || cached->outcome != Outcome::ok)) {
        job.result = std::move(*cached);
        job.done = true;
        ++finished_;
        if (job.result.outcome != Outcome::ok) ++failed_;
        continue;
      }
    }
    prepare_hop(job, job.page);
    job.not_before = Clock::now();
  }

  while (finished_ < jobs_.size()) {
    Clock::time_point tick = Clock::now();
    Clock::time_point wake = tick + std::chrono::milliseconds(200);
    bool looking_up = false;
    for (Job& job : jobs_) {
      if (job.done || job.running) continue;
      if (try_start(job, tick) || job.done) continue;
      // Waiting for a time (a retry, a host's Retry-After), a lookup, or a free slot;
      // curl's sockets wake the loop for the last.
      const HostState& host = hosts_[job.host];
      if (job.not_before > tick) {
        wake = std::min(wake, job.not_before);
      } else if (host.not_before > tick) {
        wake = std::min(wake, host.not_before);
      } else if (host.lookup) {
        std::lock_guard lock(host.lookup->mutex);
        looking_up |= !host.lookup->done;
      }
    }
    int still_running = 0;
    curl().multi_perform(multi_, &still_running);
    int left = 0;
    while (CURLMsg* message = curl().multi_info_read(multi_, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      Job* job = nullptr;
      curl().easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &job);
      complete(*job, message->data.result);
    }
    if (finished_ >= jobs_.size()) break;
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now());
    if (looking_up) wait = std::min(wait, std::chrono::milliseconds(10));
    wait = std::clamp(wait, std::chrono::milliseconds(0), std::chrono::milliseconds(200));
    curl().multi_poll(multi_, nullptr, 0, static_cast<int>(wait.count()), nullptr);
  }

  for (Job& job : jobs_) {
    if (job.resolve != nullptr) curl().slist_free_all(job.resolve);
    results.add(job.page, std::move(job.result));
  }
  curl().multi_cleanup(multi_);
  return results;
}

}  // namespace

ExternalResults check_external(const std::vector<std::string>& pages,
                               const std::vector<std::string>& with_fragments,
                               const ExternalOptions& options, const ProgressCallback& progress) {
  return Checker(options, progress).run(pages, with_fragments);
}

}  // namespace contentlint::links
