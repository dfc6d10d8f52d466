package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"gratitude/store"
)

// watchedSetting keeps the mailboxes the daemon last set out to read, so
// that status judges staleness by those alone: a capture folder deleted or
// turned off keeps its cursor, which no pass moves any more.
const watchedSetting = "watch.mailboxes"

// noteWatched records the mailboxes every pass reads, when they changed.
func (d *Daemon) noteWatched(ctx context.Context, mailboxes []string) {
	v, _ := json.Marshal(mailboxes)
	if old, ok, err := d.store.Setting(ctx, d.account, watchedSetting); err == nil && ok && slices.Equal(old, v) {
		return
	}
	if err := d.store.SetSetting(context.WithoutCancel(ctx), d.account, watchedSetting, v, d.clock.Now()); err != nil {
		d.log.Error("cannot record which mailboxes are read", "err", err)
	}
}

// readWatched reads the mailboxes the daemon last set out to read; nil
// when it never said (every mailbox with a cursor is then read).
func readWatched(ctx context.Context, st *store.Store, acct int64) ([]string, error) {
	v, ok, err := st.Setting(ctx, acct, watchedSetting)
	if err != nil || !ok {
		return nil, err
	}
	var names []string
	if err := json.Unmarshal(v, &names); err != nil {
		return nil, fmt.Errorf("status: the recorded mailboxes read %q cannot be read: %w", v, err)
	}
	return names, nil
}
