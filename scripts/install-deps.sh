#!/usr/bin/env bash
# Installs the Debian packages contentlint builds and tests with; quiet and quick when
# everything is already there. Run as root (or with sudo) on Debian 12.
set -euo pipefail

packages=(
  cmake g++ make pkg-config ccache git
  libyaml-cpp-dev libyaml-dev libcmark-dev libcli11-dev libfmt-dev libre2-dev catch2
  nlohmann-json3-dev libcurl4-openssl-dev
  # lld links the start-up code of the release binary together (src/cli/CMakeLists.txt).
  lld
)
if [[ "${1:-}" == "--test" ]]; then
  # What the test suite needs beyond the build: the reference cmark CLI, pre-commit,
  # clang-format for the formatting check.
  packages+=(cmark clang-format python3)
  # tests/integration: the real pre-commit client, and PyYAML to read the workflow files.
  packages+=(pre-commit python3-yaml)
  # tests/integration/lsp: the real Neovim (0.7) as a language-server client.
  packages+=(neovim)
  # tests/package.json: Node.js and npm for the npm-pinned tools (the SARIF multitool).
  # NodeSource's nodejs bundles npm and conflicts with Debian's npm: add npm only if missing.
  packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
  # scripts/fuzz.sh: clang and its runtime libraries (libFuzzer, ASan, UBSan for clang:
  # libclang-rt-dev pulls libclang-rt-14-dev, which holds libclang_rt.fuzzer).
  packages+=(clang libclang-rt-dev)
fi
if [[ " $* " == *" --bench "* ]]; then
  # bench/run.sh: libyaml for the parse floor (bench/floor.c), GNU time for peak RSS,
  # hyperfine for single-file latency, Node.js for the npm-pinned peers (bench/package.json).
  packages+=(gcc libyaml-dev time hyperfine python3 nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "contentlint: installing ${missing[*]}" >&2
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
