#include "init/site.hpp"

#include <catch2/catch.hpp>

#include "../config/temp_folder.hpp"

namespace contentlint::init {
namespace {

using config::testing::TempFolder;

std::vector<std::string> names(const SitePlan& site) {
  std::vector<std::string> out;
  for (const PlannedCollection& c : site.collections) {
    out.push_back(c.name + " " + c.folder + " " + c.include.front() + " " +
                  std::to_string(c.files.size()) + " " + c.route);
  }
  return out;
}

TEST_CASE("find_setting reads JavaScript, YAML and TOML settings") {
  CHECK(find_setting("export default defineConfig({\n  site: 'https://a.example',\n});", "site") ==
        "https://a.example");
  CHECK(find_setting("export default defineConfig({ site: \"https://b.example\" })", "site") ==
        "https://b.example");
  CHECK(find_setting("// site: 'https://old.example'\nsite: `https://c.example`,", "site") ==
        "https://c.example");
  CHECK(find_setting("website: 'x'\n", "site").empty());
  CHECK(find_setting("baseURL = \"https://d.example/\"\n", "baseURL") == "https://d.example/");
  CHECK(find_setting("url: https://e.example # the site\nbaseurl: /blog\n", "url") ==
        "https://e.example");
  CHECK(find_setting("{\"baseURL\": \"https://f.example\"}", "baseURL") == "https://f.example");
  CHECK(find_setting("title: x\n", "site").empty());
}

TEST_CASE("Astro: collections under src/content, settings from astro.config, routes from pages") {
  TempFolder site;
  site.write(
      "astro.config.mjs",
      "import { defineConfig } from 'astro/config';\n"
      "export default defineConfig({ site: 'https://a.example', publicDir: './static' });\n");
  site.write("static/logo.png", "");
  site.write("src/content/posts/a.md", "---\ntitle: A\n---\n");
  site.write("src/content/posts/2024/b.md", "---\ntitle: B\n---\n");
  site.write("src/content/authors/ada.md", "---\nname: Ada\n---\n");
  site.write("src/content/notes.md", "loose\n");
  site.write("src/pages/index.astro", "getCollection('posts')\n");
  site.write("src/pages/blog/[...slug].astro", "await getCollection('posts');\n");
  site.write("src/pages/people/[id].astro", "the authors collection\n");
  site.write("README.md", "# Site\n");
  site.write("node_modules/pkg/README.md", "# skipped\n");
  site.write(".astro/collections/authors.schema.json", "{}");
  SitePlan plan = survey(site.path());
  CHECK(plan.builder == Builder::astro);
  CHECK(plan.builder_config == "astro.config.mjs");
  CHECK(plan.site_url == "https://a.example");
  CHECK(plan.public_dir == "static");
  CHECK(plan.pages_dir == "src/pages");
  CHECK(names(plan) ==
        std::vector<std::string>{
            "authors src/content/authors src/content/authors/**/*.md 1 /people/{slug}",
            "posts src/content/posts src/content/posts/**/*.md 2 /blog/{slug}"});
  CHECK(plan.collections[0].astro_schema == ".astro/collections/authors.schema.json");
  CHECK(plan.collections[1].astro_schema.empty());
  CHECK(plan.other_files == std::vector<std::string>{"README.md", "src/content/notes.md"});
}

TEST_CASE("Hugo: sections under content, baseURL, static") {
  TempFolder site;
  site.write("hugo.toml", "baseURL = 'https://h.example/'\ntitle = 'H'\n");
  site.write("static/a.png", "");
  site.write("content/posts/a.md", "");
  site.write("content/docs/intro/index.md", "");
  site.write("content/_index.md", "");
  site.write("public/posts/a/index.md", "");
  SitePlan plan = survey(site.path());
  CHECK(plan.builder == Builder::hugo);
  CHECK(plan.site_url == "https://h.example/");
  CHECK(plan.public_dir == "static");
  CHECK(plan.pages_dir.empty());
  CHECK(names(plan) == std::vector<std::string>{"docs content/docs content/docs/**/*.md 1 ",
                                                "posts content/posts content/posts/**/*.md 1 "});
  CHECK(plan.other_files == std::vector<std::string>{"content/_index.md"});
  CHECK(plan.ignore ==
        std::vector<std::string>{"node_modules/**", "dist/**", "public/**", "resources/**"});
}

TEST_CASE("Jekyll: _posts and other _collections, url + baseurl") {
  TempFolder site;
  site.write("_config.yml", "title: J\nurl: \"https://j.example\"\nbaseurl: /blog\n");
  site.write("_posts/2024-01-01-hello.markdown", "");
  site.write("_docs/intro.md", "");
  site.write("_layouts/default.md", "");
  site.write("_site/2024/hello.md", "");
  site.write("about.md", "");
  SitePlan plan = survey(site.path());
  CHECK(plan.builder == Builder::jekyll);
  CHECK(plan.site_url == "https://j.example/blog");
  CHECK(plan.public_dir == ".");
  CHECK(names(plan) == std::vector<std::string>{"docs _docs _docs/**/*.md 1 ",
                                                "posts _posts _posts/**/*.{md,markdown} 1 "});
  CHECK(plan.other_files == std::vector<std::string>{"_layouts/default.md", "about.md"});
}

TEST_CASE("plain folders: the top folders are the collections") {
  TempFolder site;
  site.write("blog/a.md", "");
  site.write("blog/deep/b.md", "");
  site.write("docs/c.md", "");
  site.write("README.md", "");
  site.write(".github/x.md", "");
  SitePlan plan = survey(site.path());
  CHECK(plan.builder == Builder::plain);
  CHECK(plan.site_url.empty());
  CHECK(names(plan) ==
        std::vector<std::string>{"blog blog blog/**/*.md 2 ", "docs docs docs/**/*.md 1 "});
  CHECK(plan.other_files == std::vector<std::string>{"README.md"});
}

TEST_CASE("a site-url that is not an absolute http(s) URL is left out") {
  TempFolder site;
  site.write("astro.config.ts", "export default { site: process.env.SITE };\n");
  site.write("src/content/posts/a.md", "");
  CHECK(survey(site.path()).site_url.empty());
}

}  // namespace
}  // namespace contentlint::init
