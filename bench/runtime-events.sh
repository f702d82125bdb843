#!/usr/bin/env bash
# Benchmarks the runtime scoring path on replayed system call events: events per second per core
# through reading + feature extraction + streaming scoring (the learned ngram-markov model and
# STIDE), against just reading and parsing the same events, in one JVM on one thread (CPU time).
#
# Usage: bench/runtime-events.sh [ROUNDS]
#   ROUNDS  timed rounds per figure (default 7; medians are reported)
# Two replays:
#   1. ADFA-LD (../shared/data/adfa-ld-dev, all 3,448 traces, ~1.5 M events; models learned on
#      its training/ traces);
#   2. a real `strace -f -tt` log of a syscall-heavy workload recorded here (find + sha256sum over
#      /usr/lib), learned on a first recording and replayed from a second; strace parsing costs
#      more than ADFA-LD's numbers, so the ratio is lower.
# Needs: java 17+, maven (to build the jar once), strace (apt-get install -y strace).
set -euo pipefail
rounds="${1:-7}"
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data/adfa-ld-dev"
work="$(mktemp -d /var/tmp/bh-bench-rt.XXXXXX)"
trap 'rm -rf "$work"' EXIT

[ -d "$data/training" ] || { echo "missing $data (the shared ADFA-LD split)" >&2; exit 1; }
command -v strace >/dev/null || { echo "needs strace: apt-get install -y strace" >&2; exit 1; }
"$root/bulkhead" --version >/dev/null   # builds the jar if needed, outside the timings
jar="$root/bulkhead-cli/target/bulkhead.jar"
bench() { java -XX:+UseSerialGC -Xmx1g -cp "$jar" dev.bulkhead.runtime.eval.ReplayBench "$@"; }

echo "== ADFA-LD replay"
bench "adfa-ld:$data/training" "adfa-ld:$data" "$rounds"

echo "== strace -f -tt replay (find + sha256sum over /usr/lib)"
workload() { find /usr/lib -type f -name '*.so*' -print0 | head -z -n 4000 | xargs -0 sha256sum >/dev/null; }
strace -f -tt -qq -o "$work/learn.log" bash -c "$(declare -f workload); workload"
strace -f -tt -qq -o "$work/replay.log" bash -c "$(declare -f workload); workload"
bench "strace:$work/learn.log" "strace:$work/replay.log" "$rounds"
