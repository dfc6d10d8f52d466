package main

import (
	"fmt"
	"slices"
	"time"
)

// sampleTimeout bounds the wait for one delivery to show.
const sampleTimeout = 30 * time.Second

// idleResult is the IDLE latency run: per delivery path, gratitude's
// latency and the bare IDLE client's, sorted.
type idleResult struct {
	Messages   int             // INBOX size while the daemon watched
	Transport  string          // how the replies travelled
	Asks       int             // requests tracked before the replies came
	SMTP       []time.Duration // the server accepted the reply → helper in the database
	SMTPBare   []time.Duration // the server accepted the reply → EXISTS at the bare client
	Append     []time.Duration // APPEND done → message row in the database
	AppendBare []time.Duration // APPEND done → EXISTS at the bare client
	Listed     int             // requests `list --json` showed answered by their helper afterwards
}

// idle tracks one ask per sample (plus one to warm up), starts `gratitude
// run` on the database synced by cfg, and times replies sent through
// Postfix (or LMTP), then IMAP APPENDs, each against a bare IDLE client
// watching the same INBOX.
func (b *bench) idle(cfg, db string) (*idleResult, error) {
	n := b.o.idleSamples + 1 // the first delivery only proves the daemon ready
	first := b.askSeq
	b.askSeq += n
	res := &idleResult{Asks: n, Messages: b.inbox}
	ids, err := b.trackAsks(cfg, first, n)
	if err != nil {
		return nil, err
	}
	tr, err := b.newTransport()
	if err != nil {
		return nil, err
	}
	defer tr.close()
	res.Transport = tr.name()
	d, err := b.startDaemon(cfg)
	if err != nil {
		return nil, err
	}
	defer d.stop()
	w, err := b.watchInbox(owner)
	if err != nil {
		return nil, err
	}
	defer w.close()
	v, err := openView(db, owner)
	if err != nil {
		return nil, err
	}
	defer v.close()
	if err := b.replyLatency(tr, w, v, first, ids, res); err != nil {
		return nil, fmt.Errorf("%w\ndaemon log:\n%s\n%s", err, d.log(), tr.logs())
	}
	if err := b.appendLatency(w, v, res); err != nil {
		return nil, fmt.Errorf("%w\ndaemon log:\n%s", err, d.log())
	}
	if err := d.stop(); err != nil {
		return nil, err
	}
	res.Listed, err = b.countAnswered(cfg, first, ids)
	if err == nil && res.Listed != n {
		err = fmt.Errorf("list --json shows %d of the %d requests answered by their helper", res.Listed, n)
	}
	return res, err
}

// replyLatency sends the reply to each ask, numbered from first, and times
// it to the helper's row in the database and to the bare client's EXISTS.
func (b *bench) replyLatency(tr transport, w *bareWatcher, v *dbView, first int, ids []int64, res *idleResult) error {
	for k, id := range ids {
		accepted, err := tr.send(helperAddr(first+k), owner, replyMail(first+k))
		if err != nil {
			return err
		}
		b.inbox++
		seen, err := waitUntil(fmt.Sprintf("reply %d in request %d", k, id), sampleTimeout, func() (bool, error) { return v.hasHelper(id) })
		if err != nil {
			return err
		}
		bare, err := w.waitCount(w.count+uint32(k+1), sampleTimeout)
		if err != nil {
			return err
		}
		if k > 0 {
			res.SMTP, res.SMTPBare = append(res.SMTP, seen.Sub(accepted)), append(res.SMTPBare, bare.Sub(accepted))
		}
	}
	slices.Sort(res.SMTP)
	slices.Sort(res.SMTPBare)
	return nil
}

// appendLatency APPENDs messages in no tracked thread and times each to
// its row in the database and to the bare client's EXISTS.
func (b *bench) appendLatency(w *bareWatcher, v *dbView, res *idleResult) error {
	base := w.count + uint32(res.Asks)
	for i := range b.o.appendSamples {
		id := benchID(b.mailSeq)
		if err := b.appendOne(); err != nil {
			return err
		}
		done := time.Now()
		seen, err := waitUntil("message "+id, sampleTimeout, func() (bool, error) { return v.hasMessage(id) })
		if err != nil {
			return err
		}
		bare, err := w.waitCount(base+uint32(i+1), sampleTimeout)
		if err != nil {
			return err
		}
		res.Append, res.AppendBare = append(res.Append, seen.Sub(done)), append(res.AppendBare, bare.Sub(done))
	}
	slices.Sort(res.Append)
	slices.Sort(res.AppendBare)
	return nil
}
