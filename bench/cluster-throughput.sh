#!/usr/bin/env bash
# Work items per second of one sweep (docs/cluster.md): this process's threads, an in-process silo, one silo process and
# two silo processes on this machine, all on the PostgreSQL of .ci/services. Each item is one variant of a one-sector
# sweep (examples/sweeps/us-japan-one-sector.yaml at a finer step). Silo rows: "cold" = the first sweep on freshly
# started silos (each loads the data and compiles the solver once), "warm" = a second sweep of the same size (another
# fingerprint) on the same silos. Times are the command's own "solved … in X s" (sweep only: the CLI's start-up is not
# in it; for --cluster it includes starting the client or in-process silo). A second table gives CPU time per item:
# the local run's marginal cost (N variants minus 1 variant, GNU time), and on warm silos the silos' CPU (/proc) plus
# the client's, so the cluster's own overhead per item is the difference. Prints Markdown tables.
# Usage: bench/cluster-throughput.sh [VARIANTS]   (default 61; needs psql and `eval "$(bash .ci/services env)"`)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-61}"
: "${PARLEY_TEST_POSTGRES:?run eval \"\$(bash .ci/services env)\" first}"
field() { tr ';' '\n' <<<"$PARLEY_TEST_POSTGRES" | sed -n "s/^$1=//Ip" | head -1; }
export PGHOST=$(field Host) PGPORT=$(field Port) PGUSER=$(field Username) PGPASSWORD=$(field Password)
dotnet build -c Release src/Parley.Cli -v q -nologo >/dev/null
cli=src/Parley.Cli/bin/Release/net10.0/Parley.Cli.dll
work=$(mktemp -d); db="parley_bench_$$"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
            psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
step=$(awk -v n="$n" 'BEGIN { printf "%.10g", 0.30 / (n - 1) }')
sweep() { sed "s/to: 0.30, step: 0.01 }/to: $1, step: $step }/" examples/sweeps/us-japan-one-sector.yaml > "$work/sweep.yaml"; }
solved() { grep -oE 'in [0-9.]+ s' | tail -1 | grep -oE '[0-9.]+'; } # the command's own sweep time
row() { awk -v label="$1" -v n="$n" -v s="$2" 'BEGIN { printf "| %s | %d | %.2f | %.1f | %.0f |\n", label, n, s, n / s, 1000 * s / n }'; }
conn="${PARLEY_TEST_POSTGRES%%Database=*}Database=$db"
psql -d postgres -qc "CREATE DATABASE $db" >/dev/null
start_silo() { dotnet "$cli" cluster silo --postgres "$conn" --port "$1" --gateway-port "$2" > "$work/silo-$1.log" 2>&1 & pids+=($!)
               for _ in $(seq 120); do grep -q "silo started" "$work/silo-$1.log" && return; sleep 0.5; done; cat "$work/silo-$1.log" >&2; exit 1; }
run() { dotnet "$cli" simulate "$work/sweep.yaml" --max-variants "$n" "$@" 2>&1 | tr '\n' ' ' | solved; }
tck=$(getconf CLK_TCK)
silo_cpu() { local t=0; for p in "${pids[@]}"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; } # clock ticks
timed() { /usr/bin/time -f "%U %S" -o "$work/cpu" dotnet "$cli" simulate "$work/sweep.yaml" --max-variants "$n" "$@" >/dev/null 2>&1; awk '{print $1 + $2}' "$work/cpu"; } # CPU s

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start (shared with other work)"
echo
echo "| executor | items | sweep s | items/s | ms per item (wall) |"
echo "| --- | ---: | ---: | ---: | ---: |"
sweep 0.30; row "threads (LocalWorkExecutor, no --cluster)" "$(run)"
sweep 0.30; row "in-process silo (--cluster local)" "$(run --cluster local)"
start_silo 11311 30311
sweep 0.30; row "1 silo process, cold" "$(run --cluster "$conn")"
sweep 0.3000000001; row "1 silo process, warm" "$(run --cluster "$conn")"
start_silo 11312 30312
sweep 0.3000000002; row "2 silo processes (1 warm + 1 cold)" "$(run --cluster "$conn")"
sweep 0.3000000003; row "2 silo processes, warm" "$(run --cluster "$conn")"

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
echo
echo "checkpoint rows: $(psql -d "$db" -tAc 'SELECT count(*) FROM parley_work_results'), by silo: $(psql -d "$db" -tAc "SELECT string_agg(worker || ' ' || n, ', ') FROM (SELECT worker, count(*) n FROM parley_work_results GROUP BY worker) t")"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
