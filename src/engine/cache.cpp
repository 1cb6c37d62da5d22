#include "engine/cache.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <system_error>

#include "engine/read.hpp"

namespace contentlint::engine {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Bumped whenever what an entry holds changes meaning.
constexpr int kFormat = 1;
// Folders hashed for the settings hold a few schemas or rules; this bounds a mistake
// (a schema: pointing into node_modules) to a fixed cost.
constexpr std::size_t kMaxSettingsFiles = 512;

std::string hex(std::uint64_t value) { return fmt::format("{:016x}", value); }

// What tells a changed file from an unchanged one without reading it: its size and
// modification time (nanoseconds); null when nothing is there.
json stamp_of(const fs::path& path) {
  struct stat info {};
  if (path.empty() || ::stat(path.c_str(), &info) != 0) return nullptr;
  std::int64_t nanoseconds =
      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  return json::array({static_cast<std::int64_t>(info.st_size), nanoseconds});
}

// Feeds the names and bytes of the regular files under `folder` with one of
// `extensions` (any when empty) into `hash`, in name order.
void hash_folder(std::uint64_t& hash, const fs::path& folder, bool recursive,
                 std::initializer_list<std::string_view> extensions) {
  std::vector<fs::path> files;
  std::error_code error;
  auto collect = [&](const fs::directory_entry& entry) {
    std::error_code ignored;
    if (!entry.is_regular_file(ignored) || files.size() >= kMaxSettingsFiles) return;
    std::string extension = entry.path().extension().string();
    if (extensions.size() == 0 ||
        std::find(extensions.begin(), extensions.end(), extension) != extensions.end()) {
      files.push_back(entry.path());
    }
  };
  if (recursive) {
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied,
                                        error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) collect(*it);
  } else {
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::directory_iterator(); it.increment(error)) collect(*it);
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    hash = stable_hash(file.generic_string(), hash);
    auto bytes = read_file(file, file.string());
    hash = stable_hash(bytes ? *bytes : std::string("\0unreadable", 11), hash);
  }
}

// Writes a temporary file in the same folder and renames it over `path`, so a reader
// sees the old entry or the new one, never half of one. No fsync: after a crash a torn
// entry fails to parse and is checked again, which is all a cache owes.
void replace_file(const fs::path& path, std::string_view bytes) {
  std::string temporary = path.string() + ".XXXXXX";
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) return;
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) break;
    done += static_cast<std::size_t>(wrote);
  }
  bool ok = ::close(fd) == 0 && done == bytes.size();
  if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) ::unlink(temporary.c_str());
}

json to_json(const core::Diagnostic& diagnostic) {
  json entry{
      {"rule", diagnostic.rule},
      {"severity", static_cast<int>(diagnostic.severity)},
      {"message", diagnostic.message},
      {"span", {diagnostic.span.begin, diagnostic.span.end}},
      {"range",
       {diagnostic.range.begin.line, diagnostic.range.begin.column, diagnostic.range.end.line,
        diagnostic.range.end.column}},
      {"source_line", diagnostic.source_line},
  };
  if (diagnostic.fix) {
    json edits = json::array();
    for (const core::Edit& edit : diagnostic.fix->edits) {
      edits.push_back({edit.span.begin, edit.span.end, edit.replacement});
    }
    entry["fix"] = {{"title", diagnostic.fix->title},
                    {"safety", static_cast<int>(diagnostic.fix->safety)},
                    {"edits", std::move(edits)}};
  }
  return entry;
}

// Throws json::exception on an entry of the wrong shape (the caller treats it as a miss).
core::Diagnostic diagnostic_from(const json& entry) {
  core::Diagnostic diagnostic;
  diagnostic.rule = entry.at("rule").get<std::string>();
  int severity = entry.at("severity").get<int>();
  if (severity < 0 || severity > static_cast<int>(core::Severity::error)) {
    throw std::out_of_range("severity");
  }
  diagnostic.severity = static_cast<core::Severity>(severity);
  diagnostic.message = entry.at("message").get<std::string>();
  diagnostic.span = {entry.at("span").at(0).get<std::size_t>(),
                     entry.at("span").at(1).get<std::size_t>()};
  const json& range = entry.at("range");
  diagnostic.range = {{range.at(0).get<std::uint32_t>(), range.at(1).get<std::uint32_t>()},
                      {range.at(2).get<std::uint32_t>(), range.at(3).get<std::uint32_t>()}};
  diagnostic.source_line = entry.at("source_line").get<std::string>();
  if (entry.contains("fix")) {
    const json& fix = entry.at("fix");
    int safety = fix.at("safety").get<int>();
    if (safety < 0 || safety > static_cast<int>(core::FixSafety::display_only)) {
      throw std::out_of_range("safety");
    }
    core::Fix parsed{fix.at("title").get<std::string>(), static_cast<core::FixSafety>(safety), {}};
    for (const json& edit : fix.at("edits")) {
      parsed.edits.push_back({{edit.at(0).get<std::size_t>(), edit.at(1).get<std::size_t>()},
                              edit.at(2).get<std::string>()});
    }
    diagnostic.fix = std::move(parsed);
  }
  return diagnostic;
}

}  // namespace

std::uint64_t stable_hash(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t hash = seed;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

std::uint64_t settings_fingerprint(const config::Config& config, std::string_view tool_version) {
  std::uint64_t hash = stable_hash(tool_version);
  hash =
      stable_hash(fmt::format("format {} links {}", kFormat, static_cast<int>(config.links)), hash);
  for (const auto& document : config.documents) {
    hash = stable_hash(document->path(), hash);
    hash = stable_hash(document->text(), hash);
  }
  for (const config::Collection& collection : config.collections) {
    hash = stable_hash(collection.name, hash);
    if (collection.schema_path.empty()) continue;
    // The schema and the siblings its `$ref`s may name.
    fs::path schema = (config.root / collection.schema_path).lexically_normal();
    hash_folder(hash, schema.parent_path(), false, {".json", ".yaml", ".yml"});
  }
  for (const std::string& folder : config.rule_dirs) {
    hash_folder(hash, config.root / folder, true, {});
  }
  auto hash_rules = [&](std::string_view name, const config::RuleSet& rules) {
    hash = stable_hash(name, hash);
    for (const auto& [id, setting] : rules.settings) {
      hash = stable_hash(
          fmt::format("{}={} {}", id, static_cast<int>(setting.severity), setting.source), hash);
    }
  };
  hash_rules("", config.rules);
  for (const config::Collection& collection : config.collections) {
    hash_rules(collection.name, collection.rules);
  }
  return hash;
}

ResultCache::ResultCache(fs::path folder, std::uint64_t settings)
    : folder_(std::move(folder)), settings_(settings) {}

fs::path ResultCache::entry_path(std::string_view relative) const {
  return folder_ / (hex(stable_hash(relative)) + ".json");
}

std::optional<std::vector<core::Diagnostic>> ResultCache::find(std::string_view relative,
                                                               std::string_view bytes,
                                                               const links::Site& site) const {
  fs::path path = entry_path(relative);
  auto text = read_file(path, path.string());
  if (!text) return std::nullopt;
  try {
    json entry = json::parse(*text);
    if (entry.at("format").get<int>() != kFormat ||
        entry.at("settings").get<std::string>() != hex(settings_) ||
        entry.at("path").get<std::string>() != relative ||
        entry.at("content").get<std::string>() != hex(stable_hash(bytes)) ||
        entry.at("size").get<std::size_t>() != bytes.size()) {
      return std::nullopt;
    }
    for (const json& resolved : entry.at("resolved")) {
      links::Want want = resolved.at("image").get<bool>() ? links::Want::image : links::Want::link;
      links::Resolution now = site.resolve(resolved.at("from").get<std::string>(),
                                           resolved.at("destination").get<std::string>(), want);
      if (static_cast<int>(now.kind) != resolved.at("kind").get<int>() ||
          now.target != resolved.at("target").get<std::string>() ||
          stamp_of(now.target) != resolved.at("stamp")) {
        return std::nullopt;
      }
    }
    std::vector<core::Diagnostic> diagnostics;
    for (const json& diagnostic : entry.at("diagnostics")) {
      diagnostics.push_back(diagnostic_from(diagnostic));
    }
    return diagnostics;
  } catch (const std::exception&) {
    return std::nullopt;  // an entry from another version or damaged: check the file again
  }
}

void ResultCache::store(std::string_view relative, std::uint64_t content, std::size_t size,
                        const std::vector<links::Resolved>& resolved,
                        const std::vector<core::Diagnostic>& diagnostics) const {
  json entry{{"format", kFormat},
             {"settings", hex(settings_)},
             {"path", relative},
             {"content", hex(content)},
             {"size", size}};
  json dependencies = json::array();
  for (const links::Resolved& one : resolved) {
    dependencies.push_back({{"from", one.from.string()},
                            {"destination", one.destination},
                            {"image", one.want == links::Want::image},
                            {"kind", static_cast<int>(one.kind)},
                            {"target", one.target.string()},
                            {"stamp", stamp_of(one.target)}});
  }
  entry["resolved"] = std::move(dependencies);
  json findings = json::array();
  for (const core::Diagnostic& diagnostic : diagnostics) findings.push_back(to_json(diagnostic));
  entry["diagnostics"] = std::move(findings);

  std::error_code error;
  fs::create_directories(folder_, error);
  if (error) return;
  // The cache is not content: keep it out of git and out of backups, as other tools do.
  fs::path base = folder_.parent_path();
  if (!fs::exists(base / ".gitignore", error)) {
    replace_file(base / ".gitignore", "# written by contentlint\n*\n");
  }
  if (!fs::exists(base / "CACHEDIR.TAG", error)) {
    replace_file(base / "CACHEDIR.TAG",
                 "Signature: 8a477f597d28d172789f06886806bc55\n"
                 "# This file is a cache directory tag created by contentlint.\n");
  }
  try {
    replace_file(entry_path(relative), entry.dump());
  } catch (const json::exception&) {
    // Invalid UTF-8 in a finding: not stored, as a replaced byte would change the output.
  }
}

}  // namespace contentlint::engine
