#!/usr/bin/env bash
# Opens Portolan on a small workspace whose github and kubernetes sources point at the loopback test servers (the
# recorded api.github.com answers and Kubernetes lists the tests use), so the CI, Pull requests, Deployments and
# Runtime tabs can be tried without an organisation or a cluster. The screenshots in packaging/screenshots
# (catalog-live, entity-ci, entity-pulls, entity-runtime, sources-github) were taken this way.
#   tests/tools/live-demo.sh [BUILD_DIR]        (default: build)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
cp -r tests/tools/live-demo "$work/ws"
"$build/tests/tools/github-test-server" --port 18765 --token demo-token &
"$build/tests/tools/kube-test-server" --port 18766 --kubeconfig "$work/kubeconfig" &
sleep 1
sed -i "s|KUBECONFIG_PATH|$work/kubeconfig|" "$work/ws/portolan.yaml"
PORTOLAN_DATA_DIR="$work/data" PORTOLAN_DEMO_GITHUB_TOKEN=demo-token "$build/app/portolan" --workspace "$work/ws"
