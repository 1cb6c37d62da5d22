#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fixture.hpp"
#include "report/formats.hpp"

using namespace contentlint;
using namespace contentlint::report;
using report::testing::render;

namespace {

ReportOptions sarif_options() {
  return {.tool_version = "0.1.0",
          .rules = report::testing::sample_rules(),
          .repository = {"/home/me/my site", "docs-site/"}};
}

nlohmann::json render_json(const engine::RunResult& run, ReportOptions options) {
  return nlohmann::json::parse(render(Format::sarif, run, std::move(options)));
}

}  // namespace

TEST_CASE("sarif golden: every case, escaping included") {
  report::testing::check_golden(
      "sarif.txt", render(Format::sarif, report::testing::sample_run(), sarif_options()));
}

TEST_CASE("sarif has one run whose results point at their rule descriptors") {
  const nlohmann::json log = render_json(report::testing::sample_run(), sarif_options());
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const nlohmann::json& run = log["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "contentlint");
  CHECK(run["tool"]["driver"]["version"] == "0.1.0");
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///home/me/my%20site/");
  const nlohmann::json& rules = run["tool"]["driver"]["rules"];
  REQUIRE(run["results"].size() == 10);
  for (const nlohmann::json& result : run["results"]) {
    INFO(result.dump());
    CHECK(rules[result["ruleIndex"].get<std::size_t>()]["id"] == result["ruleId"]);
    CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] ==
          "%SRCROOT%");
  }
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "docs-site/%3A%3A%2050%25%2C%20a%3Ab%20%C3%A9%0A%3A%3Aerror%3A%3Ax.md");
  CHECK(run["results"][0]["message"]["text"] == std::string(report::testing::kHostileMessage));
  CHECK(run["results"][0]["level"] == "warning");
  CHECK(run["results"][1]["level"] == "warning");
  CHECK(run["results"][2]["level"] == "note");
  CHECK(run["results"][2]["locations"][0]["physicalLocation"]["region"] ==
        nlohmann::json::parse(
            R"({"startLine": 3, "startColumn": 16, "endLine": 3, "endColumn": 19})"));
  CHECK(run["properties"]["summary"] ==
        nlohmann::json::parse(
            R"({"files": 6, "errors": 2, "warnings": 6, "infos": 2, "fixable": 2})"));
}

TEST_CASE("sarif describes each reported rule from its metadata") {
  const nlohmann::json log = render_json(report::testing::sample_run(), sarif_options());
  const nlohmann::json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  std::vector<std::string> ids;
  for (const nlohmann::json& rule : rules) ids.push_back(rule["id"]);
  CHECK(ids == std::vector<std::string>{"code/fence-language", "custom/no-commands",
                                        "custom/no-escapes", "image/alt-text", "image/empty-url",
                                        "tag/unknown", "text/final-newline", "text/foreign-words",
                                        "text/no-tabs", "text/typo"});
  const nlohmann::json& empty_url = rules[4];
  CHECK(empty_url["name"] == "ImageEmptyUrl");
  CHECK(empty_url["shortDescription"]["text"] == "an empty or blank image URL");
  CHECK(empty_url["fullDescription"]["text"] == "Reports an image whose URL is empty: `![alt]()`.");
  CHECK(empty_url["helpUri"] ==
        "https://github.com/contentlint/contentlint/blob/main/docs/rules.md#imageempty-url");
  CHECK(empty_url["defaultConfiguration"]["level"] == "error");
  CHECK(empty_url["help"]["markdown"] ==
        "Reports an image whose URL is empty: `![alt]()`.\n\n"
        "**Why is this bad?** An empty image URL renders as a broken image.\n\n"
        "**Example**\n\n```markdown\n![Team photo]()\n```\n\n"
        "**Use instead**\n\n```markdown\n![Team photo](/assets/team.png)\n```\n\n"
        "**Options**\n\n"
        "- `fields` (list of strings, default `[image, cover]`): front matter fields that hold "
        "an image URL\n\n"
        "Default level: error.\n");
  CHECK(empty_url["help"]["text"] ==
        "Reports an image whose URL is empty: `![alt]()`.\n\n"
        "Why is this bad? An empty image URL renders as a broken image.\n\n"
        "Example:\n![Team photo]()\n\nUse instead:\n![Team photo](/assets/team.png)\n\n"
        "Options:\n- fields (list of strings, default [image, cover]): front matter fields that "
        "hold an image URL\n");
  // An example holding a fence is put inside a longer one.
  const std::string fence_help = rules[0]["help"]["markdown"];
  CHECK(fence_help.find("**Example**\n\n````markdown\n```\nnpm install\n```\n````\n") !=
        std::string::npos);
  CHECK(fence_help.find("**Use instead**\n\n`````markdown\n````sh\nnpm install\n````\n`````\n") !=
        std::string::npos);
  // A declarative rule has no page in contentlint's docs.
  CHECK(rules[1]["defaultConfiguration"]["level"] == "warning");
  CHECK_FALSE(rules[1].contains("helpUri"));
  CHECK(rules[1]["properties"]["fixable"] == true);
  // A rule the catalog does not know still gets a descriptor, so ruleIndex stays valid.
  CHECK(rules[9] == nlohmann::json::parse(R"({"id": "text/typo", "name": "TextTypo",
                                                  "shortDescription": {"text": "the rule text/typo"},
                                                  "fullDescription": {"text": "the rule text/typo"},
                                                  "help": {"text": "the rule text/typo"}})"));
}

TEST_CASE("sarif describes the real catalog's rules") {
  std::vector<const rules::RuleEntry*> catalog;
  for (const rules::RuleEntry& entry : rules::registry()) catalog.push_back(&entry);
  ReportOptions options = sarif_options();
  options.rules = catalog;
  const nlohmann::json log = render_json(report::testing::design_example_run(), options);
  const nlohmann::json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 2);
  CHECK(rules[0]["id"] == "image/alt-text");
  CHECK(rules[0]["helpUri"] ==
        "https://github.com/contentlint/contentlint/blob/main/docs/rules.md#imagealt-text");
  CHECK(rules[1]["id"] == "image/empty-url");
  CHECK(rules[1]["shortDescription"]["text"] ==
        std::string(rules::find_rule("image/empty-url")->meta.summary));
  CHECK(rules[1]["help"]["markdown"].get<std::string>().find("**Why is this bad?**") !=
        std::string::npos);
}

TEST_CASE("sarif fingerprints hash rule, path and line text, not the line number") {
  using report::testing::diagnostic;
  using report::testing::range;
  std::vector<core::Diagnostic> found = {
      diagnostic("x/y", core::Severity::error, "m", range(3, 1, 3, 2), "  same"),
      diagnostic("x/y", core::Severity::error, "m", range(9, 1, 9, 2), "same"),
      diagnostic("x/z", core::Severity::error, "m", range(9, 1, 9, 2), "same")};
  engine::RunResult run;
  run.files.push_back("a.md", found);
  run.summary = engine::summarize(run.files);
  const nlohmann::json results = render_json(run, {})["runs"][0]["results"];
  const std::string first = results[0]["partialFingerprints"]["contentlintLineHash/v1"];
  const std::string second = results[1]["partialFingerprints"]["contentlintLineHash/v1"];
  const std::string third = results[2]["partialFingerprints"]["contentlintLineHash/v1"];
  CHECK(first.size() == 18);
  CHECK(first.substr(16) == ":1");
  CHECK(second == first.substr(0, 16) + ":2");
  CHECK(third.substr(0, 16) != first.substr(0, 16));
  // Moving the finding to another line keeps its fingerprint.
  found[0].range = range(40, 1, 40, 2);
  engine::RunResult moved;
  moved.files.push_back("a.md", found);
  moved.summary = run.summary;
  CHECK(render_json(moved, {})["runs"][0]["results"][0]["partialFingerprints"] ==
        results[0]["partialFingerprints"]);
}

TEST_CASE("sarif without a known root leaves out originalUriBaseIds") {
  const nlohmann::json log = render_json(report::testing::design_example_run(), {});
  CHECK_FALSE(log["runs"][0].contains("originalUriBaseIds"));
  CHECK(
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] ==
      nlohmann::json::parse(
          R"({"uri": "src/content/posts/how-to-get-a-job-in-devrel.md", "uriBaseId": "%SRCROOT%"})"));
}

TEST_CASE("sarif names files outside the repository by an absolute file URI") {
  engine::RunResult run;
  run.files.push_back({"../../other dir/a.md",
                       {report::testing::diagnostic("x/y", core::Severity::error, "m",
                                                    report::testing::range(1, 1, 1, 2), "l")}});
  run.summary = engine::summarize(run.files);
  const nlohmann::json log = render_json(run, sarif_options());
  CHECK(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] ==
        nlohmann::json::parse(R"({"uri": "file:///home/me/other%20dir/a.md"})"));
}

TEST_CASE("sarif quiet lists only errors and their rules, with the full summary") {
  ReportOptions options = sarif_options();
  options.quiet = true;
  const nlohmann::json run = render_json(report::testing::sample_run(), options)["runs"][0];
  REQUIRE(run["results"].size() == 2);
  CHECK(run["results"][0]["ruleId"] == "image/empty-url");
  CHECK(run["results"][1]["ruleId"] == "custom/no-escapes");
  CHECK(run["tool"]["driver"]["rules"].size() == 2);
  CHECK(run["properties"]["summary"]["warnings"] == 6);
}
