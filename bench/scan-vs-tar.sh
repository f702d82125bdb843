#!/usr/bin/env bash
# Benchmarks `bulkhead image docker-archive:` on a debootstrap Debian 12 image (about 200 MB)
# (OS packages only: --scanners vuln) against `tar -xf` of the same archive, in one script, and
# prints the ratio and peak RSS.
#
# Usage: bench/scan-vs-tar.sh [RUNS]      (default 5; needs root for debootstrap, and
#        apt-get install -y debootstrap time)
# The rootfs is cached in /var/tmp/bulkhead-test/bookworm-minbase (shared with the tests).
set -euo pipefail
runs="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cache=/var/tmp/bulkhead-test
work="$(mktemp -d /var/tmp/bh-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
if [ ! -f "$cache/bookworm-minbase.done" ]; then
  command -v debootstrap >/dev/null || { echo "needs debootstrap: apt-get install -y debootstrap" >&2; exit 1; }
  mkdir -p "$cache"
  rm -rf "$cache/bookworm-minbase"
  echo "building the Debian 12 rootfs with debootstrap (about 30 s)..." >&2
  debootstrap --variant=minbase bookworm "$cache/bookworm-minbase" http://deb.debian.org/debian >/dev/null
  echo ok > "$cache/bookworm-minbase.done"
fi

# A docker-archive of the rootfs, as `docker save` writes it.
mkdir -p "$work/img"
tar --numeric-owner -C "$cache/bookworm-minbase" -cf "$work/layer.tar" .
diff_id="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
mkdir -p "$work/img/$diff_id" && mv "$work/layer.tar" "$work/img/$diff_id/layer.tar"
printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created_by":"debootstrap --variant=minbase bookworm"}]}' "$diff_id" > "$work/img/config.json"
config="$(sha256sum "$work/img/config.json" | cut -d' ' -f1)"
mv "$work/img/config.json" "$work/img/$config.json"
printf '[{"Config":"%s.json","RepoTags":["bench/debian:12"],"Layers":["%s/layer.tar"]}]' "$config" "$diff_id" > "$work/img/manifest.json"
tar -C "$work/img" -cf "$work/debian.tar" "$diff_id" "$config.json" manifest.json
size_mb=$(( $(stat -c %s "$work/debian.tar") / 1024 / 1024 ))

"$root/bulkhead" --version >/dev/null   # builds the jar if needed, outside the timings
"$root/bulkhead" db import --quiet --db "$work/vulndb.sqlite" "$root/examples/advisories/debian-bookworm-demo.json"
jar="$root/bulkhead-cli/target/bulkhead.jar"
scan=(java -XX:+UseSerialGC -Xmx384m -jar "$jar" image --quiet --scanners vuln --format json
      --db "$work/vulndb.sqlite" --output "$work/report.json" "docker-archive:$work/debian.tar")
untar=(tar -xf "$work/debian.tar" -C "$work/x")

measure() { # prints "seconds peak_kib" for one run of "$@"
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(cat "$work/rss")"
}

"${scan[@]}" >/dev/null 2>&1; rm -rf "$work/x"; mkdir -p "$work/x"; "${untar[@]}"  # warm-up
scan_ms=(); tar_ms=(); peak=0
for i in $(seq "$runs"); do
  read -r ms kib < <(measure "${scan[@]}"); scan_ms+=("$ms"); (( kib > peak )) && peak=$kib
  rm -rf "$work/x"; mkdir -p "$work/x"; sync
  read -r ms _ < <(measure "${untar[@]}"); tar_ms+=("$ms")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
s=$(median "${scan_ms[@]}"); t=$(median "${tar_ms[@]}")
packages=$(grep -c '"purl"' "$work/report.json" || true)
echo "image:        debootstrap bookworm minbase, docker-archive ${size_mb} MiB, ${packages} packages"
echo "runs:         $runs (medians)"
echo "bulkhead:     ${s} ms   (runs: ${scan_ms[*]})"
echo "tar -xf:      ${t} ms   (runs: ${tar_ms[*]})"
awk -v s="$s" -v t="$t" 'BEGIN { printf "ratio:        %.2fx tar\n", s / t }'
echo "peak RSS:     $(( peak / 1024 )) MiB (bulkhead, max over runs)"
