/// Test helpers: schema text written to a temporary folder, front matter parsed the way
/// the engine parses it, violations rendered as "line:col message".
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "frontmatter/frontmatter.hpp"
#include "schema/schema.hpp"

namespace contentlint::schema::testing {

/// A fresh temporary folder, removed with everything in it when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "contentlint-schema-XXXXXX").string();
    char* made = mkdtemp(pattern.data());
    REQUIRE(made != nullptr);
    root_ = made;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Writes `text` to `relative` (folders created) and returns the full path.
  std::string write(const std::string& relative, const std::string& text) const {
    std::filesystem::path file = root_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

 private:
  std::filesystem::path root_;
};

/// Loads `text` as `schemas/<name>` (displayed as that) and returns the error as
/// `file:line:col: message`, or "loaded" when the schema loads.
inline std::string load_error(const TempDir& dir, const std::string& text,
                              const std::string& name = "post.schema.yaml") {
  std::string display = "schemas/" + name;
  auto schema = Schema::load(dir.write(display, text), display);
  return schema ? std::string("loaded") : schema.error().to_string();
}

/// Loads `text` as a schema; the test fails when it does not load.
inline std::shared_ptr<const Schema> load(const TempDir& dir, const std::string& text,
                                          const std::string& name = "post.schema.yaml") {
  std::string display = "schemas/" + name;
  auto schema = Schema::load(dir.write(display, text), display);
  INFO((schema ? std::string() : schema.error().to_string()));
  REQUIRE(schema.ok());
  return *schema;
}

/// Validates the front matter `yaml` (the lines between the fences, which stand on line 1
/// and after the YAML) and renders each violation as "line:col message".
inline std::vector<std::string> check(const Schema& schema, const std::string& yaml) {
  core::Document document("post.md", "---\n" + yaml + "---\n\nBody.\n");
  frontmatter::Split split = frontmatter::split(document);
  REQUIRE(split.closed);
  frontmatter::Yaml parsed = frontmatter::parse_yaml(document, split.yaml);
  INFO(yaml);
  REQUIRE(parsed.problems.empty());
  core::Node root = parsed.root ? *parsed.root : core::Node{};
  std::vector<std::string> rendered;
  for (const Violation& violation : schema.validate(root, split.opening)) {
    core::Position at = document.position(violation.span.begin);
    rendered.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " +
                       violation.message);
  }
  return rendered;
}

using Lines = std::vector<std::string>;

}  // namespace contentlint::schema::testing
