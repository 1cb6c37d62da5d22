/// `--changed-since REF`: the files that differ from the merge base of a git ref and HEAD.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "core/error.hpp"
#include "engine/discover.hpp"

namespace contentlint::engine {

/// The files of the git work tree around `folder` that differ from the merge base of
/// `ref` and HEAD: added, copied, modified or renamed since then (committed, staged or
/// not), and untracked files that .gitignore does not exclude; deleted files are not
/// listed. Absolute, lexically normal paths below the work tree's top as git reports it
/// (symlinks in the top's own path resolved), sorted. Runs git (found on PATH) without a
/// shell. Errors name `--changed-since`: not in a git work tree, an unknown revision, no
/// common ancestor (a shallow clone), git missing or failing.
core::Expected<std::vector<std::filesystem::path>> changed_files(
    const std::filesystem::path& folder, const std::string& ref);

/// The discovery options a run uses for `config`: its root, ignores and include globs
/// (every collection's; `**/*.md` and `**/*.markdown` when it has none).
DiscoverOptions discover_options(const config::Config& config);

/// What a `--changed-since` run checks: the files that `paths` select (with no paths, the
/// config's include globs), as discovery would find them from `cwd`, that are also in
/// `changed_files(cwd, ref)`. A git failure is the only error then; otherwise the errors
/// are discovery's (a named path that does not exist).
Discovered discover_changed(const config::Config& config, const std::vector<std::string>& paths,
                            const std::string& ref, const std::filesystem::path& cwd);

}  // namespace contentlint::engine
