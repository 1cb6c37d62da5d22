// Loading a schema: its files, `$ref` resolution and the check for `$ref` cycles.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "frontmatter/frontmatter.hpp"
#include "schema/loader.hpp"
#include "schema/text.hpp"

namespace contentlint::schema {

namespace fs = std::filesystem;

namespace {

std::string decode_pointer_segment(std::string_view segment) {
  std::string out;
  for (std::size_t i = 0; i < segment.size(); ++i) {
    char c = segment[i];
    if (c == '~' && i + 1 < segment.size() && (segment[i + 1] == '0' || segment[i + 1] == '1')) {
      out += segment[++i] == '0' ? '~' : '/';
    } else if (c == '%' && i + 2 < segment.size() &&
               std::isxdigit(static_cast<unsigned char>(segment[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(segment[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(segment.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

void in_place_edges(const SchemaNode& node, std::vector<Edge>& edges) {
  edges.clear();
  if (node.ref != kNoSchema) {
    edges.push_back({node.ref, true});
  }
  for (const auto* list : {&node.all_of, &node.any_of, &node.one_of}) {
    for (SchemaId id : *list) {
      edges.push_back({id, false});
    }
  }
  for (SchemaId id : {node.not_schema, node.if_schema, node.then_schema, node.else_schema}) {
    if (id != kNoSchema) {
      edges.push_back({id, false});
    }
  }
}

}  // namespace

std::optional<core::Error> Loader::load_file(const std::string& path,
                                             const std::string& display_path) {
  auto file = read(path, display_path);
  if (!file) {
    return error_;
  }
  return finish(*file);
}

std::optional<core::Error> Loader::load_node(const core::Node& root, const std::string& path,
                                             const std::string& display_path) {
  auto file = std::make_unique<SourceFile>();
  file->path = path;
  file->display_path = display_path;
  file->root = &root;
  files_.push_back(std::move(file));
  return finish(*files_.back());
}

std::optional<core::Error> Loader::finish(const SourceFile& file) {
  if (compile(file, *file.root, 0) == kNoSchema) {
    return error_;
  }
  // Resolving a ref may compile more of a file and meet more refs: a work list.
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    if (!resolve(pending_[i])) {
      return error_;
    }
  }
  for (auto [id, items] : additional_items_) {
    // Only meaningful after a tuple; with a single `items` schema draft-07 ignores it.
    if (!out_.nodes[id].prefix_items.empty()) {
      out_.nodes[id].items = items;
    }
  }
  if (!check_cycles()) {
    return error_;
  }
  for (const SchemaNode& node : out_.nodes) {
    out_.any_deprecated |= node.deprecated;
  }
  return std::nullopt;
}

const SourceFile* Loader::read(const fs::path& path, const std::string& display_path,
                               const SourceFile* referrer, const core::Node* ref) {
  std::error_code ec;
  fs::path key = fs::weakly_canonical(path, ec);
  if (ec) {
    key = path;
  }
  if (auto it = by_key_.find(key.string()); it != by_key_.end()) {
    return it->second;
  }

  auto cannot_read = [&](int error_number) -> const SourceFile* {
    std::string reason = std::strerror(error_number);
    if (referrer == nullptr) {
      error_ = core::Error{display_path, std::nullopt, "cannot read schema file: " + reason};
    } else {
      fail(*referrer, *ref,
           fmt::format("$ref {}: cannot read {}: {}", quote(ref->text), display_path, reason));
    }
    return nullptr;
  };
  if (fs::is_directory(path, ec)) {
    return cannot_read(EISDIR);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return cannot_read(errno != 0 ? errno : ENOENT);
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();

  auto file = std::make_unique<SourceFile>();
  file->path = path;
  file->display_path = display_path;
  file->document = std::make_unique<core::Document>(display_path, bytes.str());
  const core::Document& document = *file->document;
  frontmatter::Yaml yaml = frontmatter::parse_yaml(document, {0, document.text().size()});
  if (!yaml.problems.empty()) {
    const frontmatter::Problem& problem = yaml.problems.front();
    error_ = core::Error{display_path, document.position(problem.span.begin), problem.message};
    return nullptr;
  }
  if (!yaml.root) {
    error_ = core::Error{display_path, std::nullopt, "the schema file is empty"};
    return nullptr;
  }
  file->owned_root = std::move(yaml.root);
  file->root = &*file->owned_root;
  by_key_.emplace(key.string(), file.get());
  files_.push_back(std::move(file));
  return files_.back().get();
}

bool Loader::fail(const SourceFile& file, const core::Node& node, std::string message) {
  error_ = core::Error{file.display_path, node.position, std::move(message)};
  return false;
}

bool Loader::fail_value(const SourceFile& file, const core::Node& value, std::string_view keyword,
                        std::string_view expected) {
  return fail(file, value,
              fmt::format("'{}' must be {}, found {}", keyword, expected, render_value(value)));
}

bool Loader::resolve(PendingRef pending) {
  const SourceFile& file = *pending.file;
  const core::Node& value = *pending.value;
  std::string_view text = value.text;
  std::size_t hash = text.find('#');
  std::string_view file_part = text.substr(0, hash);
  std::string_view fragment =
      hash == std::string_view::npos ? std::string_view() : text.substr(hash + 1);
  if (file_part.find("://") != std::string_view::npos || file_part.starts_with("urn:")) {
    return fail(file, value,
                fmt::format("unsupported $ref {}: only '#/...' pointers and relative "
                            "file paths are supported",
                            quote(text)));
  }
  if (!fragment.empty() && fragment.front() != '/') {
    return fail(file, value,
                fmt::format("unsupported $ref {}: only JSON pointers like "
                            "'#/$defs/name' are supported",
                            quote(text)));
  }
  const SourceFile* target_file = &file;
  if (!file_part.empty()) {
    fs::path relative{std::string(file_part)};
    fs::path real = (file.path.parent_path() / relative).lexically_normal();
    if (!confine_.empty()) {
      // Symlinks resolved: a link inside the folder must not lead out of it either.
      std::error_code ec;
      fs::path inside =
          fs::weakly_canonical(real, ec).lexically_relative(fs::weakly_canonical(confine_, ec));
      std::string first = inside.empty() ? ".." : inside.begin()->string();
      if (first == ".." || inside.is_absolute()) {
        return fail(file, value,
                    fmt::format("$ref {} leads outside the repository (the config's folder); "
                                "not read",
                                quote(text)));
      }
    }
    std::string display =
        (fs::path(file.display_path).parent_path() / relative).lexically_normal().generic_string();
    target_file = read(real, display, &file, &value);
    if (target_file == nullptr) {
      return false;
    }
  }
  const core::Node* target = target_file->root;
  std::size_t start = 1;
  while (!fragment.empty() && start <= fragment.size()) {
    std::size_t slash = fragment.find('/', start);
    std::string segment = decode_pointer_segment(
        fragment.substr(start, slash == std::string_view::npos ? fragment.npos : slash - start));
    const core::Node* next = nullptr;
    if (target->is_mapping()) {
      next = target->find(segment);
      if (next == nullptr) {
        Nearest nearest(segment);
        for (const core::Entry& entry : target->entries) {
          nearest.consider(entry.key.text);
        }
        std::string hint;
        if (auto best = nearest.best()) {
          std::string fixed = std::string(text.substr(0, hash + 1 + start)) + std::string(*best);
          if (slash != std::string_view::npos) {
            fixed += fragment.substr(slash);
          }
          hint = fmt::format(" (did you mean '{}'?)", fixed);
        }
        return fail(file, value,
                    fmt::format("$ref {} points to nothing in {}{}", quote(text),
                                target_file->display_path, hint));
      }
    } else if (target->is_sequence() && !segment.empty() &&
               std::all_of(segment.begin(), segment.end(),
                           [](char c) { return c >= '0' && c <= '9'; }) &&
               (segment.size() == 1 || segment[0] != '0') && segment.size() < 10) {
      std::size_t index = std::stoul(segment);
      if (index < target->items.size()) {
        next = &target->items[index];
      }
    }
    if (next == nullptr) {
      return fail(
          file, value,
          fmt::format("$ref {} points to nothing in {}", quote(text), target_file->display_path));
    }
    target = next;
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  SchemaId id = compile(*target_file, *target, 0);
  if (id == kNoSchema) {
    return false;
  }
  out_.nodes[pending.from].ref = id;
  ref_sites_.emplace(pending.from, pending);
  return true;
}

bool Loader::check_cycles() {
  enum : std::uint8_t { kWhite, kGrey, kBlack };
  std::vector<std::uint8_t> color(out_.nodes.size(), kWhite);
  std::vector<Frame> stack;
  for (SchemaId start = 0; start < out_.nodes.size(); ++start) {
    if (color[start] != kWhite) {
      continue;
    }
    stack.push_back({start, {}, 0});
    in_place_edges(out_.nodes[start], stack.back().edges);
    color[start] = kGrey;
    while (!stack.empty()) {
      Frame& frame = stack.back();
      if (frame.next == frame.edges.size()) {
        color[frame.id] = kBlack;
        stack.pop_back();
        continue;
      }
      Edge edge = frame.edges[frame.next++];
      if (color[edge.to] == kGrey) {
        return report_cycle(stack, edge);
      }
      if (color[edge.to] == kBlack) {
        continue;
      }
      color[edge.to] = kGrey;
      Frame child{edge.to, {}, 0};
      in_place_edges(out_.nodes[edge.to], child.edges);
      stack.push_back(std::move(child));
    }
  }
  return true;
}

bool Loader::report_cycle(const std::vector<Frame>& stack, Edge back) {
  // The ref edges of the cycle in order; the last frame's current edge is `back`.
  std::size_t first = 0;
  while (stack[first].id != back.to) {
    ++first;
  }
  std::vector<SchemaId> ref_sources;
  for (std::size_t k = first; k < stack.size(); ++k) {
    if (stack[k].edges[stack[k].next - 1].is_ref) {
      ref_sources.push_back(stack[k].id);
    }
  }
  // Every cycle holds a $ref (without one, schemas nest as a tree). Report at its last,
  // and print the chain from there around to itself.
  const PendingRef& site = ref_sites_.at(ref_sources.back());
  std::string chain = site.value->text;
  for (SchemaId source : ref_sources) {
    chain += " -> " + ref_sites_.at(source).value->text;
  }
  return fail(*site.file, *site.value, "$ref cycle: " + chain);
}

const Property* SchemaNode::find_property(std::string_view name) const {
  auto it = std::lower_bound(properties.begin(), properties.end(), name,
                             [](const Property& p, std::string_view n) { return p.name < n; });
  return it != properties.end() && it->name == name ? &*it : nullptr;
}

}  // namespace contentlint::schema
