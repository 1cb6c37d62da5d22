/// Applying fixes: edits on a text, atomic writes that keep what the file was, diffs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/error.hpp"

namespace contentlint::engine {

/// Applies the edits of every safe fix in `diagnostics` to `text`, in order of position,
/// skipping a fix any of whose edits overlaps an edit already taken (the next pass picks
/// it up). Returns how many fixes were applied.
std::size_t apply_fixes(std::string& text, const std::vector<core::Diagnostic>& diagnostics);

/// Replaces the file at `path` with `bytes` the safe way: a temporary file in the same
/// folder, fsync, the original's permissions, then a rename. A symlink is followed, so
/// the link stays a link and its target gets the new text; a new file is created.
/// `display` names it in errors.
std::optional<core::Error> write_atomically(const std::filesystem::path& path,
                                            std::string_view bytes, const std::string& display);

/// A unified diff (3 lines of context) from `before` to `after`, with `a/` and `b/`
/// headers naming `display`; empty when the texts are equal.
std::string unified_diff(const std::string& display, std::string_view before,
                         std::string_view after);

}  // namespace contentlint::engine
