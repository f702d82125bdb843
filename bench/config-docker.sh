#!/usr/bin/env bash
# Benchmarks the Dockerfile and compose scanners (parse + every rule) against parsing alone
# (DockerfileParser; SnakeYAML Engine's compose step for compose files) on the same generated
# files, in one JVM, and prints medians and the ratio.
#
# Usage: bench/config-docker.sh [FILES] [RUNS]   (defaults: 5000 files of each kind, 7 runs)
# Needs a JDK with jshell and the fat jar (built by ./bulkhead when missing or stale).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-5000}"
runs="${2:-7}"
"$root/bulkhead" --version >/dev/null
jar="$root/bulkhead-cli/target/bulkhead.jar"
command -v jshell >/dev/null || { echo "needs jshell (a JDK 17+)" >&2; exit 1; }
jshell -R-Xmx512m -R-XX:+UseSerialGC -R-Dfiles="$files" -R-Druns="$runs" \
  --class-path "$jar" "$root/bench/config-docker.jsh"
