#!/usr/bin/env bash
# Benchmarks on a real mail stack: builds gratitude, then measures on a
# private Dovecot (IMAP, LMTP), Postfix and a loopback SMTP server the
# initial and steady-state sync of growing mailboxes against a raw header
# FETCH, IDLE latency from SMTP delivery to `list --json`, one decision
# pass over a database of a million requests, outbox throughput, and
# doubled sends when killed while sending (cmd/gratitude's
# TestDoubledSendsPerHundredKills, run by go test with a fixed seed); and
# writes every figure, with the machine, to docs/BENCHMARKS.md. Needs
# dovecot-imapd, dovecot-lmtpd and postfix (.ci/install-deps.sh) and root
# for Postfix, and GNU time (/usr/bin/time) for peak RSS. About 13 minutes
# on 2 cores.
#
# Usage: scripts/bench.sh [-quick] [-sizes 10000,100000] [-rounds R]
#        [-idle-samples N] [-append-samples N] [-requests N] [-outbox N]
#        [-crash-kills N] [-crash-seed S] [-out FILE]
# -quick runs small sizes in about a minute and writes no report unless
# -out is given.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/gratitude" ./cmd/gratitude
go build -o "$out/bench" ./scripts/bench
"$out/bench" -bin "$out/gratitude" "$@"
