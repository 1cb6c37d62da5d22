#include "core/value.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace contentlint::core {
namespace {

bool is_null_text(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool is_bool_text(std::string_view s, bool& value) {
  if (s == "true" || s == "True" || s == "TRUE") return value = true, true;
  if (s == "false" || s == "False" || s == "FALSE") return value = false, true;
  return false;
}

bool all_of(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_octal(char c) { return c >= '0' && c <= '7'; }

// [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
std::optional<std::int64_t> parse_core_integer(std::string_view s) {
  std::int64_t value = 0;
  auto parse = [&](std::string_view digits, int base,
                   bool negative) -> std::optional<std::int64_t> {
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (ec != std::errc() || ptr != digits.data() + digits.size()) return std::nullopt;
    return negative ? -value : value;
  };
  if (s.starts_with("0x") && all_of(s.substr(2), is_hex)) return parse(s.substr(2), 16, false);
  if (s.starts_with("0o") && all_of(s.substr(2), is_octal)) return parse(s.substr(2), 8, false);
  bool negative = false;
  std::string_view digits = s;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (!all_of(digits, is_digit)) return std::nullopt;
  return parse(digits, 10, negative);
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)
std::optional<double> parse_core_float(std::string_view s) {
  std::string_view body = s;
  double sign = 1;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    sign = body[0] == '-' ? -1 : 1;
    body.remove_prefix(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF")
    return sign * std::numeric_limits<double>::infinity();
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  std::size_t i = 0;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < body.size() && is_digit(body[i])) ++i, ++int_digits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && is_digit(body[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return std::nullopt;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '-' || body[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    while (i < body.size() && is_digit(body[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != body.size()) return std::nullopt;
  // The text is a decimal number now, which strtod reads in full and rounds correctly;
  // the program never calls setlocale, so the decimal point is '.'. (std::from_chars for
  // double would do the same, but it is the only user of libm's rounding-mode functions,
  // and loading libm was a twentieth of a run over one file.) Too large a number reads as
  // infinity.
  const std::string copy(body);
  return sign * std::strtod(copy.c_str(), nullptr);
}

bool tag_is(const Node& node, std::string_view name) {
  std::string_view tag = node.tag;
  if (tag.starts_with("!!")) return tag.substr(2) == name;
  constexpr std::string_view kCore = "tag:yaml.org,2002:";
  if (tag.starts_with(kCore)) return tag.substr(kCore.size()) == name;
  return false;
}

}  // namespace

ScalarType Node::scalar_type() const {
  if (kind == NodeKind::null) return ScalarType::null;
  if (kind != NodeKind::scalar) return ScalarType::string;
  if (tag_is(*this, "str")) return ScalarType::string;
  if (tag_is(*this, "int")) return ScalarType::integer;
  if (tag_is(*this, "float")) return ScalarType::number;
  if (tag_is(*this, "bool")) return ScalarType::boolean;
  if (tag_is(*this, "null")) return ScalarType::null;
  if (style != ScalarStyle::plain) return ScalarType::string;
  bool b = false;
  if (is_null_text(text)) return ScalarType::null;
  if (is_bool_text(text, b)) return ScalarType::boolean;
  if (parse_core_integer(text)) return ScalarType::integer;
  if (parse_core_float(text)) return ScalarType::number;
  return ScalarType::string;
}

std::optional<bool> Node::as_bool() const {
  bool value = false;
  if (scalar_type() == ScalarType::boolean && is_bool_text(text, value)) return value;
  return std::nullopt;
}

std::optional<std::int64_t> Node::as_integer() const {
  if (scalar_type() != ScalarType::integer) return std::nullopt;
  return parse_core_integer(text);
}

std::optional<double> Node::as_number() const {
  switch (scalar_type()) {
    case ScalarType::integer:
      if (auto i = parse_core_integer(text)) return static_cast<double>(*i);
      return parse_core_float(text);  // too large for int64: still a number
    case ScalarType::number:
      return parse_core_float(text);
    default:
      return std::nullopt;
  }
}

const Node* Node::find(std::string_view key) const {
  const Node* found = nullptr;
  for (const Entry& entry : entries) {
    if (entry.key.is_scalar() && entry.key.text == key) found = &entry.value;
  }
  return found;
}

const Node* Node::find_path(std::string_view dotted) const {
  const Node* node = this;
  while (node != nullptr && !dotted.empty()) {
    auto dot = dotted.find('.');
    node = node->find(dotted.substr(0, dot));
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return node;
}

std::string_view describe_type(const Node& node) {
  switch (node.kind) {
    case NodeKind::sequence:
      return "a list";
    case NodeKind::mapping:
      return "a mapping";
    case NodeKind::null:
      return "nothing (null)";
    case NodeKind::scalar:
      break;
  }
  switch (node.scalar_type()) {
    case ScalarType::null:
      return "nothing (null)";
    case ScalarType::boolean:
      return "a boolean";
    case ScalarType::integer:
      return "an integer";
    case ScalarType::number:
      return "a number";
    case ScalarType::string:
      return "a string";
  }
  return "a value";
}

}  // namespace contentlint::core
