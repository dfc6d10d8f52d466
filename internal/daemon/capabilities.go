package daemon

import (
	"context"
	"encoding/json"
	"slices"

	"gratitude/inbox"
)

// imapInfoSetting keeps the lines status shows about what the IMAP
// server lacks: `gratitude status` runs in another process.
const imapInfoSetting = "health.info.imap"

// noteIMAP records what the server's capabilities change, as info lines
// for status and /healthz, and which of the capabilities gratitude uses it
// has, for /metrics. A lack that only degrades is info, never a failure.
func (d *Daemon) noteIMAP(ctx context.Context, conn *inbox.Conn, configured, found inbox.Folders) {
	caps := conn.Caps()
	has := map[string]bool{}
	for _, c := range inbox.Used {
		has[string(c)] = caps.Has(c)
	}
	var lines []string
	for _, f := range conn.Fallbacks(configured, found) {
		lines = append(lines, "IMAP: no "+string(f.Cap)+": "+f.Effect)
	}
	d.health.setInfo("imap", lines)
	d.knownMu.Lock()
	d.imapCaps = has
	d.knownMu.Unlock()
	v, _ := json.Marshal(lines)
	if old, ok, err := d.store.Setting(ctx, d.account, imapInfoSetting); err == nil && ok && slices.Equal(old, v) {
		return
	}
	if err := d.store.SetSetting(context.WithoutCancel(ctx), d.account, imapInfoSetting, v, d.clock.Now()); err != nil {
		d.log.Error("cannot record what the IMAP server lacks", "err", err)
	}
	for _, l := range lines {
		d.log.Info(l)
	}
}

// imapCapabilities returns, for each capability gratitude uses, whether
// the server has it; nil before the first connection.
func (d *Daemon) imapCapabilities() map[string]bool {
	d.knownMu.Lock()
	defer d.knownMu.Unlock()
	return d.imapCaps
}
