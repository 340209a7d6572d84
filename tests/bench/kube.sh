#!/usr/bin/env bash
# Kubernetes benchmark: the kubernetes source with 50,000 pods listed and then 1,000 watch events per second
# (portolan_bench_kube), and the GUI's frames while those watch events arrive: `kube-test-server --pods 50000
# --churn 1000` on 127.0.0.1, a workspace of 500 Components selecting the generated pods by label, and the GUI under
# xvfb repainting its window every 16 ms through the first sync and 30 s of churn. Figures only: nothing here passes
# or fails.
#
# Environment (all optional):
#   BENCH_BUILD_DIR   build folder (default: <repo>/build-bench)
#   BENCH_PODS        generated pods (default: 50000); one Component per 100 pods
#   BENCH_RATE        watch events per second (default: 1000)
#   BENCH_SECONDS     seconds of watch events (default: 30)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build-bench}
pods=${BENCH_PODS:-50000}
rate=${BENCH_RATE:-1000}
seconds=${BENCH_SECONDS:-30}
data=$build/data/kube-$pods

mkdir -p "$build" "$data"
echo "== Configuring a Release build in $build" >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPORTOLAN_BUILD_TESTS=ON \
    -DPORTOLAN_BUILD_BENCH=ON >"$build/bench-configure.log"
cmake --build "$build" --target portolan_bench_kube kube-test-server portolan >&2

# The workspace: one Component per 100 generated pods (the server labels pod i `app=app-<i/100>`).
ws=$data/workspace
rm -rf "$ws"
mkdir -p "$ws"
cat >"$ws/portolan.yaml" <<YAML
name: Kubernetes benchmark
sources:
  - id: catalog
    type: files
    paths: [catalog-info.yaml]
  - id: cluster
    type: kubernetes
    refresh: manual
    options: {kubeconfig: kubeconfig}
YAML
{
    echo "apiVersion: backstage.io/v1alpha1"
    echo "kind: Group"
    echo "metadata: {name: platform}"
    echo "spec: {type: team, children: []}"
    for ((i = 0; i < pods / 100; i++)); do
        echo "---"
        echo "apiVersion: backstage.io/v1alpha1"
        echo "kind: Component"
        echo "metadata:"
        echo "  name: service-$i"
        echo "  annotations: {backstage.io/kubernetes-label-selector: app=app-$i}"
        echo "spec: {type: service, lifecycle: production, owner: platform}"
    done
} >"$ws/catalog-info.yaml"

{
    echo "## Kubernetes benchmark: $pods pods, $rate watch events/s for $seconds s"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; Release build; API server on 127.0.0.1"
    echo
    "$build/tests/bench/portolan_bench_kube" --pods "$pods" --rate "$rate" --seconds "$seconds"
    echo
} | tee "$data/report.md"

# The GUI against a stand-alone server with the same pods and churn.
rm -f "$ws/kubeconfig"
"$build/tests/tools/kube-test-server" --pods "$pods" --churn "$rate" --kubeconfig "$ws/kubeconfig" \
    >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    [[ -s $ws/kubeconfig ]] && break
    sleep 0.1
done

gui() {
    export PORTOLAN_DATA_DIR=$data/portolan-data
    rm -rf "$PORTOLAN_DATA_DIR"
    xvfb-run -a dbus-run-session -- "$build/app/portolan" --workspace "$ws" --measure-sync-frames \
        --measure-frames-seconds "$seconds" "$@" 2>/dev/null | tail -n 2 | sed 's/^/  - /'
}
{
    echo "- GUI, catalog list (xvfb, window repainted every 16 ms):"
    gui
    echo "- GUI, runtime tab of component:default/service-0 open:"
    gui --open-entity component:default/service-0 --entity-tab runtime
} | tee -a "$data/report.md"
