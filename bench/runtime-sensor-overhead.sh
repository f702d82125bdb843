#!/usr/bin/env bash
# Measures the live sensor's overhead on a syscall-heavy workload: the same `dd bs=1` run (two
# system calls per byte) inside a podman container, timed without watching, with `runtime watch`
# (default: exec/open/network probes only) and with the full system-call stream (--syscalls).
# Prints median elapsed times (timed inside the container by busybox `time`), the ratios to the
# unwatched run, and the sensor's record and drop counts. Needs root, podman, bpftrace and
# busybox-static.
# Usage: bench/runtime-sensor-overhead.sh [BYTES] [RUNS]   (defaults 300000 and 3)
#   SYSCALLS=0 skips the --syscalls case.
#   REFERENCE_JAR=path/to/bulkhead.jar adds a --syscalls phase run with that (e.g. an older) jar,
#   labelled all-syscalls-ref, to compare two sensor versions under the same machine load.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bytes="${1:-300000}"
runs="${2:-3}"
[ "$(id -u)" = 0 ] || { echo "run as root (the sensor loads eBPF programs)" >&2; exit 1; }
for t in podman bpftrace /bin/busybox; do
  command -v "$t" >/dev/null || { echo "missing $t: apt-get install -y podman bpftrace busybox-static" >&2; exit 1; }
done

runtime="$root/.ci/runc-norlimit"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d /tmp/bh-bench-sensor.XXXXXX)"
name="bh-bench-sensor-$$"
image="localhost/bulkhead-bench-busybox:latest"
svc_pid=""
watch_pid=""
cleanup() {
  [ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null && wait "$watch_pid" 2>/dev/null || true
  podman --runtime "$runtime" rm -f -t 0 "$name" "$name-twin" >/dev/null 2>&1 || true
  [ -n "$svc_pid" ] && kill "$svc_pid" 2>/dev/null || true
  podman rmi -f "$image" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/rootfs/bin" "$work/rootfs/tmp" "$work/rootfs/dev" "$work/rootfs/proc"
cp /bin/busybox "$work/rootfs/bin/busybox"
for a in sh dd sleep time; do ln -s busybox "$work/rootfs/bin/$a"; done
tar -C "$work/rootfs" -c . | podman import - "$image" >/dev/null
podman --runtime "$runtime" run -d --name "$name" "$image" /bin/sleep 100000 >/dev/null
# An unwatched twin, timed interleaved with the watched container, so that load from other
# processes on the machine hits both sides of the ratio alike.
podman --runtime "$runtime" run -d --name "$name-twin" "$image" /bin/sleep 100000 >/dev/null
podman --runtime "$runtime" system service --time=0 "unix://$work/podman.sock" >"$work/service.log" 2>&1 &
svc_pid=$!
for _ in $(seq 50); do [ -S "$work/podman.sock" ] && break; sleep 0.1; done

"$root/bulkhead" --version >/dev/null   # builds the jar when stale, outside the timings
bh=("$root/bulkhead")
if [ -n "${REFERENCE_JAR:-}" ]; then
  [ -f "$REFERENCE_JAR" ] || { echo "REFERENCE_JAR $REFERENCE_JAR is not a file" >&2; exit 1; }
fi

workload() {   # prints the elapsed time of one dd run in container $1, timed inside it, in seconds
  podman --runtime "$runtime" exec "$1" /bin/time dd if=/dev/zero of=/dev/null bs=1 \
      count="$bytes" 2>&1 >/dev/null |
    awk '$1 == "real" { m = $2; sub("m", "", m); s = $3; sub("s", "", s); t = m * 60 + s }
         END { printf "%.3f\n", t }'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

measure() {   # label, then watch options (none: no watch)
  local label="$1"; shift
  if [ "$#" -gt 0 ]; then
    rm -rf "$work/baselines" "$work/alerts.jsonl"
    "${bh[@]}" runtime watch --container "$name" --learn 1s --quiet \
      --alerts "$work/alerts.jsonl" --baseline-dir "$work/baselines" \
      --host "unix://$work/podman.sock" "$@" 2>"$work/watch-$label.err" &
    watch_pid=$!
    for _ in $(seq 300); do grep -q monitoring "$work/watch-$label.err" 2>/dev/null && break; sleep 0.1; done
    grep -q monitoring "$work/watch-$label.err" || { cat "$work/watch-$label.err" >&2; exit 1; }
  fi
  workload "$name" >/dev/null   # warm-up
  : >"$work/times-$label"
  : >"$work/times-$label-twin"
  for _ in $(seq "$runs"); do
    workload "$name" >>"$work/times-$label"
    workload "$name-twin" >>"$work/times-$label-twin"
  done
  median <"$work/times-$label" >"$work/median-$label"
  median <"$work/times-$label-twin" >"$work/median-$label-twin"
  if [ -n "$watch_pid" ]; then
    kill "$watch_pid"; wait "$watch_pid" 2>/dev/null || true; watch_pid=""
  fi
}

measure none
measure exec-open-net --mode monitor
labels="none exec-open-net"
if [ "${SYSCALLS:-1}" != 0 ]; then
  measure all-syscalls --syscalls
  labels="$labels all-syscalls"
  if [ -n "${REFERENCE_JAR:-}" ]; then
    bh=(java -XX:+UseSerialGC -Xmx384m -XX:+ExitOnOutOfMemoryError -jar "$REFERENCE_JAR")
    measure all-syscalls-ref --syscalls
    bh=("$root/bulkhead")
    labels="$labels all-syscalls-ref"
  fi
fi
base=$(cat "$work/median-none")
printf 'load average (1, 5, 15 min) at the start: %s, at the end: %s\n' "$load_start" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'workload: dd bs=1 count=%s in a podman container (%s syscalls), median of %s runs\n' \
  "$bytes" "$((bytes * 2))" "$runs"
for label in $labels; do
  m=$(cat "$work/median-$label")
  t=$(cat "$work/median-$label-twin")
  awk -v l="$label" -v m="$m" -v b="$base" -v t="$t" 'BEGIN {
    printf "%-16s %8.3f s  ratio %.2f to no watch; unwatched twin meanwhile %.3f s, ratio %.2f\n",
      l, m, m / b, t, m / t }'
done
for label in ${labels#none }; do
  printf '%-16s %s\n' "$label" "$(grep -o 'stopped; .*' "$work/watch-$label.err" || echo 'no summary')"
done
