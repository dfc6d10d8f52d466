package testmail

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// maildirSeq makes file names unique across PopulateMaildir calls.
var maildirSeq atomic.Uint64

// PopulateMaildir writes n messages, gen(0)..gen(n-1), straight into the
// Maildir's cur/ (flag \Seen), owned by the mail user, bypassing Dovecot
// (which indexes them on the next SELECT). Names sort in generation order,
// which Dovecot follows when assigning UIDs. The mailbox is created if needed.
// gen is called from several goroutines at once.
func (d *Dovecot) PopulateMaildir(user, mailbox string, n int, gen func(i int) []byte) error {
	root := d.MaildirPath(user, "INBOX")
	box := d.MaildirPath(user, mailbox)
	for _, p := range []string{root, box} {
		for _, sub := range []string{"", "cur", "new", "tmp"} {
			if err := d.mkdirOwned(filepath.Join(p, sub), 0o700); err != nil {
				return err
			}
		}
	}
	if box != root {
		// Dovecot marks Maildir++ subfolders with this file.
		if err := d.writeOwned(filepath.Join(box, "maildirfolder"), nil); err != nil {
			return err
		}
	}

	host, _ := os.Hostname()
	host = strings.NewReplacer("/", `\057`, ":", `\072`).Replace(host)
	if host == "" {
		host = "localhost"
	}
	now := time.Now()
	prefix := fmt.Sprintf("%d.M%dP%d", now.Unix(), now.Nanosecond()/1000, os.Getpid())
	tmpDir, curDir := filepath.Join(box, "tmp"), filepath.Join(box, "cur")
	// File creation dominates. A few writers help on multi-core machines
	// with fast disks; names are fixed by i, so order is unaffected.
	first := maildirSeq.Add(uint64(n)) - uint64(n)
	workers := min(4, max(1, runtime.GOMAXPROCS(0)), max(1, n))
	var (
		next    atomic.Int64
		errOnce sync.Once
		err     error
		wg      sync.WaitGroup
	)
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				raw := gen(i)
				// S= lets Dovecot skip a stat per message; the zero-padded
				// Q sequence keeps lexical order equal to generation order.
				base := fmt.Sprintf("%sQ%010d.%s,S=%d", prefix, first+uint64(i)+1, host, len(raw))
				tmp := filepath.Join(tmpDir, base)
				e := d.writeOwned(tmp, raw)
				if e == nil {
					if e = os.Rename(tmp, filepath.Join(curDir, base+":2,S")); e != nil {
						e = fmt.Errorf("testmail: %w", e)
					}
				}
				if e != nil {
					errOnce.Do(func() { err = e })
					next.Store(int64(n)) // stop the other writers
					return
				}
			}
		})
	}
	wg.Wait()
	return err
}

// writeOwned creates path with data, owned by the mail user, mode 0600.
func (d *Dovecot) writeOwned(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("testmail: %w", err)
	}
	if d.root {
		if err := f.Chown(d.uid, d.gid); err != nil {
			f.Close()
			return fmt.Errorf("testmail: %w", err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	return nil
}
