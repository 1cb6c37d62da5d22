#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target (tests/fuzz) into OUT/<target>/, from the
repository's own fixtures, so that no seed is duplicated into git:

  frontmatter, markdown, fix  every Markdown file of tests/ and examples/
  schema                      every schema (YAML/JSON), alone and followed by `#%%` and
                              an article's front matter to validate
  config                      every .contentlint.yaml and rule-test config.yaml, the presets
                              and the rule packs
  lsp                         framed sessions that open, change and fix each of a few articles,
                              and the same messages as unframed JSON bodies

Usage: scripts/fuzz-corpus.py OUT
"""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SKIP = {"node_modules", ".git", ".cache"}


def files(patterns, under=("tests", "examples")):
    found = set()
    for folder in under:
        for pattern in patterns:
            for path in (ROOT / folder).rglob(pattern):
                if path.is_file() and not SKIP & set(path.relative_to(ROOT).parts):
                    found.add(path)
    return sorted(found)


def write(out, target, data):
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    # Named by content, as libFuzzer names its own corpus files: duplicates collapse.
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def front_matter(text):
    if not text.startswith(b"---\n"):
        return None
    end = text.find(b"\n---", 4)
    return text[4 : end + 1] if end != -1 else None


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def session(uri, text):
    """A client's whole conversation about one document, as message objects."""
    full = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
    yield {"jsonrpc": "2.0", "id": 1, "method": "initialize",
           "params": {"processId": None, "rootUri": None,
                      "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}}
    yield {"jsonrpc": "2.0", "method": "initialized", "params": {}}
    yield {"jsonrpc": "2.0", "method": "textDocument/didOpen",
           "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                       "text": text}}}
    yield {"jsonrpc": "2.0", "method": "textDocument/didChange",
           "params": {"textDocument": {"uri": uri, "version": 2},
                      "contentChanges": [{"range": full, "text": "# Title\n"}]}}
    yield {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction",
           "params": {"textDocument": {"uri": uri},
                      "range": {"start": {"line": 0, "character": 0},
                                "end": {"line": 3, "character": 0}},
                      "context": {"diagnostics": []}}}
    yield {"jsonrpc": "2.0", "method": "textDocument/didSave",
           "params": {"textDocument": {"uri": uri}}}
    yield {"jsonrpc": "2.0", "method": "textDocument/didClose",
           "params": {"textDocument": {"uri": uri}}}
    yield {"jsonrpc": "2.0", "id": 3, "method": "shutdown"}
    yield {"jsonrpc": "2.0", "method": "exit"}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])

    markdown = files(["*.md"])
    for path in markdown:
        data = path.read_bytes()
        for target in ("frontmatter", "markdown", "fix"):
            write(out, target, data)

    articles = [path.read_bytes() for path in markdown if path.read_bytes().startswith(b"---\n")]
    values = [fm for fm in (front_matter(a) for a in articles[:8]) if fm]
    schemas = files(["*.schema.yaml", "*.schema.json"]) + sorted((ROOT / "schemas").glob("*.json"))
    for path in schemas:
        data = path.read_bytes()
        write(out, "schema", data)
        for value in values:
            write(out, "schema", data.rstrip(b"\n") + b"\n#%%\n" + value)

    configs = files([".contentlint.yaml", "config.yaml"]) + sorted((ROOT / "rules").rglob("*.yaml"))
    for path in configs:
        write(out, "config", path.read_bytes())

    for index, text in enumerate(articles[:12]):
        messages = list(session(f"file:///tmp/contentlint-fuzz/a{index}.md", text.decode("utf-8", "replace")))
        write(out, "lsp", b"".join(frame(m) for m in messages))
        write(out, "lsp", b"\n\n".join(json.dumps(m).encode() for m in messages[2:]))
    for target in sorted(p.name for p in out.iterdir()):
        print(f"{target}: {len(list((out / target).iterdir()))} seeds")


if __name__ == "__main__":
    main()
