package main

import (
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"

	"gratitude/internal/testmail"
)

// The mailboxes: the owner's holds the growing INBOX and is watched for
// IDLE latency; the other two start empty, so their passes read no mail.
const (
	owner       = "ada@example.org"
	captureAddr = "ada+thanks@example.org"
	schedOwner  = "sched@example.org"
	outboxOwner = "outbox@example.org"
	password    = "bench-password"
)

// bench holds what every measurement shares: the binary, a scratch
// directory, the Dovecot and the loopback SMTP server.
type bench struct {
	o    options
	dir  string
	dc   *testmail.Dovecot
	smtp *testmail.SMTP

	inbox   int // messages in the owner's INBOX so far
	mailSeq int // realisticMail numbers used so far
	askSeq  int // asks (and their replies) used so far
}

// emptySent removes the asks from the owner's Sent, straight from the
// maildir, so that the next size's initial passes read INBOX alone.
func (b *bench) emptySent() error {
	for _, sub := range []string{"cur", "new"} {
		dir := filepath.Join(b.dc.MaildirPath(owner, "Sent"), sub)
		files, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("empty Sent: %w", err)
		}
		for _, f := range files {
			if err := os.Remove(filepath.Join(dir, f.Name())); err != nil {
				return fmt.Errorf("empty Sent: %w", err)
			}
		}
	}
	return nil
}

// runBench sets up the mail stack, runs every measurement in turn and returns
// the report.
func runBench(o options) (*report, error) {
	if err := checkGNUTime(); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "gratitude-bench-")
	if err != nil {
		return nil, fmt.Errorf("scratch directory: %w", err)
	}
	if o.keep {
		log.Printf("bench: keeping the scratch directory %s", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	// Dovecot's mail processes run unprivileged and must reach the maildir.
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, fmt.Errorf("scratch directory: %w", err)
	}
	dc, err := testmail.StartDovecot(filepath.Join(dir, "dovecot"), testmail.DovecotOptions{})
	if err != nil {
		return nil, fmt.Errorf("start dovecot: %w", err)
	}
	defer dc.Close()
	for _, u := range []string{owner, schedOwner, outboxOwner} {
		if err := dc.AddUser(u, password); err != nil {
			return nil, fmt.Errorf("dovecot user %s: %w", u, err)
		}
	}
	srv, err := testmail.StartSMTP(testmail.SMTPOptions{})
	if err != nil {
		return nil, fmt.Errorf("start the loopback SMTP server: %w", err)
	}
	defer srv.Close()
	b := &bench{o: o, dir: dir, dc: dc, smtp: srv}
	return b.measure()
}

// measure runs the measurements in order: per INBOX size the sync runs
// and IDLE latency, then the decision pass, then the outbox, then the
// doubled sends.
func (b *bench) measure() (*report, error) {
	rep := &report{Options: b.o, Machine: describeMachine(), LoadStart: loadAverage()}
	for _, n := range b.o.sizes {
		log.Printf("bench: sync of a %d-message INBOX", n)
		s, err := b.syncSize(n)
		if err != nil {
			return nil, fmt.Errorf("sync of %d messages: %w", n, err)
		}
		log.Printf("bench: IDLE latency on the %d-message INBOX", b.inbox)
		if s.Idle, err = b.idle(s.config, s.db); err != nil {
			return nil, fmt.Errorf("IDLE latency at %d messages: %w", n, err)
		}
		if err := b.emptySent(); err != nil {
			return nil, err
		}
		rep.Sizes = append(rep.Sizes, s)
	}
	var err error
	log.Printf("bench: decision pass over %d requests", b.o.requests)
	if rep.Sched, err = b.scheduler(); err != nil {
		return nil, fmt.Errorf("decision pass: %w", err)
	}
	log.Printf("bench: outbox throughput, %d messages", b.o.outbox)
	if rep.Outbox, err = b.outboxThroughput(); err != nil {
		return nil, fmt.Errorf("outbox throughput: %w", err)
	}
	log.Printf("bench: doubled sends, %d SIGKILLs while sending", b.o.crashKills)
	if rep.Crash, err = b.crashRate(); err != nil {
		return nil, fmt.Errorf("doubled sends: %w", err)
	}
	return rep, nil
}

// writeConfig writes the config of a fresh database named name for the
// mailbox user; it returns the config's path and the database's.
func (b *bench) writeConfig(name, user string) (string, string, error) {
	host, port, _ := net.SplitHostPort(b.dc.Addr())
	shost, sport, _ := net.SplitHostPort(b.smtp.Addr())
	db := filepath.Join(b.dir, name+".db")
	cfg := fmt.Sprintf(`owner:
  email: %s
database: %s
imap:
  host: %s
  port: %s
  security: insecure
  password: %s
smtp:
  host: %s
  port: %s
  security: insecure
  rate_limit: "off"
reminders:
  quiet_hours: "off"
http:
  listen: "off"
`, user, db, host, port, password, shost, sport)
	path := filepath.Join(b.dir, name+".yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		return "", "", fmt.Errorf("write config %s: %w", path, err)
	}
	return path, db, nil
}
