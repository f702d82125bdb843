#!/usr/bin/env bash
# Benchmarks `bulkhead fs DIR --scanners secret` against ripgrep with the same patterns over the
# same unpacked Debian 12 rootfs, in one script, and prints bytes per second for both and the ratio.
#
# Usage: bench/secrets-vs-rg.sh [RUNS] [DIR]
#   RUNS  timed runs of each tool (default 5; medians are reported)
#   DIR   directory to scan (default: the debootstrap bookworm minbase rootfs the tests cache in
#         /var/tmp/bulkhead-test/bookworm-minbase, built here if missing: needs root and
#         apt-get install -y debootstrap)
# Needs: apt-get install -y ripgrep python3-yaml
#
# The patterns are every `regex:` of the built-in secret rules
# (bulkhead-secrets/src/main/resources/dev/bulkhead/secrets/*.yaml), handed to one rg process with
# -f (see below for the two pattern sets). rg searches every file as bulkhead does (-uuu: hidden, ignored and binary files; bulkhead
# scans the printable runs of binaries) and skips files over bulkhead's default 10 MiB cap.
# bulkhead does more per match (keyword prefilter, entropy, allow-lists, masking, JSON), and its
# time includes JVM start-up; rg only prints matching lines to /dev/null.
set -euo pipefail
runs="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cache=/var/tmp/bulkhead-test
dir="${2:-$cache/bookworm-minbase}"
work="$(mktemp -d /var/tmp/bh-bench-rg.XXXXXX)"
trap 'rm -rf "$work"' EXIT

command -v rg >/dev/null || { echo "needs ripgrep: apt-get install -y ripgrep" >&2; exit 1; }
python3 -c 'import yaml' 2>/dev/null || { echo "needs PyYAML: apt-get install -y python3-yaml" >&2; exit 1; }
if [ -z "${2:-}" ] && [ ! -f "$cache/bookworm-minbase.done" ]; then
  command -v debootstrap >/dev/null || { echo "needs debootstrap: apt-get install -y debootstrap" >&2; exit 1; }
  mkdir -p "$cache"
  rm -rf "$cache/bookworm-minbase"
  echo "building the Debian 12 rootfs with debootstrap (about 30 s)..." >&2
  debootstrap --variant=minbase bookworm "$cache/bookworm-minbase" http://deb.debian.org/debian >/dev/null
  echo ok > "$cache/bookworm-minbase.done"
fi
[ -d "$dir" ] || { echo "no such directory: $dir" >&2; exit 1; }

# The patterns, one per line, from every rule of the built-in YAML files, in two sets:
# - all.txt: every rule, for rg's PCRE2 engine (-P) in multiline mode (-U; one rule spans lines),
#   numbered groups renamed so back-references survive rg joining the patterns into one;
# - fast.txt: the rules rg's default (finite automaton) engine accepts once a trailing
#   negative look-ahead (?![set]) becomes (?:[^set]|$) and \b the ASCII (?-u:\b) (a Unicode \b
#   on binary files drops rg to its slow engine): a lower bound on rg's time.
rules_dir="$root/bulkhead-secrets/src/main/resources/dev/bulkhead/secrets"
python3 - "$rules_dir" "$work" <<'PY'
import glob, re, sys, yaml
rules = []
for path in sorted(glob.glob(sys.argv[1] + "/*.yaml")):
    with open(path) as f:
        doc = yaml.safe_load(f) or {}
    rules += [r["regex"] for r in (doc.get("rules") or []) if r.get("regex")]
if not rules:
    sys.exit("no regex found in " + sys.argv[1] + "/*.yaml")
def named(i, rx):
    n = [0]
    def group(m):
        n[0] += 1
        return "(?P<r%dg%d>" % (i, n[0])
    rx = re.sub(r"(?<!\\)\((?!\?)", group, rx)
    rx = re.sub(r"\(\?<(?=[A-Za-z])", "(?P<", rx)
    return re.sub(r"\\(\d)", lambda m: "(?P=r%dg%s)" % (i, m.group(1)), rx)
def fast(rx):
    rx = re.sub(r"\(\?<(?=[A-Za-z])", "(?P<", rx)
    rx = re.sub(r"\(\?!\[([^\]]*)\]\)$", r"(?:[^\1]|$)", rx)
    return rx.replace(r"\b", r"(?-u:\b)")
with open(sys.argv[2] + "/all.txt", "w") as f:
    f.write("".join(named(i, rx) + "\n" for i, rx in enumerate(rules)))
with open(sys.argv[2] + "/fast-candidates.txt", "w") as f:
    f.write("".join(fast(rx) + "\n" for rx in rules))
PY
patterns=$(wc -l < "$work/all.txt")
: > "$work/fast.txt"
while IFS= read -r p; do   # keep what rg's default engine compiles
  if rg -e "$p" /dev/null >/dev/null 2>"$work/rg.err" || [ ! -s "$work/rg.err" ]; then
    printf '%s\n' "$p" >> "$work/fast.txt"
  fi
done < "$work/fast-candidates.txt"
fast_patterns=$(wc -l < "$work/fast.txt")
rg -P -U --no-pcre2-unicode -f "$work/all.txt" /dev/null >/dev/null 2>"$work/rg.err" || \
  { [ -s "$work/rg.err" ] && { echo "rg -P rejects the patterns:" >&2; cat "$work/rg.err" >&2; exit 1; }; }

bytes=$(find "$dir" -type f -size -10485761c -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$dir" -type f | wc -l)

"$root/bulkhead" --version >/dev/null   # builds the jar if needed, outside the timings
jar="$root/bulkhead-cli/target/bulkhead.jar"
scan=(java -XX:+UseSerialGC -Xmx384m -jar "$jar" fs "$dir" --scanners secret --format json
      --quiet --output "$work/report.json")
common=(rg -uuu --no-config --max-filesize 10M)
grep=("${common[@]}" -P -U --no-pcre2-unicode -f "$work/all.txt" "$dir")
grepfast=("${common[@]}" -f "$work/fast.txt" "$dir")

ms() { # prints the wall-clock milliseconds of one run of "$@"
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || [ $? -eq 1 ]   # rg exits 1 when nothing matched
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
"${scan[@]}" >/dev/null 2>&1; "${grep[@]}" >/dev/null 2>&1 || true   # warm the page cache
scan_ms=(); rg_ms=(); fast_ms=()
for _ in $(seq "$runs"); do
  scan_ms+=("$(ms "${scan[@]}")")
  rg_ms+=("$(ms "${grep[@]}")")
  fast_ms+=("$(ms "${grepfast[@]}")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
s=$(median "${scan_ms[@]}"); r=$(median "${rg_ms[@]}"); q=$(median "${fast_ms[@]}")
findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("secrets", [])))' "$work/report.json")
rg_lines=$( ("${grep[@]}" || true) | wc -l)
mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "tree:         $dir ($files files, $mib MiB in files <= 10 MiB)"
echo "patterns:     $patterns regexes from the built-in secret rules ($fast_patterns of them for rg's default engine)"
echo "runs:         $runs (medians; bulkhead includes JVM start-up)"
awk -v b="$bytes" -v s="$s" 'BEGIN { printf "bulkhead:     %d ms  %.1f MiB/s  ", s, b / 1048576 / (s / 1000) }'
echo "(runs: ${scan_ms[*]}; $findings findings)"
awk -v b="$bytes" -v r="$r" 'BEGIN { printf "rg:           %d ms  %.1f MiB/s  ", r, b / 1048576 / (r / 1000) }'
echo "(runs: ${rg_ms[*]}; all patterns, -P -U; $rg_lines output lines)"
awk -v b="$bytes" -v r="$q" 'BEGIN { printf "rg (fast):    %d ms  %.1f MiB/s  ", r, b / 1048576 / (r / 1000) }'
echo "(runs: ${fast_ms[*]}; the $fast_patterns default-engine patterns only)"
awk -v s="$s" -v r="$r" 'BEGIN { printf "ratio:        %.2fx rg time, all patterns (below 1 is faster than rg)\n", s / r }'
awk -v s="$s" -v r="$q" 'BEGIN { printf "ratio (fast): %.2fx rg time, default-engine patterns only\n", s / r }'
