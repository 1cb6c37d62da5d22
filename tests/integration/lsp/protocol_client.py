#!/usr/bin/env python3
"""A scripted LSP client for `contentlint lsp`: the lifecycle, diagnostics with UTF-16
positions, code actions, document changes, and malformed input, over real pipes.

Usage: protocol_client.py CONTENTLINT_BINARY
Every check prints what it expected and what it got, and the script exits 1 on the first
failure. Standard output of the server must hold nothing but framed protocol messages.
"""
import json
import os
import pathlib
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

CONFIG = """\
extends: none
rules:
  tag/format: warning
  image/empty-url: error
  text/trailing-space: warning
"""

# "😀" is one code point, two UTF-16 code units and four UTF-8 bytes, so a column counted
# in any unit but UTF-16 lands elsewhere.
ARTICLE = """\
---
title: Protocol test
tags: [Foo]
---

Intro \U0001F600 text with ![\U0001F600](  ) inline.
"""

HEADER = re.compile(rb"Content-Length: (\d+)\r\n\r\n")
# Time bounds are multiplied by this on slow builds (sanitizers) and busy machines.
SLACK = float(os.environ.get("CONTENTLINT_TIME_SLACK", "1"))


class Failure(Exception):
    pass


def check(what, got, want):
    if got != want:
        raise Failure(f"{what}:\n  expected {json.dumps(want, ensure_ascii=False)}\n"
                      f"  got      {json.dumps(got, ensure_ascii=False)}")


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Session:
    """One server process, with a thread that parses everything it writes to stdout."""

    def __init__(self, binary, cwd):
        self.proc = subprocess.Popen([binary, "lsp"], cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.stdout_problem = None
        self.stderr = b""
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self._stderr_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_reader.start()

    def _read_stdout(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = out.read(1)
                if not byte:
                    if header:
                        self.stdout_problem = f"stdout ended inside a header: {header!r}"
                    self.inbox.put(None)
                    return
                header += byte
                if len(header) > 100:
                    break
            match = HEADER.fullmatch(header)
            if not match:
                self.stdout_problem = f"stdout holds something that is not a header: {header!r}"
                self.inbox.put(None)
                return
            body = out.read(int(match[1]))
            try:
                self.inbox.put(json.loads(body))
            except ValueError:
                self.stdout_problem = f"stdout holds a body that is not JSON: {body!r}"
                self.inbox.put(None)
                return

    def _read_stderr(self):
        self.stderr = self.proc.stderr.read()

    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        message = {"jsonrpc": "2.0", **message}
        self.send_raw(frame(json.dumps(message).encode()))

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def next(self, timeout=10):
        try:
            message = self.inbox.get(timeout=timeout)
        except queue.Empty:
            raise Failure(f"no message from the server within {timeout} s")
        if message is None:
            raise Failure(self.stdout_problem or "the server closed its output")
        return message

    def expect(self, predicate, what, timeout=10):
        """The first message that satisfies `predicate`; fails on anything else but
        diagnostics (which may arrive at any time)."""
        deadline = time.monotonic() + timeout
        while True:
            message = self.next(max(0.01, deadline - time.monotonic()))
            if predicate(message):
                return message
            if message.get("method") != "textDocument/publishDiagnostics":
                raise Failure(f"while waiting for {what}, got {json.dumps(message)}")

    def request(self, id, method, params=None, timeout=10):
        self.send({"id": id, "method": method, "params": params})
        return self.expect(lambda m: m.get("id") == id and "method" not in m,
                           f"the response to {method}", timeout)

    def diagnostics(self, uri, version, timeout=10):
        return self.expect(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                           and m["params"]["uri"] == uri
                           and m["params"].get("version") == version,
                           f"diagnostics for version {version}", timeout)["params"]

    def close_input(self):
        self.proc.stdin.close()

    def wait(self, timeout=10):
        """The exit code, once the server has exited and all it wrote to stderr is read."""
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise Failure(f"the server did not exit within {timeout} s")
        self._stderr_reader.join(timeout)
        return code


def initialize(session, capabilities=None):
    response = session.request(1, "initialize", {
        "processId": os.getpid(), "rootUri": None, "capabilities": capabilities or {}})
    session.notify("initialized", {})
    return response


def summary(diagnostics):
    return [[d.get("code"), d["range"]["start"]["line"], d["range"]["start"]["character"],
             d["range"]["end"]["line"], d["range"]["end"]["character"], d["severity"]]
            for d in diagnostics]


def utf16_index(text, position):
    """The index into `text` of an LSP position counted in UTF-16 code units."""
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[:position["line"]])
    line = lines[position["line"]] if position["line"] < len(lines) else ""
    units = 0
    for i, char in enumerate(line):
        if units >= position["character"]:
            return start + i
        units += 2 if ord(char) > 0xFFFF else 1
    return start + len(line.rstrip("\r\n"))


def apply_edits(text, edits):
    spans = sorted(((utf16_index(text, e["range"]["start"]), utf16_index(text, e["range"]["end"]),
                     e["newText"]) for e in edits), reverse=True)
    for begin, end, new in spans:
        text = text[:begin] + new + text[end:]
    return text


def main_session(binary, site, cwd):
    article = site / "posts" / "bad article.md"
    uri = article.as_uri()
    check("the URI names the file percent-encoded", uri.endswith("/posts/bad%20article.md"), True)
    session = Session(binary, cwd)

    # Before initialize: refused.
    response = session.request(0, "textDocument/codeAction", {})
    check("a request before initialize", response["error"]["code"], -32002)

    response = initialize(session)
    capabilities = response["result"]["capabilities"]
    check("the position encoding", capabilities["positionEncoding"], "utf-16")
    check("the sync options", capabilities["textDocumentSync"],
          {"openClose": True, "change": 1, "save": {"includeText": False}})

    session.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}})
    published = session.diagnostics(uri, 1)
    check("diagnostics of the article (UTF-16 columns)", summary(published["diagnostics"]), [
        ["tag/format", 2, 7, 2, 10, 2],
        ["image/empty-url", 5, 19, 5, 28, 1],
    ])
    image = published["diagnostics"][1]
    check("the diagnostic's source", image["source"], "contentlint")
    check("the diagnostic's message", image["message"], "image URL is empty")
    check("the rule's documentation", image["codeDescription"]["href"],
          "https://github.com/contentlint/contentlint/blob/main/docs/rules.md#imageempty-url")

    # Quick fixes for the tag: the rule's fix, preferred, then the disable comment.
    cursor = {"line": 2, "character": 8}
    response = session.request(2, "textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": cursor, "end": cursor},
        "context": {"diagnostics": [published["diagnostics"][0]]}})
    actions = response["result"]
    check("code action titles", [a["title"] for a in actions],
          ["change the tag to 'foo'", "Disable tag/format for this line"])
    check("the fix is preferred", actions[0].get("isPreferred"), True)
    check("the disable action is not", "isPreferred" in actions[1], False)
    edits = actions[0]["edit"]["changes"][uri]
    check("the fix's edits", edits, [{"range": {"start": {"line": 2, "character": 7},
                                                "end": {"line": 2, "character": 10}},
                                      "newText": "foo"}])

    # The image's disable comment goes above its line.
    cursor = {"line": 5, "character": 20}
    response = session.request(3, "textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": cursor, "end": cursor},
        "context": {"diagnostics": []}})
    check("the image's actions", [a["title"] for a in response["result"]],
          ["Disable image/empty-url for this line"])
    disable = response["result"][0]["edit"]["changes"][uri]

    # Apply both, as an editor would, and send the new text.
    text = apply_edits(apply_edits(ARTICLE, edits), disable)
    check("the edited text", text.splitlines()[2:6],
          ["tags: [foo]", "---", "", "<!-- contentlint-disable-next-line image/empty-url -->"])
    session.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]})
    check("diagnostics after the fixes", session.diagnostics(uri, 2)["diagnostics"], [])

    # A burst of changes: only the newest version's diagnostics come, and they are right.
    for version in range(3, 8):
        session.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text + "x" * version + "  \n"}]})
    published = session.diagnostics(uri, 7)
    check("diagnostics of the newest version", summary(published["diagnostics"]),
          [["text/trailing-space", 7, 7, 7, 9, 2]])

    # Malformed input is answered and the server keeps serving.
    session.send_raw(frame(b'{"jsonrpc": "2.0", "id": 5, "method": '))
    response = session.expect(lambda m: "error" in m, "a parse error")
    check("bad JSON", [response["id"], response["error"]["code"]], [None, -32700])
    response = session.request(6, "textDocument/hover", {})
    check("an unknown request", response["error"],
          {"code": -32601, "message": "unknown method: textDocument/hover"})
    session.notify("$/unknownNotification", {})
    oversized = 64 * 1024 * 1024 + 1
    session.send_raw(b"Content-Length: %d\r\n\r\n" % oversized)
    response = session.expect(lambda m: "error" in m, "a refusal")
    check("an oversized message", response,
          {"jsonrpc": "2.0", "id": None, "error": {
              "code": -32600,
              "message": "message of 67108865 bytes exceeds the limit of 67108864 bytes"}})
    # The server skips the body without keeping it: send it, then go on.
    chunk = b" " * (1 << 20)
    for _ in range(64):
        session.send_raw(chunk)
    session.send_raw(b" ")

    # shutdown is answered promptly even while a big document is being linted.
    big = ARTICLE + ("A line of text with ![](x) in it.  \n" * 40000)
    session.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 8}, "contentChanges": [{"text": big}]})
    started = time.monotonic()
    response = session.request(9, "shutdown", None, timeout=5)
    check("the shutdown response", response, {"jsonrpc": "2.0", "id": 9, "result": None})
    elapsed = time.monotonic() - started
    check(f"shutdown answered within {2 * SLACK:g} s (took {elapsed:.3f} s)", elapsed < 2 * SLACK,
          True)
    response = session.request(10, "textDocument/codeAction", {})
    check("a request after shutdown", response["error"]["code"], -32600)
    started = time.monotonic()
    session.notify("exit", None)
    check("the exit code after shutdown", session.wait(), 0)
    elapsed = time.monotonic() - started
    check(f"exit without waiting for the lint (took {elapsed:.3f} s)", elapsed < 2 * SLACK, True)
    check("stdout held only protocol", session.stdout_problem, None)
    return session.stderr


def short_sessions(binary, cwd):
    # exit without shutdown: exit code 1.
    session = Session(binary, cwd)
    initialize(session)
    session.notify("exit", None)
    check("the exit code of exit without shutdown", session.wait(), 1)

    # The end of input ends the server, promptly.
    session = Session(binary, cwd)
    initialize(session)
    session.close_input()
    check("the exit code at the end of input", session.wait(), 1)

    session = Session(binary, cwd)
    initialize(session)
    session.request(2, "shutdown")
    session.close_input()
    check("the exit code at the end of input after shutdown", session.wait(), 0)

    # Framing that cannot be resynchronised ends the session with 1, and says why.
    session = Session(binary, cwd)
    session.send_raw(b"this is not a header\r\n\r\n")
    check("the exit code after a garbled header", session.wait(), 1)
    check("stdout after a garbled header", session.inbox.get(timeout=5), None)
    check("what stderr says", session.stderr.decode(),
          "contentlint lsp: header line without ':': 'this is not a header'\n")

    session = Session(binary, cwd)
    session.send_raw(b"X" * 20000)
    check("the exit code after an endless header", session.wait(), 1)
    check("what stderr says", session.stderr.decode(),
          "contentlint lsp: header longer than 8192 bytes\n")


def main():
    binary = pathlib.Path(sys.argv[1]).resolve()
    work = pathlib.Path(tempfile.mkdtemp(prefix="contentlint-lsp-client-"))
    try:
        site = work / "site"
        (site / "posts").mkdir(parents=True)
        (site / ".contentlint.yaml").write_text(CONFIG)
        (site / "posts" / "bad article.md").write_text(ARTICLE)
        elsewhere = work / "elsewhere"  # the server's current directory: not the site
        elsewhere.mkdir()
        stderr = main_session(binary, site, elsewhere)
        short_sessions(binary, elsewhere)
    except Failure as failure:
        print(f"FAILED: {failure}")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("ok: lifecycle, UTF-16 diagnostics, code actions, changes, malformed input")
    if stderr:
        print("server stderr:\n" + stderr.decode(errors="replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
