/// A small streaming JSON writer shared by the json and sarif formats.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.hpp"
#include "report/formats.hpp"

namespace contentlint::report {

/// Writes JSON indented by two spaces per level, `"key": value` on one line, empty
/// containers as `[]`/`{}`: the layout of JSON.stringify(value, null, 2). It appends to
/// a string the caller owns, so a reporter can flush it to the stream file by file.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view name) {
    before_value();
    out_ += json_string(name);
    out_ += ": ";
    after_key_ = true;
  }
  void string(std::string_view text) {
    before_value();
    out_ += json_string(text);
  }
  void number(std::size_t value) {
    before_value();
    out_ += std::to_string(value);
  }
  void boolean(bool value) {
    before_value();
    out_ += value ? "true" : "false";
  }
  void null() {
    before_value();
    out_ += "null";
  }

 private:
  // The separator and line break before a value: none right after its key.
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (has_items_.empty()) {
      return;
    }
    if (has_items_.back()) {
      out_ += ',';
    }
    has_items_.back() = true;
    out_ += '\n';
    out_.append(2 * has_items_.size(), ' ');
  }
  void open(char bracket) {
    before_value();
    out_ += bracket;
    has_items_.push_back(false);
  }
  void close(char bracket) {
    const bool had_items = has_items_.back();
    has_items_.pop_back();
    if (had_items) {
      out_ += '\n';
      out_.append(2 * has_items_.size(), ' ');
    }
    out_ += bracket;
  }

  std::string& out_;
  std::vector<bool> has_items_;  // one per open container: has it a value yet?
  bool after_key_ = false;
};

/// Writes `"summary": {files, errors, warnings, infos, fixable}`: the same object in the
/// json report and in SARIF's run properties.
inline void write_summary(JsonWriter& json, const engine::Summary& summary) {
  json.key("summary");
  json.begin_object();
  json.key("files");
  json.number(summary.files);
  json.key("errors");
  json.number(summary.errors);
  json.key("warnings");
  json.number(summary.warnings);
  json.key("infos");
  json.number(summary.infos);
  json.key("fixable");
  json.number(summary.fixable);
  json.end_object();
}

}  // namespace contentlint::report
