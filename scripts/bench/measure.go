package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"gratitude/inbox"
	"gratitude/store"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// run is one measured `gratitude run --once`.
type run struct {
	Wall          time.Duration
	BytesRead     int64
	HeaderFetches int64
	BodyFetches   int64
	PeakRSSKiB    int64
}

// rawFetch is one measured plain header FETCH of the whole INBOX.
type rawFetch struct {
	Wall      time.Duration
	BytesRead int64
	Messages  int
}

// rawHeaderFetch logs in and fetches the same header fields gratitude
// fetches, for every message, discarding them: the floor any sync pays.
func rawHeaderFetch(addr string) (rawFetch, error) {
	start := time.Now()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return rawFetch{}, err
	}
	cc := &countConn{Conn: conn}
	c := imapclient.New(cc, nil)
	defer c.Close()
	if err := c.Login(owner, password).Wait(); err != nil {
		return rawFetch{}, err
	}
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return rawFetch{}, err
	}
	section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, HeaderFields: inbox.HeaderFields, Peek: true}
	cmd := c.Fetch(imap.UIDSet{imap.UIDRange{Start: 1, Stop: 0}}, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}})
	n := 0
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		for item := msg.Next(); item != nil; item = msg.Next() {
			if b, ok := item.(imapclient.FetchItemDataBodySection); ok {
				io.Copy(io.Discard, b.Literal)
			}
		}
		n++
	}
	if err := cmd.Close(); err != nil {
		return rawFetch{}, err
	}
	return rawFetch{Wall: time.Since(start), BytesRead: cc.read.Load(), Messages: n}, nil
}

type countConn struct {
	net.Conn
	read atomic.Int64
}

func (c *countConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.read.Add(int64(n))
	return n, err
}

// writeConfig writes a config for a fresh database named name.
func (b *bench) writeConfig(name string) (string, string, error) {
	host, port, _ := net.SplitHostPort(b.dc.Addr())
	db := filepath.Join(b.dir, name+".db")
	cfg := fmt.Sprintf("owner:\n  email: %s\ndatabase: %s\nimap:\n  host: %s\n  port: %s\n  security: insecure\n  password: %s\n"+
		"smtp:\n  host: 127.0.0.1\n  port: 2525\n  security: insecure\nhttp:\n  listen: \"off\"\n", owner, db, host, port, password)
	path := filepath.Join(b.dir, name+".yaml")
	return path, db, os.WriteFile(path, []byte(cfg), 0o600)
}

// runOnceTwice measures the initial pass on a fresh database, then a pass
// with nothing new.
func (b *bench) runOnceTwice(name string) (run, run, error) {
	cfg, _, err := b.writeConfig(name)
	if err != nil {
		return run{}, run{}, err
	}
	initial, err := b.runOnce(cfg)
	if err != nil {
		return run{}, run{}, err
	}
	quiet, err := b.runOnce(cfg)
	return initial, quiet, err
}

func (b *bench) runOnce(cfg string) (run, error) {
	cmd := exec.Command(b.bin, "--config", cfg, "--log-format", "json", "run", "--once")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return run{}, fmt.Errorf("run --once: %v\n%s", err, stderr.String())
	}
	r := run{Wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.PeakRSSKiB = ru.Maxrss // KiB on Linux
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		var rec struct {
			Msg           string `json:"msg"`
			BytesRead     int64  `json:"bytes_read"`
			HeaderFetches int64  `json:"header_fetches"`
			BodyFetches   int64  `json:"body_fetches"`
		}
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "pass complete" {
			r.BytesRead, r.HeaderFetches, r.BodyFetches = rec.BytesRead, rec.HeaderFetches, rec.BodyFetches
		}
	}
	return r, nil
}

// idleLatency runs the daemon and times, for each delivered message, the
// span from the end of the APPEND to the message's row in the database.
func (b *bench) idleLatency(samples int) ([]time.Duration, error) {
	cfg, db, err := b.writeConfig("idle")
	if err != nil {
		return nil, err
	}
	if _, err := b.runOnce(cfg); err != nil { // initial sync outside the daemon
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, b.bin, "--config", cfg, "run")
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer cmd.Process.Signal(syscall.SIGTERM)
	st, err := store.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	acct, err := st.Account(ctx, owner)
	if err != nil {
		return nil, err
	}
	count := func() int64 {
		cs, _ := st.Cursors(ctx, acct)
		for _, c := range cs {
			if c.Mailbox == "INBOX" {
				return c.Messages
			}
		}
		return 0
	}
	// The daemon is ready once its IDLE pass has recorded a first delivery.
	base := count()
	var lat []time.Duration
	for i := 0; i <= samples; i++ {
		if err := b.dc.Deliver(owner, "INBOX", realisticMail(1_000_000+i)); err != nil {
			return nil, err
		}
		delivered := time.Now()
		deadline := delivered.Add(30 * time.Second)
		for count() < base+int64(i+1) {
			if time.Now().After(deadline) {
				return nil, fmt.Errorf("delivery %d not seen within 30s", i)
			}
			time.Sleep(2 * time.Millisecond)
		}
		if i > 0 { // the first one only proves the daemon is up
			lat = append(lat, time.Since(delivered))
		}
	}
	return lat, nil
}
