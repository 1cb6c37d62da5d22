#include "init/site.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

namespace contentlint::init {
namespace {

namespace fs = std::filesystem;

// More than this many files is not a site init should guess about in one go; the walk
// stops there rather than reading a whole disk by mistake.
constexpr std::size_t kMaxFiles = 200000;

bool exists_file(const fs::path& path) {
  std::error_code ignored;
  return fs::is_regular_file(path, ignored);
}

bool exists_dir(const fs::path& path) {
  std::error_code ignored;
  return fs::is_directory(path, ignored);
}

std::string read_text(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

bool is_markdown(std::string_view name) {
  return name.ends_with(".md") || name.ends_with(".markdown");
}

std::optional<std::string> first_existing(const fs::path& root,
                                          std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (exists_file(root / name)) return std::string(name);
  }
  return std::nullopt;
}

bool is_http_url(std::string_view url) {
  std::string_view rest = url.starts_with("https://")  ? url.substr(8)
                          : url.starts_with("http://") ? url.substr(7)
                                                       : std::string_view();
  return !rest.empty() && rest.front() != '/' &&
         rest.find_first_of(" \t{}<>\"'") == std::string_view::npos;
}

// Every Markdown file under root, relative and sorted, skipping folders that hold no
// content: hidden ones, dependencies and build output.
std::vector<std::string> markdown_files(const fs::path& root, Builder builder) {
  std::vector<std::string> skip = {"node_modules", "dist", "build", "_site", "vendor"};
  if (builder == Builder::hugo) {
    skip.insert(skip.end(), {"public", "resources"});
  }
  std::vector<std::string> files;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::string name = it->path().filename().string();
    std::error_code ignored;
    if (it->is_directory(ignored)) {
      if (name.starts_with('.') || std::find(skip.begin(), skip.end(), name) != skip.end()) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!it->is_regular_file(ignored) || !is_markdown(name)) continue;
    files.push_back(fs::relative(it->path(), root, ignored).generic_string());
    if (files.size() >= kMaxFiles) break;
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The collection a file belongs to under the builder's conventions: (name, folder), or
// nullopt for a file outside every collection.
std::optional<std::pair<std::string, std::string>> collection_of(Builder builder,
                                                                 std::string_view file) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = file.find('/', start);
    if (slash == std::string_view::npos) break;
    segments.push_back(file.substr(start, slash - start));
    start = slash + 1;
  }
  auto under = [&](std::size_t prefix) -> std::optional<std::pair<std::string, std::string>> {
    if (segments.size() <= prefix) return std::nullopt;
    std::string folder;
    for (std::size_t i = 0; i <= prefix; ++i) {
      if (i > 0) folder += '/';
      folder += segments[i];
    }
    return std::make_pair(std::string(segments[prefix]), folder);
  };
  switch (builder) {
    case Builder::astro:
      if (segments.size() >= 2 && segments[0] == "src" && segments[1] == "content") return under(2);
      return std::nullopt;
    case Builder::hugo:
      if (!segments.empty() && segments[0] == "content") return under(1);
      return std::nullopt;
    case Builder::jekyll: {
      if (segments.empty() || !segments[0].starts_with('_')) return std::nullopt;
      std::string_view name = segments[0].substr(1);
      if (name.empty() || name == "layouts" || name == "includes" || name == "data" ||
          name == "sass") {
        return std::nullopt;
      }
      return std::make_pair(std::string(name), std::string(segments[0]));
    }
    case Builder::plain:
      return under(0);
  }
  return std::nullopt;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

bool mentions_word(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    bool before = at == 0 || !is_word_char(text[at - 1]);
    std::size_t end = at + word.size();
    bool after = end == text.size() || !is_word_char(text[end]);
    if (before && after) return true;
  }
  return false;
}

// `blog/[slug].astro` -> "/blog/{slug}"; empty unless the page's only dynamic segment is
// its last one.
std::string route_of(std::string_view page) {
  std::string_view stem = page.substr(0, page.rfind('.'));
  if (stem.ends_with("/index")) stem.remove_suffix(6);
  std::string route;
  std::size_t start = 0;
  bool dynamic_seen = false;
  while (start <= stem.size()) {
    std::size_t slash = stem.find('/', start);
    if (slash == std::string_view::npos) slash = stem.size();
    std::string_view segment = stem.substr(start, slash - start);
    if (dynamic_seen) return {};
    if (segment.starts_with('[') && segment.ends_with(']')) {
      dynamic_seen = true;
      route += "/{slug}";
    } else if (segment.find('[') != std::string_view::npos) {
      return {};
    } else {
      route += '/';
      route += segment;
    }
    start = slash + 1;
  }
  return dynamic_seen ? route : std::string();
}

// The route of each Astro collection: a dynamic page that calls getCollection('name'),
// else one that names the collection.
void find_routes(const fs::path& root, SitePlan& site) {
  if (site.pages_dir.empty()) return;
  fs::path pages = root / site.pages_dir;
  std::vector<std::pair<std::string, std::string>> dynamic;  // (relative page, text)
  std::error_code error;
  fs::recursive_directory_iterator it(pages, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::error_code ignored;
    if (!it->is_regular_file(ignored)) continue;
    std::string relative = fs::relative(it->path(), pages, ignored).generic_string();
    if (relative.find('[') == std::string::npos || route_of(relative).empty()) continue;
    dynamic.emplace_back(relative, read_text(it->path()));
  }
  std::sort(dynamic.begin(), dynamic.end());
  for (PlannedCollection& collection : site.collections) {
    std::string call1 = "getCollection('" + collection.name + "'";
    std::string call2 = "getCollection(\"" + collection.name + "\"";
    for (int pass = 0; pass < 2 && collection.route.empty(); ++pass) {
      for (const auto& [page, text] : dynamic) {
        bool hit = pass == 0 ? (text.find(call1) != std::string::npos ||
                                text.find(call2) != std::string::npos)
                             : mentions_word(text, collection.name);
        if (hit) {
          collection.route = route_of(page);
          break;
        }
      }
    }
  }
}

}  // namespace

std::string_view to_string(Builder builder) {
  switch (builder) {
    case Builder::astro:
      return "Astro";
    case Builder::hugo:
      return "Hugo";
    case Builder::jekyll:
      return "Jekyll";
    case Builder::plain:
      return "plain folders";
  }
  return "plain folders";
}

std::string find_setting(std::string_view text, std::string_view key) {
  for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    std::size_t line_start = text.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::string_view before = text.substr(line_start, at - line_start);
    std::size_t first = before.find_first_not_of(" \t");
    std::string_view lead = first == std::string_view::npos ? "" : before.substr(first);
    if (lead.starts_with("//") || lead.starts_with('#') || lead.starts_with("/*") ||
        lead.starts_with('*')) {
      continue;  // a comment line
    }
    if (!before.empty() && before.find_last_not_of(" \t{,\"'") != std::string_view::npos &&
        before.find_last_not_of(" \t{,\"'") == before.size() - 1) {
      continue;  // part of a longer name
    }
    std::size_t i = at + key.size();
    if (i < text.size() && (text[i] == '"' || text[i] == '\'')) ++i;  // "key": in JSON
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || (text[i] != ':' && text[i] != '=')) continue;
    ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) return {};
    char quote = text[i];
    if (quote == '"' || quote == '\'' || quote == '`') {
      std::size_t end = text.find(quote, i + 1);
      std::size_t line_end = text.find('\n', i + 1);
      if (end == std::string_view::npos || end > line_end) return {};
      return std::string(text.substr(i + 1, end - i - 1));
    }
    std::size_t end = text.find_first_of("\r\n#,}", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view value = text.substr(i, end - i);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    return std::string(value);
  }
  return {};
}

SitePlan survey(const fs::path& root) {
  SitePlan site;
  site.ignore = {"node_modules/**", "dist/**"};
  if (auto file = first_existing(root, {"astro.config.mjs", "astro.config.js", "astro.config.ts",
                                        "astro.config.mts", "astro.config.cjs"})) {
    site.builder = Builder::astro;
    site.builder_config = *file;
  } else if (auto hugo =
                 first_existing(root, {"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"})) {
    site.builder = Builder::hugo;
    site.builder_config = *hugo;
  } else if (auto config = first_existing(root, {"config.toml", "config.yaml", "config.yml"});
             config && exists_dir(root / "content")) {
    site.builder = Builder::hugo;
    site.builder_config = *config;
  } else if (exists_file(root / "_config.yml")) {
    site.builder = Builder::jekyll;
    site.builder_config = "_config.yml";
  } else if (exists_dir(root / "src" / "content")) {
    site.builder = Builder::astro;  // an Astro layout without its config file at hand
  }
  std::string settings =
      site.builder_config.empty() ? std::string() : read_text(root / site.builder_config);

  switch (site.builder) {
    case Builder::astro: {
      site.site_url = find_setting(settings, "site");
      std::string public_dir = find_setting(settings, "publicDir");
      std::string src_dir = find_setting(settings, "srcDir");
      public_dir =
          public_dir.empty() ? "public" : fs::path(public_dir).lexically_normal().generic_string();
      src_dir = src_dir.empty() ? "src" : fs::path(src_dir).lexically_normal().generic_string();
      if (exists_dir(root / public_dir)) site.public_dir = public_dir;
      if (exists_dir(root / src_dir / "pages")) site.pages_dir = src_dir + "/pages";
      break;
    }
    case Builder::hugo:
      site.site_url = find_setting(settings, "baseURL");
      if (site.site_url.empty()) site.site_url = find_setting(settings, "baseurl");
      if (exists_dir(root / "static")) site.public_dir = "static";
      site.ignore.insert(site.ignore.end(), {"public/**", "resources/**"});
      break;
    case Builder::jekyll: {
      std::string url = find_setting(settings, "url");
      std::string base = find_setting(settings, "baseurl");
      site.site_url = url.empty() ? url : url + base;
      site.public_dir = ".";  // Jekyll copies the site's own files as they are
      site.ignore.insert(site.ignore.end(), {"_site/**", "vendor/**"});
      break;
    }
    case Builder::plain:
      break;
  }
  if (!is_http_url(site.site_url)) site.site_url.clear();

  std::map<std::string, PlannedCollection> collections;
  for (std::string& file : markdown_files(root, site.builder)) {
    auto owner = collection_of(site.builder, file);
    if (!owner) {
      site.other_files.push_back(std::move(file));
      continue;
    }
    PlannedCollection& collection = collections[owner->first];
    collection.name = owner->first;
    collection.folder = owner->second;
    collection.files.push_back(std::move(file));
  }
  for (auto& [name, collection] : collections) {
    bool long_names = std::any_of(collection.files.begin(), collection.files.end(),
                                  [](const std::string& f) { return f.ends_with(".markdown"); });
    collection.include = {collection.folder + (long_names ? "/**/*.{md,markdown}" : "/**/*.md")};
    std::string astro_schema = ".astro/collections/" + name + ".schema.json";
    if (site.builder == Builder::astro && exists_file(root / astro_schema)) {
      collection.astro_schema = astro_schema;
    }
    site.collections.push_back(std::move(collection));
  }
  if (site.builder == Builder::astro) find_routes(root, site);
  return site;
}

}  // namespace contentlint::init
