#include <catch2/catch.hpp>

#include "core/glob.hpp"
#include "links/routes.hpp"
#include "temp_site.hpp"

using namespace contentlint;
using namespace contentlint::links::detail;
using links::testing::TempSite;

namespace {

std::vector<std::string> split(std::string_view route) {
  std::vector<std::string> segments;
  std::size_t begin = 0;
  while (begin < route.size()) {
    std::size_t end = route.find('/', begin);
    if (end == std::string_view::npos) end = route.size();
    if (end > begin) segments.emplace_back(route.substr(begin, end - begin));
    begin = end + 1;
  }
  return segments;
}

std::string relative(const TempSite& site, const Page* page) {
  if (page == nullptr) return "none";
  return page->file.lexically_relative(site.path()).generic_string();
}

// What `path` names in `route`: its entry relative to the site, "no entry for <slug>", or
// "not shaped".
std::string entry_of(const CollectionRoute& route, const TempSite& site, std::string_view path) {
  CollectionRoute::Match match = route.match(path);
  if (!match.shaped) return "not shaped";
  if (match.entry.empty()) return "no entry for " + match.slug;
  return std::filesystem::path(match.entry).lexically_relative(site.path()).generic_string();
}

}  // namespace

TEST_CASE("a route segment pattern matches one or more characters per parameter") {
  CHECK(segment_matches("[slug]", "hello-world"));
  CHECK_FALSE(segment_matches("[slug]", ""));
  CHECK(segment_matches("post-[id]", "post-12"));
  CHECK_FALSE(segment_matches("post-[id]", "post-"));
  CHECK_FALSE(segment_matches("post-[id]", "page-12"));
  CHECK(segment_matches("[slug].png", "cover.png"));
  CHECK_FALSE(segment_matches("[slug].png", "cover.jpg"));
  CHECK(segment_matches("[a]-[b]", "x-y-z"));
  CHECK(segment_matches("about", "about"));
  CHECK_FALSE(segment_matches("about", "About"));
  // Pathological input stays linear per character pair.
  CHECK_FALSE(segment_matches("[a]x[b]x[c]x[d]y", std::string(5000, 'x')));
}

TEST_CASE("a glob's base is its literal folders") {
  CHECK(glob_base("src/content/posts/**/*.md") == "src/content/posts");
  CHECK(glob_base("./src/content/posts/*.md") == "src/content/posts");
  CHECK(glob_base("src/content/cohort-*/*.md") == "src/content");
  CHECK(glob_base("src/content/about.md") == "src/content");
  CHECK(glob_base("**/*.md") == "");
  CHECK(glob_base("*.md") == "");
}

TEST_CASE("pages-dir gives static routes, then dynamic ones, as Astro serves them") {
  TempSite site;
  for (const char* file :
       {"pages/index.astro", "pages/about.astro", "pages/curriculum/index.md", "pages/rss.xml.js",
        "pages/blog/[slug].astro", "pages/blog/index.astro", "pages/blog/tags/[tag].astro",
        "pages/docs/[...path].astro", "pages/og/[slug].png.ts", "pages/post-[id].html",
        "pages/_draft.astro", "pages/_partials/nav.astro", "pages/.hidden/x.astro",
        "pages/notes.txt", "pages/styles.css"}) {
    site.write(file);
  }
  PageRoutes routes = PageRoutes::scan(site.path() / "pages");
  CHECK(routes.size() == 10);
  CHECK(relative(site, routes.match_static(split("/"))) == "pages/index.astro");
  CHECK(relative(site, routes.match_static(split("/about"))) == "pages/about.astro");
  CHECK(relative(site, routes.match_static(split("/curriculum"))) == "pages/curriculum/index.md");
  CHECK(relative(site, routes.match_static(split("/rss.xml"))) == "pages/rss.xml.js");
  CHECK(relative(site, routes.match_static(split("/blog"))) == "pages/blog/index.astro");
  CHECK(relative(site, routes.match_static(split("/blog/x"))) == "none");
  CHECK(relative(site, routes.match_static(split("/About"))) == "none");
  CHECK(relative(site, routes.match_static(split("/_draft"))) == "none");
  CHECK(relative(site, routes.match_static(split("/_partials/nav"))) == "none");
  CHECK(relative(site, routes.match_static(split("/notes"))) == "none");

  CHECK(relative(site, routes.match_dynamic(split("/blog/hello"))) == "pages/blog/[slug].astro");
  CHECK(relative(site, routes.match_dynamic(split("/blog/tags/devrel"))) ==
        "pages/blog/tags/[tag].astro");
  CHECK(relative(site, routes.match_dynamic(split("/blog/a/b/c"))) == "none");
  CHECK(relative(site, routes.match_dynamic(split("/docs"))) == "pages/docs/[...path].astro");
  CHECK(relative(site, routes.match_dynamic(split("/docs/a/b/c"))) == "pages/docs/[...path].astro");
  CHECK(relative(site, routes.match_dynamic(split("/og/cover.png"))) == "pages/og/[slug].png.ts");
  CHECK(relative(site, routes.match_dynamic(split("/og/cover.jpg"))) == "none");
  CHECK(relative(site, routes.match_dynamic(split("/post-7"))) == "pages/post-[id].html");
  CHECK(relative(site, routes.match_dynamic(split("/nothing"))) == "none");
}

TEST_CASE("a missing pages folder has no routes") {
  TempSite site;
  PageRoutes routes = PageRoutes::scan(site.path() / "missing");
  CHECK(routes.size() == 0);
  CHECK(routes.match_static(split("/")) == nullptr);
}

TEST_CASE("a collection route names entries by path, slugified path and front matter slug") {
  TempSite site;
  site.write("content/posts/hello-world.md", "---\ntitle: Hello\n---\n");
  site.write("content/posts/My Post.md", "# no front matter\n");
  site.write("content/posts/custom.md", "---\ntitle: x\nslug: /my-custom-slug/\n---\n");
  site.write("content/posts/series/index.md");
  site.write("content/posts/notes.txt");
  site.write("content/other/elsewhere.md");
  std::vector<core::Glob> include{*core::Glob::compile("content/posts/**/*.md")};
  CollectionRoute route = CollectionRoute::scan("/blog/{slug}/", site.path(), include);

  auto entry = [&](std::string_view path) { return entry_of(route, site, path); };
  CHECK(entry("/blog/hello-world") == "content/posts/hello-world.md");
  CHECK(entry("/blog/My Post") == "content/posts/My Post.md");
  CHECK(entry("/blog/my-post") == "content/posts/My Post.md");
  CHECK(entry("/blog/my-custom-slug") == "content/posts/custom.md");
  CHECK(entry("/blog/custom") == "content/posts/custom.md");
  CHECK(entry("/blog/series") == "content/posts/series/index.md");
  CHECK(entry("/blog/missing") == "no entry for missing");
  CHECK(entry("/blog/notes") == "no entry for notes");
  CHECK(entry("/blog/elsewhere") == "no entry for elsewhere");
  CHECK(entry("/blog") == "not shaped");
  CHECK(entry("/about") == "not shaped");
  // No entry's slug has a '/', so a deeper path is some other page.
  CHECK(entry("/blog/hello-world/comments") == "not shaped");
  CHECK(route.nearest_slug("hello-wrld") == "hello-world");
  CHECK(route.nearest_slug("zzz") == std::nullopt);
  CHECK(route.route_for("hello-world") == "/blog/hello-world");
}

TEST_CASE("an entry named by its path alone keeps only the tail its file adds to it") {
  TempSite site;
  site.write("content/posts/my-post.md");
  site.write("content/posts/My-Post.md");  // slugified, it is my-post's: its path names it
  site.write("content/posts/notes.mdx");
  site.write("content/posts/2024/index.md");
  site.write("content/posts/2024/Year Review.md");  // both of its slugs name it
  std::vector<core::Glob> include{*core::Glob::compile("content/posts/**/*.{md,mdx}")};
  CollectionRoute route = CollectionRoute::scan("/blog/{slug}", site.path(), include);
  auto entry = [&](std::string_view path) { return entry_of(route, site, path); };
  CHECK(entry("/blog/my-post") == "content/posts/my-post.md");
  CHECK(entry("/blog/My-Post") == "content/posts/My-Post.md");
  CHECK(entry("/blog/notes") == "content/posts/notes.mdx");
  CHECK(entry("/blog/2024") == "content/posts/2024/index.md");
  CHECK(entry("/blog/2024/Year Review") == "content/posts/2024/Year Review.md");
  CHECK(entry("/blog/2024/year-review") == "content/posts/2024/Year Review.md");
  CHECK(entry("/blog/2024/index") == "no entry for 2024/index");
  // Suggestions read the slugs' text again from disk.
  CHECK(route.nearest_slug("2024/year-reveiw") == "2024/year-review");
  CHECK(route.nearest_slug("note") == "notes");
}

TEST_CASE("front matter slugs are read when a route names no entry by its path") {
  TempSite site;
  site.write("content/posts/setup.md", "---\nslug: guides/first-steps\n---\n");
  site.write("content/posts/taken.md", "---\nslug: setup\n---\n");
  std::vector<core::Glob> include{*core::Glob::compile("content/posts/*.md")};
  CollectionRoute route = CollectionRoute::scan("/blog/{slug}", site.path(), include);
  auto entry = [&](std::string_view path) { return entry_of(route, site, path); };
  // An entry's path wins over another entry's front matter slug that is the same.
  CHECK(entry("/blog/setup") == "content/posts/setup.md");
  // A front matter slug with a '/' makes deeper routes entries, not other pages.
  CHECK(entry("/blog/guides/first-steps") == "content/posts/setup.md");
  CHECK(entry("/blog/guides/other") == "no entry for guides/other");
  CHECK(route.nearest_slug("guides/first-step") == "guides/first-steps");
}

TEST_CASE("nested entries make multi-segment slugs, a route without {slug} names nothing") {
  TempSite site;
  site.write("content/docs/2024/first.md");
  std::vector<core::Glob> include{*core::Glob::compile("content/docs/**/*.md")};
  CollectionRoute nested = CollectionRoute::scan("/docs/{id}", site.path(), include);
  CollectionRoute::Match match = nested.match("/docs/2024/first");
  CHECK(match.shaped);
  CHECK(match.entry == (site.path() / "content/docs/2024/first.md").string());
  match = nested.match("/docs/2024/second");
  CHECK(match.shaped);
  CHECK(match.entry.empty());

  CollectionRoute fixed = CollectionRoute::scan("/docs", site.path(), include);
  CHECK_FALSE(fixed.match("/docs/2024/first").shaped);
}

TEST_CASE("of two files that claim one slug, the first in name order keeps it") {
  TempSite site;
  // "a.md" and "a/index.md" both serve /blog/a: the walk meets "a.md" first.
  site.write("content/posts/a.md", "# A\n");
  site.write("content/posts/a/index.md", "---\nslug: elsewhere\n---\n");
  site.write("content/posts/b.md", "---\nslug: bee\n---\n");
  std::vector<core::Glob> include{*core::Glob::compile("content/posts/**/*.md")};
  CollectionRoute route = CollectionRoute::scan("/blog/{slug}", site.path(), include);

  auto entry = [&](std::string_view path) { return entry_of(route, site, path); };
  CHECK(entry("/blog/a") == "content/posts/a.md");
  CHECK(entry("/blog/bee") == "content/posts/b.md");
  // a/index.md names no route of its own, so its front matter slug is not one either.
  CHECK(entry("/blog/elsewhere") == "no entry for elsewhere");
  CHECK(route.nearest_slug("bea") == "bee");
}
