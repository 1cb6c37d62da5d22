// `--changed-since`: asks git which files changed, then narrows discovery to them.

#include "engine/changed.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <map>
#include <optional>
#include <string_view>

#include <fmt/format.h>

extern char** environ;  // NOLINT: POSIX declares it nowhere else

namespace contentlint::engine {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFlag = "--changed-since";

core::Error flag_error(std::string message) {
  return core::Error{std::string(kFlag), std::nullopt, std::move(message)};
}

struct GitOutput {
  int status = -1;  // the exit status; -1 when git was killed by a signal
  std::string out;
  std::string err;
};

/// Closes the file descriptors it holds when it goes out of scope.
class Fds {
 public:
  ~Fds() {
    for (int fd : fds_) {
      if (fd >= 0) ::close(fd);
    }
  }
  int& operator[](std::size_t i) { return fds_[i]; }
  void close(std::size_t i) {
    if (fds_[i] >= 0) ::close(fds_[i]);
    fds_[i] = -1;
  }

 private:
  std::array<int, 4> fds_{-1, -1, -1, -1};  // stdout read/write, stderr read/write
};

// Runs `git -C folder ARGS...` directly (posix_spawnp, no shell: a ref or path never meets
// a shell's parser), with standard input from /dev/null, and collects both outputs.
// --no-optional-locks: a lint run must not take the index lock from an editor or a
// concurrent git command just to refresh stat data.
core::Expected<GitOutput> run_git(const fs::path& folder, std::vector<std::string> args) {
  std::vector<std::string> strings = {"git", "--no-optional-locks", "-C", folder.string()};
  strings.insert(strings.end(), std::make_move_iterator(args.begin()),
                 std::make_move_iterator(args.end()));
  std::vector<char*> argv;
  argv.reserve(strings.size() + 1);
  for (std::string& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  Fds fds;
  int out_pipe[2];
  int err_pipe[2];
  // O_CLOEXEC: the child keeps only the ends dup2'ed onto its stdout and stderr, so the
  // parent sees end-of-file as soon as git exits.
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    return flag_error(fmt::format("cannot run git: {}", std::strerror(errno)));
  }
  fds[0] = out_pipe[0];
  fds[1] = out_pipe[1];
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    return flag_error(fmt::format("cannot run git: {}", std::strerror(errno)));
  }
  fds[2] = err_pipe[0];
  fds[3] = err_pipe[1];

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[3], STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  fds.close(1);
  fds.close(3);
  if (spawned != 0) {
    return flag_error(fmt::format("cannot run git: {}", std::strerror(spawned)));
  }

  GitOutput output;
  std::array<pollfd, 2> polls{pollfd{fds[0], POLLIN, 0}, pollfd{fds[2], POLLIN, 0}};
  std::array<std::string*, 2> sinks{&output.out, &output.err};
  char buffer[65536];
  while (polls[0].fd >= 0 || polls[1].fd >= 0) {
    if (::poll(polls.data(), polls.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t i = 0; i < polls.size(); ++i) {
      if (polls[i].fd < 0 || polls[i].revents == 0) continue;
      const ssize_t n = ::read(polls[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        polls[i].fd = -1;  // end of file (or a read error): stop polling this pipe
      }
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      return flag_error(fmt::format("cannot wait for git: {}", std::strerror(errno)));
    }
  }
  output.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

// git's own explanation, for messages: its first line without the "fatal: " prefix.
std::string git_says(const GitOutput& output) {
  std::string_view text = output.err;
  text = text.substr(0, text.find('\n'));
  for (std::string_view prefix : {"fatal: ", "error: "}) {
    if (text.starts_with(prefix)) text.remove_prefix(prefix.size());
  }
  if (text.empty()) return fmt::format("git exited with status {}", output.status);
  return std::string(text);
}

std::string trim_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

void add_nul_separated(const fs::path& top, std::string_view text, std::vector<fs::path>& into) {
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\0'), text.size());
    if (end > 0) into.push_back((top / fs::path(text.substr(0, end))).lexically_normal());
    text.remove_prefix(std::min(end + 1, text.size()));
  }
}

}  // namespace

core::Expected<std::vector<fs::path>> changed_files(const fs::path& folder,
                                                    const std::string& ref) {
  if (ref.empty()) return flag_error("expected a git revision, found nothing");
  // An argument that starts with '-' would reach git as an option.
  if (ref.front() == '-') return flag_error(fmt::format("'{}' is not a git revision", ref));

  auto top = run_git(folder, {"rev-parse", "--show-toplevel"});
  if (!top) return top.error();
  if (top->status != 0) {
    return flag_error(fmt::format("not in a git work tree ({})", git_says(*top)));
  }
  const fs::path top_path = fs::path(trim_line(top->out)).lexically_normal();

  auto commit = run_git(top_path, {"rev-parse", "--verify", "--quiet", ref + "^{commit}"});
  if (!commit) return commit.error();
  if (commit->status != 0) {
    return flag_error(fmt::format(
        "unknown git revision '{}' (in CI, fetch it: actions/checkout with fetch-depth: 0)", ref));
  }
  auto base = run_git(top_path, {"merge-base", trim_line(commit->out), "HEAD"});
  if (!base) return base.error();
  if (base->status != 0) {
    // merge-base exits 1 without a word when the histories share no commit: in CI, a
    // shallow clone that stops before the fork point.
    if (base->err.empty()) {
      return flag_error(fmt::format(
          "'{}' and HEAD have no common ancestor (a shallow clone? fetch the whole history: "
          "actions/checkout with fetch-depth: 0)",
          ref));
    }
    return flag_error(
        fmt::format("cannot find the merge base of '{}' and HEAD ({})", ref, git_says(*base)));
  }

  // Against the work tree, so staged and unstaged edits count as much as committed ones.
  auto diff = run_git(
      top_path, {"diff", "--name-only", "-z", "--diff-filter=ACMR", trim_line(base->out), "--"});
  if (!diff) return diff.error();
  if (diff->status != 0) return flag_error(fmt::format("git diff failed ({})", git_says(*diff)));
  auto untracked = run_git(top_path, {"ls-files", "-z", "--others", "--exclude-standard"});
  if (!untracked) return untracked.error();
  if (untracked->status != 0) {
    return flag_error(fmt::format("git ls-files failed ({})", git_says(*untracked)));
  }

  std::vector<fs::path> files;
  add_nul_separated(top_path, diff->out, files);
  add_nul_separated(top_path, untracked->out, files);
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

DiscoverOptions discover_options(const config::Config& config) {
  DiscoverOptions options;
  options.root = config.root;
  options.ignore = config.ignore;
  for (const config::Collection& collection : config.collections) {
    options.include.insert(options.include.end(), collection.include.begin(),
                           collection.include.end());
  }
  if (options.include.empty()) {
    options.include.push_back(*core::Glob::compile("**/*.md"));
    options.include.push_back(*core::Glob::compile("**/*.markdown"));
  }
  return options;
}

Discovered discover_changed(const config::Config& config, const std::vector<std::string>& paths,
                            const std::string& ref, const fs::path& cwd) {
  auto changed = changed_files(cwd, ref);
  if (!changed) {
    Discovered failed;
    failed.errors.push_back(changed.error());
    return failed;
  }
  DiscoverOptions options = discover_options(config);
  options.cwd = cwd;
  Discovered discovered = discover(paths, options);

  // git reports paths below the top with its symlinks resolved, discovery keeps them as
  // reached: compare with each file's folder resolved, but not the file itself (a tracked
  // symlink is listed under its own name).
  std::map<fs::path, fs::path> resolved_folders;
  std::vector<DiscoveredFile> kept;
  for (DiscoveredFile& file : discovered.files) {
    const fs::path path = file.path();
    const fs::path folder = path.parent_path();
    auto [it, inserted] = resolved_folders.try_emplace(folder);
    if (inserted) {
      std::error_code ec;
      it->second = fs::weakly_canonical(folder, ec);
      if (ec) it->second = folder;
    }
    const fs::path key = (it->second / path.filename()).lexically_normal();
    if (std::binary_search(changed->begin(), changed->end(), key)) {
      kept.push_back(std::move(file));
    }
  }
  discovered.files = std::move(kept);
  return discovered;
}

}  // namespace contentlint::engine
