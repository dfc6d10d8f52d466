#!/usr/bin/env bash
# Benchmarks on a real Dovecot: builds gratitude, fills a mailbox, measures
# the initial and quiet `run --once`, a raw header FETCH of the same mailbox,
# and IDLE latency, then writes docs/BENCHMARKS.md. Needs dovecot-imapd
# (.ci/install-deps.sh). Usage: scripts/bench.sh [-messages N] [-rounds R]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/gratitude" ./cmd/gratitude
go run ./scripts/bench -bin "$out/gratitude" -out docs/BENCHMARKS.md "$@"
