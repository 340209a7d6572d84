#!/bin/sh
# A stand-in for a client-go exec credential plugin (kubelogin, gke-gcloud-auth-plugin, aws eks get-token) for
# tests/core/KubeConfigTest.cpp. It prints an ExecCredential in the shape the Kubernetes "Client Authentication
# (v1)" and "(v1beta1)" API references give (kind, apiVersion, status.token or status.clientCertificateData and
# clientKeyData, status.expirationTimestamp), and records each run so the test can check what it was given.
#
# Set through the kubeconfig's exec.env:
#   PLUGIN_STATE_DIR   folder for runs.log (one line per run: the arguments and $FOO) and exec-info-<run>.json
#                      (the KUBERNETES_EXEC_INFO received); an optional file "expiry" there holds the
#                      expirationTimestamp to answer with
#   PLUGIN_API_VERSION apiVersion to answer with (default client.authentication.k8s.io/v1)
#   PLUGIN_MODE        token (default) | cert | fail | garbage | sleep
set -eu
dir=${PLUGIN_STATE_DIR:?PLUGIN_STATE_DIR is not set}
echo "$* FOO=${FOO:-}" >> "$dir/runs.log"
run=$(wc -l < "$dir/runs.log" | tr -d ' ')
printf '%s' "${KUBERNETES_EXEC_INFO:-}" > "$dir/exec-info-$run.json"
api=${PLUGIN_API_VERSION:-client.authentication.k8s.io/v1}
expiry=""
if [ -f "$dir/expiry" ]; then
    expiry=",\"expirationTimestamp\":\"$(cat "$dir/expiry")\""
fi
case "${PLUGIN_MODE:-token}" in
fail)
    echo "error: the identity provider refused the login (invalid_grant)" >&2
    echo "run 'example-login' in a terminal first" >&2
    exit 1
    ;;
garbage)
    echo "Opening the browser for you to log in..."
    ;;
sleep)
    exec sleep 30
    ;;
cert)
    printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----\\nrun-%s\\n-----END CERTIFICATE-----\\n","clientKeyData":"-----BEGIN PRIVATE KEY-----\\nrun-%s\\n-----END PRIVATE KEY-----\\n"%s}}\n' \
        "$api" "$run" "$run" "$expiry"
    ;;
*)
    printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"plugin-token-%s"%s}}\n' "$api" "$run" "$expiry"
    ;;
esac
