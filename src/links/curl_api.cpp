#include "links/curl_api.hpp"

#include <dlfcn.h>

#include <mutex>

#include "links/external.hpp"

namespace contentlint::links {
namespace {

CurlApi api;
std::optional<std::string> failure;

template <typename Function>
bool bind(void* library, Function& function, const char* name) {
  function = reinterpret_cast<Function>(::dlsym(library, name));
  if (function == nullptr) failure = std::string("libcurl.so.4 lacks ") + name;
  return function != nullptr;
}

void load() {
  // The soname Debian's libcurl4 (and every distribution's libcurl 7.x and 8.x) installs.
  void* library = ::dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* error = ::dlerror();
    failure = std::string("cannot load libcurl (install libcurl4): ") +
              (error != nullptr ? error : "libcurl.so.4 not found");
    return;
  }
  bind(library, api.global_init, "curl_global_init") &&
      bind(library, api.easy_init, "curl_easy_init") &&
      bind(library, api.easy_setopt, "curl_easy_setopt") &&
      bind(library, api.easy_getinfo, "curl_easy_getinfo") &&
      bind(library, api.easy_header, "curl_easy_header") &&
      bind(library, api.easy_strerror, "curl_easy_strerror") &&
      bind(library, api.easy_cleanup, "curl_easy_cleanup") &&
      bind(library, api.multi_init, "curl_multi_init") &&
      bind(library, api.multi_add_handle, "curl_multi_add_handle") &&
      bind(library, api.multi_remove_handle, "curl_multi_remove_handle") &&
      bind(library, api.multi_perform, "curl_multi_perform") &&
      bind(library, api.multi_poll, "curl_multi_poll") &&
      bind(library, api.multi_info_read, "curl_multi_info_read") &&
      bind(library, api.multi_cleanup, "curl_multi_cleanup") &&
      bind(library, api.slist_append, "curl_slist_append") &&
      bind(library, api.slist_free_all, "curl_slist_free_all") &&
      bind(library, api.url, "curl_url") && bind(library, api.url_set, "curl_url_set") &&
      bind(library, api.url_get, "curl_url_get") &&
      bind(library, api.url_cleanup, "curl_url_cleanup") && bind(library, api.free, "curl_free");
}

}  // namespace

std::optional<std::string> load_curl() {
  static std::once_flag once;
  std::call_once(once, load);
  return failure;
}

const CurlApi& curl() { return api; }

std::optional<std::string> external_unavailable() { return load_curl(); }

}  // namespace contentlint::links
