#!/usr/bin/env bash
# Issues #2 and #10 benchmarks in one command: a Release build in build-bench, synthetic workspaces of 10k, 100k and
# 250k entities under build-bench/data (made once, reused while their count and seed match), portolan-bench on each
# (in-process figures; then portolan-cli validate, the GUI's start and frames, and Backstage's own catalog code on
# the same files, as processes), and one markdown table (rows = measures, columns = workspace sizes) with the machine
# and the issues' targets.
# The report is also written to build-bench/data/report.md. Figures only: nothing here passes or fails.
#
# Environment (all optional):
#   BENCH_BUILD_DIR   build folder (default: <repo>/build-bench)
#   BENCH_SIZES       entity counts (default: "10000 100000 250000")
#   BENCH_RUNS        runs per measure (default: 3)
#   BENCH_SEED        generator seed (default: 42)
#   BENCH_SINGLE_CORE_MAX  largest size whose single-core load is measured (default: 100000; it takes
#                          about a minute per run at 250k)
#   BENCH_BACKSTAGE   0 leaves out the Backstage comparison (default 1: needs node and npm; the packages pinned in
#                     tests/bench/backstage/package-lock.json are installed into the build folder)
#   BENCH_GUI         0 leaves out the GUI's start and frame figures (default 1; under xvfb-run when there is no
#                     display and it is installed, else Qt's offscreen platform)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build-bench}
sizes=${BENCH_SIZES:-"10000 100000 250000"}
runs=${BENCH_RUNS:-3}
seed=${BENCH_SEED:-42}
single_core_max=${BENCH_SINGLE_CORE_MAX:-100000}
data=$build/data

label() {
    local n=$1
    if ((n >= 1000 && n % 1000 == 0)); then echo "$((n / 1000))k"; else echo "$n"; fi
}

mkdir -p "$build" "$data"
echo "== Configuring a Release build in $build" >&2
if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPORTOLAN_BUILD_BENCH=ON \
        >"$build/bench-configure.log" 2>&1; then
    cat "$build/bench-configure.log" >&2
    exit 1
fi
echo "== Building portolan-gen, portolan-bench, portolan-cli, portolan" >&2
cmake --build "$build" --target portolan-gen portolan-bench portolan-cli portolan >&2

# Backstage's catalog code (@backstage/catalog-model and yaml, versions pinned by the lock file) for the comparison.
peer=()
if [[ ${BENCH_BACKSTAGE:-1} == 1 ]]; then
    if command -v node >/dev/null && command -v npm >/dev/null; then
        echo "== Installing Backstage's catalog-model into $build/backstage" >&2
        mkdir -p "$build/backstage"
        cp "$here/backstage/package.json" "$here/backstage/package-lock.json" "$here/backstage/validate.mjs" \
            "$build/backstage/"
        (cd "$build/backstage" && npm ci --no-audit --no-fund --loglevel=error >&2)
        peer=(--backstage "$build/backstage/validate.mjs")
    else
        echo "== node or npm not found: the Backstage comparison is left out" >&2
    fi
fi
apps=(--apps "$build")
[[ ${BENCH_GUI:-1} == 1 ]] || apps+=(--skip-gui)
display=()
platform=offscreen
[[ -z ${DISPLAY:-} ]] || platform="X11 ($DISPLAY)"
if [[ ${BENCH_GUI:-1} == 1 && -z ${DISPLAY:-} ]] && command -v xvfb-run >/dev/null; then
    display=(xvfb-run -a -s "-screen 0 1600x1000x24")
    platform=Xvfb
fi

gen=$build/tests/bench/portolan-gen
bench=$build/tests/bench/portolan-bench
cli=$build/app/portolan-cli

combine=()
smallest=""
for n in $sizes; do
    l=$(label "$n")
    ws=$data/ws-$l
    stamp="portolan-gen --count $n --seed $seed"
    if [[ -f $ws/portolan.yaml ]] && grep -qF -- "$stamp" "$ws/portolan.yaml"; then
        echo "== Reusing $ws" >&2
    else
        echo "== Generating $l entities into $ws" >&2
        rm -rf "$ws"
        "$gen" --count "$n" --seed "$seed" "$ws" >&2
    fi
    [[ -n $smallest ]] || smallest=$ws
done

# The generator's promise: every reference resolves, so the smallest workspace validates without errors.
echo "== portolan-cli validate $smallest" >&2
validation=$("$cli" validate "$smallest" 2>&1 >/dev/null | tail -n 1) || true
echo "   $validation" >&2

# Share of all cores busy over two seconds (from /proc/stat). The machine is often shared: sampled before and
# after the benchmarks, it tells whether the figures had the cores to themselves.
cpu_busy() {
    local a b
    read -r -a a < <(grep '^cpu ' /proc/stat)
    sleep 2
    read -r -a b < <(grep '^cpu ' /proc/stat)
    local total=0 i
    for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
    local idle=$((b[4] - a[4] + b[5] - a[5]))
    echo "$((100 * (total - idle) / (total > 0 ? total : 1)))%"
}

busy_before=$(cpu_busy)
for n in $sizes; do
    l=$(label "$n")
    ws=$data/ws-$l
    args=(--runs "$runs" --json --label "$l" "${apps[@]}" "${peer[@]}")
    if ((n > single_core_max)); then
        args+=(--skip-single-core)
    fi
    echo "== Benchmarking $l (${args[*]})" >&2
    "${display[@]}" "$bench" "${args[@]}" "$ws" >"$data/result-$l.json" 2> >(tee "$data/bench-$l.log" >&2)
    combine+=("$l=$data/result-$l.json")
done

busy_after=$(cpu_busy)
ram_kb=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
{
    echo "## Portolan benchmarks (issues #2 and #10)"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) cores, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), RAM $((ram_kb / 1024 / 1024)) GiB"
    echo "- Build: Release ($build), $runs runs per measure (median [min–max]); workspaces from portolan-gen --seed $seed"
    echo "- CPU busy with other work just before the benchmarks: $busy_before of all cores; just after: $busy_after"
    echo "- Smallest workspace validated: $validation"
    echo "- Peer: $(if ((${#peer[@]})); then echo "Backstage's catalog code on Node $(node --version)"; else echo "left out"; fi); GUI: $(if [[ ${BENCH_GUI:-1} == 1 ]]; then echo "$platform"; else echo "left out"; fi)"
    if [[ " $sizes " == *" 250000 "* ]] && ((250000 > single_core_max)); then
        echo "- Single-core load skipped above $(label "$single_core_max") (BENCH_SINGLE_CORE_MAX)"
    fi
    echo
    "$bench" --combine --targets 100k "${combine[@]}"
} | tee "$data/report.md"
