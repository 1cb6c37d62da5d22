#include "lsp/server.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <utility>

#include <fmt/format.h>

#include "engine/engine.hpp"
#include "lsp/uri.hpp"

namespace contentlint::lsp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kFixAllKind = "source.fixAll.contentlint";

void log(std::string_view message) { fmt::print(stderr, "contentlint lsp: {}\n", message); }

// The member at `keys` of `value`, or nullptr when a step is missing or not an object.
const json* find(const json& value, std::initializer_list<std::string_view> keys) {
  const json* current = &value;
  for (std::string_view key : keys) {
    if (!current->is_object()) return nullptr;
    auto it = current->find(key);
    if (it == current->end()) return nullptr;
    current = &*it;
  }
  return current;
}

LspPosition position_from(const json& value) {
  return {value.at("line").get<std::uint32_t>(), value.at("character").get<std::uint32_t>()};
}

LspRange range_from(const json& value) {
  return {position_from(value.at("start")), position_from(value.at("end"))};
}

// Applies one TextDocumentContentChangeEvent: the whole text, or (from a client that
// syncs incrementally although the server asked for full text) a range of it.
void apply_change(std::string& text, const json& change, PositionEncoding encoding) {
  const std::string& replacement = change.at("text").get_ref<const std::string&>();
  auto range = change.find("range");
  if (range == change.end() || range->is_null()) {
    text = replacement;
    return;
  }
  TextIndex index(text, encoding);
  std::size_t bom = text.starts_with(kBom) ? kBom.size() : 0;
  LspRange lsp_range = range_from(*range);
  std::size_t begin = index.offset(lsp_range.start) + bom;
  std::size_t end = std::max(begin, index.offset(lsp_range.end) + bom);
  text.replace(begin, end - begin, replacement);
}

std::string_view without_bom(std::string_view text) {
  return text.starts_with(kBom) ? text.substr(kBom.size()) : text;
}

}  // namespace

Server::Server(Send send, ServerOptions options)
    : send_(std::move(send)), options_(std::move(options)), worker_([this] { work(); }) {}

Server::~Server() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    wake_.notify_all();
  }
  worker_.join();
}

std::optional<int> Server::handle(std::string_view body) {
  json message;
  try {
    message = json::parse(body);
  } catch (const json::exception& error) {
    respond_error(nullptr, error_code::kParseError, error.what());
    return std::nullopt;
  }
  if (!message.is_object()) {
    respond_error(nullptr, error_code::kInvalidRequest, "a message must be a JSON object");
    return std::nullopt;
  }
  auto id = message.find("id");
  bool has_id = id != message.end();
  if (has_id && !id->is_string() && !id->is_number_integer()) {
    respond_error(nullptr, error_code::kInvalidRequest, "an id must be a string or an integer");
    return std::nullopt;
  }
  auto method = message.find("method");
  if (method == message.end()) {
    // A response to a request of ours: the server sends none, so there is nothing to match.
    if (!has_id || (!message.contains("result") && !message.contains("error"))) {
      respond_error(has_id ? *id : json(), error_code::kInvalidRequest, "a message needs a method");
    }
    return std::nullopt;
  }
  if (!method->is_string()) {
    respond_error(has_id ? *id : json(), error_code::kInvalidRequest, "method must be a string");
    return std::nullopt;
  }
  const std::string& name = method->get_ref<const std::string&>();
  if (name == "exit") return shut_down_ ? 0 : 1;
  // A reference, not a copy: copying a json value recurses as deep as its nesting.
  static const json no_params = json::object();
  auto params_it = message.find("params");
  const json& params = params_it != message.end() ? *params_it : no_params;
  try {
    if (has_id) {
      request(*id, name, params);
    } else {
      notification(name, params);
    }
  } catch (const json::exception& error) {
    if (has_id) {
      respond_error(*id, error_code::kInvalidParams, fmt::format("{}: {}", name, error.what()));
    } else {
      log(fmt::format("{}: {}", name, error.what()));
    }
  }
  return std::nullopt;
}

void Server::refuse(std::string_view reason) {
  respond_error(nullptr, error_code::kInvalidRequest, reason);
}

int Server::exit_code() const { return shut_down_ ? 0 : 1; }

void Server::request(const json& id, const std::string& method, const json& params) {
  if (!initialized_ && method != "initialize") {
    respond_error(id, error_code::kServerNotInitialized, "the server is not initialized yet");
    return;
  }
  if (shut_down_) {
    respond_error(id, error_code::kInvalidRequest, "the server is shutting down");
    return;
  }
  if (method == "initialize") {
    if (initialized_) {
      respond_error(id, error_code::kInvalidRequest, "the server is already initialized");
      return;
    }
    respond(id, initialize(params));
  } else if (method == "shutdown") {
    shut_down_ = true;
    {
      std::lock_guard lock(mutex_);
      stop_ = true;  // nothing more to lint
      wake_.notify_all();
    }
    respond(id, nullptr);
  } else if (method == "textDocument/codeAction") {
    code_action(id, params);
  } else {
    respond_error(id, error_code::kMethodNotFound, "unknown method: " + method);
  }
}

void Server::notification(const std::string& method, const json& params) {
  // Before initialize and after shutdown, notifications are dropped (`exit` aside).
  if (!initialized_ || shut_down_) return;
  if (method == "textDocument/didOpen") {
    did_open(params);
  } else if (method == "textDocument/didChange") {
    did_change(params);
  } else if (method == "textDocument/didSave") {
    did_save(params);
  } else if (method == "textDocument/didClose") {
    did_close(params);
  } else if (method == "workspace/didChangeWatchedFiles") {
    relint_all();
  }
}

json Server::initialize(const json& params) {
  std::vector<std::string> offered;
  if (const json* list = find(params, {"capabilities", "general", "positionEncodings"})) {
    if (list->is_array()) {
      for (const json& name : *list) {
        if (name.is_string()) offered.push_back(name.get<std::string>());
      }
    }
  }
  PositionEncoding encoding = negotiate_encoding(offered);
  const json* changes =
      find(params, {"capabilities", "workspace", "workspaceEdit", "documentChanges"});
  document_changes_ = changes != nullptr && changes->is_boolean() && changes->get<bool>();
  {
    std::lock_guard lock(mutex_);
    encoding_ = encoding;
  }
  initialized_ = true;
  json server_info = {{"name", "contentlint"}};
  if (!options_.version.empty()) server_info["version"] = options_.version;
  return {{"capabilities",
           {{"positionEncoding", to_string(encoding)},
            {"textDocumentSync",
             {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
            {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix", kFixAllKind})}}}}},
          {"serverInfo", server_info}};
}

void Server::code_action(const json& id, const json& params) {
  const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
  PendingAction action{id, {range_from(params.at("range")), std::nullopt, document_changes_}};
  if (const json* only = find(params, {"context", "only"}); only != nullptr && only->is_array()) {
    action.request.only = only->get<std::vector<std::string>>();
    action.fix_all = kind_requested(kFixAllKind, action.request.only);
  }
  std::shared_ptr<const Lint> current;
  PositionEncoding encoding = PositionEncoding::utf16;
  {
    std::lock_guard lock(mutex_);
    auto it = documents_.find(uri);
    if (it != documents_.end()) {
      Document& document = it->second;
      bool fresh = document.lint && document.lint_generation == document.generation;
      if (!fresh || action.fix_all) {
        // Answered by the worker once the newest version is linted: code actions must
        // edit the text the client holds now.
        document.pending.push_back(std::move(action));
        wake_.notify_all();
        return;
      }
      current = document.lint;
      encoding = encoding_;
    }
  }
  respond(id, current ? code_actions(*current, encoding, action.request) : json::array());
}

void Server::did_open(const json& params) {
  const json& item = params.at("textDocument");
  std::string uri = item.at("uri").get<std::string>();
  std::string text = item.at("text").get<std::string>();
  auto version = item.value("version", std::int64_t{0});
  std::lock_guard lock(mutex_);
  Document& document = documents_[uri];
  document.uri = uri;
  document.path = uri_to_path(uri);
  document.text = std::move(text);
  document.version = version;
  ++document.generation;
  document.scheduled = true;
  document.due = Clock::now();
  wake_.notify_all();
}

void Server::did_change(const json& params) {
  const json& item = params.at("textDocument");
  const std::string& uri = item.at("uri").get_ref<const std::string&>();
  std::lock_guard lock(mutex_);
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  Document& document = it->second;
  // On a copy, so that a malformed change in the middle of the list changes nothing.
  std::string text = document.text;
  for (const json& change : params.at("contentChanges")) apply_change(text, change, encoding_);
  document.text = std::move(text);
  if (auto version = item.find("version"); version != item.end() && version->is_number_integer()) {
    document.version = version->get<std::int64_t>();
  }
  ++document.generation;
  document.scheduled = true;
  document.due = Clock::now() + options_.debounce;
  wake_.notify_all();
}

void Server::did_save(const json& params) {
  const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
  std::lock_guard lock(mutex_);
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  // The text did not change, but the files it links to or its config may have.
  it->second.scheduled = true;
  it->second.due = Clock::now();
  wake_.notify_all();
}

void Server::did_close(const json& params) {
  std::string uri = params.at("textDocument").at("uri").get<std::string>();
  std::lock_guard lock(mutex_);
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  for (const PendingAction& action : it->second.pending) respond(action.id, json::array());
  documents_.erase(it);
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/publishDiagnostics"},
        {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
}

void Server::relint_all() {
  std::lock_guard lock(mutex_);
  forget_configs_ = true;
  for (auto& [uri, document] : documents_) {
    document.scheduled = true;
    document.due = Clock::now();
  }
  wake_.notify_all();
}

void Server::respond(const json& id, json result) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::respond_error(const json& id, int code, std::string_view message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::send(const json& message) {
  std::lock_guard lock(output_);
  send_(message);
}

bool Server::idle() const {
  if (busy_) return false;
  return std::none_of(documents_.begin(), documents_.end(), [](const auto& entry) {
    return entry.second.scheduled || !entry.second.pending.empty();
  });
}

void Server::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return stop_ || idle(); });
}

std::size_t Server::config_loads() const {
  std::lock_guard lock(mutex_);
  return config_loads_;
}

void Server::work() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    // Code actions waiting for a lint that has finished.
    auto ready = std::find_if(documents_.begin(), documents_.end(), [](const auto& entry) {
      const Document& document = entry.second;
      return !document.pending.empty() && document.lint &&
             document.lint_generation == document.generation;
    });
    if (ready != documents_.end()) {
      std::vector<PendingAction> pending = std::exchange(ready->second.pending, {});
      std::shared_ptr<const Lint> current = ready->second.lint;
      std::optional<fs::path> path = ready->second.path;
      busy_ = true;
      lock.unlock();
      for (const PendingAction& action : pending) answer(action, current, path);
      lock.lock();
      busy_ = false;
      continue;
    }

    // The first document whose lint is due; one with a waiting code action is due now.
    Clock::time_point now = Clock::now();
    std::optional<Clock::time_point> next;
    Document* chosen = nullptr;
    for (auto& [uri, document] : documents_) {
      if (!document.scheduled) continue;
      Clock::time_point due = document.pending.empty() ? document.due : now;
      if (due <= now) {
        chosen = &document;
        break;
      }
      next = next ? std::min(*next, due) : due;
    }
    if (chosen == nullptr) {
      idle_.notify_all();
      if (next) {
        wake_.wait_until(lock, *next);
      } else {
        wake_.wait(lock);
      }
      continue;
    }

    chosen->scheduled = false;
    std::string uri = chosen->uri;
    std::optional<fs::path> path = chosen->path;
    std::int64_t version = chosen->version;
    std::uint64_t generation = chosen->generation;
    std::string text = chosen->text;
    PositionEncoding encoding = encoding_;
    bool forget = std::exchange(forget_configs_, false);
    busy_ = true;
    lock.unlock();
    if (forget) configs_.clear();
    auto result = std::make_shared<const Lint>(lint(uri, path, version, std::move(text)));
    json message = {{"jsonrpc", "2.0"},
                    {"method", "textDocument/publishDiagnostics"},
                    {"params",
                     {{"uri", uri},
                      {"version", version},
                      {"diagnostics", to_lsp_diagnostics(*result, encoding)}}}};
    std::size_t loads = configs_.loads();
    lock.lock();
    config_loads_ = loads;
    auto it = documents_.find(uri);
    if (stop_ || it == documents_.end() || it->second.generation != generation) {
      busy_ = false;  // a stale result: dropped
      continue;
    }
    it->second.lint = std::move(result);
    it->second.lint_generation = generation;
    // Written without holding mutex_, so that a client slow to read does not stop the
    // input thread from taking the next change.
    std::unique_lock output(output_);
    lock.unlock();
    send_(message);
    output.unlock();
    lock.lock();
    busy_ = false;
  }
  idle_.notify_all();
}

Lint Server::lint(const std::string& uri, const std::optional<fs::path>& path, std::int64_t version,
                  std::string text) {
  Lint result{uri, version, std::move(text), {}, std::nullopt};
  try {
    fs::path folder = path ? path->parent_path() : fs::current_path();
    auto config = configs_.for_folder(folder);
    if (!config) {
      log(config.error().to_string());
      result.error = config.error();
      return result;
    }
    // A file the client has not saved yet is checked as if it were on disk already.
    std::string display = path ? path->string() : std::string("<untitled>");
    result.diagnostics = engine::check_text(**config, display, result.text).diagnostics;
  } catch (const std::exception& error) {
    log(fmt::format("{}: {}", uri, error.what()));
    result.error = core::Error{uri, std::nullopt, fmt::format("internal error: {}", error.what())};
  }
  return result;
}

void Server::answer(const PendingAction& action, const std::shared_ptr<const Lint>& current,
                    const std::optional<fs::path>& path) {
  PositionEncoding encoding;
  {
    std::lock_guard lock(mutex_);
    encoding = encoding_;
  }
  json actions = code_actions(*current, encoding, action.request);
  if (action.fix_all && !current->error) {
    try {
      auto config = configs_.for_folder(path ? path->parent_path() : fs::current_path());
      if (config) {
        std::string display = path ? path->string() : std::string("<untitled>");
        engine::Fixed fixed = engine::fix_text(**config, display, current->text);
        if (!fixed.refused && fixed.text != current->text) {
          core::Edit edit = minimal_edit(without_bom(current->text), without_bom(fixed.text));
          actions.push_back({{"title", "Fix all safe contentlint problems"},
                             {"kind", kFixAllKind},
                             {"edit", workspace_edit(*current, encoding, {std::move(edit)},
                                                     action.request.document_changes)}});
        }
      }
    } catch (const std::exception& error) {
      log(fmt::format("{}: {}", current->uri, error.what()));
    }
  }
  respond(action.id, std::move(actions));
}

namespace {

std::unique_ptr<Server> make_server(const std::function<void(std::string_view)>& write,
                                    ServerOptions options) {
  return std::make_unique<Server>(
      [&write](const json& message) {
        // Invalid UTF-8 cannot reach a message from the client's JSON, but a file read
        // from disk could carry it into a message: replace it rather than fail.
        write(frame(message.dump(-1, ' ', false, json::error_handler_t::replace)));
      },
      std::move(options));
}

int serve_loop(Server& server, ByteSource& input) {
  MessageReader reader(input);
  while (true) {
    ReadResult read = reader.next();
    switch (read.status) {
      case ReadStatus::message:
        if (std::optional<int> code = server.handle(read.body)) return *code;
        break;
      case ReadStatus::oversized:
        log(read.error);
        server.refuse(read.error);
        break;
      case ReadStatus::end:
        if (!read.error.empty()) log(read.error);
        return server.exit_code();
      case ReadStatus::malformed:
        log(read.error);
        return 1;
    }
  }
}

}  // namespace

int serve(ByteSource& input, const std::function<void(std::string_view)>& write,
          ServerOptions options) {
  std::unique_ptr<Server> server = make_server(write, std::move(options));
  return serve_loop(*server, input);
}

namespace {

class StdinSource : public ByteSource {
 public:
  std::size_t read(char* buffer, std::size_t size) override {
    while (true) {
      ssize_t got = ::read(STDIN_FILENO, buffer, size);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) return 0;
    }
  }
};

void write_stdout(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t done = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return;  // the client is gone; the end of input follows
    bytes.remove_prefix(static_cast<std::size_t>(done));
  }
}

}  // namespace

void serve_stdio(ServerOptions options) {
  // A client that exits without reading must not kill the server with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  StdinSource input;
  std::function<void(std::string_view)> write = write_stdout;
  std::unique_ptr<Server> server = make_server(write, std::move(options));
  int code = serve_loop(*server, input);
  // The worker may be in the middle of a long lint that nobody waits for any more, and
  // nothing is buffered (output goes straight to the file descriptors): leave now rather
  // than join it.
  std::_Exit(code);
}

}  // namespace contentlint::lsp
