#!/usr/bin/env bash
# Benchmarks the SBOM paths in one script:
#  1. `bulkhead image --scanners vuln` of the shared Alpine 3.11 archive (the reference) against
#     `bulkhead sbom` of the same archive and `bulkhead sbom scan` of that SBOM (same findings);
#  2. `bulkhead sbom scan` of a synthetic CycloneDX SBOM with N components (default 50,000 Alpine
#     and npm purls) against `jq length` parsing the same bytes, with peak RSS (the launcher's
#     default heap is 384 MiB).
#
# Usage: bench/sbom-scan.sh [RUNS] [N]     (defaults 3 and 50000; needs GNU time, jq, python3,
#        and ../shared/data next to the repository)
set -euo pipefail
runs="${1:-3}"
n="${2:-50000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${BULKHEAD_SHARED_DATA:-$root/../shared/data}"
work="$(mktemp -d /var/tmp/bh-sbom-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
for tool in /usr/bin/time jq python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y time jq python3)" >&2; exit 1; }
done
image="docker-archive:$data/images/alpine-311.tar.gz"

"$root/bulkhead" --version >/dev/null   # builds the jar if needed, outside the timings
"$root/bulkhead" db import --quiet --db "$work/db.sqlite" "$data/advisories/alpine-secdb/v3.11" \
  "$root/bulkhead-cli/src/test/resources/dev/bulkhead/cli/alpine-secdb-v3.11-main-excerpt.json" >/dev/null

# best of RUNS wall-clock seconds, with the peak RSS (KiB) and CPU seconds (user+sys) of that run:
# "SECONDS KIB CPU" (CPU time is the steadier figure on a loaded machine)
best() {
  local best_s="" best_kb="" best_cpu=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M %U %S' -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r s kb u sy < "$work/t"
    if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then
      best_s=$s; best_kb=$kb; best_cpu=$(awk "BEGIN{print $u+$sy}")
    fi
  done
  echo "$best_s $best_kb $best_cpu"
}

bh=("$root/bulkhead")
read -r t_image m_image c_image < <(best "${bh[@]}" image -q --scanners vuln --db "$work/db.sqlite" -f json -o "$work/image.json" "$image")
read -r t_sbom m_sbom c_sbom < <(best "${bh[@]}" sbom -q -o "$work/alpine.cdx.json" "$image")
read -r t_scan m_scan c_scan < <(best "${bh[@]}" sbom scan -q --db "$work/db.sqlite" -f json -o "$work/sbom.json" "$work/alpine.cdx.json")
same=$(diff <(jq -c '[.findings[]|[.vulnerabilityId,.packageName]]|sort' "$work/image.json") \
            <(jq -c '[.findings[]|[.vulnerabilityId,.packageName]]|sort' "$work/sbom.json") >/dev/null && echo yes || echo NO)
findings=$(jq '.findings|length' "$work/image.json")

python3 - "$n" "$work/big.cdx.json" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
comps = [{"type": "operating-system", "name": "alpine", "version": "3.11.5"}]
for i in range(n):
    if i % 2:
        purl = f"pkg:apk/alpine/pkg{i}@1.{i % 97}.{i % 13}-r{i % 5}?arch=x86_64&distro=alpine-3.11.5"
    else:
        purl = f"pkg:npm/%40scope{i % 50}/module{i}@{i % 9}.{i % 31}.{i % 7}"
    comps.append({"type": "library", "bom-ref": purl, "name": f"pkg{i}", "version": "1",
                  "purl": purl, "properties": [{"name": "bulkhead:path", "value": f"lib/apk/db/installed{i % 3}"},
                                               {"name": "bulkhead:layer_diff_id", "value": "sha256:" + "ab" * 32}]})
json.dump({"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": comps}, open(out, "w"))
PY
big_mb=$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$work/big.cdx.json")/1048576}")
read -r t_big m_big c_big < <(best "${bh[@]}" sbom scan -q --db "$work/db.sqlite" -f json -o "$work/big.json" "$work/big.cdx.json")
read -r t_jq m_jq c_jq < <(best jq length "$work/big.cdx.json")
packages=$(jq '.packages|length' "$work/big.json")

printf 'Alpine 3.11 (%s findings), best of %s:\n' "$findings" "$runs"
printf '  image scan (reference)  %6.2f s  %5.2f s CPU  %4d MiB RSS\n' "$t_image" "$c_image" $((m_image / 1024))
printf '  sbom (CycloneDX)        %6.2f s  %5.2f s CPU  %4d MiB RSS  ratio %.2f (CPU %.2f)\n' "$t_sbom" "$c_sbom" $((m_sbom / 1024)) "$(awk "BEGIN{print $t_sbom/$t_image}")" "$(awk "BEGIN{print $c_sbom/$c_image}")"
printf '  sbom scan               %6.2f s  %5.2f s CPU  %4d MiB RSS  ratio %.2f (CPU %.2f)  same findings: %s\n' "$t_scan" "$c_scan" $((m_scan / 1024)) "$(awk "BEGIN{print $t_scan/$t_image}")" "$(awk "BEGIN{print $c_scan/$c_image}")" "$same"
printf 'Synthetic CycloneDX, %s components, %s MiB:\n' "$n" "$big_mb"
printf '  jq length (reference)   %6.2f s  %5.2f s CPU  %4d MiB RSS\n' "$t_jq" "$c_jq" $((m_jq / 1024))
printf '  sbom scan               %6.2f s  %5.2f s CPU  %4d MiB RSS  ratio %.2f (CPU %.2f)  (%s packages read)\n' "$t_big" "$c_big" $((m_big / 1024)) "$(awk "BEGIN{print $t_big/$t_jq}")" "$(awk "BEGIN{print $c_big/$c_jq}")" "$packages"
