#!/usr/bin/env bash
# Times whole Parley commands as a user runs them: wall time and peak RSS of the process, median of N runs.
# Usage: bench/whole-commands.sh [N]        (default N=5; PARLEY="dotnet path/to/Parley.Cli.dll" to time another build)
# Prints a Markdown table for docs/performance.md, with the median CPU time (user + system), which a loaded machine
# inflates far less than wall time, and the load average before the first run. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
parley="${PARLEY:-./parley}"
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time (GNU time) is needed" >&2; exit 2; }
$parley --version >/dev/null   # builds the launcher's copy once, outside the timings

commands=(
  "--version"
  "tariffs rate --date 2025-05-01 --country JPN --hts 8703.23.01"
  "replicate cp2015"
  "replicate jie2025"
  "simulate examples/liberation-day.yaml"
  "negotiate examples/us-japan-2025.yaml"
)
[[ -n "${PARLEY_BENCH_ONLY:-}" ]] && IFS=';' read -r -a commands <<<"$PARLEY_BENCH_ONLY"

tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| command | wall s (median of $runs) | min s | CPU s (median) | peak RSS MB (median) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for c in "${commands[@]}"; do
  walls=(); rss=(); cpus=()
  for ((i = 0; i < runs; i++)); do
    # shellcheck disable=SC2086
    /usr/bin/time -o "$tmp" -f '%e %M %U %S' $parley $c >/dev/null 2>&1 || { echo "error: 'parley $c' failed" >&2; exit 1; }
    read -r e m u s < <(tail -1 "$tmp")
    walls+=("$e"); rss+=("$m"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
  done
  w=$(printf '%s\n' "${walls[@]}" | median)
  m=$(printf '%s\n' "${walls[@]}" | sort -g | head -1)
  r=$(printf '%s\n' "${rss[@]}" | median)
  u=$(printf '%s\n' "${cpus[@]}" | median)
  printf '| `parley %s` | %.2f | %.2f | %.2f | %.0f |\n' "$c" "$w" "$m" "$u" "$(awk -v k="$r" 'BEGIN {print k / 1024}')"
done
