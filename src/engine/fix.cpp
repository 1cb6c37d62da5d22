#include "engine/fix.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace contentlint::engine {
namespace {

namespace fs = std::filesystem;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// One step of an edit script: a line kept, removed from `before` or added from `after`.
struct Step {
  char kind;  // ' ', '-', '+'
  std::size_t before;
  std::size_t after;
};

// Myers' O(ND) diff, keeping every round's frontier to walk the path back.
std::vector<Step> diff_lines(const std::vector<std::string_view>& a,
                             const std::vector<std::string_view>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size());
  const auto m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t offset = n + m + 1;
  std::vector<std::ptrdiff_t> frontier(2 * offset + 1, 0);
  std::vector<std::vector<std::ptrdiff_t>> rounds;
  for (std::ptrdiff_t d = 0; d <= n + m; ++d) {
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x =
          (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
              ? frontier[offset + k + 1]
              : frontier[offset + k - 1] + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      frontier[offset + k] = x;
      if (x >= n && y >= m) {
        rounds.push_back(frontier);
        // Walk back through the rounds to recover the steps.
        std::vector<Step> steps;
        std::ptrdiff_t cx = n, cy = m;
        for (std::ptrdiff_t round = d; round > 0; --round) {
          const auto& previous = rounds[round - 1];
          std::ptrdiff_t ck = cx - cy;
          bool down = ck == -round ||
                      (ck != round && previous[offset + ck - 1] < previous[offset + ck + 1]);
          std::ptrdiff_t pk = down ? ck + 1 : ck - 1;
          std::ptrdiff_t px = previous[offset + pk];
          std::ptrdiff_t py = px - pk;
          while (cx > px && cy > py && cx > (down ? px : px + 1)) {
            steps.push_back({' ', static_cast<std::size_t>(--cx), static_cast<std::size_t>(--cy)});
          }
          if (down) {
            steps.push_back({'+', static_cast<std::size_t>(cx), static_cast<std::size_t>(--cy)});
          } else {
            steps.push_back({'-', static_cast<std::size_t>(--cx), static_cast<std::size_t>(cy)});
          }
        }
        while (cx > 0 && cy > 0) {
          steps.push_back({' ', static_cast<std::size_t>(--cx), static_cast<std::size_t>(--cy)});
        }
        std::reverse(steps.begin(), steps.end());
        return steps;
      }
    }
    rounds.push_back(frontier);
  }
  return {};
}

void append_line(std::string& out, char kind, std::string_view line) {
  out += kind;
  out += line;
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::size_t apply_fixes(std::string& text, const std::vector<core::Diagnostic>& diagnostics) {
  std::vector<const core::Fix*> fixes;
  for (const core::Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.fixable() && !diagnostic.fix->edits.empty()) fixes.push_back(&*diagnostic.fix);
  }
  auto first_edit = [](const core::Fix* fix) {
    std::size_t begin = fix->edits.front().span.begin;
    for (const core::Edit& edit : fix->edits) begin = std::min(begin, edit.span.begin);
    return begin;
  };
  std::stable_sort(fixes.begin(), fixes.end(), [&](const core::Fix* a, const core::Fix* b) {
    return first_edit(a) < first_edit(b);
  });

  std::vector<core::Edit> taken;
  std::size_t applied = 0;
  auto overlaps = [&](const core::Edit& edit) {
    for (const core::Edit& other : taken) {
      // Two insertions at one point also conflict: their order would be arbitrary.
      if (edit.span.begin < other.span.end && other.span.begin < edit.span.end) return true;
      if (edit.span.begin == other.span.begin) return true;
    }
    return edit.span.end > text.size() || edit.span.begin > edit.span.end;
  };
  for (const core::Fix* fix : fixes) {
    bool clash = std::any_of(fix->edits.begin(), fix->edits.end(), overlaps);
    if (clash) continue;
    taken.insert(taken.end(), fix->edits.begin(), fix->edits.end());
    ++applied;
  }
  // Apply from the end so earlier offsets stay valid.
  std::sort(taken.begin(), taken.end(),
            [](const core::Edit& a, const core::Edit& b) { return a.span.begin > b.span.begin; });
  for (const core::Edit& edit : taken) {
    text.replace(edit.span.begin, edit.span.size(), edit.replacement);
  }
  return applied;
}

std::optional<core::Error> write_atomically(const fs::path& path, std::string_view bytes,
                                            const std::string& display) {
  std::error_code error;
  fs::path target = path;
  if (fs::is_symlink(fs::symlink_status(path, error))) {
    target = fs::canonical(path, error);
    if (error)
      return core::Error{display, std::nullopt, "cannot resolve the symlink: " + error.message()};
  }
  // A new file gets what open() would give it; an existing one keeps its permissions.
  struct stat info {};
  if (::stat(target.c_str(), &info) != 0) {
    if (errno != ENOENT) {
      return core::Error{display, std::nullopt,
                         std::string("cannot write: ") + std::strerror(errno)};
    }
    mode_t mask = ::umask(0);
    ::umask(mask);
    info.st_mode = 0666 & ~mask;
  }
  std::string temporary =
      (target.parent_path() / ("." + target.filename().string() + ".contentlint-XXXXXX")).string();
  int fd = ::mkstemp(temporary.data());
  if (fd < 0)
    return core::Error{display, std::nullopt, std::string("cannot write: ") + std::strerror(errno)};
  auto fail = [&](const char* what) {
    int saved = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    return core::Error{display, std::nullopt,
                       fmt::format("cannot write: {}: {}", what, std::strerror(saved))};
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) return fail("write");
    done += static_cast<std::size_t>(wrote);
  }
  if (::fchmod(fd, info.st_mode & 07777) != 0) return fail("chmod");
  if (::fsync(fd) != 0) return fail("fsync");
  if (::close(fd) != 0) {
    ::unlink(temporary.c_str());
    return core::Error{display, std::nullopt, std::string("cannot write: ") + std::strerror(errno)};
  }
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    int saved = errno;
    ::unlink(temporary.c_str());
    return core::Error{display, std::nullopt, std::string("cannot write: ") + std::strerror(saved)};
  }
  return std::nullopt;
}

std::string unified_diff(const std::string& display, std::string_view before,
                         std::string_view after) {
  if (before == after) return {};
  auto a = split_lines(before);
  auto b = split_lines(after);
  std::vector<Step> steps = diff_lines(a, b);
  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", display, display);
  std::size_t i = 0;
  while (i < steps.size()) {
    if (steps[i].kind == ' ') {
      ++i;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext lines after the last
    // change that is within 2 * kContext of the previous one.
    std::size_t start = i >= kContext ? i - kContext : 0;
    std::size_t end = i;
    std::size_t last_change = i;
    while (end < steps.size()) {
      if (steps[end].kind != ' ') last_change = end;
      if (end - last_change > 2 * kContext) break;
      ++end;
    }
    end = std::min(steps.size(), last_change + kContext + 1);
    std::size_t before_start = steps[start].before, after_start = steps[start].after;
    std::size_t before_count = 0, after_count = 0;
    for (std::size_t k = start; k < end; ++k) {
      before_count += steps[k].kind != '+';
      after_count += steps[k].kind != '-';
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", before_count ? before_start + 1 : before_start,
                       before_count, after_count ? after_start + 1 : after_start, after_count);
    for (std::size_t k = start; k < end; ++k) {
      append_line(out, steps[k].kind,
                  steps[k].kind == '+' ? b[steps[k].after] : a[steps[k].before]);
    }
    i = end;
  }
  return out;
}

}  // namespace contentlint::engine
