#include <catch2/catch.hpp>

#include <thread>

#include "core/document.hpp"
#include "core/glob.hpp"
#include "links/site.hpp"
#include "markdown/facts.hpp"
#include "temp_site.hpp"

using namespace contentlint;
using links::Resolution;
using links::Site;
using links::SiteOptions;
using links::Want;
using links::testing::TempSite;
using Kind = Resolution::Kind;

namespace {

// The site every test below links into.
void write_site(const TempSite& site) {
  site.write("public/assets/logo.png");
  site.write("public/files/My File.pdf");
  site.write("public/docs-static/index.html");
  site.write("src/pages/index.astro");
  site.write("src/pages/about.astro");
  site.write("src/pages/curriculum/index.md", "# Curriculum\n\n## Week one\n");
  site.write("src/pages/blog/[slug].astro");
  site.write("src/pages/blog/index.astro");
  site.write("src/pages/docs/[...path].astro");
  site.write("src/pages/og/[slug].png.ts");
  site.write("src/pages/rss.xml.js");
  site.write("src/pages/_private/secret.astro");
  site.write("src/content/posts/hello-world.md", "---\ntitle: Hello\n---\n\n## First steps\n");
  site.write("src/content/posts/2024/nested-post.md");
  site.write("src/content/posts/custom.md", "---\nslug: my-custom-slug\n---\n");
  site.write("src/content/posts/My Post.md");
  site.write("src/content/alumni/jane.md");
  site.write("docs/guide.md", "# Guide\n\n## Install\n\n## Install\n");
  site.write("docs/setup/index.md", "# Setup\n");
  site.write("docs/empty-folder/.keep");
  site.write("docs/Images/Logo.png");
  site.write("articles/a.md");
  site.write("articles/my file.md");
  site.write("articles/b.md");
}

SiteOptions full_options(const TempSite& site) {
  SiteOptions options;
  options.root = site.path();
  options.public_dir = "public";
  options.pages_dir = "src/pages";
  options.site_url = "https://Example.org/";
  options.collections.push_back(
      {"posts", "/blog/{slug}", {*core::Glob::compile("src/content/posts/**/*.md")}});
  options.collections.push_back({"alumni", "", {*core::Glob::compile("src/content/alumni/*.md")}});
  return options;
}

std::string kind_name(Kind kind) {
  switch (kind) {
    case Kind::file:
      return "file";
    case Kind::route:
      return "route";
    case Kind::external:
      return "external";
    case Kind::unverified:
      return "unverified";
    case Kind::not_found:
      return "not_found";
    case Kind::case_mismatch:
      return "case_mismatch";
    case Kind::outside:
      return "outside";
  }
  return "?";
}

// "kind target" with the target relative to the site, for compact assertions.
struct Resolver {
  const TempSite& site;
  const Site& links;
  std::filesystem::path from;

  std::string operator()(std::string_view destination, Want want = Want::link) const {
    Resolution resolution = links.resolve(from, destination, want);
    std::string out = kind_name(resolution.kind);
    if (!resolution.target.empty()) {
      out +=
          " " +
          std::filesystem::path(resolution.target).lexically_relative(site.path()).generic_string();
    }
    return out;
  }
};

}  // namespace

TEST_CASE("paths are made absolute and lexically normal, and kept when they are") {
  TempSite site;
  Site links(full_options(site));
  CHECK(links.absolute("/a/b.md") == "/a/b.md");
  CHECK(links.absolute("/a/b/") == "/a/b/");
  CHECK(links.absolute("/") == "/");
  CHECK(links.absolute("/a/./b.md") == "/a/b.md");
  CHECK(links.absolute("/a/../b.md") == "/b.md");
  CHECK(links.absolute("/a//b.md") == "/a/b.md");
  CHECK(links.absolute("/a/.") == "/a/");
  CHECK(links.absolute("/a/b/..") == "/a/");
  CHECK(links.absolute("/a/.b/..c.md") == "/a/.b/..c.md");
  CHECK(links.absolute("x/../y.md") == std::filesystem::current_path() / "y.md");
}

TEST_CASE("relative links resolve from the article's folder, as sites serve them") {
  TempSite site;
  write_site(site);
  Site links(full_options(site));
  Resolver resolve{site, links, site.path() / "articles/a.md"};

  CHECK(resolve("../docs/guide.md") == "file docs/guide.md");
  CHECK(resolve("./../docs/./guide.md") == "file docs/guide.md");
  CHECK(resolve("../docs/guide") == "file docs/guide.md");
  CHECK(resolve("../docs/guide/") == "file docs/guide.md");
  CHECK(resolve("../docs/guide.html") == "file docs/guide.md");
  CHECK(resolve("../docs/setup") == "file docs/setup/index.md");
  CHECK(resolve("../docs/setup/") == "file docs/setup/index.md");
  CHECK(resolve("../docs/empty-folder/") == "file docs/empty-folder");
  CHECK(resolve("b.md") == "file articles/b.md");
  CHECK(resolve("b") == "file articles/b.md");
  CHECK(resolve("./") == "file articles");
  CHECK(resolve("my%20file.md") == "file articles/my file.md");
  CHECK(resolve("b.md?plain=1#intro") == "file articles/b.md");
  CHECK(resolve("../docs/missing.md") == "not_found");
  CHECK(resolve("../docs/guide.pdf") == "not_found");
  CHECK(resolve("../docs/Images/Logo.png", Want::image) == "file docs/Images/Logo.png");
  // Images name files: no extension guessing.
  CHECK(resolve("b", Want::image) == "not_found");
}

TEST_CASE("a broken relative link says what is missing, with the path as written") {
  TempSite site;
  write_site(site);
  Site links(full_options(site));
  auto from = site.path() / "articles/a.md";

  Resolution missing = links.resolve(from, "../guide/missing.md#x");
  CHECK(missing.kind == Kind::not_found);
  CHECK(missing.broken());
  CHECK_FALSE(missing.routed);
  CHECK(missing.problem("linked file") == "linked file not found: ../guide/missing.md");
  CHECK(missing.fragment == "x");

  Resolution image = links.resolve(from, "img/missing.png", Want::image);
  CHECK(image.problem("image file") == "image file not found: img/missing.png");

  Resolution found = links.resolve(from, "../docs/guide.md");
  CHECK_FALSE(found.broken());
  CHECK(found.problem("linked file").empty());
}

TEST_CASE("a file that exists only with other letter case is a case mismatch") {
  TempSite site;
  write_site(site);
  Site links(full_options(site));
  auto from = site.path() / "articles/a.md";

  Resolution image = links.resolve(from, "../docs/images/logo.png", Want::image);
  CHECK(image.kind == Kind::case_mismatch);
  CHECK(image.actual == "../docs/Images/Logo.png");
  CHECK(image.target == (site.path() / "docs/Images/Logo.png").native());
  CHECK(image.problem("image file") ==
        "image file '../docs/images/logo.png' exists only as '../docs/Images/Logo.png'; the "
        "letter case must match on Linux");

  Resolution link = links.resolve(from, "../docs/Guide.md");
  CHECK(link.kind == Kind::case_mismatch);
  CHECK(link.actual == "../docs/guide.md");

  // An extensionless link quotes the corrected name without the extension it found.
  link = links.resolve(from, "../Docs/Guide");
  CHECK(link.kind == Kind::case_mismatch);
  CHECK(link.actual == "../docs/guide");

  // Root-relative, under public-dir.
  Resolution routed = links.resolve(from, "/Assets/Logo.png", Want::image);
  CHECK(routed.kind == Kind::case_mismatch);
  CHECK(routed.actual == "/assets/logo.png");
  CHECK(routed.problem("image file") ==
        "image file '/Assets/Logo.png' exists only as '/assets/logo.png'; the letter case must "
        "match on Linux");

  // Of two names that differ from the link only in case, the first in byte order.
  site.write("docs/twins/Twin.md");
  site.write("docs/twins/TWIN.md");
  Site fresh(full_options(site));
  Resolution twin = fresh.resolve(from, "../docs/twins/twin.md");
  CHECK(twin.kind == Kind::case_mismatch);
  CHECK(twin.actual == "../docs/twins/TWIN.md");
  CHECK(fresh.resolve(from, "../docs/twins/Twin.md").kind == Kind::file);
  CHECK(fresh.resolve(from, "../docs/twins/twin2.md").kind == Kind::not_found);
}

TEST_CASE("a symlinked folder in a listing is a folder, as stat() sees it") {
  TempSite site;
  write_site(site);
  std::filesystem::create_directory_symlink(site.path() / "docs/setup",
                                            site.path() / "docs/Linked");
  Site links(full_options(site));
  auto from = site.path() / "articles/a.md";

  // Found through the listing of docs/ (the case differs), then entered as a folder.
  Resolution link = links.resolve(from, "../docs/linked/index.md");
  CHECK(link.kind == Kind::case_mismatch);
  CHECK(link.actual == "../docs/Linked/index.md");
  CHECK(link.target == (site.path() / "docs/Linked/index.md").native());
}

TEST_CASE("links that leave the site's root point outside the site") {
  TempSite site;
  write_site(site);
  Site links(full_options(site));
  auto from = site.path() / "articles/a.md";

  Resolution outside = links.resolve(from, "../../../etc/passwd");
  CHECK(outside.kind == Kind::outside);
  CHECK(outside.problem("linked file") ==
        "linked file '../../../etc/passwd' points outside the site");
  CHECK(links.resolve(from, "../../x.png", Want::image).kind == Kind::outside);
  CHECK(links.resolve(from, "/../secret").kind == Kind::outside);
  // Going up and down again inside the root is fine.
  CHECK(links.resolve(from, "../articles/../docs/guide.md").kind == Kind::file);
}

TEST_CASE("root-relative links resolve against public-dir, pages and collection routes") {
  TempSite site;
  write_site(site);
  Site links(full_options(site));
  CHECK(links.routes_configured());
  Resolver resolve{site, links, site.path() / "articles/a.md"};

  CHECK(resolve("/assets/logo.png", Want::image) == "file public/assets/logo.png");
  CHECK(resolve("/assets/logo.png") == "file public/assets/logo.png");
  CHECK(resolve("/files/My%20File.pdf") == "file public/files/My File.pdf");
  CHECK(resolve("/docs-static/") == "file public/docs-static/index.html");
  CHECK(resolve("/") == "route src/pages/index.astro");
  CHECK(resolve("/about") == "route src/pages/about.astro");
  CHECK(resolve("/about/") == "route src/pages/about.astro");
  CHECK(resolve("/about?ref=nav#team") == "route src/pages/about.astro");
  CHECK(resolve("/curriculum") == "route src/pages/curriculum/index.md");
  CHECK(resolve("/rss.xml") == "route src/pages/rss.xml.js");
  CHECK(resolve("/blog") == "route src/pages/blog/index.astro");
  CHECK(resolve("/blog/") == "route src/pages/blog/index.astro");
  // A collection's entries win over the dynamic page that renders them...
  CHECK(resolve("/blog/hello-world") == "route src/content/posts/hello-world.md");
  CHECK(resolve("/blog/hello-world/") == "route src/content/posts/hello-world.md");
  CHECK(resolve("/blog/my-custom-slug") == "route src/content/posts/custom.md");
  CHECK(resolve("/blog/my-post") == "route src/content/posts/My Post.md");
  CHECK(resolve("/blog/My%20Post") == "route src/content/posts/My Post.md");
  CHECK(resolve("/blog/2024/nested-post") == "route src/content/posts/2024/nested-post.md");
  // ...and a slug that names no entry is missing, though [slug].astro would take it.
  CHECK(resolve("/blog/missing-post") == "not_found");
  CHECK(resolve("/docs/a/b/c") == "route src/pages/docs/[...path].astro");
  CHECK(resolve("/docs") == "route src/pages/docs/[...path].astro");
  CHECK(resolve("/og/cover.png", Want::image) == "route src/pages/og/[slug].png.ts");
  CHECK(resolve("/_private/secret") == "not_found");
  CHECK(resolve("/curriculm") == "not_found");
  CHECK(resolve("/assets/missing.png", Want::image) == "not_found");
}

TEST_CASE("a missing route names the route, and a near entry") {
  TempSite site;
  write_site(site);
  Site links(full_options(site));
  auto from = site.path() / "articles/a.md";

  Resolution missing = links.resolve(from, "/blog/missing-post");
  CHECK(missing.routed);
  CHECK(missing.problem("linked file") == "no page or entry for route '/blog/missing-post'");
  Resolution typo = links.resolve(from, "/blog/hello-wrld#first-steps");
  CHECK(typo.problem("linked file") ==
        "no page or entry for route '/blog/hello-wrld' (did you mean '/blog/hello-world'?)");
  CHECK(links.resolve(from, "/curriculm").problem("linked file") ==
        "no page or entry for route '/curriculm'");
  CHECK(links.resolve(from, "/contact.html").problem("linked file") ==
        "no page or entry for route '/contact.html'");
  // A path with another extension is a file, not a page.
  CHECK(links.resolve(from, "/files/missing.pdf").problem("linked file") ==
        "linked file not found: /files/missing.pdf");
  CHECK(links.resolve(from, "/assets/missing.png", Want::image).problem("image file") ==
        "image file not found: /assets/missing.png");
  // The cached outcome is reported with each link's own spelling.
  CHECK(links.resolve(from, "/blog/missing-post/").problem("linked file") ==
        "no page or entry for route '/blog/missing-post/'");
}

TEST_CASE("links to site-url resolve as routes, other hosts are external") {
  TempSite site;
  write_site(site);
  Site links(full_options(site));
  Resolver resolve{site, links, site.path() / "articles/a.md"};
  auto from = site.path() / "articles/a.md";

  CHECK(resolve("https://example.org/about") == "route src/pages/about.astro");
  CHECK(resolve("http://EXAMPLE.org/blog/hello-world#first-steps") ==
        "route src/content/posts/hello-world.md");
  CHECK(resolve("https://example.org") == "route src/pages/index.astro");
  Resolution missing = links.resolve(from, "https://example.org/blog/missing?x=1#y");
  CHECK(missing.kind == Kind::not_found);
  CHECK(missing.problem("linked file") == "no page or entry for route '/blog/missing'");

  CHECK(resolve("https://other.org/about") == "external");
  CHECK(resolve("https://example.org.evil.com/about") == "external");
  CHECK(resolve("//example.org/about") == "external");
  CHECK(resolve("mailto:me@example.org") == "external");
  CHECK(resolve("tel:+1234") == "external");
  CHECK(resolve("data:image/png;base64,AAAA", Want::image) == "external");
}

TEST_CASE("a site-url with a base path maps only the paths under it") {
  TempSite site;
  write_site(site);
  SiteOptions options = full_options(site);
  options.site_url = "https://example.org/docs/";
  Site links(std::move(options));
  Resolver resolve{site, links, site.path() / "articles/a.md"};
  CHECK(resolve("https://example.org/docs/about") == "route src/pages/about.astro");
  CHECK(resolve("https://example.org/docs") == "route src/pages/index.astro");
  CHECK(resolve("https://example.org/docsx/about") == "external");
  CHECK(resolve("https://example.org/about") == "external");
}

TEST_CASE("fragment-only links stay in their document") {
  TempSite site;
  write_site(site);
  Site links(full_options(site));
  auto from = site.path() / "articles/a.md";
  Resolution self = links.resolve(from, "#caf%C3%A9");
  CHECK(self.kind == Kind::file);
  CHECK(self.same_document);
  CHECK(self.target == from.native());
  CHECK(self.fragment == "caf\xC3\xA9");
  CHECK(links.resolve(from, "#").fragment == "");
  CHECK(links.resolve(from, "").kind == Kind::unverified);
}

TEST_CASE("without routes, root-relative links are unverified unless a file answers") {
  TempSite site;
  write_site(site);
  auto from = site.path() / "articles/a.md";

  SiteOptions bare;
  bare.root = site.path();
  Site nothing(bare);
  CHECK_FALSE(nothing.routes_configured());
  Resolver resolve{site, nothing, from};
  CHECK(resolve("/about") == "unverified");
  CHECK(resolve("/assets/logo.png", Want::image) == "unverified");
  // As GitHub resolves it: from the repository's root, so its anchors can be checked.
  CHECK(resolve("/docs/guide.md") == "file docs/guide.md");
  // Relative links are checked all the same.
  CHECK(resolve("../docs/missing.md") == "not_found");

  SiteOptions public_only = bare;
  public_only.public_dir = "public";
  Site with_public(public_only);
  Resolver resolve_public{site, with_public, from};
  CHECK(resolve_public("/about") == "unverified");
  CHECK(resolve_public("/assets/logo.png", Want::image) == "file public/assets/logo.png");
  CHECK(resolve_public("/assets/missing.png", Want::image) == "not_found");

  // Collection routes without pages-dir: only paths of a route's shape are checked.
  SiteOptions collections_only = bare;
  collections_only.collections.push_back(
      {"posts", "/blog/{slug}", {*core::Glob::compile("src/content/posts/**/*.md")}});
  Site with_collections(collections_only);
  CHECK(with_collections.routes_configured());
  Resolver resolve_collections{site, with_collections, from};
  CHECK(resolve_collections("/about") == "unverified");
  CHECK(resolve_collections("/blog/hello-world") == "route src/content/posts/hello-world.md");
  CHECK(resolve_collections("/blog/missing") == "not_found");

  SiteOptions pages_only = bare;
  pages_only.pages_dir = "src/pages";
  Site with_pages(pages_only);
  Resolver resolve_pages{site, with_pages, from};
  CHECK(resolve_pages("/about") == "route src/pages/about.astro");
  CHECK(resolve_pages("/contact") == "not_found");
  CHECK(resolve_pages("/contact.html") == "not_found");
  // Without public-dir, files the site may serve from its public folder are not judged.
  CHECK(resolve_pages("/resume.pdf") == "unverified");
  CHECK(resolve_pages("/assets/logo.png", Want::image) == "unverified");
  // Without collections, [slug].astro takes any slug.
  CHECK(resolve_pages("/blog/anything") == "route src/pages/blog/[slug].astro");
}

TEST_CASE("the anchors of a linked document are read once per run") {
  TempSite site;
  write_site(site);
  Site links(full_options(site));
  const links::Anchors* guide = links.anchors_of(site.path() / "docs/guide.md");
  REQUIRE(guide != nullptr);
  CHECK(guide->all() == std::vector<std::string>{"guide", "install", "install-1"});

  // Cached: a change on disk during the run is not seen, and the same object is returned.
  site.write("docs/guide.md", "# Changed\n");
  CHECK(links.anchors_of(site.path() / "docs/guide.md") == guide);
  CHECK(links.anchors_of(site.path() / "docs/../docs/guide.md") == guide);
  CHECK(guide->contains("install-1"));

  const links::Anchors* entry = links.anchors_of(site.path() / "src/content/posts/hello-world.md");
  REQUIRE(entry != nullptr);
  CHECK(entry->all() == std::vector<std::string>{"first-steps"});

  CHECK(links.anchors_of(site.path() / "docs/missing.md") == nullptr);
  CHECK(links::is_markdown("a/b.md"));
  CHECK(links::is_markdown("a/b.mdx"));
  CHECK_FALSE(links::is_markdown("a/b.astro"));
}

TEST_CASE("a fragment into a file the run checks later is answered once it is checked") {
  TempSite site;
  write_site(site);
  site.write("docs/skipped.md", "# Skipped\n\n## Kept\n");
  Site links(full_options(site));
  const std::string guide = (site.path() / "docs/guide.md").string();
  const std::string skipped = (site.path() / "docs/skipped.md").string();
  // The run's list, as the engine keeps it: the Site asks for paths by their index.
  const std::vector<std::string> run = {guide, (site.path() / "docs/logo.png").string(), skipped};
  links.expect(run.size(), [&](std::size_t i) {
    const std::size_t slash = run[i].rfind('/') + 1;
    return Site::PathPieces{std::string_view(run[i]).substr(0, slash),
                            std::string_view(run[i]).substr(slash)};
  });

  using Answer = Site::AnchorAnswer;
  CHECK(links.has_anchor(guide, "install") == Answer::later);
  const Site::LaterAnchor present = links.later_anchor(guide, "install");
  const Site::LaterAnchor prefixed = links.later_anchor(guide, "user-content-install-1");
  const Site::LaterAnchor absent = links.later_anchor(guide, "instal");
  const Site::LaterAnchor on_disk = links.later_anchor(skipped, "kept");
  const Site::LaterAnchor not_on_disk = links.later_anchor(skipped, "lost");
  CHECK(present.ask() == Answer::later);
  CHECK(absent.ask() == Answer::later);

  // The run checks the guide: its questions are answered from what the check found.
  core::Document document(guide, "# Guide\n\n## Install\n\n## Install\n");
  links.remember_anchors(guide, markdown::extract(document, {0, document.text().size()}));
  CHECK(present.ask() == Answer::yes);
  CHECK(prefixed.ask() == Answer::yes);
  CHECK(absent.ask() == Answer::no);
  CHECK(links.later_anchor(guide, "guide").ask() == Answer::yes);  // asked as it was checked
  CHECK(on_disk.ask() == Answer::later);

  // The other file was never checked (it could not be read): it is read from disk.
  links.all_checked();
  CHECK(on_disk.ask() == Answer::yes);
  CHECK(not_on_disk.ask() == Answer::no);
  CHECK(links.has_anchor(skipped, "kept") == Answer::yes);
}

TEST_CASE("queries from many threads agree") {
  TempSite site;
  write_site(site);
  Site links(full_options(site));
  auto from = site.path() / "articles/a.md";
  std::vector<std::string> results(8);
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 0; t < results.size(); ++t) {
      threads.emplace_back([&, t] {
        std::string out;
        for (int i = 0; i < 50; ++i) {
          for (const char* destination :
               {"/blog/hello-world", "/blog/missing", "../docs/guide", "../docs/Guide.md", "/about",
                "https://example.org/curriculum"}) {
            out += std::to_string(static_cast<int>(links.resolve(from, destination).kind));
          }
          const links::Anchors* anchors = links.anchors_of(site.path() / "docs/guide.md");
          out += anchors != nullptr && anchors->contains("install") ? "y" : "n";
        }
        results[t] = out;
      });
    }
  }
  for (const std::string& result : results) CHECK(result == results[0]);
  CHECK(results[0].substr(0, 7) == "140511y");
}

TEST_CASE("routes read ahead on another thread answer as routes read at the first link") {
  TempSite site;
  write_site(site);
  const char* destinations[] = {"/blog/hello-world",  "/blog/my-custom-slug",
                                "/blog/missing-post", "/about",
                                "/docs/a/b",          "/curriculm"};
  auto answers = [&](const Site& links) {
    std::string out;
    for (const char* destination : destinations) {
      out += links.resolve(site.path() / "articles/a.md", destination).problem("linked file") + ";";
    }
    return out;
  };
  Site on_demand(full_options(site));
  const std::string expected = answers(on_demand);
  CHECK(expected ==
        ";;no page or entry for route '/blog/missing-post';;;no page or entry for route "
        "'/curriculm';");

  Site ahead(full_options(site));
  std::string first;
  {
    std::jthread reader([&] { ahead.read_routes(); });
    first = answers(ahead);  // while the reader may still be reading
  }
  CHECK(first == expected);
  ahead.read_routes();  // once read, reading again does nothing
  CHECK(answers(ahead) == expected);

  // A site without routes has nothing to read, and root-relative links stay unverified.
  SiteOptions plain;
  plain.root = site.path();
  Site without(plain);
  without.read_routes();
  CHECK_FALSE(without.routes_configured());
  CHECK(without.resolve(site.path() / "articles/a.md", "/blog/hello-world").kind ==
        Kind::unverified);
}
