#!/usr/bin/env bash
# Benchmarks `bulkhead fs DIR --scanners vuln` on a generated application tree of 5,000 jars and
# 20,000 node_modules package.json files against reading the same bytes (`tar -cf - DIR | cat` and
# `cat` of every file), in one script, and prints the ratios and the scan's peak RSS.
#
# Usage: bench/lang-scan.sh [RUNS] [JARS] [PACKAGES]   (defaults 5, 5000, 20000; needs python3
#        and GNU time: apt-get install -y time)
# The advisories are the OSV fixtures of LanguageScanIT (Log4Shell, lodash); a few generated jars
# are log4j-core 2.14.1 and a few packages lodash 4.17.15, so matching finds something.
set -euo pipefail
runs="${1:-5}"
jars="${2:-5000}"
pkgs="${3:-20000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /var/tmp/bh-langbench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }

python3 - "$work/app" "$jars" "$pkgs" <<'PY'
import json, os, random, sys, zipfile
root, jars, pkgs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(42)
lib = os.path.join(root, "lib")
os.makedirs(lib)
for i in range(jars):
    group, artifact = f"com.example.g{i % 97}", f"artifact{i}"
    version = "2.14.1" if i % 1000 == 0 else f"{1 + i % 7}.{i % 13}.{i % 5}"
    if i % 1000 == 0:
        group, artifact = "org.apache.logging.log4j", "log4j-core"
    with zipfile.ZipFile(os.path.join(lib, f"{artifact}-{version}-{i}.jar"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("META-INF/MANIFEST.MF", f"Manifest-Version: 1.0\nImplementation-Title: {artifact}\n")
        z.writestr(f"META-INF/maven/{group}/{artifact}/pom.properties",
                   f"groupId={group}\nartifactId={artifact}\nversion={version}\n")
        for c in range(8):  # class-sized entries, not all compressible
            z.writestr(f"{group.replace('.', '/')}/C{c}.class", rnd.randbytes(1024) + bytes(3072))
mods = os.path.join(root, "web", "node_modules")
for i in range(pkgs):
    name = "lodash" if i % 5000 == 0 else f"pkg-{i}"
    d = os.path.join(mods, f"a{i}/node_modules/lodash" if name == "lodash" else name)
    os.makedirs(d, exist_ok=True)
    version = "4.17.15" if name == "lodash" else f"{i % 9}.{i % 11}.{i % 3}"
    with open(os.path.join(d, "package.json"), "w") as f:
        json.dump({"name": name, "version": version, "description": "x" * 200,
                   "dependencies": {f"pkg-{(i * 7) % pkgs}": "^1.0.0"}}, f)
    with open(os.path.join(d, "index.js"), "w") as f:
        f.write("module.exports = function () { return %d; };\n" % i * 20)
PY
files=$(find "$work/app" -type f | wc -l)
size_mb=$(( $(du -sk "$work/app" | cut -f1) / 1024 ))

"$root/bulkhead" --version >/dev/null   # builds the jar if needed, outside the timings
"$root/bulkhead" db import --quiet --db "$work/vulndb.sqlite" "$root/bulkhead-cli/src/test/resources/lang/osv"
jar="$root/bulkhead-cli/target/bulkhead.jar"
scan=(java -XX:+UseSerialGC -Xmx384m -jar "$jar" fs --quiet --scanners vuln --format json
      --db "$work/vulndb.sqlite" --output "$work/report.json" "$work/app")
tarcat=(sh -c 'tar -C "$1" -cf - . | cat >/dev/null' sh "$work/app")
catall=(sh -c 'find "$1" -type f -exec cat {} + >/dev/null' sh "$work/app")

measure() { # prints "milliseconds peak_kib" for one run of "$@"
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(cat "$work/rss")"
}

"${scan[@]}" >/dev/null 2>&1; "${tarcat[@]}"; "${catall[@]}"   # warm-up (page cache, JIT-free)
scan_ms=(); tar_ms=(); cat_ms=(); peak=0
for _ in $(seq "$runs"); do
  read -r ms kib < <(measure "${scan[@]}"); scan_ms+=("$ms"); (( kib > peak )) && peak=$kib
  read -r ms _ < <(measure "${tarcat[@]}"); tar_ms+=("$ms")
  read -r ms _ < <(measure "${catall[@]}"); cat_ms+=("$ms")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
s=$(median "${scan_ms[@]}"); t=$(median "${tar_ms[@]}"); c=$(median "${cat_ms[@]}")
pk=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(len(r["packages"]), len(r["findings"]))' "$work/report.json")
echo "tree: $jars jars, $pkgs package.json, $files files, ${size_mb} MiB; report: packages findings = $pk"
echo "bulkhead fs --scanners vuln: ${s} ms (median of $runs), peak RSS $(( peak / 1024 )) MiB"
echo "tar -cf - DIR | cat:         ${t} ms"
echo "cat every file:              ${c} ms"
awk -v s="$s" -v t="$t" -v c="$c" 'BEGIN { printf "ratio scan/tar = %.2fx, scan/cat = %.2fx\n", s / t, s / c }'
