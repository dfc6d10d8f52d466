#!/usr/bin/env bash
# Installs the system packages the integration tests need and makes sure no
# system-wide instance of them is left running: internal/testmail starts its
# own private Dovecot and Postfix per test (own config, loopback ports, temp
# dirs; Postfix delivers to the test Dovecot over LMTP). The web page's tests
# drive Debian's Chromium headless (chromedp), with a font for its glyphs.
#
# Idempotent; prints nothing on success and the apt output on failure.
# CI should also export GRATITUDE_REQUIRE_DOVECOT=1 so tests cannot skip
# (it covers Postfix and Chromium too; GRATITUDE_REQUIRE_POSTFIX=1 covers
# Postfix alone).
set -euo pipefail

packages=(dovecot-imapd dovecot-lmtpd postfix chromium fonts-dejavu-core)
services=(dovecot postfix)

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
	# Keep postfix's installer from asking questions or writing a system
	# main.cf: the tests bring their own config.
	echo "postfix postfix/main_mailer_type select No configuration" |
		run "${SUDO[@]}" debconf-set-selections
	run "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	run "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends -o Dpkg::Options::=--force-confdef \
		-o Dpkg::Options::=--force-confold "${missing[@]}"
fi

# The packages start a system dovecot listening on 143/993 etc. (and, with a
# main.cf, a postfix on 25); tests never use them. Stop them and keep them
# from coming back at boot. Each step may fail harmlessly (no systemd in
# containers, service already stopped, postfix never configured).
for s in "${services[@]}"; do
	if [[ -d /run/systemd/system ]]; then
		"${SUDO[@]}" systemctl disable --now "$s" >/dev/null 2>&1 || true
	fi
	"${SUDO[@]}" service "$s" stop >/dev/null 2>&1 || true
	if command -v update-rc.d >/dev/null; then
		"${SUDO[@]}" update-rc.d "$s" disable >/dev/null 2>&1 || true
	fi
done
"${SUDO[@]}" /usr/sbin/postfix stop >/dev/null 2>&1 || true

for bin in dovecot postconf chromium; do
	command -v "$bin" >/dev/null || [[ -x /usr/sbin/$bin ]] || {
		echo "install-deps: $bin binary missing after install" >&2
		exit 1
	}
done
