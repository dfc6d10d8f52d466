#!/usr/bin/env bash
# Installs the system packages the integration tests need and makes sure no
# system-wide instance of them is left running: internal/testmail starts its
# own private Dovecot per test (own config, loopback ports, temp dirs).
#
# Idempotent; prints nothing on success and the apt output on failure.
# CI should also export GRATITUDE_REQUIRE_DOVECOT=1 so tests cannot skip.
#
# TODO(postfix): a later step adds postfix here (delivering to Dovecot LMTP);
# stop/disable its system service the same way.
set -euo pipefail

packages=(dovecot-imapd dovecot-lmtpd)
services=(dovecot)

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
	SUDO=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive

log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() {
	if ! "$@" >>"$log" 2>&1; then
		echo "install-deps: failed: $*" >&2
		cat "$log" >&2
		exit 1
	fi
}

missing=()
for p in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done
if ((${#missing[@]})); then
	run "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	run "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends -o Dpkg::Options::=--force-confdef \
		-o Dpkg::Options::=--force-confold "${missing[@]}"
fi

# The package starts a system dovecot listening on 143/993 etc.; tests never
# use it. Stop it and keep it from coming back at boot. Each step may fail
# harmlessly (no systemd in containers, service already stopped).
for s in "${services[@]}"; do
	if [[ -d /run/systemd/system ]]; then
		"${SUDO[@]}" systemctl disable --now "$s" >/dev/null 2>&1 || true
	fi
	"${SUDO[@]}" service "$s" stop >/dev/null 2>&1 || true
	if command -v update-rc.d >/dev/null; then
		"${SUDO[@]}" update-rc.d "$s" disable >/dev/null 2>&1 || true
	fi
done

command -v dovecot >/dev/null || [[ -x /usr/sbin/dovecot ]] || {
	echo "install-deps: dovecot binary missing after install" >&2
	exit 1
}
