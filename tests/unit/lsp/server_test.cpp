// The server as a client sees it: the lifecycle and its errors, diagnostics published
// for the newest version only, code actions, configs reloaded when they change, and the
// stdio loop with its framing errors.

#include <catch2/catch.hpp>

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "lsp/server.hpp"
#include "lsp/uri.hpp"
#include "testing.hpp"

using namespace contentlint::lsp;
using nlohmann::json;
using testing::notification;
using testing::request;
using testing::StringSource;
using testing::TempFolder;

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kConfig =
    "extends: none\n"
    "rules:\n"
    "  tag/format: warning\n"
    "  heading/title-h1: warning\n"
    "  image/empty-url: error\n";

// "😀" is one code point, two UTF-16 units, four UTF-8 bytes.
constexpr std::string_view kPost =
    "---\n"
    "title: Hello\n"
    "tags: [Foo]\n"
    "---\n"
    "\n"
    "# \xF0\x9F\x98\x80 Title\n"
    "\n"
    "![\xF0\x9F\x98\x80](  )\n";

// A server whose messages are kept, in order.
class Client {
 public:
  explicit Client(std::chrono::milliseconds debounce = std::chrono::milliseconds(0))
      : server_([this](const json& message) { received(message); }, options(debounce)) {}

  std::optional<int> send(const std::string& body) { return server_.handle(body); }

  json initialize(json capabilities = json::object()) {
    send(request(1, "initialize", {{"processId", nullptr}, {"capabilities", capabilities}}));
    send(notification("initialized", json::object()));
    return take().at(0);
  }

  void open(const std::string& uri, std::string_view text, int version = 1) {
    send(notification(
        "textDocument/didOpen",
        {{"textDocument",
          {{"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}}));
  }

  void change(const std::string& uri, std::string_view text, int version) {
    send(notification("textDocument/didChange",
                      {{"textDocument", {{"uri", uri}, {"version", version}}},
                       {"contentChanges", json::array({{{"text", text}}})}}));
  }

  // Every message so far, after the worker went idle; forgets them.
  std::vector<json> take() {
    server_.wait_idle();
    std::lock_guard lock(mutex_);
    return std::exchange(messages_, {});
  }

  Server& server() { return server_; }

 private:
  static ServerOptions options(std::chrono::milliseconds debounce) {
    ServerOptions result;
    result.debounce = debounce;
    result.version = "9.9.9";
    return result;
  }

  void received(const json& message) {
    std::lock_guard lock(mutex_);
    messages_.push_back(message);
  }

  std::mutex mutex_;
  std::vector<json> messages_;
  Server server_;  // last: its worker may call received() until it is destroyed
};

json error(int id, int code, std::string_view message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

// "code line:character-line:character" for each diagnostic of a publishDiagnostics.
std::vector<std::string> summary(const json& publish) {
  std::vector<std::string> result;
  for (const json& d : publish.at("params").at("diagnostics")) {
    const json& r = d.at("range");
    result.push_back(d.value("code", std::string("-")) + " " +
                     std::to_string(r["start"]["line"].get<int>()) + ":" +
                     std::to_string(r["start"]["character"].get<int>()) + "-" +
                     std::to_string(r["end"]["line"].get<int>()) + ":" +
                     std::to_string(r["end"]["character"].get<int>()) + " " +
                     std::to_string(d.at("severity").get<int>()));
  }
  return result;
}

std::vector<json> publishes(const std::vector<json>& messages) {
  std::vector<json> result;
  for (const json& message : messages) {
    if (message.value("method", "") == "textDocument/publishDiagnostics") {
      result.push_back(message);
    }
  }
  return result;
}

json code_action_params(const std::string& uri, int line, json only = nullptr) {
  json context = {{"diagnostics", json::array()}};
  if (!only.is_null()) context["only"] = only;
  return {{"textDocument", {{"uri", uri}}},
          {"range",
           {{"start", {{"line", line}, {"character", 0}}},
            {"end", {{"line", line + 1}, {"character", 0}}}}},
          {"context", context}};
}

}  // namespace

TEST_CASE("before initialize, requests are refused and notifications dropped") {
  Client client;
  client.send(request(7, "textDocument/codeAction", json::object()));
  client.send(notification("textDocument/didOpen",
                           {{"textDocument", {{"uri", "file:///x.md"}, {"text", "x"}}}}));
  CHECK(client.take() == std::vector<json>{error(7, -32002, "the server is not initialized yet")});
  CHECK(client.send(notification("exit", nullptr)) == 1);
}

TEST_CASE("initialize negotiates the position encoding and announces full sync") {
  Client client;
  json result = client.initialize();
  CHECK(result == json::parse(R"({"jsonrpc":"2.0","id":1,"result":{
    "capabilities":{"positionEncoding":"utf-16",
      "textDocumentSync":{"openClose":true,"change":1,"save":{"includeText":false}},
      "codeActionProvider":{"codeActionKinds":["quickfix","source.fixAll.contentlint"]}},
    "serverInfo":{"name":"contentlint","version":"9.9.9"}}})"));
  client.send(request(2, "initialize", json::object()));
  CHECK(client.take() == std::vector<json>{error(2, -32600, "the server is already initialized")});

  Client utf8;
  json offered = {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}};
  CHECK(utf8.initialize(offered)["result"]["capabilities"]["positionEncoding"] == "utf-8");
  Client utf32;
  offered = {{"general", {{"positionEncodings", {"utf-32"}}}}};
  CHECK(utf32.initialize(offered)["result"]["capabilities"]["positionEncoding"] == "utf-32");
}

TEST_CASE("bad JSON, unknown methods and bad params are answered and the server keeps serving") {
  Client client;
  client.initialize();
  client.send("{\"jsonrpc\":\"2.0\",\"id\":3,");
  client.send("[1,2]");
  client.send(request(4, "textDocument/hover", json::object()));
  client.send(notification("$/cancelRequest", {{"id", 4}}));
  client.send(notification("workspace/didChangeConfiguration", json::object()));
  client.send(request(5, "textDocument/codeAction", {{"range", 1}}));
  client.send(R"({"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"})");
  std::vector<json> messages = client.take();
  REQUIRE(messages.size() == 5);
  CHECK(messages[0]["id"].is_null());
  CHECK(messages[0]["error"]["code"] == -32700);
  CHECK(messages[0]["error"]["message"].get<std::string>().starts_with(
      "[json.exception.parse_error"));
  CHECK(messages[1] == json::parse(R"({"jsonrpc":"2.0","id":null,
    "error":{"code":-32600,"message":"a message must be a JSON object"}})"));
  CHECK(messages[2] == error(4, -32601, "unknown method: textDocument/hover"));
  CHECK(messages[3]["id"] == 5);
  CHECK(messages[3]["error"]["code"] == -32602);
  CHECK(messages[4] == json::parse(R"({"jsonrpc":"2.0","id":null,
    "error":{"code":-32600,"message":"an id must be a string or an integer"}})"));
  // Still serving.
  client.send(request(6, "shutdown", nullptr));
  CHECK(client.take() == std::vector<json>{{{"jsonrpc", "2.0"}, {"id", 6}, {"result", nullptr}}});
}

TEST_CASE("deeply nested JSON is read and answered without recursion") {
  Client client;
  client.initialize();
  std::string nested = std::string(200000, '[') + std::string(200000, ']');
  client.send(R"({"jsonrpc":"2.0","id":8,"method":"textDocument/codeAction","params":)" + nested +
              "}");
  client.send(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":)" + nested + "}");
  std::vector<json> messages = client.take();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["id"] == 8);
  CHECK(messages[0]["error"]["code"] == -32602);
}

TEST_CASE("shutdown then exit gives 0, and requests after shutdown are invalid") {
  Client client;
  client.initialize();
  client.send(request(2, "shutdown", nullptr));
  client.send(request(3, "textDocument/codeAction", json::object()));
  CHECK(client.take() == std::vector<json>{{{"jsonrpc", "2.0"}, {"id", 2}, {"result", nullptr}},
                                           error(3, -32600, "the server is shutting down")});
  CHECK(client.server().exit_code() == 0);
  CHECK(client.send(notification("exit", nullptr)) == 0);

  Client abrupt;
  abrupt.initialize();
  CHECK(abrupt.server().exit_code() == 1);
  CHECK(abrupt.send(notification("exit", nullptr)) == 1);
}

TEST_CASE("didOpen publishes diagnostics in UTF-16 positions with the document's version") {
  TempFolder site;
  site.write(".contentlint.yaml", kConfig);
  fs::path post = site.write("src/posts/my post.md", "");
  std::string uri = path_to_uri(post);
  CHECK(uri.ends_with("/src/posts/my%20post.md"));

  Client client;
  client.initialize();
  client.open(uri, kPost, 3);
  std::vector<json> messages = client.take();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["method"] == "textDocument/publishDiagnostics");
  CHECK(messages[0]["params"]["uri"] == uri);
  CHECK(messages[0]["params"]["version"] == 3);
  CHECK(summary(messages[0]) == std::vector<std::string>{"tag/format 2:7-2:10 2",
                                                         "heading/title-h1 5:0-5:10 2",
                                                         "image/empty-url 7:0-7:9 1"});
  const json& first = messages[0]["params"]["diagnostics"][0];
  CHECK(first["source"] == "contentlint");
  CHECK(first["codeDescription"]["href"] ==
        "https://github.com/contentlint/contentlint/blob/main/docs/rules.md#tagformat");

  Client utf8;
  utf8.initialize({{"general", {{"positionEncodings", {"utf-8"}}}}});
  utf8.open(uri, kPost, 3);
  CHECK(summary(utf8.take().at(0)) == std::vector<std::string>{"tag/format 2:7-2:10 2",
                                                               "heading/title-h1 5:0-5:12 2",
                                                               "image/empty-url 7:0-7:11 1"});

  client.send(notification("textDocument/didClose", {{"textDocument", {{"uri", uri}}}}));
  json cleared = {{"jsonrpc", "2.0"},
                  {"method", "textDocument/publishDiagnostics"},
                  {"params", {{"uri", uri}, {"diagnostics", json::array()}}}};
  CHECK(client.take() == std::vector<json>{cleared});
}

TEST_CASE("a byte-order mark and CRLF line breaks do not shift positions") {
  TempFolder site;
  site.write(".contentlint.yaml", kConfig);
  std::string uri = path_to_uri(site.write("post.md", ""));
  Client client;
  client.initialize();
  client.open(uri, "\xEF\xBB\xBF---\r\ntags: [Foo]\r\n---\r\n\r\n![a]()\r\n", 1);
  CHECK(summary(client.take().at(0)) ==
        std::vector<std::string>{"tag/format 1:7-1:10 2", "image/empty-url 4:0-4:6 1"});
  client.send(request(2, "textDocument/codeAction", code_action_params(uri, 4)));
  std::vector<json> messages = client.take();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["result"][0]["edit"]["changes"][uri] == json::parse(R"([
    {"range":{"start":{"line":4,"character":0},"end":{"line":4,"character":0}},
     "newText":"<!-- contentlint-disable-next-line image/empty-url -->\r\n"}])"));
}

TEST_CASE("a document that is not a file is linted with the current directory's config") {
  TempFolder site;
  site.write(".contentlint.yaml", kConfig);
  fs::path previous = fs::current_path();
  fs::current_path(site.path());
  Client client;
  client.initialize();
  client.open("untitled:Untitled-1", "---\ntags: [Foo]\n---\n", 1);
  std::vector<json> messages = client.take();
  fs::current_path(previous);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["params"]["uri"] == "untitled:Untitled-1");
  CHECK(summary(messages[0]) == std::vector<std::string>{"tag/format 1:7-1:10 2"});
}

TEST_CASE("ranged changes from a client that syncs incrementally are applied") {
  TempFolder site;
  site.write(".contentlint.yaml", "extends: none\nrules:\n  text/trailing-space: warning\n");
  std::string uri = path_to_uri(site.write("post.md", ""));
  Client client;
  client.initialize();
  client.open(uri,
              "a\xF0\x9F\x98\x80"
              "b\nc\n",
              1);
  CHECK(summary(client.take().at(0)).empty());
  json insert = {
      {"range",
       {{"start", {{"line", 0}, {"character", 4}}}, {"end", {{"line", 0}, {"character", 4}}}}},
      {"text", "   "}};
  json replace = {
      {"range",
       {{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 1}, {"character", 1}}}}},
      {"text", "d "}};
  client.send(
      notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                              {"contentChanges", json::array({insert, replace})}}));
  CHECK(summary(client.take().at(0)) ==
        std::vector<std::string>{"text/trailing-space 0:4-0:7 2", "text/trailing-space 1:1-1:2 2"});
}

TEST_CASE("a burst of changes is linted once, at its newest version") {
  TempFolder site;
  site.write(".contentlint.yaml", kConfig);
  std::string uri = path_to_uri(site.write("post.md", ""));
  Client client(std::chrono::milliseconds(300));
  client.initialize();
  client.open(uri, kPost, 1);
  client.change(uri, "![a]()\n", 2);
  client.change(uri, "![a]()\n\n![b]()\n", 3);
  client.change(uri, "text\n\n![b]()\n", 4);
  std::vector<json> published = publishes(client.take());
  REQUIRE(!published.empty());
  // The open may or may not have been linted before the first change arrived; no
  // intermediate version is, and nothing older follows the newest.
  CHECK(published.back()["params"]["version"] == 4);
  CHECK(summary(published.back()) == std::vector<std::string>{"image/empty-url 2:0-2:6 1"});
  for (const json& publish : published) {
    int version = publish["params"]["version"].get<int>();
    CHECK((version == 1 || version == 4));
  }
}

TEST_CASE("a code action waits for the lint of the text the client holds now") {
  TempFolder site;
  site.write(".contentlint.yaml", kConfig);
  std::string uri = path_to_uri(site.write("post.md", ""));
  Client client(std::chrono::milliseconds(5000));  // only the code action can trigger it
  client.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  client.open(uri, kPost, 1);
  client.take();
  client.change(uri, "---\ntags: [Bar]\n---\n", 2);
  client.send(request(9, "textDocument/codeAction", code_action_params(uri, 1)));
  std::vector<json> messages = client.take();
  REQUIRE(messages.size() == 2);
  CHECK(messages[0]["params"]["version"] == 2);
  CHECK(messages[1]["id"] == 9);
  const json& actions = messages[1]["result"];
  REQUIRE(actions.size() == 2);
  CHECK(actions[0]["title"] == "change the tag to 'bar'");
  CHECK(actions[0]["isPreferred"] == true);
  CHECK(actions[0]["edit"] == json::parse(R"({"documentChanges":[{
    "textDocument":{"uri":")" + uri + R"(","version":2},
    "edits":[{"range":{"start":{"line":1,"character":7},"end":{"line":1,"character":10}},
              "newText":"bar"}]}]})"));
  CHECK(actions[1]["title"] == "Disable tag/format for this line");

  // A fresh lint answers at once; a document that is not open has no actions.
  client.send(request(10, "textDocument/codeAction", code_action_params(uri, 1)));
  client.send(request(11, "textDocument/codeAction", code_action_params("file:///nope.md", 1)));
  messages = client.take();
  REQUIRE(messages.size() == 2);
  CHECK(messages[0]["result"].size() == 2);
  CHECK(messages[1] == json{{"jsonrpc", "2.0"}, {"id", 11}, {"result", json::array()}});
}

TEST_CASE("source.fixAll applies every safe fix as one edit") {
  TempFolder site;
  site.write(".contentlint.yaml",
             "extends: none\nrules:\n  tag/format: warning\n"
             "  text/trailing-space: warning\n");
  std::string uri = path_to_uri(site.write("post.md", ""));
  Client client;
  client.initialize();
  client.open(uri, "---\ntags: [Foo, Bar]\n---\n\ntext  \n", 1);
  client.take();
  client.send(request(4, "textDocument/codeAction",
                      code_action_params(uri, 0, json::array({"source.fixAll"}))));
  std::vector<json> messages = client.take();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["result"] == json::parse(R"([{"title":"Fix all safe contentlint problems",
    "kind":"source.fixAll.contentlint","edit":{"changes":{")" +
                                             uri + R"(":[
      {"range":{"start":{"line":1,"character":7},"end":{"line":4,"character":6}},
       "newText":"foo, bar]\n---\n\ntext"}]}}}])"));
}

TEST_CASE("configs are cached, reloaded when a file changes, and their errors published") {
  TempFolder site;
  fs::path config = site.write(".contentlint.yaml", kConfig);
  std::string uri = path_to_uri(site.write("post.md", ""));
  Client client;
  client.initialize();
  client.open(uri, kPost, 1);
  CHECK(summary(client.take().at(0)).size() == 3);
  client.send(notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}}));
  CHECK(summary(client.take().at(0)).size() == 3);
  CHECK(client.server().config_loads() == 1);

  auto rewrite = [&](std::string_view text) {
    auto before = fs::last_write_time(config);
    site.write(".contentlint.yaml", text);
    fs::last_write_time(config, before + std::chrono::seconds(2));
  };
  rewrite("extends: none\nrules:\n  image/empty-url: error\n");
  client.send(notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}}));
  CHECK(summary(client.take().at(0)) == std::vector<std::string>{"image/empty-url 7:0-7:9 1"});
  CHECK(client.server().config_loads() == 2);

  rewrite("extends: none\nrulez: {}\n");
  client.change(uri, kPost, 2);
  std::vector<json> messages = client.take();
  REQUIRE(messages.size() == 1);
  const json& only = messages[0]["params"]["diagnostics"];
  REQUIRE(only.size() == 1);
  CHECK(only[0]["range"] == json::parse(R"({"start":{"line":0,"character":0},
                                            "end":{"line":0,"character":0}})"));
  CHECK(only[0]["severity"] == 1);
  CHECK(
      only[0]["message"].get<std::string>().starts_with("contentlint cannot lint this document: "));
  CHECK(only[0]["message"].get<std::string>().find(".contentlint.yaml:2:1: ") != std::string::npos);

  rewrite(kConfig);
  client.send(notification("workspace/didChangeWatchedFiles", {{"changes", json::array()}}));
  CHECK(summary(client.take().at(0)).size() == 3);
}

TEST_CASE("a new schema file makes the config reload") {
  TempFolder site;
  site.write(".contentlint.yaml",
             "extends: none\nrules:\n  frontmatter/schema: error\n"
             "collections:\n  posts:\n    include: ['posts/*.md']\n"
             "    schema: schemas/post.yaml\n");
  fs::path schema = site.write("schemas/post.yaml", "type: object\n");
  std::string uri = path_to_uri(site.write("posts/a.md", ""));
  Client client;
  client.initialize();
  client.open(uri, "---\ntitle: x\n---\n", 1);
  CHECK(summary(client.take().at(0)).empty());
  auto before = fs::last_write_time(schema);
  site.write("schemas/post.yaml", "type: object\nrequired: [author]\n");
  fs::last_write_time(schema, before + std::chrono::seconds(2));
  client.send(notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}}));
  CHECK(summary(client.take().at(0)) == std::vector<std::string>{"frontmatter/schema 0:0-0:3 1"});
  CHECK(client.server().config_loads() == 2);
}

TEST_CASE("the stdio loop: framing errors are answered or end the session") {
  auto run = [](std::string input, std::vector<json>& out) {
    StringSource source(std::move(input), 5);
    std::mutex mutex;
    int code = serve(source, [&](std::string_view bytes) {
      std::lock_guard lock(mutex);
      std::size_t body = bytes.find("\r\n\r\n");
      REQUIRE(body != std::string_view::npos);
      out.push_back(json::parse(bytes.substr(body + 4)));
    });
    return code;
  };
  std::vector<json> out;
  std::string big = "Content-Length: 99999999999\r\n\r\n";
  std::string input = frame(request(1, "initialize", json::object())) + frame("{oops") + big;
  CHECK(run(input, out) == 1);  // the input ended without shutdown
  REQUIRE(out.size() == 3);
  CHECK(out[1]["error"]["code"] == -32700);
  CHECK(out[2] == json::parse(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32600,
    "message":"message of 99999999999 bytes exceeds the limit of 67108864 bytes"}})"));

  out.clear();
  input = frame(request(1, "initialize", json::object())) + frame(request(2, "shutdown", nullptr)) +
          frame(notification("exit", nullptr)) + frame(request(3, "never", nullptr));
  CHECK(run(input, out) == 0);
  CHECK(out.size() == 2);

  out.clear();
  CHECK(run(frame(request(2, "shutdown", nullptr)) + "garbage\r\n\r\n", out) == 1);
  CHECK(out == std::vector<json>{error(2, -32002, "the server is not initialized yet")});
}
