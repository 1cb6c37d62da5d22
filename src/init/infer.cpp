#include "init/infer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <set>

#include "config/nearest.hpp"
#include "schema/formats.hpp"

namespace contentlint::init {
namespace {

enum class Kind { null, boolean, integer, number, string, array, object };
constexpr std::size_t kKinds = 7;
constexpr std::array<std::string_view, kKinds> kTypeNames = {
    "null", "boolean", "integer", "number", "string", "array", "object"};
constexpr std::array<std::string_view, kKinds> kNouns = {
    "null", "a boolean", "an integer", "a number", "a string", "a list", "a mapping"};

/// One value met at a path, and the sample (file) it came from.
struct Occurrence {
  std::size_t sample = 0;
  const core::Node* node = nullptr;
};

Kind kind_of(const core::Node& node) {
  if (node.is_sequence()) return Kind::array;
  if (node.is_mapping()) return Kind::object;
  switch (node.scalar_type()) {
    case core::ScalarType::null:
      return Kind::null;
    case core::ScalarType::boolean:
      return Kind::boolean;
    case core::ScalarType::integer:
      return Kind::integer;
    case core::ScalarType::number:
      return Kind::number;
    case core::ScalarType::string:
      break;
  }
  return Kind::string;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A quoted string that reads as a value of `kind`: `'no'` where the others have booleans,
// `'3'` where they have numbers. Written so by mistake, not meant as a string.
bool looks_like(const core::Node& node, Kind kind) {
  if (!node.is_scalar() || node.style != core::ScalarStyle::quoted) return false;
  std::string text = lower(node.text);
  if (kind == Kind::boolean) {
    return text == "true" || text == "false" || text == "yes" || text == "no";
  }
  if (kind == Kind::integer || kind == Kind::number) {
    // As the YAML core schema would read the text unquoted.
    core::Node plain{.kind = core::NodeKind::scalar, .text = node.text};
    core::ScalarType type = plain.scalar_type();
    return type == core::ScalarType::integer ||
           (kind == Kind::number && type == core::ScalarType::number);
  }
  return false;
}

bool is_kebab_tag(std::string_view tag) {
  if (tag.empty() || tag.front() == '-' || tag.back() == '-') return false;
  char previous = 0;
  for (char c : tag) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

std::string without_digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c < '0' || c > '9') out += c;
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ", ";
    out += '\'' + word + '\'';
  }
  return out;
}

std::string join_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

class Inferrer {
 public:
  Inferrer(std::span<const Sample> samples, const InferOptions& options, Inference& out)
      : samples_(samples), options_(options), out_(out) {}

  YamlValue infer(const std::vector<Occurrence>& values, const std::string& path, int depth) {
    YamlValue schema = YamlValue::mapping();
    if (depth > options_.max_depth || values.empty()) return schema;

    std::array<std::size_t, kKinds> counts{};
    bool has_null = false;
    for (const Occurrence& value : values) {
      Kind kind = kind_of(*value.node);
      if (kind == Kind::null) {
        has_null = true;
      } else {
        ++counts[static_cast<std::size_t>(kind)];
      }
    }
    auto count = [&](Kind kind) -> std::size_t& { return counts[static_cast<std::size_t>(kind)]; };
    // Integers among numbers are numbers: `1` and `1.5` in one field is one type.
    bool merge_integers = count(Kind::integer) > 0 && count(Kind::number) > 0;
    auto effective = [&](const core::Node& node) {
      Kind kind = kind_of(node);
      return merge_integers && kind == Kind::integer ? Kind::number : kind;
    };
    if (merge_integers) {
      count(Kind::number) += count(Kind::integer);
      count(Kind::integer) = 0;
    }
    std::size_t non_null = 0;
    Kind dominant = Kind::null;
    for (std::size_t i = 1; i < kKinds; ++i) {
      non_null += counts[i];
      if (counts[i] > counts[static_cast<std::size_t>(dominant)]) dominant = static_cast<Kind>(i);
    }
    if (non_null == 0) {
      schema.add("type", YamlValue::string("null"));
      return schema;
    }

    // Values of another type are defects when they are few beside the dominant type, or
    // when they are the dominant type written as a quoted string.
    std::vector<Occurrence> kept;
    std::vector<Occurrence> outliers;
    for (const Occurrence& value : values) {
      Kind kind = effective(*value.node);
      if (kind == Kind::null || kind == dominant) {
        if (kind != Kind::null) kept.push_back(value);
      } else {
        outliers.push_back(value);
      }
    }
    std::size_t lookalikes = static_cast<std::size_t>(
        std::count_if(outliers.begin(), outliers.end(),
                      [&](const Occurrence& o) { return looks_like(*o.node, dominant); }));
    std::size_t others = outliers.size();
    bool few = counts[static_cast<std::size_t>(dominant)] >= 2 * others &&
               others <= std::max<std::size_t>(1, non_null / 5);
    if (others > 0 && !few && lookalikes < others) {
      // No type stands out: accept every type that was found, and nothing more precise.
      YamlValue types = YamlValue::sequence();
      for (std::size_t i = 1; i < kKinds; ++i) {
        if (counts[i] > 0) types.items.push_back(YamlValue::string(std::string(kTypeNames[i])));
      }
      if (has_null) types.items.push_back(YamlValue::string("null"));
      schema.add("type", std::move(types));
      return schema;
    }
    for (const Occurrence& outlier : outliers) {
      Kind kind = effective(*outlier.node);
      std::string message =
          looks_like(*outlier.node, dominant)
              ? fmt::format("'{}' is the string '{}'; the other files have {}", path,
                            outlier.node->text, kNouns[static_cast<std::size_t>(dominant)])
              : fmt::format("'{}' is {}; {} other values are {}", path,
                            kNouns[static_cast<std::size_t>(kind)], kept.size(),
                            kNouns[static_cast<std::size_t>(dominant)]);
      out_.defects.push_back({message, {samples_[outlier.sample].path}});
    }

    std::string type(kTypeNames[static_cast<std::size_t>(dominant)]);
    if (has_null) {
      schema.add("type", YamlValue::strings({type, "null"}));
    } else {
      schema.add("type", YamlValue::string(type));
    }
    switch (dominant) {
      case Kind::string:
        infer_string(schema, kept, path);
        break;
      case Kind::array:
        infer_array(schema, kept, path, depth);
        break;
      case Kind::object:
        infer_object(schema, kept, path, depth);
        break;
      default:
        break;
    }
    return schema;
  }

 private:
  std::vector<std::string> files_of(const std::vector<Occurrence>& values) const {
    std::set<std::string> files;
    for (const Occurrence& value : values) files.insert(samples_[value.sample].path);
    return {files.begin(), files.end()};
  }

  bool near(std::size_t part, std::size_t whole) const {
    return whole >= options_.near_min_count && part < whole &&
           static_cast<double>(part) >= options_.near_share * static_cast<double>(whole);
  }

  void infer_string(YamlValue& schema, const std::vector<Occurrence>& values,
                    const std::string& path) {
    std::size_t dates = 0, date_times = 0, uris = 0;
    for (const Occurrence& value : values) {
      const std::string& text = value.node->text;
      if (schema::matches_format(schema::Format::date, text)) {
        ++dates;
      } else if (schema::matches_format(schema::Format::date_time, text)) {
        ++date_times;
      }
      if (schema::matches_format(schema::Format::uri, text)) ++uris;
    }
    std::size_t n = values.size();
    if (dates == n) {
      schema.add("format", YamlValue::string("date"));
      return;
    }
    if (date_times == n) {
      schema.add("format", YamlValue::string("date-time"));
      return;
    }
    if (dates + date_times == n) {
      // Both written in one field, as Astro's z.coerce.date() accepts.
      YamlValue any = YamlValue::sequence();
      for (std::string_view format : {"date", "date-time"}) {
        YamlValue alternative = YamlValue::mapping();
        alternative.add("format", YamlValue::string(std::string(format)));
        any.items.push_back(std::move(alternative));
      }
      schema.add("anyOf", std::move(any));
      return;
    }
    if (uris == n) {
      schema.add("format", YamlValue::string("uri"));
      return;
    }
    auto misfits = [&](auto fits) {
      std::vector<Occurrence> out;
      for (const Occurrence& value : values) {
        if (!fits(value.node->text)) out.push_back(value);
      }
      return out;
    };
    if (near(dates + date_times, n)) {
      auto others = misfits([](const std::string& text) {
        return schema::matches_format(schema::Format::date, text) ||
               schema::matches_format(schema::Format::date_time, text);
      });
      note_format(path, "a date", dates + date_times, n, others);
      return;
    }
    if (near(uris, n)) {
      auto others = misfits([](const std::string& text) {
        return schema::matches_format(schema::Format::uri, text);
      });
      note_format(path, "an absolute URI", uris, n, others);
      return;
    }
    infer_enum(schema, values, path);
  }

  void note_format(const std::string& path, std::string_view noun, std::size_t fits, std::size_t n,
                   const std::vector<Occurrence>& others) {
    std::vector<std::string> texts;
    for (const Occurrence& other : others) texts.push_back(other.node->text);
    out_.candidates.push_back({fmt::format("'{}' is {} in {} of {} values; not: {}", path, noun,
                                           fits, n, quoted_list(texts)),
                               files_of(others)});
  }

  void infer_enum(YamlValue& schema, const std::vector<Occurrence>& values,
                  const std::string& path) {
    std::map<std::string, std::vector<Occurrence>> distinct;
    for (const Occurrence& value : values) distinct[value.node->text].push_back(value);
    std::size_t n = values.size();
    auto closed = [&](std::size_t kinds, std::size_t count) {
      return count >= options_.enum_min_values && kinds >= 1 &&
             kinds <= options_.enum_max_distinct && kinds * 2 <= count;
    };
    // Every value seen twice or more: a vocabulary. One seen once may be a typo (below).
    bool repeated = std::all_of(distinct.begin(), distinct.end(),
                                [](const auto& pair) { return pair.second.size() > 1; });
    if (repeated && closed(distinct.size(), n)) {
      YamlValue choices = YamlValue::sequence();
      for (const auto& [text, seen] : distinct) choices.items.push_back(YamlValue::string(text));
      schema.add("enum", std::move(choices));
      return;
    }
    // A value outside an otherwise closed set: those seen once, when they are few.
    std::vector<std::string> common;
    std::vector<Occurrence> rare;
    for (const auto& [text, seen] : distinct) {
      if (seen.size() == 1) {
        rare.push_back(seen.front());
      } else {
        common.push_back(text);
      }
    }
    if (rare.empty() || rare.size() > std::max<std::size_t>(1, n / 10)) return;
    if (!closed(common.size(), n - rare.size()) || n < options_.near_min_count) return;
    std::vector<std::string> texts;
    for (const Occurrence& other : rare) texts.push_back(other.node->text);
    out_.candidates.push_back(
        {fmt::format("'{}' is one of {} in {} of {} values; not: {}", path, quoted_list(common),
                     n - rare.size(), n, quoted_list(texts)),
         files_of(rare)});
  }

  void infer_array(YamlValue& schema, const std::vector<Occurrence>& values,
                   const std::string& path, int depth) {
    std::vector<Occurrence> items;
    for (const Occurrence& value : values) {
      for (const core::Node& item : value.node->items) items.push_back({value.sample, &item});
    }
    if (items.empty()) return;
    schema.add("items", infer(items, path + "[]", depth + 1));
  }

  void infer_object(YamlValue& schema, const std::vector<Occurrence>& values,
                    const std::string& path, int depth) {
    // key -> its values, and the objects (indices into `values`) that hold it.
    std::map<std::string, std::vector<Occurrence>> by_key;
    std::map<std::string, std::set<std::size_t>> holders;
    for (std::size_t i = 0; i < values.size(); ++i) {
      for (const core::Entry& entry : values[i].node->entries) {
        // A duplicate key: the last one wins, as in the site builder.
        const core::Node* value = values[i].node->find(entry.key.text);
        if (!holders[entry.key.text].insert(i).second) continue;
        by_key[entry.key.text].push_back({values[i].sample, value});
      }
    }
    std::size_t n = values.size();
    std::vector<std::string_view> frequent;
    for (const auto& [key, objects] : holders) {
      if (objects.size() * 2 >= n) frequent.push_back(key);
    }
    // A rare key that is a near spelling of a frequent one, never beside it: a misspelling.
    std::map<std::string, std::string> misspelt;  // rare key -> the key it misspells
    for (const auto& [key, objects] : holders) {
      if (n < 3 || objects.size() > std::max<std::size_t>(1, n / 10)) continue;
      std::vector<std::string_view> targets;
      for (std::string_view candidate : frequent) {
        if (holders[std::string(candidate)].size() > objects.size()) targets.push_back(candidate);
      }
      auto target = config::nearest(key, targets);
      if (!target) continue;
      const std::set<std::size_t>& with_target = holders[std::string(*target)];
      bool together = std::any_of(objects.begin(), objects.end(),
                                  [&](std::size_t i) { return with_target.count(i) > 0; });
      if (together) continue;
      misspelt[key] = std::string(*target);
      out_.defects.push_back({fmt::format("'{}' looks like a misspelling of '{}'",
                                          join_path(path, key), join_path(path, *target)),
                              files_of(by_key[key])});
    }

    YamlValue required = YamlValue::sequence();
    YamlValue properties = YamlValue::mapping();
    for (const auto& [key, objects] : holders) {
      if (misspelt.count(key) > 0) continue;
      std::size_t misspellings = 0;
      for (const auto& [rare, target] : misspelt) {
        if (target == key) misspellings += holders[rare].size();
      }
      std::string key_path = join_path(path, key);
      if (objects.size() == n || objects.size() + misspellings == n) {
        required.items.push_back(YamlValue::string(key));
      } else if (near(objects.size(), n)) {
        std::vector<Occurrence> without;
        for (std::size_t i = 0; i < n; ++i) {
          if (objects.count(i) == 0) without.push_back(values[i]);
        }
        out_.candidates.push_back(
            {fmt::format("'{}' is in {} of {} {}; add it to `required` to demand it", key_path,
                         objects.size(), n, path.empty() ? "files" : "objects"),
             files_of(without)});
      }
      if (depth == 0 && key == options_.tags_field) collect_tags(by_key[key]);
      properties.add(key, infer(by_key[key], key_path, depth + 1));
    }
    if (!required.items.empty()) schema.add("required", std::move(required));
    schema.add("additionalProperties", YamlValue::raw_scalar("false"));
    schema.add("properties", std::move(properties));
  }

  void collect_tags(const std::vector<Occurrence>& values) {
    std::map<std::string, std::vector<std::size_t>> tags;  // tag -> samples
    std::map<std::string, std::size_t> folded;             // case-folded tag -> uses
    for (const Occurrence& value : values) {
      if (!value.node->is_sequence()) continue;
      for (const core::Node& item : value.node->items) {
        if (!item.is_scalar() || item.scalar_type() != core::ScalarType::string) continue;
        tags[item.text].push_back(value.sample);
        ++folded[lower(item.text)];
      }
    }
    std::vector<std::string_view> common;
    for (const auto& [tag, samples] : tags) {
      if (is_kebab_tag(tag) && folded[lower(tag)] >= 2) common.push_back(tag);
    }
    for (const auto& [tag, samples] : tags) {
      std::vector<Occurrence> where;
      for (std::size_t sample : samples) where.push_back({sample, nullptr});
      if (!is_kebab_tag(tag)) {
        out_.tag_defects.push_back(
            {fmt::format("tag '{}' breaks the tag/format pattern; left out of the vocabulary", tag),
             files_of(where)});
        continue;
      }
      if (folded[lower(tag)] == 1) {
        auto target = config::nearest(tag, common);
        // cohort3 beside cohort4 is a sibling, not a misspelling.
        if (target && without_digits(*target) != without_digits(tag)) {
          out_.tag_defects.push_back(
              {fmt::format("tag '{}' looks like a misspelling of '{}'; left out of the vocabulary",
                           tag, *target),
               files_of(where)});
          continue;
        }
      }
      out_.tags.push_back(tag);
    }
  }

  std::span<const Sample> samples_;
  const InferOptions& options_;
  Inference& out_;
};

bool by_files_then_message(const Note& a, const Note& b) {
  if (a.files != b.files) return a.files < b.files;
  return a.message < b.message;
}

}  // namespace

Inference infer_schema(std::span<const Sample> samples, std::string_view title,
                       const InferOptions& options) {
  Inference out;
  std::vector<Occurrence> roots;
  for (std::size_t i = 0; i < samples.size(); ++i) roots.push_back({i, samples[i].root});
  YamlValue inferred = Inferrer(samples, options, out).infer(roots, "", 0);
  YamlValue schema = YamlValue::mapping();
  schema.add("$schema", YamlValue::string("https://json-schema.org/draft/2020-12/schema"));
  schema.add("title", YamlValue::string(std::string(title)));
  for (auto& [key, value] : inferred.entries) schema.add(key, std::move(value));
  if (schema.find("type") == nullptr) schema.add("type", YamlValue::string("object"));
  out.schema = std::move(schema);
  std::stable_sort(out.defects.begin(), out.defects.end(), by_files_then_message);
  std::stable_sort(out.tag_defects.begin(), out.tag_defects.end(), by_files_then_message);
  std::sort(out.tags.begin(), out.tags.end());
  return out;
}

}  // namespace contentlint::init
