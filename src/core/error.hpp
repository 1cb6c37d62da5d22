/// Tool failures (unreadable file, bad config, bad schema): returned, never thrown.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "core/position.hpp"

namespace contentlint::core {

/// A failure of the tool or its inputs, as opposed to a finding about content. Printed
/// as `path:line:col: message` (without line:col when `position` is unknown); exit code 2.
struct Error {
  std::string path;
  std::optional<Position> position;
  std::string message;

  std::string to_string() const;
};

/// A value or the error that prevented it.
template <typename T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Expected(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace contentlint::core
