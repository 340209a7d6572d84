#!/usr/bin/env bash
# A workspace that shows the Operations tab with real servers: the demo catalog, a Terraform state (prod.tfstate, the
# demo company's infrastructure; fictional), and a real Prometheus, Alertmanager and Unleash on 127.0.0.1 with alerts
# that fire, recording rules for the key metrics, a silence and feature flags.
#   tests/tools/ops-demo/start.sh DIR     starts the servers, writes DIR/portolan.yaml, prints the command to open it
#   tests/tools/ops-demo/start.sh stop DIR
# Needs the Debian packages prometheus and prometheus-alertmanager, and tests/tools/servers/unleash.sh install.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"

if [[ "${1:-}" == stop ]]; then
    dir="$2"
    for pid in "$dir"/*.pid; do
        [[ -f "$pid" ]] && kill "$(cat "$pid")" 2>/dev/null || true
    done
    bash "$repo/tests/tools/servers/unleash.sh" stop "$dir/unleash" || true
    exit 0
fi

dir="$(mkdir -p "$1" && cd "$1" && pwd)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
am=$(free_port)
prom=$(free_port)
mkdir -p "$dir/am" "$dir/prom"
cat >"$dir/am/alertmanager.yml" <<YAML
route: {receiver: blackhole, group_by: [alertname, service], group_wait: 1s, group_interval: 1s}
receivers: [{name: blackhole}]
YAML
cat >"$dir/prom/prometheus.yml" <<YAML
global: {scrape_interval: 5s, evaluation_interval: 5s}
alerting: {alertmanagers: [{static_configs: [{targets: ['127.0.0.1:$am']}]}]}
rule_files: [rules.yml]
YAML
cat >"$dir/prom/rules.yml" <<'YAML'
groups:
  - name: service-alerts
    rules:
      - alert: BookingServiceHighErrorRate
        expr: vector(1)
        labels: {service: booking-service, severity: critical}
        annotations:
          summary: booking-service is failing 8.2% of requests
          description: More than 5% of booking-service requests have failed over the last 5 minutes.
      - alert: BookingServiceLatencyBudgetBurn
        expr: vector(1)
        for: 1h
        labels: {service: booking-service, severity: warning}
        annotations: {summary: booking-service p95 latency is burning its budget}
      - alert: TrackingServiceHighLatency
        expr: vector(1)
        labels: {service: tracking-service, severity: warning}
        annotations: {summary: tracking-service p95 latency is 1.7 s}
  - name: service-slos
    rules:
      - record: service:http_requests:rate5m
        expr: 118 + 30 * sin(vector(time() / 60))
        labels: {service: booking-service}
      - record: service:http_errors:ratio_rate5m
        expr: 0.082 + 0.02 * sin(vector(time() / 45))
        labels: {service: booking-service}
      - record: service:http_request_duration_seconds:p95
        expr: 0.21 + 0.05 * cos(vector(time() / 30))
        labels: {service: booking-service}
YAML
/usr/bin/prometheus-alertmanager --config.file="$dir/am/alertmanager.yml" --storage.path="$dir/am/data" \
    --web.listen-address=127.0.0.1:$am --cluster.listen-address= >"$dir/am.log" 2>&1 &
echo $! >"$dir/alertmanager.pid"
/usr/bin/prometheus --config.file="$dir/prom/prometheus.yml" --storage.tsdb.path="$dir/prom/data" \
    --web.listen-address=127.0.0.1:$prom --web.external-url=http://127.0.0.1:$prom/ --rules.alert.resend-delay=1s \
    >"$dir/prom.log" 2>&1 &
echo $! >"$dir/prometheus.pid"
for port in $am $prom; do
    for _ in $(seq 50); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/-/ready" && continue 2
        sleep 0.2
    done
    echo "ops-demo: the server on port $port did not start; see $dir/*.log" >&2
    exit 1
done

read -r unleash token < <(bash "$repo/tests/tools/servers/unleash.sh" start "$dir/unleash")
api() { curl -sf -o /dev/null -X POST -H "Authorization: $token" -H 'Content-Type: application/json' "$unleash$1" ${2:+-d "$2"}; }
api /api/admin/projects/default/features '{"name":"booking-service.new-pricing","type":"release","description":"New pricing engine"}'
api /api/admin/projects/default/features/booking-service.new-pricing/environments/development/on
api /api/admin/projects/default/features '{"name":"booking-service.bulk-booking","type":"experiment","description":"Bulk booking for partners"}'
api /api/admin/projects/default/features/booking-service.bulk-booking/environments/development/on
api /api/admin/projects/default/features/booking-service.bulk-booking/environments/production/on
api /api/admin/projects/default/features '{"name":"booking-service.legacy-quote","type":"kill-switch","description":"Old quote path"}'
api /api/admin/projects/default/stale '{"features":["booking-service.legacy-quote"],"stale":true}'

# A silence for the tracking alert, once Alertmanager has it.
sleep 12
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
until=$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)
curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$am/api/v2/silences" \
    -d "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"TrackingServiceHighLatency\",\"isRegex\":false,\"isEqual\":true}],\"startsAt\":\"$now\",\"endsAt\":\"$until\",\"createdBy\":\"ana.silva\",\"comment\":\"Carrier API slow; OPS-1234\"}"

cp "$here/prod.tfstate" "$dir/prod.tfstate"
cat >"$dir/portolan.yaml" <<YAML
name: Northwind Freight (operations servers)
locations: [$repo/resources/demo/catalog/all.yaml]
credentials:
  - {name: unleash, env: PORTOLAN_DEMO_UNLEASH_TOKEN, description: An Unleash admin API token}
sources:
  - {id: infra, type: terraform, title: Terraform (prod), paths: [prod.tfstate], options: {owner: group:platform-team, linkTag: service}}
  - id: prometheus
    type: prometheus
    url: http://127.0.0.1:$prom
    refresh: 1m
    options:
      window: 10m
      step: 5s
      metrics:
        - {key: requestRate, title: Request rate, unit: req/s, query: "service:http_requests:rate5m"}
        - {key: errorRatio, title: Error ratio, unit: "%", scale: 100, query: "service:http_errors:ratio_rate5m"}
        - {key: latencyP95, title: Latency p95, unit: s, query: "service:http_request_duration_seconds:p95"}
  - {id: alertmanager, type: alertmanager, url: "http://127.0.0.1:$am", refresh: 1m}
  - {id: flags, type: unleash, url: "$unleash", credential: unleash, refresh: 5m}
YAML
echo "PORTOLAN_DEMO_UNLEASH_TOKEN='$token' ./build/app/portolan --workspace $dir --open-entity component:booking-service --entity-tab operations"
