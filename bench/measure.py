#!/usr/bin/env python3
"""Times contentlint against its peers and the parse floor on one corpus; bench/run.sh calls it.

Every tool runs in the corpus folder with its output thrown away. The runs alternate
(round after round, each round starting with a different tool) so that a change in the
machine's load hits every tool alike. Wall time is taken around the process; CPU time and
peak RSS come from GNU time. Medians are reported, and ratios are the claim.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BEGIN = "<!-- results:begin (written by bench/measure.py; edit outside these markers) -->"
END = "<!-- results:end -->"


class Tool:
    """One command to time: its name, argv, the exit codes that mean it worked, how often."""

    def __init__(self, name, argv, ok=(0, 1), runs=5, note=""):
        self.name = name
        self.argv = argv
        self.ok = ok
        self.runs = runs
        self.note = note
        self.samples = []  # (wall s, cpu s, peak RSS KB)

    def median(self, index):
        return statistics.median(s[index] for s in self.samples)


def run_once(tool, cwd):
    """Runs the tool once under GNU time; returns (wall, cpu, rss).

    Peak RSS is GNU time's; CPU time comes from wait4's resource usage (microseconds,
    where GNU time rounds to 10 ms), which counts the tool as a child of GNU time.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        argv = ["/usr/bin/time", "-f", "%M", "-o", report.name] + tool.argv
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        fields = report.read().split()
    if process.returncode not in tool.ok:
        sys.exit(f"measure: {tool.name} exited {process.returncode}: {' '.join(tool.argv)}")
    # GNU time prints "Command exited with non-zero status N" first when N != 0.
    return wall, usage.ru_utime + usage.ru_stime, int(fields[-1])


def alternate(tools, cwd, label):
    for tool in tools:  # one untimed run each: page cache, lazy loading, JIT
        run_once(tool, cwd)
    rounds = max(t.runs for t in tools)
    for r in range(rounds):
        order = tools[r % len(tools):] + tools[:r % len(tools)]
        for tool in order:
            if len(tool.samples) < tool.runs:
                tool.samples.append(run_once(tool, cwd))
        print(f"measure: {label} round {r + 1}/{rounds} done", file=sys.stderr)


def latency(tools, path, cwd, hyperfine, rounds=5):
    """(median wall ms, median CPU ms) of each tool, start to exit, on one small file.

    In rounds, each tool once per round and each round starting with the next tool, as for
    the corpus: a few milliseconds move with the load of a shared machine, and a change of
    load then hits every tool alike."""
    walls = {tool.name: [] for tool in tools}
    cpus = {tool.name: [] for tool in tools}
    for r in range(rounds):
        order = tools[r % len(tools):] + tools[:r % len(tools)]
        for tool in order:
            argv = [a if a != "{file}" else path for a in tool.argv]
            runs = max(1, tool.runs // rounds)
            if hyperfine:
                with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
                    subprocess.run([hyperfine, "-N", "--warmup", "3" if r == 0 else "1",
                                    "--runs", str(runs), "--ignore-failure", "--style", "none",
                                    "--export-json", out.name, subprocess.list2cmdline(argv)],
                                   cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
                    data = json.load(out)["results"][0]
                    walls[tool.name] += [t * 1000 for t in data["times"]]
                    # hyperfine keeps the mean user and system times, not one per run.
                    cpus[tool.name].append((data["user"] + data["system"]) * 1000)
            else:
                if r == 0:
                    for _ in range(min(3, runs)):
                        run_once(tool_with(tool, argv), cwd)
                samples = [run_once(tool_with(tool, argv), cwd) for _ in range(runs)]
                walls[tool.name] += [s[0] * 1000 for s in samples]
                cpus[tool.name] += [s[1] * 1000 for s in samples]
        print(f"measure: single file round {r + 1}/{rounds} done", file=sys.stderr)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name]))
            for name in walls}


def tool_with(tool, argv):
    copy = Tool(tool.name, argv, ok=range(0, 256), runs=tool.runs)
    return copy


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def corpus_stats(corpus):
    files = 0
    size = 0
    for folder, _, names in os.walk(os.path.join(corpus, "src", "content")):
        for name in names:
            if name.endswith(".md"):
                files += 1
                size += os.path.getsize(os.path.join(folder, name))
    return files, size


def smallest_post(corpus):
    posts = []
    for folder, _, names in os.walk(os.path.join(corpus, "src", "content", "posts")):
        for name in names:
            if name.endswith(".md"):
                path = os.path.join(folder, name)
                posts.append((os.path.getsize(path), os.path.relpath(path, corpus)))
    return min(posts)


def fmt_s(seconds):
    return f"{seconds:.3f} s"


def fmt_ratio(a, b):
    return f"{a / b:.2f}" if b > 0 else "n/a"


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--corpus-10x", help="the same site with 10x the posts (RSS, linearity)")
    parser.add_argument("--contentlint", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--rumdl", required=True)
    parser.add_argument("--markdownlint", required=True, help="the markdownlint-cli2 script")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slow-runs", type=int, default=3, help="runs of markdownlint-cli2")
    parser.add_argument("--readme", help="write the results into this README")
    parser.add_argument("--command", default="bench/run.sh", help="how the run was started")
    args = parser.parse_args()

    corpus = os.path.abspath(args.corpus)
    for name in ("contentlint", "floor", "rumdl", "markdownlint"):
        setattr(args, name, os.path.abspath(getattr(args, name)))
    jobs = os.cpu_count() or 1
    load_before = os.getloadavg()
    files, size = corpus_stats(corpus)
    posts = "src/content/posts"

    contentlint = Tool("contentlint", [args.contentlint, "check", "--format", "compact"],
                       runs=args.runs,
                       note="default rules (recommended) + the collection's schema, all cores")
    rumdl = Tool("rumdl", [args.rumdl, "check", "--no-cache", "--no-config",
                           "--respect-gitignore=false", "--output-format", "concise", posts],
                 runs=args.runs, note="`check --no-cache`, default rules, all cores")
    markdownlint = Tool("markdownlint-cli2", ["node", args.markdownlint, posts + "/**/*.md"],
                        runs=args.slow_runs, note="default rules (Node.js, one thread)")
    floor1 = Tool("floor (1 thread)", [args.floor, posts], ok=(0,), runs=args.runs,
                  note="read + libyaml + libcmark, no rules")
    floorn = Tool(f"floor ({jobs} threads)", [args.floor, "-j", str(jobs), posts], ok=(0,),
                  runs=args.runs, note="the same on all cores")
    tools = [contentlint, rumdl, markdownlint, floor1, floorn]
    alternate(tools, corpus, "corpus")

    size_bytes, small = smallest_post(corpus)
    hyperfine = shutil.which("hyperfine")
    quick = max(args.runs, 50)
    single = [
        Tool("process start (/bin/true)", ["/bin/true"], runs=quick),
        Tool("floor", [args.floor, "{file}"], runs=quick),
        Tool("contentlint", [args.contentlint, "check", "--format", "compact", "{file}"],
             runs=quick),
        Tool("rumdl", [args.rumdl, "check", "--no-cache", "--no-config", "{file}"], runs=quick),
        Tool("markdownlint-cli2", ["node", args.markdownlint, "{file}"], runs=args.slow_runs),
    ]
    latencies = latency(single, small, corpus, hyperfine)

    big = None
    if args.corpus_10x:
        corpus10 = os.path.abspath(args.corpus_10x)
        big_files, big_size = corpus_stats(corpus10)
        big_tools = [Tool("contentlint", contentlint.argv, runs=3),
                     Tool(f"floor ({jobs} threads)", floorn.argv, ok=(0,), runs=3)]
        alternate(big_tools, corpus10, "10x corpus")
        big = (big_files, big_size, big_tools)

    # The results, as Markdown.
    cl_wall = contentlint.median(0)
    lines = []
    now = datetime.datetime.now(datetime.timezone.utc)
    version = subprocess.run([args.contentlint, "--version"], capture_output=True,
                             text=True).stdout.strip()
    rumdl_version = subprocess.run([args.rumdl, "--version"], capture_output=True,
                                   text=True).stdout.strip()
    with open(os.path.join(os.path.dirname(os.path.abspath(args.markdownlint)),
                           "package.json")) as f:
        mdl_version = json.load(f)["version"]
    node_version = subprocess.run(["node", "--version"], capture_output=True,
                                  text=True).stdout.strip()
    lines += [
        f"Measured {now:%Y-%m-%d %H:%M} UTC with `{args.command}`.",
        "",
        f"- machine: {cpu_model()}, {jobs} cores (nproc), {platform.system()} "
        f"{platform.release()}; load average before the run "
        f"{load_before[0]:.2f} / {load_before[1]:.2f} / {load_before[2]:.2f}, after "
        f"{os.getloadavg()[0]:.2f}",
        f"- corpus: {files} posts, {size / 1e6:.2f} MB (`bench/generate.py`, default seed)",
        f"- tools: {version or 'contentlint'}; {rumdl_version}; markdownlint-cli2 {mdl_version} "
        f"on Node.js {node_version}; runs alternate, {args.runs} timed runs each "
        f"({args.slow_runs} of markdownlint-cli2) after one untimed warm-up run",
        "",
        "| tool | what it does here | median wall | median CPU (user+sys) | peak RSS | "
        "contentlint / tool (wall) |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for tool in tools:
        ratio = "—" if tool is contentlint else fmt_ratio(cl_wall, tool.median(0))
        lines.append(f"| {tool.name} | {tool.note} | {fmt_s(tool.median(0))} | "
                     f"{fmt_s(tool.median(1))} | {tool.median(2) / 1024:.1f} MB | {ratio} |")
    start = latencies[single[0].name][0]
    lines += ["", f"One small file end to end (`{small}`, {size_bytes} bytes; "
              f"{'hyperfine -N' if hyperfine else 'a loop'}, five alternating rounds, "
              f"median):", "",
              "| command | median wall | CPU (user+sys) | x process start |",
              "| --- | ---: | ---: | ---: |"]
    for tool in single:
        wall, cpu = latencies[tool.name]
        cpu_text = f"{cpu:.1f} ms" if cpu is not None else "n/a"
        lines.append(f"| {tool.name} | {wall:.1f} ms | {cpu_text} | {wall / start:.1f} |")
    if big:
        big_files, big_size, big_tools = big
        cl10, floor10 = big_tools
        lines += [
            "", f"10x the files ({big_files} posts, {big_size / 1e6:.1f} MB), 3 runs each:", "",
            "| tool | median wall | x the 1x time | peak RSS | x the 1x RSS |",
            "| --- | ---: | ---: | ---: | ---: |",
            f"| contentlint | {fmt_s(cl10.median(0))} | {cl10.median(0) / cl_wall:.1f} | "
            f"{cl10.median(2) / 1024:.1f} MB | {cl10.median(2) / contentlint.median(2):.2f} |",
            f"| {floor10.name} | {fmt_s(floor10.median(0))} | "
            f"{floor10.median(0) / floorn.median(0):.1f} | {floor10.median(2) / 1024:.1f} MB | "
            f"{floor10.median(2) / floorn.median(2):.2f} |",
        ]
    rss = contentlint.median(2) / 1024
    lines += [
        "", "Targets (issue 7):", "",
        f"- contentlint ≤ 2x the floor: {fmt_ratio(cl_wall, floorn.median(0))}x the "
        f"{jobs}-thread floor, {fmt_ratio(cl_wall, floor1.median(0))}x the 1-thread floor "
        f"(wall); {fmt_ratio(contentlint.median(1), floor1.median(1))}x its CPU time — "
        f"{verdict(cl_wall <= 2 * floorn.median(0))} against the {jobs}-thread floor",
        f"- contentlint ≤ 1/3 of rumdl's time: {fmt_ratio(cl_wall, rumdl.median(0))} — "
        f"{verdict(cl_wall * 3 <= rumdl.median(0))}",
        f"- contentlint ≤ 1/20 of markdownlint-cli2's time: "
        f"{fmt_ratio(cl_wall, markdownlint.median(0))} — "
        f"{verdict(cl_wall * 20 <= markdownlint.median(0))}",
        f"- one small file ≤ 5 ms: {latencies['contentlint'][0]:.1f} ms, "
        f"{latencies['contentlint'][0] / start:.1f}x this run's process start of {start:.1f} ms "
        f"(the issue's 5 ms is 1.8x its 2.8 ms) — {verdict(latencies['contentlint'][0] <= 5)}",
        f"- peak RSS ≤ 30 MB: {rss:.1f} MB — {verdict(rss <= 30)}",
    ]
    if big:
        growth = big[2][0].median(2) / contentlint.median(2)
        lines.append(f"- RSS flat at 10x the files: x{growth:.2f} — {verdict(growth <= 1.5)}")
    text = "\n".join(lines) + "\n"
    print(text)

    if args.readme:
        try:
            with open(args.readme) as f:
                readme = f.read()
        except FileNotFoundError:
            readme = f"# Benchmark\n\n{BEGIN}\n{END}\n"
        if BEGIN not in readme or END not in readme:
            readme += f"\n{BEGIN}\n{END}\n"
        head, rest = readme.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        with open(args.readme, "w") as f:
            f.write(head + BEGIN + "\n" + text + END + tail)


if __name__ == "__main__":
    main()
