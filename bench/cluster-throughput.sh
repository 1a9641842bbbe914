#!/usr/bin/env bash
# Work items per second (docs/cluster.md): this process's threads, an in-process silo, one silo process and two silo
# processes on this machine, all on the PostgreSQL of .ci/services. Prints Markdown tables. Two kinds of item:
#
# sweep (default): each item is one variant of a one-sector sweep (examples/sweeps/us-japan-one-sector.yaml at a finer
# step). Silo rows: "cold" = the first sweep on freshly started silos (each loads the data and compiles the solver once),
# "warm" = a second sweep of the same size (another fingerprint) on the same silos. Times are the command's own "solved
# … in X s" (sweep only: the CLI's start-up is not in it; for --cluster it includes starting the client or in-process
# silo). A second table gives CPU time per item: the local run's marginal cost (N variants minus 1 variant, GNU time),
# and on warm silos the silos' CPU (/proc) plus the client's, so the cluster's own overhead per item is the difference.
#
# draws: each item is one draw of a negotiation's uncertain inputs (kind negotiation-draws; default FILE
# examples/us-japan-2025.yaml, `negotiate --draws N --resolve zopa --format json`). Times are the JSON's
# elapsed_seconds (the run without the CLI's start-up: file, screen, draws, summary; for --cluster also starting the
# client or in-process silo). Every process that runs draws builds the file's first-order screen once (1,460 solves for
# the default file), so "cold" silo rows include it and "warm" rows (another seed on the same silos) do not; the
# threads row is split into the run of 1 draw (start-up of the run and the screen) and the marginal rate of the other
# N − 1 draws, and so is the warm two-silo row (run of N minus run of 1: without the client's start). CPU per draw: the
# local marginal cost, and on warm silos the silos' CPU plus the client's.
#
# Usage: bench/cluster-throughput.sh [VARIANTS]             (sweep; default 61)
#        bench/cluster-throughput.sh draws [DRAWS] [FILE]   (draws; default 200 draws of examples/us-japan-2025.yaml)
# Needs psql and `eval "$(bash .ci/services env)"`; PARLEY_BENCH_PORT=P moves the silos' ports (default 11311).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=sweep; [ "${1:-}" = draws ] && { mode=draws; shift; }
n="${1:-$([ $mode = draws ] && echo 200 || echo 61)}"
file="${2:-examples/us-japan-2025.yaml}"
port="${PARLEY_BENCH_PORT:-11311}" # silo ports: PORT and PORT + 1, gateways PORT + 19000 and PORT + 19001
: "${PARLEY_TEST_POSTGRES:?run eval \"\$(bash .ci/services env)\" first}"
field() { tr ';' '\n' <<<"$PARLEY_TEST_POSTGRES" | sed -n "s/^$1=//Ip" | head -1; }
export PGHOST=$(field Host) PGPORT=$(field Port) PGUSER=$(field Username) PGPASSWORD=$(field Password)
dotnet build -c Release src/Parley.Cli -v q -nologo >/dev/null
cli=src/Parley.Cli/bin/Release/net10.0/Parley.Cli.dll
work=$(mktemp -d); db="parley_bench_$$"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
            psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
conn="${PARLEY_TEST_POSTGRES%%Database=*}Database=$db"
psql -d postgres -qc "CREATE DATABASE $db" >/dev/null
start_silo() { dotnet "$cli" cluster silo --postgres "$conn" --port "$1" --gateway-port "$2" > "$work/silo-$1.log" 2>&1 & pids+=($!)
               for _ in $(seq 120); do grep -qs "silo started" "$work/silo-$1.log" && return; sleep 0.5; done; cat "$work/silo-$1.log" >&2; exit 1; }
tck=$(getconf CLK_TCK)
silo_cpu() { local t=0; for p in "${pids[@]}"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; } # clock ticks
row() { awk -v label="$1" -v n="$2" -v s="$3" 'BEGIN { printf "| %s | %d | %.2f | %.1f | %.0f |\n", label, n, s, n / s, 1000 * s / n }'; }
checkpoints() { echo "checkpoint rows: $(psql -d "$db" -tAc 'SELECT count(*) FROM parley_work_results'), by silo: $(psql -d "$db" -tAc "SELECT string_agg(worker || ' ' || n, ', ') FROM (SELECT worker, count(*) n FROM parley_work_results GROUP BY worker) t")"; }

sweep_bench() {
  step=$(awk -v n="$n" 'BEGIN { printf "%.10g", 0.30 / (n - 1) }')
  sweep() { sed "s/to: 0.30, step: 0.01 }/to: $1, step: $step }/" examples/sweeps/us-japan-one-sector.yaml > "$work/sweep.yaml"; }
  solved() { grep -oE 'in [0-9.]+ s' | tail -1 | grep -oE '[0-9.]+'; } # the command's own sweep time
  run() { dotnet "$cli" simulate "$work/sweep.yaml" --max-variants "$n" "$@" 2>&1 | tr -s ' \n' '  ' | solved; } # the heading may wrap
  timed() { /usr/bin/time -f "%U %S" -o "$work/cpu" dotnet "$cli" simulate "$work/sweep.yaml" --max-variants "$n" "$@" >/dev/null 2>&1; awk '{print $1 + $2}' "$work/cpu"; } # CPU s
  echo "| executor | items | sweep s | items/s | ms per item (wall) |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  sweep 0.30; row "threads (LocalWorkExecutor, no --cluster)" "$n" "$(run)"
  sweep 0.30; row "in-process silo (--cluster local)" "$n" "$(run --cluster local)"
  start_silo "$port" "$((port + 19000))"
  sweep 0.30; row "1 silo process, cold" "$n" "$(run --cluster "$conn")"
  sweep 0.3000000001; row "1 silo process, warm" "$n" "$(run --cluster "$conn")"
  start_silo "$((port + 1))" "$((port + 19001))"
  sweep 0.3000000002; row "2 silo processes (1 warm + 1 cold)" "$n" "$(run --cluster "$conn")"
  sweep 0.3000000003; row "2 silo processes, warm" "$n" "$(run --cluster "$conn")"

  # CPU per item
  sweep 0.3000000004; c_n=$(timed)
  sed "s/to: 0.30, step: 0.01 }/to: 0, step: 0.01 }/" examples/sweeps/us-japan-one-sector.yaml > "$work/sweep.yaml"; c_1=$(timed)
  sweep 0.3000000005; s0=$(silo_cpu); c_client=$(timed --cluster "$conn"); s1=$(silo_cpu)
  echo
  echo "| CPU per item | ms |"
  echo "| --- | ---: |"
  awk -v a="$c_n" -v b="$c_1" -v n="$n" 'BEGIN { printf "| local threads: marginal CPU per variant ((CPU of %d variants − CPU of 1) / %d) | %.1f |\n", n, n - 1, 1000 * (a - b) / (n - 1) }'
  awk -v s="$((s1 - s0))" -v t="$tck" -v n="$n" 'BEGIN { printf "| 2 warm silos: silo CPU per item (solve + Orleans + Npgsql) | %.1f |\n", 1000 * s / t / n }'
  awk -v c="$c_client" -v n="$n" 'BEGIN { printf "| client CPU per item (whole CLI process incl. start-up and connecting) | %.1f |\n", 1000 * c / n }'
}

draws_bench() {
  # one run: `negotiate FILE --draws D --seed S --resolve zopa --format json [--cluster …]` under GNU time; sets $t (the
  # JSON's elapsed_seconds) and $c (CPU seconds of the CLI process) and leaves the JSON in $work/out.json
  draws() { local d="$1" seed="$2"; shift 2
            /usr/bin/time -f "%U %S" -o "$work/cpu" dotnet "$cli" negotiate "$file" --draws "$d" --seed "$seed" --resolve zopa --format json "$@" > "$work/out.json" 2> "$work/err" \
              || { cat "$work/err" >&2; exit 1; }
            t=$(grep -oE '"elapsed_seconds": [0-9.eE+-]+' "$work/out.json" | grep -oE '[0-9.eE+-]+$'); c=$(awk '{print $1 + $2}' "$work/cpu"); }
  draws 1 1; t1=$t c1=$c
  draws "$n" 1; tn=$t cn=$c
  packages=$(grep -c '"p_nash"' "$work/out.json")
  screen=$(grep -oE '"screen_solves": [0-9]+' "$work/out.json" | grep -oE '[0-9]+$')
  echo "file: $file, $packages packages, --resolve zopa; the screen: $screen solves, once per process that runs draws"
  echo
  echo "| executor | draws | run s | draws/s | draws × packages /s | ms per draw (wall) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  drow() { awk -v label="$1" -v n="$2" -v s="$3" -v p="$packages" 'BEGIN { printf "| %s | %d | %.2f | %.2f | %.0f | %.0f |\n", label, n, s, n / s, p * n / s, 1000 * s / n }'; }
  drow "threads (LocalWorkExecutor, no --cluster), 1 draw: the run's fixed part (screen)" 1 "$t1"
  drow "threads, $n draws" "$n" "$tn"
  drow "threads, marginal: the other $((n - 1)) draws (run of $n − run of 1)" "$((n - 1))" "$(awk -v a="$tn" -v b="$t1" 'BEGIN { print a - b }')"
  draws "$n" 2 --cluster local; drow "in-process silo (--cluster local), builds the screen" "$n" "$t"
  start_silo "$port" "$((port + 19000))"
  draws "$n" 3 --cluster "$conn"; drow "1 silo process, cold (builds the screen)" "$n" "$t"
  draws "$n" 4 --cluster "$conn"; drow "1 silo process, warm (another seed: screen kept)" "$n" "$t"
  start_silo "$((port + 1))" "$((port + 19001))"
  draws "$n" 5 --cluster "$conn"; drow "2 silo processes (1 warm + 1 cold)" "$n" "$t"
  s0=$(silo_cpu); draws "$n" 6 --cluster "$conn"; s1=$(silo_cpu); cw=$c
  drow "2 silo processes, warm" "$n" "$t"; tw=$t
  draws 1 7 --cluster "$conn"
  drow "2 silo processes, warm, marginal: the other $((n - 1)) draws (run of $n − run of 1)" "$((n - 1))" "$(awk -v a="$tw" -v b="$t" 'BEGIN { print a - b }')"
  echo
  echo "| CPU | ms |"
  echo "| --- | ---: |"
  awk -v a="$cn" -v b="$c1" -v n="$n" 'BEGIN { printf "| local threads: marginal CPU per draw ((CPU of %d draws − CPU of 1) / %d) | %.1f |\n", n, n - 1, 1000 * (a - b) / (n - 1) }'
  awk -v b="$c1" 'BEGIN { printf "| local threads: whole CLI process of 1 draw (start-up, data, the screen, 1 draw) | %.0f |\n", 1000 * b }'
  awk -v s="$((s1 - s0))" -v t="$tck" -v n="$n" 'BEGIN { printf "| 2 warm silos: silo CPU per draw (draw + Orleans + Npgsql) | %.1f |\n", 1000 * s / t / n }'
  awk -v c="$cw" -v n="$n" 'BEGIN { printf "| client CPU per draw (whole CLI process incl. start-up and connecting) | %.1f |\n", 1000 * c / n }'
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start (shared with other work)"
echo
if [ "$mode" = draws ]; then draws_bench; else sweep_bench; fi
echo
checkpoints
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
