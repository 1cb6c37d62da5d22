/// A record of the link resolutions made while one file is checked: what a cached result
/// depends on besides the file's own text (internal to links/ and engine/).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "links/site.hpp"

namespace contentlint::links {

/// One call of Site::resolve and what it answered.
struct Resolved {
  std::filesystem::path from;
  std::string destination;
  Want want = Want::link;
  Resolution::Kind kind = Resolution::Kind::unverified;
  std::filesystem::path target;
};

/// Collects the resolutions Site::resolve makes on this thread while a Scope is open, so
/// that every rule's use of the site is recorded without the rules taking part.
class ResolutionLog {
 public:
  /// Opens the log on the current thread until the scope ends; scopes do not nest.
  class Scope {
   public:
    explicit Scope(ResolutionLog& log);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
  };

  /// The log open on the current thread, or nullptr.
  static ResolutionLog* current();

  void add(Resolved resolved) { entries_.push_back(std::move(resolved)); }
  const std::vector<Resolved>& entries() const { return entries_; }

 private:
  std::vector<Resolved> entries_;
};

}  // namespace contentlint::links
