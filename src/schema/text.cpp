#include "schema/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "core/utf8.hpp"
#include "schema/compiled.hpp"

namespace contentlint::schema {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

constexpr std::size_t kDistanceCap = 3;
constexpr std::size_t kMaxCompared = 64;
constexpr int kMaxEqualDepth = 64;

bool json_equal_at(const core::Node& a, const core::Node& b, int depth) {
  if (depth > kMaxEqualDepth) {
    return false;
  }
  std::uint8_t ta = json_type(a), tb = json_type(b);
  bool a_number = ta == kInteger || ta == kNumber;
  bool b_number = tb == kInteger || tb == kNumber;
  if (a_number && b_number) {
    if (ta == kInteger && tb == kInteger) {
      auto ia = a.as_integer(), ib = b.as_integer();
      if (ia && ib) {
        return *ia == *ib;
      }
    }
    auto na = a.as_number(), nb = b.as_number();
    return na && nb && *na == *nb;
  }
  if (ta != tb) {
    return false;
  }
  switch (ta) {
    case kNull:
      return true;
    case kBoolean:
      return a.as_bool() == b.as_bool();
    case kString:
      return a.text == b.text;
    case kArray:
      if (a.items.size() != b.items.size()) {
        return false;
      }
      for (std::size_t i = 0; i < a.items.size(); ++i) {
        if (!json_equal_at(a.items[i], b.items[i], depth + 1)) {
          return false;
        }
      }
      return true;
    case kObject: {
      // Duplicate keys are another rule's business; the last one wins, as in find().
      auto count_unique = [](const core::Node& node) {
        std::size_t count = 0;
        for (std::size_t i = 0; i < node.entries.size(); ++i) {
          const core::Node* latest = node.find(node.entries[i].key.text);
          if (latest == &node.entries[i].value) {
            ++count;
          }
        }
        return count;
      };
      if (count_unique(a) != count_unique(b)) {
        return false;
      }
      for (const core::Entry& entry : a.entries) {
        const core::Node* other = b.find(entry.key.text);
        if (other == nullptr || !json_equal_at(*a.find(entry.key.text), *other, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  if (a.size() > kMaxCompared || b.size() > kMaxCompared) {
    return a == b ? 0 : kDistanceCap;
  }
  std::size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap >= kDistanceCap) {
    return kDistanceCap;
  }
  // Three rolling rows of the OSA table.
  std::array<std::size_t, kMaxCompared + 1> before{}, previous{}, current{};
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    before = previous;
    previous = current;
  }
  return std::min(previous[b.size()], kDistanceCap);
}

bool is_near(std::string_view typed, std::string_view known) {
  if (typed == known) {
    return false;
  }
  if (equal_ignoring_case(typed, known)) {
    return true;
  }
  if (typed.size() >= 3 && known.starts_with(typed)) {
    return true;  // "str" for "string"
  }
  std::size_t distance = edit_distance(typed, known);
  return distance <= 2 && distance * 3 <= std::max(typed.size(), known.size());
}

bool Nearest::consider(std::string_view known) {
  if (!is_near(typed_, known)) {
    return false;
  }
  // A case-only difference beats any edit; ties keep the first candidate offered.
  std::size_t score = equal_ignoring_case(typed_, known) ? 0
                      : known.starts_with(typed_)        ? 2
                                                         : edit_distance(typed_, known);
  if (score >= best_score_) {
    return false;
  }
  best_score_ = score;
  best_ = known;
  return true;
}

std::string quote(std::string_view text) {
  constexpr std::size_t kMaxShown = 50;
  std::string out = "'";
  std::size_t offset = 0, shown = 0;
  while (offset < text.size()) {
    if (shown == kMaxShown) {
      out += "...";
      break;
    }
    char32_t cp = core::decode_code_point(text, offset);
    ++shown;
    switch (cp) {
      case U'\n':
        out += "\\n";
        break;
      case U'\r':
        out += "\\r";
        break;
      case U'\t':
        out += "\\t";
        break;
      default:
        if (cp < 0x20 || cp == 0x7F) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
        } else {
          core::append_utf8(out, cp);
        }
    }
  }
  out += "'";
  return out;
}

std::string render_value(const core::Node& node) {
  switch (json_type(node)) {
    case kString:
      return quote(node.text);
    case kInteger:
    case kNumber:
    case kBoolean:
      return node.text;
    default:
      return std::string(core::describe_type(node));
  }
}

std::string render_allowed(const core::Node& node) {
  return json_type(node) == kNull ? std::string("null") : render_value(node);
}

std::string count_of(std::uint64_t count, std::string_view singular) {
  return fmt::format("{} {}{}", count, singular, count == 1 ? "" : "s");
}

std::uint8_t json_type(const core::Node& node) {
  switch (node.kind) {
    case core::NodeKind::null:
      return kNull;
    case core::NodeKind::sequence:
      return kArray;
    case core::NodeKind::mapping:
      return kObject;
    case core::NodeKind::scalar:
      break;
  }
  switch (node.scalar_type()) {
    case core::ScalarType::null:
      return kNull;
    case core::ScalarType::boolean:
      return kBoolean;
    case core::ScalarType::integer:
      return kInteger;
    case core::ScalarType::number:
      return kNumber;
    case core::ScalarType::string:
      return kString;
  }
  return kString;
}

bool json_equal(const core::Node& a, const core::Node& b) { return json_equal_at(a, b, 0); }

std::optional<std::string> scalar_key(const core::Node& node) {
  switch (json_type(node)) {
    case kNull:
      return std::string("n");
    case kBoolean:
      return node.as_bool().value_or(false) ? std::string("t") : std::string("f");
    case kString:
      return "s" + node.text;
    case kInteger:
      if (auto integer = node.as_integer()) {
        return fmt::format("i{}", *integer);
      }
      [[fallthrough]];
    case kNumber: {
      // Whole numbers share the integer key so that 3 and 3.0 count as duplicates.
      double value = node.as_number().value_or(std::nan(""));
      if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 9.0e18) {
        return fmt::format("i{}", static_cast<std::int64_t>(value));
      }
      return fmt::format("d{}", value);
    }
    default:
      return std::nullopt;
  }
}

}  // namespace contentlint::schema
