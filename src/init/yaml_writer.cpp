#include "init/yaml_writer.hpp"

#include <algorithm>
#include <cstdio>

namespace contentlint::init {
namespace {

constexpr std::size_t kFlowWidth = 100;

bool is_plain_safe_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '/' || c == ' ' || c == '(' || c == ')' || c == '+' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

// Words and numbers that a plain scalar would resolve to something other than a string
// (YAML 1.2 core schema, plus the YAML 1.1 booleans other readers still take).
bool resolves_to_non_string(std::string_view text) {
  static constexpr std::string_view kWords[] = {
      "null", "Null", "NULL", "~",  "true", "True", "TRUE", "false", "False", "FALSE",
      "yes",  "Yes",  "YES",  "no", "No",   "NO",   "on",   "On",    "ON",    "off",
      "Off",  "OFF",  "y",    "Y",  "n",    "N",    ".nan", ".NaN",  ".inf",  ".Inf"};
  if (std::find(std::begin(kWords), std::end(kWords), text) != std::end(kWords)) return true;
  // Anything that starts like a number is quoted: cheaper than deciding exactly.
  char first = text.front();
  char second = text.size() > 1 ? text[1] : '\0';
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return digit(first) || ((first == '.' || first == '+' || first == '-') && digit(second));
}

bool can_be_plain(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  if (!std::all_of(text.begin(), text.end(), is_plain_safe_char)) return false;
  if (resolves_to_non_string(text)) return false;
  if (text.front() == '-' || text.front() == '$') return text.size() > 1 && text[1] != ' ';
  return true;
}

void append_escaped(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string scalar_text(const YamlValue& value) {
  return value.raw ? value.text : quote(value.text);
}

bool all_scalars(const YamlValue& value) {
  return std::all_of(value.items.begin(), value.items.end(),
                     [](const YamlValue& item) { return item.kind == YamlValue::Kind::scalar; });
}

std::string flow_sequence(const YamlValue& value) {
  std::string out = "[";
  for (std::size_t i = 0; i < value.items.size(); ++i) {
    if (i > 0) out += ", ";
    out += scalar_text(value.items[i]);
  }
  out += ']';
  return out;
}

void write_block(std::string& out, const YamlValue& value, std::size_t indent);

// Writes what follows `key:` (or `- `) for `value`: a scalar or flow list on the same line,
// else a line break and the block at `indent`.
void write_after_key(std::string& out, const YamlValue& value, std::size_t column,
                     std::size_t indent) {
  if (value.kind == YamlValue::Kind::scalar) {
    out += ' ';
    out += scalar_text(value);
    out += '\n';
    return;
  }
  if (value.kind == YamlValue::Kind::sequence && value.items.empty()) {
    out += " []\n";
    return;
  }
  if (value.kind == YamlValue::Kind::mapping && value.entries.empty()) {
    out += " {}\n";
    return;
  }
  if (value.kind == YamlValue::Kind::sequence && all_scalars(value)) {
    std::string flow = flow_sequence(value);
    if (column + 1 + flow.size() <= kFlowWidth) {
      out += ' ';
      out += flow;
      out += '\n';
      return;
    }
  }
  out += '\n';
  write_block(out, value, indent);
}

void write_block(std::string& out, const YamlValue& value, std::size_t indent) {
  std::string pad(indent, ' ');
  if (value.kind == YamlValue::Kind::mapping) {
    for (const auto& [key, item] : value.entries) {
      if (!item.comment.empty()) out += pad + "# " + item.comment + '\n';
      std::string head = pad + quote(key) + ':';
      out += head;
      write_after_key(out, item, head.size(), indent + 2);
    }
  } else if (value.kind == YamlValue::Kind::sequence) {
    for (const YamlValue& item : value.items) {
      if (item.kind == YamlValue::Kind::mapping && !item.entries.empty()) {
        // `- key: value` with the rest of the mapping aligned under the first key.
        std::string nested;
        write_block(nested, item, indent + 2);
        out += pad + "- " + nested.substr(indent + 2);
      } else {
        out += pad + '-';
        write_after_key(out, item, indent + 1, indent + 2);
      }
    }
  } else {
    out += pad + scalar_text(value) + '\n';
  }
}

}  // namespace

YamlValue YamlValue::string(std::string text) {
  YamlValue value;
  value.text = std::move(text);
  return value;
}

YamlValue YamlValue::raw_scalar(std::string text) {
  YamlValue value;
  value.text = std::move(text);
  value.raw = true;
  return value;
}

YamlValue YamlValue::sequence(std::vector<YamlValue> items) {
  YamlValue value;
  value.kind = Kind::sequence;
  value.items = std::move(items);
  return value;
}

YamlValue YamlValue::mapping() {
  YamlValue value;
  value.kind = Kind::mapping;
  return value;
}

YamlValue YamlValue::strings(const std::vector<std::string>& texts) {
  YamlValue value = sequence();
  for (const std::string& text : texts) value.items.push_back(string(text));
  return value;
}

YamlValue& YamlValue::add(std::string key, YamlValue value, std::string note) {
  value.comment = std::move(note);
  entries.emplace_back(std::move(key), std::move(value));
  return entries.back().second;
}

YamlValue* YamlValue::find(std::string_view key) {
  for (auto& [name, value] : entries) {
    if (name == key) return &value;
  }
  return nullptr;
}

std::string quote(std::string_view text) {
  if (can_be_plain(text)) return std::string(text);
  std::string out;
  append_escaped(out, text);
  return out;
}

std::string emit(const YamlValue& value) {
  std::string out;
  write_block(out, value, 0);
  return out;
}

}  // namespace contentlint::init
