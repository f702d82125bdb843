#!/usr/bin/env bash
# Benchmarks organisation policies (CEL, examples/policies/org-policies.yaml) over generated
# Deployments against parsing the same YAML alone, in one JVM, and prints the ratio.
#
# Usage: bench/cel-policies.sh [RESOURCES] [RUNS]     (default 10000 resources, 5 runs)
set -euo pipefail
n="${1:-10000}"
runs="${2:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/bulkhead" --version >/dev/null   # builds the jar if needed, outside the timings
java -XX:+UseSerialGC -Xmx1g -cp "$root/bulkhead-cli/target/bulkhead.jar" \
  "$root/bench/CelPolicyBench.java" "$root/examples/policies/org-policies.yaml" "$n" "$runs"
