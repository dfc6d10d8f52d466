package daemon

import (
	"context"
	"slices"
	"time"

	"gratitude/inbox"
	"gratitude/internal/outbox"
)

// healthEvery is how often, at most, the daemon looks at what no pass
// records by itself: the outbox's stuck messages (a send loop that stopped
// sending records nothing) and whether SMTP needs a look.
const healthEvery = time.Minute

// healthLoop keeps the health no pass records by itself up to date: the
// messages stuck in the outbox, the folders while messages wait for one
// that is missing (looked for as often as mail is polled for; once it
// exists, the send loop gets it and files what waited), and the SMTP
// server between sends.
func (d *Daemon) healthLoop(ctx context.Context, refold chan inbox.Folders, sendKick chan<- struct{}) {
	every := d.cfg.IMAP.PollInterval
	if every <= 0 {
		every = healthEvery
	}
	tick := time.NewTicker(min(healthEvery, every))
	defer tick.Stop()
	lastRefold := time.Now() // the daemon has just found them
	for {
		stuck := d.recordOutbox(ctx, d.lastDrain())
		if lacksFolder(stuck) && time.Since(lastRefold) >= every {
			lastRefold = time.Now()
			if d.refold(ctx, refold) {
				kick(sendKick)
			}
		}
		d.checkSMTP(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func lacksFolder(stuck []outbox.Stuck) bool {
	return slices.ContainsFunc(stuck, func(s outbox.Stuck) bool { return s.Cause == outbox.CauseNoFolder })
}

// refold looks for the mailbox's folders again and hands them to the send
// loop; false when they could not be read.
func (d *Daemon) refold(ctx context.Context, to chan inbox.Folders) bool {
	conn, err := inbox.Dial(ctx, IMAPOptions(d.cfg), d.stats)
	if err != nil {
		d.log.Warn("cannot look for the missing folder again", "err", err)
		return false
	}
	folders, err := d.findFolders(ctx, conn)
	go conn.Close()
	if err != nil {
		return false
	}
	offer(to, folders)
	return true
}

// takeFolders gives the sender the folders last found, if there are new ones.
func takeFolders(s *outbox.Sender, from <-chan inbox.Folders) {
	select {
	case f := <-from:
		s.Folders = folderTargets(f)
	default:
	}
}
