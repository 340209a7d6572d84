#!/usr/bin/env bash
# Issue #3 benchmark: sync of a 100k-entity `git` source served by a real `git daemon` on 127.0.0.1, from a fresh
# clone and again after one changed file. Prints wall time, CPU time (user+system) and peak memory of
# `portolan-cli sync` for each. Figures only: nothing here passes or fails.
#
# Environment (all optional):
#   BENCH_BUILD_DIR   build folder (default: <repo>/build-bench)
#   BENCH_SIZE        entity count (default: 100000)
#   BENCH_SEED        generator seed (default: 42)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build-bench}
size=${BENCH_SIZE:-100000}
seed=${BENCH_SEED:-42}
data=$build/data/sync-$size

mkdir -p "$build" "$data"
echo "== Configuring a Release build in $build" >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPORTOLAN_BUILD_BENCH=ON >"$build/bench-configure.log"
cmake --build "$build" --target portolan-gen portolan-cli portolan >&2
gen=$build/tests/bench/portolan-gen
cli=$build/app/portolan-cli

# The upstream repository: a generated workspace committed to a bare repository.
repo=$data/upstream
bare=$data/served/catalog.git
if [[ ! -d $bare ]]; then
    echo "== Generating $size entities into a git repository" >&2
    rm -rf "$repo" "$data/served"
    "$gen" --count "$size" --seed "$seed" "$repo" >&2
    git -C "$repo" init -q --initial-branch main
    git -C "$repo" add -A
    git -C "$repo" -c user.name=bench -c user.email=bench@portolan.invalid commit -q -m "generated catalog"
    mkdir -p "$data/served"
    git clone -q --bare "$repo" "$bare"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
git daemon --reuseaddr --export-all --listen=127.0.0.1 --port="$port" --base-path="$data/served" "$data/served" &
daemon=$!
trap 'kill $daemon 2>/dev/null || true' EXIT
sleep 0.5

consumer=$data/consumer
rm -rf "$consumer" "$data/portolan-data"
mkdir -p "$consumer"
cat >"$consumer/portolan.yaml" <<YAML
name: Sync benchmark
sources:
  - id: catalog
    type: git
    url: git://127.0.0.1:$port/catalog.git
    branch: main
    paths: [catalog/all.yaml]
YAML
export PORTOLAN_DATA_DIR=$data/portolan-data

measure() {
    local label=$1
    shift
    /usr/bin/time -o "$data/time.txt" -f '%e %U %S %M' "$cli" "$@" >"$data/$label.out" 2>"$data/$label.err" || true
    read -r wall user sys rss <"$data/time.txt"
    local cpu
    cpu=$(echo "$user + $sys" | bc)
    printf '| %-32s | %8s s | %8s s | %8d MB | %s |\n' "$label" "$wall" "$cpu" "$((rss / 1024))" \
        "$(grep -h 'catalog:' "$data/$label.out" | head -n 1 | cut -c1-60)"
}

echo "== Syncing" >&2
{
    echo "## Sync benchmark (issue #3): $size entities in one git source"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; Release build; git daemon on 127.0.0.1"
    echo
    echo "| run | wall | CPU (user+sys) | peak RSS | result |"
    echo "|---|---|---|---|---|"
    measure "fresh clone" sync --workspace "$consumer"
    # One changed file upstream, pushed; the next sync fetches it and re-reads the checkout.
    work=$data/work
    rm -rf "$work"
    git clone -q "$bare" "$work"
    first=$(find "$work/catalog/components" -name '*.yaml' | sort | sed -n 1p)
    sed -i '0,/description:/s//description: changed for the benchmark,/' "$first"
    git -C "$work" -c user.name=bench -c user.email=bench@portolan.invalid commit -q -am "one change"
    git -C "$work" push -q origin main
    measure "re-sync, one changed file" sync --workspace "$consumer"
    measure "re-sync, nothing changed" sync --workspace "$consumer"
    measure "catalog list from the cache" catalog list --workspace "$consumer" --kind system
    echo
    # The GUI while the same sync runs from a fresh data folder: it opens, clones, reads and shows 100k entities;
    # every 16 ms it repaints the window and times the gap since the last tick.
    export PORTOLAN_DATA_DIR=$data/portolan-data-gui
    rm -rf "$PORTOLAN_DATA_DIR"
    echo "- GUI during a fresh sync (xvfb, window repainted every 16 ms): $(xvfb-run -a dbus-run-session -- \
        "$build/app/portolan" --workspace "$consumer" --measure-sync-frames 2>/dev/null | tail -n 1)"
    echo "- GUI during a re-sync of the same commit: $(xvfb-run -a dbus-run-session -- \
        "$build/app/portolan" --workspace "$consumer" --measure-sync-frames 2>/dev/null | tail -n 1)"
} | tee "$data/report.md"
