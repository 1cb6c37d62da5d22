#!/usr/bin/env python3
"""`--links external` against a real HTTP server on 127.0.0.1.

Usage: external_links_test.py CONTENTLINT

Starts two servers on 127.0.0.1 (ports chosen by the kernel): the site under test, which the
test config allows through `allow-private: ["127.0.0.1:PORT"]`, and a second one on a port
that config does not allow, which must never see a request. Each server counts requests per
path and the most requests it had in flight at once. Runs the real binary and checks its
exact output, the requests the servers saw, and how long each run took.
"""

import http.server
import os
import pty
import select
import subprocess
import sys
import tempfile
import threading
import time

# Upper time bounds widen in sanitizer builds (scripts/test-sanitizers.sh), which run
# several times slower; lower bounds (a time-out must have been waited for) do not.
SLACK = float(os.environ.get("CONTENTLINT_TIME_SLACK", "1"))

CONTENTLINT = os.path.abspath(sys.argv[1])
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print(f"FAIL: {message}", file=sys.stderr)


# How late the server may see that the checker closed a connection it stopped reading
# (a streamed body, headers that never came): the checker may start its next request in
# between, which must not count as one more at once.
CLOSE_NOTICED_LATE = 0.25


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = {}  # path -> [(method, time), ...]
        self.spans = []  # [start, end or None] of every request since the last reset
        self.authorization = []  # paths that came with credentials
        self.agents = set()

    def begin(self, method, path):
        """Counts a request as in flight; returns its span, for end()."""
        with self.lock:
            now = time.monotonic()
            self.requests.setdefault(path, []).append((method, now))
            span = [now, None]
            self.spans.append(span)
            return span

    def end(self, span, closed_by_checker=False):
        with self.lock:
            span[1] = time.monotonic() - (CLOSE_NOTICED_LATE if closed_by_checker else 0)

    @property
    def max_in_flight(self):
        """The most requests in flight at once: spans overlapping at some moment."""
        with self.lock:
            events = []
            for start, end in self.spans:
                events.append((start, 1))
                if end is not None:
                    events.append((max(end, start), -1))
        most = current = 0
        for _, change in sorted(events, key=lambda event: (event[0], event[1])):
            current += change
            most = max(most, current)
        return most

    def total(self):
        with self.lock:
            return sum(len(v) for v in self.requests.values())

    def count(self, path):
        with self.lock:
            return len(self.requests.get(path, []))

    def reset(self):
        with self.lock:
            self.requests = {}
            self.spans = [span for span in self.spans if span[1] is None]


def make_handler(counter, other_port):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def done(self, closed_by_checker=False):
            """Counts the request as no longer in flight, once. Called before the last
            bytes of the answer go out: once the checker has them it may start its next
            request, which must not find this one still counted."""
            if self.span is not None:
                counter.end(self.span, closed_by_checker)
                self.span = None

        def send(self, status, headers=(), body=b""):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            if not any(name == "Content-Length" for name, _ in headers):
                self.send_header("Content-Length", str(len(body)))
            if self.command == "HEAD" or not body:
                self.done()
                self.end_headers()
                return
            self.end_headers()
            self.done()
            self.wfile.write(body)

        def stream(self, length_header):
            # HEAD is refused, so the checker must GET, and stop reading by itself.
            if self.command == "HEAD":
                return self.send(405)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if length_header:
                self.send_header("Content-Length", str(1 << 30))
            self.end_headers()
            chunk = b"<p id=\"filler\">" + b"x" * 65536 + b"</p>\n"
            deadline = time.monotonic() + 20
            try:
                while time.monotonic() < deadline:
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                self.done(closed_by_checker=True)
            self.close_connection = True

        def handle_any(self):
            self.span = counter.begin(self.command, self.path)
            if self.headers.get("Authorization"):
                counter.authorization.append(self.path)
            counter.agents.add(self.headers.get("User-Agent"))
            try:
                self.route(self.path.split("?")[0])
            finally:
                self.done()

        def route(self, path):
            html = [("Content-Type", "text/html; charset=utf-8")]
            if path == "/ok":
                return self.send(200, html, b"<h1 id=\"present\">Hi</h1><a name=\"old\"></a>")
            if path == "/not-found":
                return self.send(404)
            if path == "/gone":
                return self.send(410)
            if path == "/head-refused":
                return self.send(405 if self.command == "HEAD" else 200)
            if path.startswith("/redirect/"):
                left = int(path.rsplit("/", 1)[1])
                if left == 0:
                    return self.send(200)
                return self.send(302, [("Location", f"/redirect/{left - 1}")])
            if path == "/redirect-404":
                return self.send(301, [("Location", "/not-found")])
            if path == "/loop-a":
                return self.send(302, [("Location", "/loop-b")])
            if path == "/loop-b":
                return self.send(302, [("Location", "/loop-a")])
            if path == "/to-metadata":
                return self.send(302, [("Location", "http://169.254.169.254/latest/meta-data/")])
            if path == "/to-other-port":
                return self.send(302, [("Location", f"http://127.0.0.1:{other_port}/secret")])
            if path == "/to-ftp":
                return self.send(302, [("Location", "ftp://127.0.0.1/file")])
            if path == "/rate-once":
                if counter.count(path) == 1:
                    return self.send(429, [("Retry-After", "1")])
                return self.send(200)
            if path == "/rate-always":
                return self.send(429, [("Retry-After", "1")])
            if path == "/slow-headers":
                # No answer until the checker gives up (its time-out is 1.5 s) and closes
                # the connection, which ends the request on its side too; at most 6 s.
                readable, _, _ = select.select([self.connection], [], [], 6)
                if readable:
                    self.done(closed_by_checker=True)
                    self.close_connection = True
                    return None
                return self.send(200)
            if path.startswith("/slow-ok/"):
                # Slow enough that the checker's three requests to this host overlap.
                time.sleep(0.3)
                return self.send(200)
            if path == "/endless":
                return self.stream(length_header=False)
            if path == "/huge":
                return self.stream(length_header=True)
            return self.send(500)

        do_GET = handle_any
        do_HEAD = handle_any

    return Handler


def serve(counter, other_port=0):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(counter, other_port))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_on_terminal(folder):
    """Runs with stderr on a pseudo-terminal; returns (stdout, what the terminal got)."""
    master, slave = pty.openpty()
    process = subprocess.Popen([CONTENTLINT, "--format", "compact"], cwd=folder,
                               stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    stdout = process.stdout.read().decode()
    process.wait(timeout=60)
    terminal = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        terminal += chunk
    os.close(master)
    return stdout, terminal.decode()


def run(folder, *args):
    start = time.monotonic()
    process = subprocess.run(
        [CONTENTLINT, "--format", "compact", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return process, time.monotonic() - start


def write(folder, name, text):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def config(port, extra="", cache="cache"):
    return f"""extends: none
links:
  mode: external
  cache-dir: {cache}
  timeout: {{ connect: 1s, total: 1500ms }}
  retries: 1
  max-retry-wait: 3s
  max-bytes: 65536
  allow-private: ["127.0.0.1:{port}"]
  hosts:
    127.0.0.1: {{ concurrency: 3 }}
{extra}"""


def page(urls):
    return "# Links\n\n" + "".join(f"- [link]({url})\n" for url in urls)


def expect_output(process, expected, what):
    check(process.stdout == expected, f"{what}: stdout\n--- got\n{process.stdout}--- expected\n{expected}")


def main():
    site = Counter()
    other = Counter()
    other_server = serve(other)
    other_port = other_server.server_address[1]
    server = serve(site, other_port)
    port = server.server_address[1]
    base = f"http://127.0.0.1:{port}"
    timings = {}

    with tempfile.TemporaryDirectory() as folder:
        # 1. Every endpoint, then again with the cache warm.
        main_dir = os.path.join(folder, "main")
        write(main_dir, ".contentlint.yaml", config(port, "  fragments: true\n  exclude: ['/excluded$']\n"))
        urls = [
            f"{base}/ok",
            f"{base}/ok#present",
            f"{base}/ok#old",
            f"{base}/ok#missing",
            f"{base}/not-found",
            f"{base}/gone",
            f"{base}/head-refused",
            f"{base}/redirect/5",
            f"{base}/redirect/6",
            f"{base}/redirect-404",
            f"{base}/loop-a",
            f"{base}/to-metadata",
            f"{base}/to-other-port",
            f"{base}/to-ftp",
            f"{base}/slow-headers",
            f"{base}/endless",
            f"{base}/huge",
            f"{base}/huge#anywhere",
            f"{base}/excluded",
            f"http://user:secret@127.0.0.1:{port}/ok?credentials",
        ] + [f"{base}/slow-ok/{n}" for n in range(6)]
        write(main_dir, "page.md", page(urls))

        def at(url):  # where page() writes the destination of `url`
            return f"page.md:{3 + urls.index(url)}:10:"

        expected = (
            f"{at(base + '/ok#missing')} error: external page has no anchor '#missing': {base}/ok#missing [link/external]\n"
            f"{at(base + '/not-found')} error: external link returns 404 Not Found: {base}/not-found [link/external]\n"
            f"{at(base + '/gone')} error: external link returns 410 Gone: {base}/gone [link/external]\n"
            f"{at(base + '/redirect/6')} error: external link redirects more than 5 times: {base}/redirect/6 [link/external]\n"
            f"{at(base + '/redirect-404')} error: external link redirects to {base}/not-found, which returns 404 Not Found: {base}/redirect-404 [link/external]\n"
            f"{at(base + '/loop-a')} error: external link redirects in a loop (back to {base}/loop-a): {base}/loop-a [link/external]\n"
            f"{at(base + '/to-metadata')} warning: not checked: {base}/to-metadata redirects to 169.254.169.254, which is a link-local address [link/external]\n"
            f"{at(base + '/to-other-port')} warning: not checked: {base}/to-other-port redirects to 127.0.0.1, which is a loopback address on port {other_port}, which allow-private does not list [link/external]\n"
            f"{at(base + '/to-ftp')} warning: not checked: {base}/to-ftp redirects to 'ftp://127.0.0.1/file', which is not http(s) [link/external]\n"
            f"{at(base + '/slow-headers')} warning: could not verify (timed out after 1500ms): {base}/slow-headers [link/external]\n"
            "10 problems (6 errors, 4 warnings) in 1 file\n"
        )

        process, took = run(main_dir)
        timings["cold run"] = took
        got = process.stdout
        expect_output(process, expected, "cold run")
        check(process.returncode == 1, f"cold run: exit {process.returncode}, stderr {process.stderr}")
        check(process.stderr == "", f"cold run: stderr {process.stderr!r}")
        check(1.4 <= took < 4 * SLACK, f"cold run took {took:.2f}s (slow-headers must time out at 1.5s)")
        check(other.total() == 0, f"the disallowed port saw {other.total()} requests")
        check(site.count("/excluded") == 0, "an excluded URL was requested")
        # One page, /ok, for its four links: one GET, since its ids are wanted.
        check(site.requests.get("/ok") and [m for m, _ in site.requests["/ok"]] == ["GET"],
              f"/ok: {site.requests.get('/ok')}")
        check(site.count("/ok?credentials") == 1, "the URL with credentials was not checked once")
        check(site.count("/loop-a") == 1 and site.count("/loop-b") == 1, "loop requests")
        check(site.count("/redirect/6") == 1 and site.count("/redirect/1") == 2
              and site.count("/redirect/0") == 1, "redirect chains followed hop by hop")
        check([m for m, _ in site.requests.get("/head-refused", [])] == ["HEAD", "GET"],
              "HEAD then GET for a refused HEAD")
        # HEAD then GET, directly and at the end of /redirect-404's chain.
        check(site.count("/not-found") == 4, f"/not-found: {site.count('/not-found')}")
        check(site.max_in_flight == 3, f"127.0.0.1 allows 3 at once, saw {site.max_in_flight}")
        concurrency = site.max_in_flight
        requests_cold = site.total()

        check(site.authorization == [], f"credentials were sent: {site.authorization}")
        check(site.agents == {"contentlint-link-checker/1 (+https://github.com/contentlint/contentlint)"},
              f"User-Agent: {site.agents}")
        site.reset()
        process, took = run(main_dir)
        timings["warm run"] = took
        check(process.stdout == got, f"warm run differs:\n{process.stdout}")
        cached = ["/ok", "/not-found", "/gone", "/head-refused", "/redirect/5", "/redirect/6",
                  "/redirect-404", "/loop-a", "/endless", "/huge", "/ok?credentials",
                  "/slow-ok/0"]
        for path in cached:
            check(site.count(path) == 0, f"warm run requested cached {path}")
        check(site.count("/slow-headers") == 1, "a time-out is not cached")
        check(site.count("/to-metadata") == 1, "a refused redirect is not cached")
        requests_warm = site.total()

        # Progress on a terminal: this run takes over a second (slow-headers), so the count
        # is shown on stderr, then erased.
        stdout, terminal = run_on_terminal(main_dir)
        check(stdout == got, "progress run: stdout differs")
        # 21 pages: the four /ok links are one page, so are the two /huge ones; one excluded.
        check(terminal.startswith("\r\x1b[Kexternal links: ") and
              terminal.endswith("\r\x1b[Kexternal links: 21/21 checked, 9 failed\r\x1b[K"),
              f"progress: {terminal!r}")

        # 2. Rate limiting: Retry-After honoured; a host that keeps answering 429 is a warning.
        rate_dir = os.path.join(folder, "rate")
        write(rate_dir, ".contentlint.yaml", config(port, cache="false"))
        write(rate_dir, "page.md", page([f"{base}/rate-once", f"{base}/rate-always"]))
        site.reset()
        process, took = run(rate_dir)
        timings["rate limited"] = took
        expect_output(process,
                      f"page.md:4:10: warning: could not verify (rate limited): {base}/rate-always [link/external]\n"
                      + summary_of(process.stdout), "rate limited")
        check(process.returncode == 0, f"rate limited: a warning must not fail the run ({process.returncode})")
        check(site.count("/rate-once") == 2 and site.count("/rate-always") == 2,
              f"rate limited: one retry each, saw {site.requests.keys()}")
        first, second = [t for _, t in site.requests.get("/rate-once", [(0, 0), (0, 0)])]
        check(second - first >= 0.95, f"Retry-After: 1 honoured ({second - first:.2f}s)")
        check(took < 4 * SLACK, f"rate limited run took {took:.2f}s")

        # 3. Endless and huge bodies cost nothing when only the status is wanted, and at
        #    most max-bytes when the ids are.
        body_dir = os.path.join(folder, "body")
        write(body_dir, ".contentlint.yaml", config(port, "  fragments: true\n", cache="false"))
        write(body_dir, "page.md", page([f"{base}/endless", f"{base}/huge", f"{base}/huge#x"]))
        process, took = run(body_dir)
        timings["endless and huge bodies"] = took
        expect_output(process, "no problems in 1 file\n", "bodies")
        check(process.returncode == 0, f"bodies: exit {process.returncode}")
        check(took < 1.2 * SLACK, f"endless and huge bodies took {took:.2f}s")

        # 4. The default policy: loopback, private and metadata addresses in any spelling are
        #    refused before any connection.
        strict_dir = os.path.join(folder, "strict")
        write(strict_dir, ".contentlint.yaml", "extends: none\nlinks: { mode: external, cache-dir: false }\n")
        spellings = [
            f"{base}/ok",
            f"http://127.1:{port}/ok",
            f"http://0x7f.1:{port}/ok",
            f"http://2130706433:{port}/ok",
            f"http://017700000001:{port}/ok",
            f"http://[::1]:{port}/ok",
            f"http://[::ffff:127.0.0.1]:{port}/ok",
            f"http://[::ffff:7f00:1]:{port}/ok",
            f"http://localhost:{port}/ok",
            f"http://LOCALHOST.:{port}/ok",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
            "http://10.0.0.1/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://[fe80::1]/",
            f"http://user:pass@127.0.0.1:{port}/ok",
        ]
        write(strict_dir, "page.md", page(spellings))
        site.reset()
        process, took = run(strict_dir)
        timings["default policy"] = took
        refusals = [
            "127.0.0.1 is a loopback address",
            "127.0.0.1 is a loopback address",
            "127.0.0.1 is a loopback address",
            "127.0.0.1 is a loopback address",
            "127.0.0.1 is a loopback address",
            "::1 is a loopback address",
            "::ffff:127.0.0.1 is a loopback address",
            "::ffff:127.0.0.1 is a loopback address",
            "localhost resolves to a loopback address (127.0.0.1)",
            "localhost. resolves to a loopback address (127.0.0.1)",
            "169.254.169.254 is a link-local address",
            "::ffff:169.254.169.254 is a link-local address",
            "10.0.0.1 is a private address",
            "100.64.0.1 is a carrier-grade NAT address",
            "0.0.0.0 is an unspecified address",
            "fe80::1 is a link-local address",
            "127.0.0.1 is a loopback address",
        ]
        expected = "".join(f"page.md:{3 + i}:10: warning: not checked: {text} [link/external]\n"
                           for i, text in enumerate(refusals))
        expect_output(process, expected + "17 problems (17 warnings) in 1 file\n", "default policy")
        check(site.total() == 0 and other.total() == 0,
              f"default policy: {site.total()} requests reached the server")
        check(process.returncode == 0, f"default policy: exit {process.returncode}")
        check(took < 1 * SLACK, f"default policy run took {took:.2f}s")

    server.shutdown()
    other_server.shutdown()
    for what, took in timings.items():
        print(f"{what}: {took:.2f}s")
    print(f"most requests in flight to 127.0.0.1 (limit 3): {concurrency}")
    print(f"requests cold: {requests_cold}, warm: {requests_warm}")
    print(f"{0 if FAILURES else 1} passed, {len(FAILURES)} failed")
    return 1 if FAILURES else 0


def summary_of(stdout):
    lines = stdout.splitlines(keepends=True)
    return lines[-1] if lines else ""


if __name__ == "__main__":
    sys.exit(main())
