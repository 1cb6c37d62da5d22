/// `contentlint lsp`: a language server that lints Markdown documents as they are edited.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/actions.hpp"
#include "lsp/config_cache.hpp"
#include "lsp/encoding.hpp"
#include "lsp/framing.hpp"

namespace contentlint::lsp {

/// JSON-RPC and LSP error codes the server answers with.
namespace error_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
}  // namespace error_code

/// How the server behaves; the defaults are what `contentlint lsp` uses.
struct ServerOptions {
  /// How long a document must stay unchanged after a didChange before it is linted, so a
  /// burst of keystrokes costs one lint. didOpen and didSave lint at once.
  std::chrono::milliseconds debounce{40};
  std::string version;  // serverInfo.version
};

/// The protocol state machine: takes one message body at a time on the thread that reads
/// the input, and lints on a worker thread of its own, so that no lint ever delays an
/// answer to `shutdown`. Only the newest version of a document is linted; a result for a
/// version that changed while it was being computed is dropped. Messages to the client
/// go through `send`, one at a time, from either thread.
class Server {
 public:
  using Send = std::function<void(const nlohmann::json&)>;

  explicit Server(Send send, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Handles one message body (parsed here: bad JSON is answered with a parse error).
  /// Returns the process exit code once `exit` arrived: 0 after `shutdown`, else 1.
  std::optional<int> handle(std::string_view body);

  /// Answers a message that was not read (too large) with an Invalid Request error.
  void refuse(std::string_view reason);

  /// The exit code when the input ends without `exit`: 0 after `shutdown`, else 1.
  int exit_code() const;

  /// Waits until nothing is scheduled, being linted or waiting for a lint (for tests).
  void wait_idle();

  /// How many times a configuration was loaded (for tests of the cache).
  std::size_t config_loads() const;

 private:
  using Clock = std::chrono::steady_clock;

  // A code action request waiting for the lint of its document's newest version.
  struct PendingAction {
    nlohmann::json id;
    ActionRequest request;
    bool fix_all = false;
  };
  struct Document {
    std::string uri;
    std::optional<std::filesystem::path> path;  // nullopt for a non-file URI
    std::string text;
    std::int64_t version = 0;
    std::uint64_t generation = 0;  // counts every change, whatever the client's versions
    bool scheduled = false;        // a lint of this generation is due (not started yet)
    Clock::time_point due;
    std::shared_ptr<const Lint> lint;  // the newest finished lint
    std::uint64_t lint_generation = 0;
    std::vector<PendingAction> pending;
  };

  void dispatch(const nlohmann::json& message);
  void request(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json initialize(const nlohmann::json& params);
  void code_action(const nlohmann::json& id, const nlohmann::json& params);

  void did_open(const nlohmann::json& params);
  void did_change(const nlohmann::json& params);
  void did_save(const nlohmann::json& params);
  void did_close(const nlohmann::json& params);
  void relint_all();

  void respond(const nlohmann::json& id, nlohmann::json result);
  void respond_error(const nlohmann::json& id, int code, std::string_view message);
  void send(const nlohmann::json& message);

  // The worker.
  void work();
  Lint lint(const std::string& uri, const std::optional<std::filesystem::path>& path,
            std::int64_t version, std::string text);
  void answer(const PendingAction& action, const std::shared_ptr<const Lint>& lint,
              const std::optional<std::filesystem::path>& path);
  bool idle() const;  // holding mutex_

  Send send_;
  ServerOptions options_;
  // Serialises messages to the client. When both are needed, mutex_ is taken first; the
  // worker takes output_ before it lets go of mutex_, so that the diagnostics it checked
  // were current are written before a didClose can clear them.
  std::mutex output_;

  // Read and written by the input thread only.
  bool initialized_ = false;
  bool shut_down_ = false;
  bool document_changes_ = false;

  mutable std::mutex mutex_;
  std::condition_variable wake_;                         // the worker: new work, or stop
  std::condition_variable idle_;                         // wait_idle
  PositionEncoding encoding_ = PositionEncoding::utf16;  // fixed by initialize
  std::map<std::string, Document> documents_;
  bool stop_ = false;
  bool busy_ = false;  // the worker is linting or answering
  bool forget_configs_ = false;
  ConfigCache configs_;  // the worker's
  std::size_t config_loads_ = 0;
  std::thread worker_;
};

/// Serves the protocol on `input` until `exit` or the end of input, writing framed
/// messages with `write` (called one message at a time). Returns the exit code: 0 after
/// `shutdown` then `exit` (or the end of input), 1 otherwise or on unreadable framing.
int serve(ByteSource& input, const std::function<void(std::string_view)>& write,
          ServerOptions options = {});

/// `serve` on standard input and output (logs go to standard error), then ends the
/// process with its exit code at once, without waiting for a lint in progress.
[[noreturn]] void serve_stdio(ServerOptions options = {});

}  // namespace contentlint::lsp
