/// Test helpers for init: front matter parsed from YAML texts, kept alive for the samples.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/document.hpp"
#include "frontmatter/frontmatter.hpp"
#include "init/infer.hpp"

namespace contentlint::init::testing {

/// YAML mappings parsed as front matter of files named `a.md`, `b.md`, ... in order.
class Samples {
 public:
  explicit Samples(const std::vector<std::string>& yamls) {
    char name = 'a';
    for (const std::string& yaml : yamls) {
      auto& document = documents_.emplace_back(
          std::make_unique<core::Document>(std::string(1, name++) + ".md", yaml));
      auto& parsed = trees_.emplace_back(std::make_unique<frontmatter::Yaml>(
          frontmatter::parse_yaml(*document, {0, document->text().size()})));
      samples_.push_back({document->path(), &*parsed->root});
    }
  }
  const std::vector<Sample>& samples() const { return samples_; }
  const core::Node& root(std::size_t i) const { return *samples_[i].root; }

 private:
  std::vector<std::unique_ptr<core::Document>> documents_;
  std::vector<std::unique_ptr<frontmatter::Yaml>> trees_;
  std::vector<Sample> samples_;
};

/// The schema of `inference` as YAML, without the two header keys every schema has.
inline std::string body_of(const Inference& inference) {
  YamlValue schema = inference.schema;
  schema.entries.erase(schema.entries.begin(), schema.entries.begin() + 2);
  return emit(schema);
}

}  // namespace contentlint::init::testing
