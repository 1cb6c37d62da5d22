#!/usr/bin/env python3
"""Runs neovim_test.lua in the real Neovim, headless and without any user config, with a
scratch site and scratch XDG folders (Neovim writes its LSP log there).

Usage: run_neovim.py CONTENTLINT_BINARY
Fails (never skips) when nvim is missing: CI installs it with scripts/install-deps.sh --test.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile


def main() -> int:
    binary = pathlib.Path(sys.argv[1]).resolve()
    script = pathlib.Path(__file__).resolve().parent / "neovim_test.lua"
    nvim = shutil.which("nvim")
    if nvim is None:
        print("FAILED: nvim not found; install it with scripts/install-deps.sh --test")
        return 1
    work = pathlib.Path(tempfile.mkdtemp(prefix="contentlint-nvim-"))
    env = dict(os.environ, CONTENTLINT=str(binary), SITE=str(work / "site"),
               HOME=str(work / "home"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(work / name.lower())
    try:
        done = subprocess.run(
            [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
             f"luafile {script}"],
            cwd=work, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        print("FAILED: Neovim did not finish within 60 s")
        return 1
    finally:
        log = pathlib.Path(work / "xdg_cache_home" / "nvim" / "lsp.log")
        log_text = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(work, ignore_errors=True)
    sys.stdout.write(done.stdout.decode(errors="replace"))
    sys.stdout.write(done.stderr.decode(errors="replace"))
    if done.returncode != 0:
        print(f"FAILED: nvim exited with {done.returncode}")
        if log_text:
            print("Neovim's LSP log:\n" + log_text)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
