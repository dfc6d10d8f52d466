package daemon

import (
	"context"
	"slices"

	"gratitude/inbox"
)

// watch runs the mailbox watcher on folders until ctx ends. After every
// failure of the watcher it looks at the folders again, and when the ones
// to read changed (the capture folder deleted, Sent renamed) it starts the
// watcher again on the new ones: on its own the watcher would retry a
// folder that is gone for ever, and read nothing else meanwhile.
func (d *Daemon) watch(ctx context.Context, folders inbox.Folders, remindKick chan struct{}, refold chan inbox.Folders) {
	for ctx.Err() == nil {
		wctx, cancel := context.WithCancel(ctx)
		failed := make(chan struct{}, 1)
		w := d.watcher(ctx, folders, remindKick, failed)
		done := make(chan struct{})
		go func() { w.Run(wctx); close(done) }()
		d.noteWatched(ctx, w.Mailboxes)
		next := d.awaitNewFolders(ctx, folders, failed)
		cancel()
		<-done
		if ctx.Err() == nil {
			d.log.Info("the folders to read changed; watching them instead", "was", watchOrder(folders), "now", watchOrder(next))
			offer(refold, next)
			folders = next
		}
	}
}

// watcher builds the watcher over folders; it reports each failure on
// failed.
func (d *Daemon) watcher(ctx context.Context, folders inbox.Folders, remindKick, failed chan struct{}) *inbox.Watcher {
	d.log.Info("watching", "inbox", folders.Inbox, "sent", folders.Sent, "capture", folders.Capture, "idle", d.cfg.IMAP.Idle)
	d.decide.Lock() // the decision loop reads it
	d.thanks.SentFolder = folders.Sent
	d.decide.Unlock()
	return &inbox.Watcher{
		Options:   IMAPOptions(d.cfg),
		Syncer:    d.syncer(folders),
		Mailboxes: watchOrder(folders),
		Backoff:   inbox.DefaultBackoff,
		Log:       d.log.With("component", "inbox"),
		OnPass: func(res inbox.PassResult, err error) {
			d.onPass(ctx, res, err)
			if d.gate.passed(res, err) {
				kick(remindKick)
			}
			if err != nil {
				kick(failed)
			}
		},
	}
}

// awaitNewFolders looks at the folders after each failure of the watcher
// and returns them once the ones to read differ from current's, or when
// ctx ends.
func (d *Daemon) awaitNewFolders(ctx context.Context, current inbox.Folders, failed <-chan struct{}) inbox.Folders {
	for {
		select {
		case <-ctx.Done():
			return current
		case <-failed:
		}
		found, err := d.lookAtFolders(ctx)
		if err == nil && !slices.Equal(watchOrder(found), watchOrder(current)) {
			return found
		}
	}
}

// offer hands the send loop folders newly found, replacing any it has not
// taken yet.
func offer(to chan inbox.Folders, f inbox.Folders) {
	select {
	case to <- f:
	default:
		select {
		case <-to:
		default:
		}
		to <- f
	}
}
