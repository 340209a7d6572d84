#!/usr/bin/env bash
# A real Unleash feature-flag server (npm unleash-server, open-source edition) on a real PostgreSQL 15, both on
# 127.0.0.1, for the integration tests; .ci/dev runs `install`, tests/support/UnleashServer runs `start` and `stop`.
#   unleash.sh install      installs unleash-server into $PORTOLAN_UNLEASH_DIR (default below) unless it is there
#   unleash.sh start DIR    a new database cluster and an Unleash in DIR (a folder the caller owns and removes);
#                           prints "URL ADMIN_TOKEN" on stdout:
#                           http://127.0.0.1:40123 *:*.portolan-test-admin-token
#   unleash.sh stop DIR     stops the Unleash and the PostgreSQL started in DIR; the data stays
# With PORTOLAN_UNLEASH_OWNER_PID set, the servers stop themselves once that process is gone, so a test that crashes
# or is killed by ctest's timeout does not leave a database and a node process behind.
# Exit codes: 0 ok, 1 failure (the reason on stderr), 3 not installed or node/npm missing (tests may skip on it).
set -euo pipefail

version=7.5.1 # the newest unleash-server whose engines accept Node 20 (7.6.x and 8.x ask for Node 22)
install_dir=${PORTOLAN_UNLEASH_DIR:-/var/tmp/portolan-unleash-$version}
pg_bin=${PORTOLAN_PG_BIN:-/usr/lib/postgresql/15/bin}
admin_token='*:*.portolan-test-admin-token'
script=$(readlink -f "$0")

die() {
    echo "unleash.sh: $*" >&2
    exit 1
}

missing() {
    echo "unleash.sh: $*" >&2
    exit 3
}

need_node() {
    command -v node >/dev/null || missing "node is not installed (Node.js 20 or later; Debian's nodejs 18 is too old)"
    local major
    major=$(node -p 'process.versions.node.split(".")[0]')
    ((major >= 20)) || missing "node $(node --version) is too old: unleash-server $version needs Node.js 20 or later"
}

installed() {
    [[ -f $install_dir/.portolan-installed && -f $install_dir/node_modules/unleash-server/package.json ]]
}

# The install goes to a fixed folder outside $HOME, because the tests run with a throw-away HOME, and it is made in a
# staging folder beside it and renamed into place at the end: an interrupted or concurrent install never leaves a
# half-filled folder that a later run would take as done. /var/tmp is writable by everyone, so root and a normal user
# (CI with sudo) both can install; the result is world-readable so either can use what the other installed.
cmd_install() {
    need_node
    command -v npm >/dev/null || missing "npm is not installed"
    installed && return 0
    umask 022
    local parent staging
    parent=$(dirname "$install_dir")
    mkdir -p "$parent"
    staging=$(mktemp -d "$install_dir.staging.XXXXXX")
    # shellcheck disable=SC2064 # the staging path is fixed now
    trap "rm -rf '$staging'" EXIT
    chmod 755 "$staging"
    echo '{"name": "portolan-unleash", "private": true}' >"$staging/package.json"
    echo "unleash.sh: installing unleash-server@$version into $install_dir" >&2
    # Its own npm cache, removed afterwards: the user's ~/.npm may be missing or not writable under CI.
    # --ignore-scripts: nothing the server uses needs one; they would only build an optional native module for ssh2
    # (cpu-features) and send install telemetry (@scarf/scarf).
    npm install --prefix "$staging" --cache "$staging/.npm-cache" --no-audit --no-fund --omit=dev --ignore-scripts \
        --loglevel=error --update-notifier=false "unleash-server@$version" >&2
    rm -rf "$staging/.npm-cache"
    touch "$staging/.portolan-installed"
    if [[ -e $install_dir ]] && ! installed; then
        rm -rf "$install_dir" || die "$install_dir is incomplete and not ours to remove; set PORTOLAN_UNLEASH_DIR"
    fi
    # mv onto an existing folder fails: another install finished first, and that one is used.
    mv -T "$staging" "$install_dir" 2>/dev/null || installed || die "could not move the install to $install_dir"
}

free_port() {
    node -e 'const s = require("net").createServer();
             s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# initdb and postgres refuse to run as root: as root the cluster folder belongs to user postgres.
as_pg() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

cmd_start() {
    local dir=$1
    need_node
    installed || missing "unleash-server $version is not in $install_dir: run tests/tools/servers/unleash.sh install"
    [[ -x $pg_bin/initdb ]] || missing "PostgreSQL 15 is not installed ($pg_bin/initdb)"
    local started=$EPOCHREALTIME
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [[ ! -e $dir/pg ]] || die "$dir already holds a cluster: start wants a new folder"
    if ((EUID == 0)); then
        chown postgres: "$dir"
    fi
    chmod 700 "$dir"
    # Whatever fails from here on, nothing that was started stays behind.
    # shellcheck disable=SC2064 # the folder is fixed now
    trap "cmd_stop '$dir'" EXIT

    # A throw-away cluster: trust on loopback only, no fsync (the data dies with the test), the socket in DIR so
    # nothing touches /var/run/postgresql.
    as_pg "$pg_bin/initdb" -D "$dir/pg" -U unleash -E UTF8 --no-locale --auth=trust --no-sync >"$dir/initdb.log" 2>&1 \
        || die "initdb failed: $(tail -5 "$dir/initdb.log")"
    local pg_port="" attempt
    # A port from the kernel can be taken again before postgres binds it: try a few.
    for attempt in 1 2 3; do
        pg_port=$(free_port)
        local options="-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories='$dir'"
        options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40"
        if as_pg "$pg_bin/pg_ctl" -D "$dir/pg" -l "$dir/postgres.log" -w -t 30 -s -o "$options" start >/dev/null; then
            break
        fi
        ((attempt < 3)) || die "postgres did not start: $(tail -5 "$dir/postgres.log")"
    done
    head -1 "$dir/pg/postmaster.pid" >"$dir/postgres.pid"
    "$pg_bin/createdb" -h "$dir" -p "$pg_port" -U unleash unleash || die "createdb failed"
    local pg_ready=$EPOCHREALTIME

    # unleash-server is an ES module (import only on Node 20); the entry imports it by path from the install folder.
    # Port 0 lets the kernel pick Unleash's port as it binds, so there is no race there; the entry writes the URL
    # once /health answers. The version check and telemetry would call the internet: both are off.
    cat >"$dir/unleash-entry.mjs" <<'JS'
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const env = process.env;
const requireFromInstall = createRequire(`${env.PORTOLAN_UNLEASH_DIR}/package.json`);
const { start } = await import(pathToFileURL(requireFromInstall.resolve('unleash-server')).href);
const unleash = await start({
    db: {
        host: '127.0.0.1',
        port: Number(env.PORTOLAN_PG_PORT),
        user: 'unleash',
        password: '',
        database: 'unleash',
        ssl: false,
    },
    server: { host: '127.0.0.1', port: 0, gracefulShutdownTimeout: 500 },
    authentication: {
        initApiTokens: [{
            type: 'admin',
            tokenName: 'portolan-test-admin',
            secret: env.PORTOLAN_UNLEASH_ADMIN_TOKEN,
            projects: ['*'],
            environment: '*',
        }],
    },
    versionCheck: { enable: false },
    telemetry: false,
    logLevel: 'warn',
});
const url = `http://127.0.0.1:${unleash.server.address().port}`;
for (let i = 0;; ++i) {
    try {
        if ((await fetch(`${url}/health`)).ok) break;
    } catch {}
    if (i > 300) throw new Error(`${url}/health does not answer`);
    await new Promise((r) => setTimeout(r, 50));
}
writeFileSync(`${env.PORTOLAN_UNLEASH_STATE}/unleash.url.tmp`, `${url}\n`);
renameSync(`${env.PORTOLAN_UNLEASH_STATE}/unleash.url.tmp`, `${env.PORTOLAN_UNLEASH_STATE}/unleash.url`);

const owner = Number(env.PORTOLAN_UNLEASH_OWNER_PID || 0);
if (owner > 0) {
    const watch = setInterval(() => {
        try {
            process.kill(owner, 0);
        } catch (e) {
            if (e.code !== 'ESRCH') return;
            clearInterval(watch);
            // The stop runs in a process of its own: it ends this one and then the database.
            spawn('bash', [env.PORTOLAN_UNLEASH_SCRIPT, 'stop', env.PORTOLAN_UNLEASH_STATE],
                  { detached: true, stdio: 'ignore' }).unref();
        }
    }, 1000);
    watch.unref();
}
JS

    # setsid and no shared pipes: the caller (a test's QProcess) sees this script end as soon as the URL is printed,
    # while Unleash runs on until `stop`.
    rm -f "$dir/unleash.url"
    PORTOLAN_UNLEASH_DIR=$install_dir PORTOLAN_PG_PORT=$pg_port PORTOLAN_UNLEASH_ADMIN_TOKEN=$admin_token \
        PORTOLAN_UNLEASH_STATE=$dir PORTOLAN_UNLEASH_SCRIPT=$script TZ=UTC NODE_ENV=production \
        setsid node "$dir/unleash-entry.mjs" </dev/null >"$dir/unleash.log" 2>&1 &
    local node_pid=$!
    echo "$node_pid" >"$dir/unleash.pid"
    local waited
    for ((waited = 0; waited < 1200; ++waited)); do # 60 s
        [[ -f $dir/unleash.url ]] && break
        kill -0 "$node_pid" 2>/dev/null || break
        sleep 0.05
    done
    if [[ ! -f $dir/unleash.url ]]; then
        tail -20 "$dir/unleash.log" >&2
        die "unleash did not start (log: $dir/unleash.log)"
    fi
    local t0=${started//[!0-9]/} t1=${pg_ready//[!0-9]/} t2=${EPOCHREALTIME//[!0-9]/}
    echo "unleash.sh: unleash-server $version on $(<"$dir/unleash.url"), postgres on 127.0.0.1:$pg_port; started in" \
        "$(((t2 - t0) / 1000)) ms (postgres $(((t1 - t0) / 1000)) ms, unleash $(((t2 - t1) / 1000)) ms)" >&2
    trap - EXIT
    echo "$(<"$dir/unleash.url") $admin_token"
}

# The pid files are checked against /proc before a signal is sent, so a stale file never hits a recycled pid.
cmd_stop() {
    local dir=$1
    dir=$(cd "$dir" && pwd)
    local pid i
    if [[ -f $dir/unleash.pid ]]; then
        pid=$(<"$dir/unleash.pid")
        if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF "$dir/unleash-entry.mjs"; then
            kill -TERM "$pid" 2>/dev/null || true
            for ((i = 0; i < 100; ++i)); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.05
            done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$dir/unleash.pid"
    fi
    if [[ -f $dir/pg/postmaster.pid ]]; then
        as_pg "$pg_bin/pg_ctl" -D "$dir/pg" -m fast -w -t 20 -s stop >/dev/null 2>&1 || true
    fi
    rm -f "$dir/postgres.pid"
}

case "${1:-}:${2:-}" in
install:) cmd_install ;;
start:?*) cmd_start "$2" ;;
stop:?*) cmd_stop "$2" ;;
*)
    echo "usage: unleash.sh install | start DIR | stop DIR" >&2
    exit 2
    ;;
esac
