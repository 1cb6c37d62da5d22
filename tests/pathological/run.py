#!/usr/bin/env python3
"""Hostile input never crashes, hangs or loses data (issue #4, in the spirit of cmark's
test/pathological_tests.py).

Every case builds its input in a fresh temporary folder at run time (no large fixtures in
the repository), runs the real binary with a time limit, and asserts:
  - the exact standard output and standard error lines and the exit code;
  - the time bound (LIMIT seconds per run, generous for a Debug build on a shared machine:
    without the limits these inputs take minutes);
  - that every file in the folder is byte-for-byte unchanged (sha256), after a plain run
    and again after a `--fix` run (whose exit code and time are checked too).

Usage: run.py CONTENTLINT [CASE-NAME-SUBSTRING...]. Prints each case's time.
"""
import hashlib
import os
import pathlib
import shutil
import stat
import subprocess
import sys
import tempfile
import time

# Sanitizer builds run several times slower; scripts/test-sanitizers.sh widens the bound.
LIMIT = 5.0 * float(os.environ.get("CONTENTLINT_TIME_SLACK", "1"))  # seconds per run
BINARY = None
ROOT = pathlib.Path(__file__).resolve().parents[2]

CASES = []


def case(name, fix=True):
    """Registers a case: a function that fills the folder and returns (args, stdout,
    exit[, stderr]). stdout and stderr are lists of lines."""
    def register(function):
        CASES.append((name, function, fix))
        return function
    return register


def write(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def repo(folder):
    (folder / ".git").mkdir()


def snapshot(folder):
    """sha256 of every regular file below folder (symlinks and specials by their kind)."""
    hashes = {}
    for path in sorted(folder.rglob("*")):
        mode = os.lstat(path).st_mode
        key = str(path.relative_to(folder))
        if stat.S_ISLNK(mode):
            hashes[key] = "link:" + os.readlink(path)
        elif stat.S_ISREG(mode):
            try:
                hashes[key] = hashlib.sha256(path.read_bytes()).hexdigest()
            except PermissionError:
                hashes[key] = "unreadable:%d" % os.lstat(path).st_size
        elif not stat.S_ISDIR(mode):
            hashes[key] = "special"
    return hashes


def run(folder, args):
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env["LC_ALL"] = "C.UTF-8"
    start = time.monotonic()
    try:
        done = subprocess.run([BINARY] + args, cwd=folder, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, 60.0
    return done, time.monotonic() - start


def lines(data):
    return data.decode("utf-8", errors="backslashreplace").splitlines()


def check(name, function, fix):
    work = pathlib.Path(tempfile.mkdtemp(prefix="contentlint-pathological-"))
    folder = work / "repo"
    folder.mkdir()
    failures = []
    try:
        spec = function(folder)
        if spec is None:
            return [], 0.0, "skipped"
        args, want_out, want_exit = spec[:3]
        want_err = spec[3] if len(spec) > 3 else []
        before = snapshot(folder)
        done, elapsed = run(folder, args if "--format" in args else ["--format", "compact"] + args)
        if done is None:
            return ["timed out after 60 s"], elapsed, ""
        if elapsed > LIMIT:
            failures.append(f"took {elapsed:.2f} s, limit {LIMIT} s")
        for stream, want, got in (("stdout", want_out, done.stdout),
                                  ("stderr", want_err, done.stderr)):
            if callable(want):
                problem = want(got)
                if problem:
                    failures.append(f"{stream}: {problem}")
            elif want is None or lines(got) != want:
                failures.append(f"{stream} differs\n  expected:\n    " +
                                "\n    ".join(want or ["(not given)"]) +
                                "\n  got:\n    " + "\n    ".join(lines(got)))
        if done.returncode != want_exit:
            failures.append(f"exit {done.returncode}, expected {want_exit}")
        if snapshot(folder) != before:
            failures.append("a file changed on a plain run")
        if fix:
            fixed, fix_elapsed = run(folder, ["--format", "compact", "--fix"] + args)
            if fixed is None:
                failures.append("--fix timed out after 60 s")
            else:
                if fix_elapsed > LIMIT:
                    failures.append(f"--fix took {fix_elapsed:.2f} s, limit {LIMIT} s")
                if fixed.returncode != want_exit:
                    failures.append(f"--fix exit {fixed.returncode}, expected {want_exit}")
                if snapshot(folder) != before:
                    failures.append("a file changed on a --fix run")
                elapsed = max(elapsed, fix_elapsed)
        return failures, elapsed, ""
    finally:
        for path in folder.rglob("*"):
            try:
                if not path.is_symlink():
                    os.chmod(path, 0o755 if path.is_dir() else 0o644)
            except OSError:
                pass
        shutil.rmtree(work, ignore_errors=True)


def main():
    global BINARY
    BINARY = str(pathlib.Path(sys.argv[1]).resolve())
    wanted = sys.argv[2:]
    failed = 0
    total = time.monotonic()
    for name, function, fix in CASES:
        if wanted and not any(w in name for w in wanted):
            continue
        failures, elapsed, note = check(name, function, fix)
        status = "FAIL" if failures else ("skip" if note else "ok")
        print(f"{status:4} {elapsed:6.2f}s  {name}{'  (' + note + ')' if note else ''}")
        for failure in failures:
            print("       " + failure.replace("\n", "\n       "))
        failed += bool(failures)
    print(f"{len(CASES)} cases, {failed} failed, {time.monotonic() - total:.1f} s")
    return 1 if failed else 0


# --- cases -------------------------------------------------------------------------------

# Point 3: Markdown that cmark 0.30.2 takes quadratic time on -------------------------------

TOO_COMPLEX = "error: {} [markdown/too-complex]"
BODY_NOT_CHECKED = "; too complex to check (the Markdown body was not checked)"


@case("markdown: '- ' x 30,000 then 30,000 blank lines")
def _(folder):
    write(folder, "a.md", "- " * 30000 + "x\n" + "\n" * 30000)
    return ["a.md"], [
        "a.md:1:1: " + TOO_COMPLEX.format("lists and block quotes nested 30000 levels deep "
                                          "continue over too many blank lines" + BODY_NOT_CHECKED),
        "1 problem (1 error) in 1 file"], 1


@case("markdown: the same inside a block quote")
def _(folder):
    write(folder, "a.md", "> " + "- " * 30000 + "x\n" + ">\n" * 30000)
    return ["a.md"], [
        "a.md:1:1: " + TOO_COMPLEX.format("lists and block quotes nested 30001 levels deep "
                                          "continue over too many blank lines" + BODY_NOT_CHECKED),
        "1 problem (1 error) in 1 file"], 1


@case("markdown: '>' x 100,000 then 'a*' x 100,000")
def _(folder):
    write(folder, "a.md", ">" * 100000 + "a*" * 100000 + "\n")
    return ["a.md"], [
        "a.md:1:1: " + TOO_COMPLEX.format("text nested 100000 levels deep in lists and block "
                                          "quotes has too many inline elements" + BODY_NOT_CHECKED),
        "1 problem (1 error) in 1 file"], 1


@case("markdown: '![[]()' x 50,000 (CVE-2023-22486)")
def _(folder):
    write(folder, "a.md", "Intro.\n\n" + "![[]()" * 50000 + "\n")
    return ["a.md"], [
        "a.md:3:1: " + TOO_COMPLEX.format("4472 unclosed '![' before links in one paragraph"
                                          + BODY_NOT_CHECKED),
        "1 problem (1 error) in 1 file"], 1


@case("markdown: a hostile body does not stop the front matter checks")
def _(folder):
    repo(folder)
    write(folder, ".contentlint.yaml",
          "collections:\n  posts:\n    include: ['*.md']\n    schema: post.schema.yaml\n")
    write(folder, "post.schema.yaml",
          "type: object\nrequired: [title]\nproperties:\n  title: {type: string}\n")
    write(folder, "a.md", "---\ntitle: 3\ntags: [a]\n---\n\n" + "![[]()" * 50000 + "\n")
    return ["a.md"], [
        "a.md:2:8: error: 'title': expected a string, found an integer [frontmatter/schema]",
        "a.md:6:1: " + TOO_COMPLEX.format("4472 unclosed '![' before links in one paragraph"
                                          + BODY_NOT_CHECKED),
        "2 problems (2 errors) in 1 file"], 1


def repeat_case(name, text, fix=True):
    @case("markdown: cmark's pathological test: " + name, fix)
    def _(folder):
        write(folder, "a.md", text)
        return ["a.md"], ["no problems in 1 file"], 0


# cmark 0.30.2 is linear on these (its own test/pathological_tests.py); they must stay fast
# through the extraction and the rules, and the pre-scan must let them through.
repeat_case("nested brackets", "[" * 50000 + "a" + "]" * 50000 + "\n")
repeat_case("nested block quotes", "> " * 50000 + "a\n")
repeat_case("deeply nested lists", "".join("  " * x + "* a\n" for x in range(1000)))
repeat_case("many link openers", "[a" * 65000 + "\n")
repeat_case("many link closers", "a]" * 65000 + "\n")
repeat_case("link openers and emph closers", "[ a_" * 50000 + "\n")
repeat_case("unclosed links", "[a](<b" * 30000 + "\n")
repeat_case("mismatched openers and closers", ("*a_ " * 30000).rstrip() + "\n")


@case("rules: 100,000 links, one per line")
def _(folder):
    write(folder, "a.md", "".join("[link](https://example.org/%d)\n" % i for i in range(100000)))
    return ["a.md"], ["no problems in 1 file"], 0


@case("rules: 25,000 nested block quotes with a link")
def _(folder):
    write(folder, "a.md", "> " * 25000 + "deep [a](https://example.org)\n")
    return ["a.md"], ["no problems in 1 file"], 0


@case("file: larger than the 4 MB cap: refused before reading")
def _(folder):
    with open(folder / "big.md", "wb") as out:
        out.truncate((4 << 20) + 1)  # sparse: the size alone must refuse it
    write(folder, "ok.md", "# Fine\n")
    return ["big.md", "ok.md"], ["no problems in 1 file"], 2, [
        "big.md: file is 4194305 bytes, larger than the 4 MB (4194304 bytes) limit; not checked"]


# Point 3: YAML hazards in front matter ----------------------------------------------------

SYNTAX = "[frontmatter/syntax]"


@case("yaml: nesting 10,000 levels deep")
def _(folder):
    write(folder, "a.md", "---\na: " + "[" * 10000 + "]" * 10000 + "\n---\n\nText.\n")
    return ["a.md"], [
        "a.md:2:67: error: nested more than 64 levels deep; too complex to check " + SYNTAX,
        "1 problem (1 error) in 1 file"], 1


@case("yaml: an alias bomb (billion laughs)")
def _(folder):
    yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        yaml += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
    write(folder, "a.md", "---\n" + yaml + "---\n\nText.\n")
    return ["a.md"], [
        "a.md:6:36: error: aliases expand to more than 100000 values (an alias bomb?); too "
        "complex to check " + SYNTAX,
        "1 problem (1 error) in 1 file"], 1


@case("yaml: an alias cycle")
def _(folder):
    write(folder, "a.md", "---\na: &a [*a]\n---\n\nText.\n")
    return ["a.md"], [
        "a.md:2:8: error: alias *a refers to the node that contains it (a cycle) " + SYNTAX,
        "1 problem (1 error) in 1 file"], 1


@case("yaml: a 3 MB scalar")
def _(folder):
    write(folder, "a.md", "---\ntitle: " + "x" * (3 << 20) + "\n---\n\nText.\n")
    return ["a.md"], ["no problems in 1 file"], 0


@case("yaml: 200,000 keys")
def _(folder):
    write(folder, "a.md", "---\n" + "".join(f"k{i}: v\n" for i in range(200000)) + "---\n\nText.\n")
    return ["a.md"], [
        "a.md:50002:1: error: more than 100000 values; too complex to check " + SYNTAX,
        "1 problem (1 error) in 1 file"], 1

# Point 4: the filesystem -----------------------------------------------------------------

GOOD = "# Good\n\nText.\n"


@case("fs: a symlink loop in a walk")
def _(folder):
    repo(folder)
    write(folder, "good.md", GOOD)
    os.symlink("loop.md", folder / "loop.md")
    return [], ["no problems in 1 file"], 2, [
        "loop.md: cannot follow symbolic link: too many levels of symbolic links"]


@case("fs: a dangling symlink in a walk")
def _(folder):
    repo(folder)
    write(folder, "good.md", GOOD)
    os.symlink("missing.md", folder / "gone.md")
    return [], ["no problems in 1 file"], 2, [
        "gone.md: dangling symbolic link: its target does not exist"]


@case("fs: a symlink that leaves the repository, walked and named")
def _(folder):
    repo(folder)
    write(folder, "good.md", GOOD)
    write(folder.parent, "secret.md", "# Secret token: hunter2 \n")
    os.symlink("../secret.md", folder / "leak.md")
    os.symlink("/etc/passwd", folder / "passwd.md")
    return ["good.md", "leak.md", "passwd.md"], ["no problems in 1 file"], 2, [
        "leak.md: symbolic link leads outside the repository; not followed",
        "passwd.md: symbolic link leads outside the repository; not followed"]


@case("fs: a symlink inside the repository is followed")
def _(folder):
    repo(folder)
    write(folder, "real/a.md", "[empty]()\n")
    os.symlink("real/a.md", folder / "alias.md")
    return ["alias.md"], ["alias.md:1:1: error: link has no destination [link/empty]",
                          "1 problem (1 error) in 1 file"], 1


@case("fs: a FIFO in a walk is named, never opened")
def _(folder):
    repo(folder)
    write(folder, "good.md", GOOD)
    os.mkfifo(folder / "pipe.md")
    return [], ["no problems in 1 file"], 2, ["pipe.md: not a regular file"]


@case("fs: a device file named on the command line")
def _(folder):
    write(folder, "good.md", GOOD)
    return ["/dev/zero", "good.md"], ["no problems in 1 file"], 2, [
        "/dev/zero: not a regular file"]


@case("fs: a folder named like Markdown is walked")
def _(folder):
    repo(folder)
    write(folder, "notes.md/inner.md", "[empty]()\n")
    return ["notes.md"], ["notes.md/inner.md:1:1: error: link has no destination [link/empty]",
                          "1 problem (1 error) in 1 file"], 1


@case("fs: an empty file")
def _(folder):
    write(folder, "empty.md", "")
    return ["empty.md"], ["no problems in 1 file"], 0


@case("fs: a binary file gets only text/encoding")
def _(folder):
    write(folder, "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR  \n# x\n[a]()\n")
    return ["image.md"], [
        "image.md:1:1: error: invalid UTF-8 (byte 0x89); save the file as UTF-8 [text/encoding]",
        "image.md:3:1: error: NUL byte (0x00): this looks like a binary file, not Markdown text "
        "[text/encoding]",
        "2 problems (2 errors) in 1 file"], 1


@case("fs: a file root cannot read (/proc/self/mem)")
def _(folder):
    write(folder, "good.md", GOOD)
    # Named by its absolute path, shown relative to the current folder like every path.
    return ["good.md", "/proc/self/mem"], ["no problems in 1 file"], 2, [
        os.path.relpath("/proc/self/mem", folder) + ": cannot read: Input/output error"]


@case("fs: a mode-000 file")
def _(folder):
    if os.geteuid() == 0:
        return None  # root reads mode-000 files; /proc/self/mem covers the read error
    write(folder, "good.md", GOOD)
    os.chmod(write(folder, "locked.md", GOOD), 0)
    return ["good.md", "locked.md"], ["no problems in 1 file"], 2, [
        "locked.md: cannot read: Permission denied"]


HOSTILE_NAME = "a\n::error::forged\x1b[31m.md"
LATIN1_NAME = b"caf\xe9.md"


def hostile_names(folder):
    repo(folder)
    write(folder, HOSTILE_NAME, "[x]()\n")
    write(folder, os.fsdecode(LATIN1_NAME), "[y]()\n")


@case("names: compact escapes newline, escape and invalid UTF-8")
def _(folder):
    hostile_names(folder)
    return [], [
        "a\\n::error::forged\\x1b[31m.md:1:1: error: link has no destination [link/empty]",
        "caf\\xe9.md:1:1: error: link has no destination [link/empty]",
        "2 problems (2 errors) in 2 files"], 1


@case("names: pretty", fix=False)
def _(folder):
    hostile_names(folder)
    return ["--format", "pretty", "--color", "never"], [
        "a\\n::error::forged\\x1b[31m.md",
        "  1:1  error    link has no destination  link/empty",
        "    | [x]()",
        "    | ^^^^^",
        "",
        "caf\\xe9.md",
        "  1:1  error    link has no destination  link/empty",
        "    | [y]()",
        "    | ^^^^^",
        "",
        "2 problems (2 errors) in 2 files"], 1


@case("names: github annotations cannot forge a command", fix=False)
def _(folder):
    hostile_names(folder)
    return ["--format", "github"], [
        "::error file=a%0A%3A%3Aerror%3A%3Aforged\\x1b[31m.md,line=1,col=1,endLine=1,endColumn=6,"
        "title=link/empty::link has no destination",
        "::error file=caf\ufffd.md,line=1,col=1,endLine=1,endColumn=6,title=link/empty::"
        "link has no destination",
        "::group::contentlint: 2 findings",
        "a\\n::error::forged\\x1b[31m.md:1:1: error: link has no destination [link/empty]",
        "caf\\xe9.md:1:1: error: link has no destination [link/empty]",
        "::endgroup::",
        "2 problems (2 errors) in 2 files"], 1


def parsed(parse, check):
    """A stdout check: parse the output, then compare what `check` extracts."""
    def verify(out):
        try:
            got, want = check(parse(out))
        except Exception as error:  # noqa: BLE001  (any parse failure is the finding)
            return f"does not parse: {error}"
        return None if got == want else f"expected {want!r}, got {got!r}"
    return verify


@case("names: json keeps the name (invalid UTF-8 as U+FFFD)", fix=False)
def _(folder):
    import json
    hostile_names(folder)
    return ["--format", "json"], parsed(json.loads, lambda doc: (
        [f["path"] for f in doc["files"]],
        ["a\n::error::forged\x1b[31m.md", "caf\ufffd.md"])), 1


@case("names: sarif percent-encodes every byte", fix=False)
def _(folder):
    import json
    hostile_names(folder)
    return ["--format", "sarif"], parsed(json.loads, lambda doc: (
        [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
         for r in doc["runs"][0]["results"]],
        ["a%0A%3A%3Aerror%3A%3Aforged%1B%5B31m.md", "caf%E9.md"])), 1


@case("names: junit is well-formed XML", fix=False)
def _(folder):
    import xml.etree.ElementTree as ElementTree
    hostile_names(folder)
    # XML 1.0 cannot hold ESC: it is dropped; a newline is a character reference.
    return ["--format", "junit"], parsed(ElementTree.fromstring, lambda root: (
        [suite.get("name") for suite in root.iter("testsuite")],
        ["a\n::error::forged[31m.md", "caf\ufffd.md"])), 1


@case("names: a hostile name in a tool error")
def _(folder):
    repo(folder)
    os.mkfifo(folder / "::error::x\n.md")
    return [], ["no problems in 0 files"], 2, ["./::error::x\\n.md: not a regular file"]


@case("content: invalid UTF-8 and a NUL byte after 8000 bytes")
def _(folder):
    write(folder, "a.md", b"Caf\xe9.\n\n" + b"x" * 8000 + b"\x00\n")
    return ["a.md"], [
        "a.md:1:4: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8 [text/encoding]",
        "a.md:3:8001: error: NUL byte (0x00) in the text; remove it [text/encoding]",
        "2 problems (2 errors) in 1 file"], 1


@case("content: UTF-16 (LE and BE byte-order marks)")
def _(folder):
    text = "---\ntitle: x\n---\n\n[a]()\n"
    write(folder, "le.md", b"\xff\xfe" + text.encode("utf-16-le"))
    write(folder, "be.md", b"\xfe\xff" + text.encode("utf-16-be"))
    return ["le.md", "be.md"], [
        "be.md:1:1: error: UTF-16 is not supported; save the file as UTF-8 [text/encoding]",
        "le.md:1:1: error: UTF-16 is not supported; save the file as UTF-8 [text/encoding]",
        "2 problems (2 errors) in 2 files"], 1


@case("content: CR-only line endings keep positions")
def _(folder):
    write(folder, "a.md", "---\rtags: [a]\r---\r\r# Title\r\rSee [this]().\r")
    return ["a.md"], ["a.md:7:5: error: link has no destination [link/empty]",
                      "1 problem (1 error) in 1 file"], 1


@case("content: Trojan Source bidirectional controls")
def _(folder):
    write(folder, "a.md", "Run:\n\n```sh\nrm -rf ./build \u202e # safe \u2066x\u2069\n```\n"
                          "\nRight-to-left marks are fine: \u200f.\n")
    return ["a.md"], [
        "a.md:4:16: warning: bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE) "
        "can make the text display differently from how it reads; remove it [text/bidi-control]",
        "a.md:4:25: warning: bidirectional control character U+2066 (LEFT-TO-RIGHT ISOLATE) "
        "can make the text display differently from how it reads; remove it [text/bidi-control]",
        "a.md:4:27: warning: bidirectional control character U+2069 (POP DIRECTIONAL ISOLATE) "
        "can make the text display differently from how it reads; remove it [text/bidi-control]",
        "3 problems (3 warnings) in 1 file"], 0


# Point 5: config and schemas from the pull request ----------------------------------------


def config_case(name, files, stderr, extra=None):
    @case("config: " + name)
    def _(folder):
        repo(folder)
        write(folder, "a.md", GOOD)
        for path, text in files.items():
            write(folder, path, text)
        if extra:
            extra(folder)
        return ["a.md"], [], 2, stderr


BOMB = "".join(f"{n}: &{n} [" + ", ".join([f"*{p}"] * 10) + "]\n"
               for p, n in zip("abcdefgh", "bcdefghi"))
config_case("an alias bomb", {".contentlint.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + BOMB},
            [".contentlint.yaml:5:36: aliases expand to more than 100000 values (an alias bomb?); "
             "too complex to check"])
config_case("nesting 10,000 levels deep", {".contentlint.yaml": "rules: " + "[" * 10000 + "]" * 10000},
            [".contentlint.yaml:1:71: nested more than 64 levels deep; too complex to check"])
config_case("a schema outside the repository",
            {".contentlint.yaml": "collections:\n  p:\n    include: ['*.md']\n"
                                  "    schema: ../outside.schema.yaml\n"},
            [".contentlint.yaml:4:13: schema file '../outside.schema.yaml' is outside the "
             "repository (the config's folder); not read"],
            lambda folder: write(folder.parent, "outside.schema.yaml", "type: object\n"))
config_case("a $ref outside the repository",
            {".contentlint.yaml": "collections:\n  p:\n    include: ['*.md']\n"
                                  "    schema: post.schema.yaml\n",
             "post.schema.yaml": "type: object\nproperties:\n  t: {$ref: '/etc/passwd'}\n"},
            ["post.schema.yaml:3:13: $ref '/etc/passwd' leads outside the repository (the "
             "config's folder); not read"])
config_case("a $ref through a symlink that leaves the repository",
            {".contentlint.yaml": "collections:\n  p:\n    include: ['*.md']\n"
                                  "    schema: post.schema.yaml\n",
             "post.schema.yaml": "type: object\nproperties:\n  t: {$ref: 'defs.json'}\n"},
            ["post.schema.yaml:3:13: $ref 'defs.json' leads outside the repository (the "
             "config's folder); not read"],
            lambda folder: (write(folder.parent, "defs.json", "{}"),
                            os.symlink("../defs.json", folder / "defs.json")))
config_case("a $ref cycle",
            {".contentlint.yaml": "collections:\n  p:\n    include: ['*.md']\n"
                                  "    schema: a.schema.yaml\n",
             "a.schema.yaml": "$ref: b.schema.yaml\n",
             "b.schema.yaml": "$ref: a.schema.yaml\n"},
            ["b.schema.yaml:1:7: $ref cycle: a.schema.yaml -> b.schema.yaml -> a.schema.yaml"])
config_case("rule-dirs outside the repository",
            {".contentlint.yaml": "rule-dirs: [../rules]\n"},
            [".contentlint.yaml:1:13: rule folder '../rules' is outside the repository (the "
             "config's folder); not read"],
            lambda folder: (folder.parent / "rules").mkdir())
config_case("rule-dirs through a symlink that leaves the repository",
            {".contentlint.yaml": "rule-dirs: [rules]\n"},
            [".contentlint.yaml:1:13: rule folder 'rules' is outside the repository (the "
             "config's folder); not read"],
            lambda folder: ((folder.parent / "outside").mkdir(),
                            os.symlink("../outside", folder / "rules")))
config_case("a preset that is a path", {".contentlint.yaml": "extends: ../../etc/passwd\n"},
            [".contentlint.yaml:1:10: unknown preset '../../etc/passwd'; expected one of: "
             "recommended, strict, none"])
config_case("a pattern RE2 refuses (backreference)",
            {".contentlint.yaml": "rules:\n  tag/format: {pattern: '(a)\\1'}\n"},
            [".contentlint.yaml:2:25: option 'pattern' is not a valid regular expression: "
             "invalid escape sequence: \\1"])


@case("config: a catastrophic-backtracking pattern runs in linear time (RE2)")
def _(folder):
    repo(folder)
    write(folder, ".contentlint.yaml",
          "rules:\n  tag/format: {level: error, pattern: '^(a+)+$'}\n")
    write(folder, "a.md", "---\ntags: ['" + "a" * 100000 + "b']\n---\n\nText.\n")
    want = "a.md:2:8: error: tag '" + "a" * 100000 + "b' does not match the tag pattern ^(a+)+$ [tag/format]"
    return ["a.md"], lambda out: None if lines(out) == [want, "1 problem (1 error) in 1 file"] else "differs: " + repr(out[:200]), 1


@case("source: no std::regex in src/ (user patterns go through RE2)", fix=False)
def _(folder):
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "src").rglob("*.[ch]pp")
             if "std::regex" in p.read_text(errors="replace") or "<regex>" in p.read_text(errors="replace")]
    if found:
        raise AssertionError("std::regex in " + ", ".join(found))
    write(folder, "a.md", GOOD)
    return ["a.md"], ["no problems in 1 file"], 0


if __name__ == "__main__":
    sys.exit(main())
