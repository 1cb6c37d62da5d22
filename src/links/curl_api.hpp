/// libcurl, loaded when external links are first checked rather than when contentlint
/// starts: linking it pulls some thirty libraries (TLS, Kerberos, LDAP, HTTP/2, SSH) into
/// every run, and their loading alone cost more than linting a small file.
#pragma once

#include <curl/curl.h>

#include <optional>
#include <string>

namespace contentlint::links {

/// The libcurl functions contentlint calls, resolved from libcurl.so.4.
struct CurlApi {
  decltype(&::curl_global_init) global_init = nullptr;
  decltype(&::curl_easy_init) easy_init = nullptr;
  decltype(&::curl_easy_setopt) easy_setopt = nullptr;
  decltype(&::curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&::curl_easy_header) easy_header = nullptr;
  decltype(&::curl_easy_strerror) easy_strerror = nullptr;
  decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&::curl_multi_init) multi_init = nullptr;
  decltype(&::curl_multi_add_handle) multi_add_handle = nullptr;
  decltype(&::curl_multi_remove_handle) multi_remove_handle = nullptr;
  decltype(&::curl_multi_perform) multi_perform = nullptr;
  decltype(&::curl_multi_poll) multi_poll = nullptr;
  decltype(&::curl_multi_info_read) multi_info_read = nullptr;
  decltype(&::curl_multi_cleanup) multi_cleanup = nullptr;
  decltype(&::curl_slist_append) slist_append = nullptr;
  decltype(&::curl_slist_free_all) slist_free_all = nullptr;
  decltype(&::curl_url) url = nullptr;
  decltype(&::curl_url_set) url_set = nullptr;
  decltype(&::curl_url_get) url_get = nullptr;
  decltype(&::curl_url_cleanup) url_cleanup = nullptr;
  decltype(&::curl_free) free = nullptr;
};

/// Loads libcurl once (thread-safe) and returns why it could not be, or nullopt.
std::optional<std::string> load_curl();

/// The loaded functions; only after load_curl() succeeded.
const CurlApi& curl();

}  // namespace contentlint::links
