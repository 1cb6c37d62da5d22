// Fuzz target: the language server's framing and message handling, fed through `serve` as
// a client's standard input. An input that starts with `{` or `[` is a list of JSON bodies
// separated by blank lines, framed here after an `initialize` (so mutations of the JSON
// are not lost to broken framing); any other input is the raw byte stream.
#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

#include "fuzz_common.hpp"
#include "lsp/framing.hpp"
#include "lsp/server.hpp"

using namespace contentlint;
using nlohmann::json;

namespace {

class MemorySource : public lsp::ByteSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    // Small reads, so that headers and bodies arrive split across calls.
    std::size_t count = std::min<std::size_t>({size, bytes_.size() - at_, 4096});
    std::memcpy(buffer, bytes_.data() + at_, count);
    at_ += count;
    return count;
  }

 private:
  std::string bytes_;
  std::size_t at_ = 0;
};

std::string framed_bodies(std::string_view input) {
  std::string stream =
      lsp::frame(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}})");
  stream += lsp::frame(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  while (!input.empty()) {
    std::size_t end = input.find("\n\n");
    stream += lsp::frame(input.substr(0, end));
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 2);
  }
  return stream;
}

bool position_before(const json& a, const json& b) {
  return std::pair(a.at("line").get<std::int64_t>(), a.at("character").get<std::int64_t>()) <=
         std::pair(b.at("line").get<std::int64_t>(), b.at("character").get<std::int64_t>());
}

// Every message the server writes is framed right, is JSON, and its diagnostics have
// ranges that end after they begin.
void check_output(std::string_view message) {
  constexpr std::string_view kHeader = "Content-Length: ";
  FUZZ_CHECK(message.starts_with(kHeader));
  std::size_t blank = message.find("\r\n\r\n");
  FUZZ_CHECK(blank != std::string_view::npos);
  std::string_view body = message.substr(blank + 4);
  FUZZ_CHECK(std::to_string(body.size()) == message.substr(kHeader.size(), blank - kHeader.size()));
  json parsed = json::parse(body, nullptr, false);
  FUZZ_CHECK(!parsed.is_discarded());
  FUZZ_CHECK(parsed.is_object());
  FUZZ_CHECK(parsed.value("jsonrpc", "") == "2.0");
  if (parsed.value("method", "") != "textDocument/publishDiagnostics") return;
  for (const json& diagnostic : parsed.at("params").at("diagnostics")) {
    const json& range = diagnostic.at("range");
    FUZZ_CHECK(range.at("start").at("line").get<std::int64_t>() >= 0);
    FUZZ_CHECK(range.at("start").at("character").get<std::int64_t>() >= 0);
    FUZZ_CHECK(position_before(range.at("start"), range.at("end")));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input = fuzz::bytes(data, size);
  if (!input.empty() && (input.front() == '{' || input.front() == '[')) {
    input = framed_bodies(input);
  }
  MemorySource source(std::move(input));
  lsp::ServerOptions options;
  options.debounce = std::chrono::milliseconds(0);
  options.version = "fuzz";
  int code = lsp::serve(source, check_output, options);
  FUZZ_CHECK(code == 0 || code == 1);
  return 0;
}
