/// Looking at a site before init writes its config: builder, settings, collections.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace contentlint::init {

/// The site builder whose conventions decide the collections and the site settings.
enum class Builder { astro, hugo, jekyll, plain };

/// "Astro", "Hugo", "Jekyll" or "plain folders".
std::string_view to_string(Builder builder);

/// A folder of Markdown files that will share one schema.
struct PlannedCollection {
  std::string name;                  // the folder's name (`_posts` -> `posts`)
  std::string folder;                // relative to the site root, `/`-separated
  std::vector<std::string> include;  // globs relative to the site root
  std::vector<std::string> files;    // its Markdown files, relative, sorted
  std::string route;                 // "/blog/{slug}" when a page serves the entries
  std::string astro_schema;          // ".astro/collections/<name>.schema.json" when it exists
};

/// What init learned about a site's layout, before reading any front matter.
struct SitePlan {
  Builder builder = Builder::plain;
  std::string builder_config;  // the file the settings were read from, or empty
  std::string public_dir;      // empty: none
  std::string pages_dir;       // empty: none
  std::string site_url;        // empty: none
  std::vector<std::string> ignore;
  std::vector<PlannedCollection> collections;  // sorted by name
  std::vector<std::string> other_files;        // Markdown outside every collection, sorted
};

/// Looks at the folder `root`: which builder (astro.config.*, a Hugo or Jekyll config,
/// else the layout), its settings, and its Markdown grouped into collections by folder:
/// `src/content/<name>/` for Astro, `content/<section>/` for Hugo, `_posts/` and other
/// `_<name>/` folders for Jekyll, else the top folders. Hidden folders, node_modules and
/// build output are skipped.
SitePlan survey(const std::filesystem::path& root);

/// The value of `key` in a site builder's config text: `key: 'v'` / `key: "v"` (JavaScript,
/// YAML) or `key = "v"` (TOML), the first one at the start of a line or after `{`, `,` or
/// white space. Empty when there is none. Not a parser: enough for the settings init reads.
std::string find_setting(std::string_view text, std::string_view key);

}  // namespace contentlint::init
