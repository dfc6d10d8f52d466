package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"sync/atomic"

	"gratitude/inbox"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// rawFetchMode, as the first argument, makes this program the raw FETCH
// client instead of the benchmark, so that the floor is measured as a
// process like gratitude is: wall time, CPU and peak RSS.
const rawFetchMode = "raw-fetch"

// rawFetch is one measured plain header FETCH of a whole INBOX.
type rawFetch struct {
	usage
	BytesRead int64 `json:"bytes_read"`
	Messages  int   `json:"messages"`
}

// rawHeaderFetch runs the raw FETCH client on user's INBOX in a child
// process and measures it.
func (b *bench) rawHeaderFetch(user string) (rawFetch, error) {
	self, err := os.Executable()
	if err != nil {
		return rawFetch{}, fmt.Errorf("raw fetch: %w", err)
	}
	stdout, _, u, err := b.runMeasured(self, rawFetchMode, b.dc.Addr(), user, password)
	if err != nil {
		return rawFetch{}, err
	}
	var r rawFetch
	if err := json.Unmarshal(stdout, &r); err != nil {
		return r, fmt.Errorf("raw fetch: reading its result %q: %w", stdout, err)
	}
	r.usage = u
	return r, nil
}

// rawFetchMain is the child: it logs in, fetches the header fields
// gratitude fetches for every message of INBOX in one UID FETCH, discards
// them, and prints the bytes read and messages seen as JSON.
func rawFetchMain(args []string) {
	if len(args) != 3 {
		log.Fatalf("usage: bench %s ADDR USER PASSWORD", rawFetchMode)
	}
	r, err := fetchAllHeaders(args[0], args[1], args[2])
	if err != nil {
		log.Fatalf("raw fetch: %v", err)
	}
	if err := json.NewEncoder(os.Stdout).Encode(r); err != nil {
		log.Fatalf("raw fetch: %v", err)
	}
}

// fetchAllHeaders is the raw FETCH: one UID FETCH 1:* of the header
// fields gratitude asks for, counting the bytes read.
func fetchAllHeaders(addr, user, pass string) (rawFetch, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return rawFetch{}, err
	}
	cc := &countConn{Conn: conn}
	c := imapclient.New(cc, nil)
	defer c.Close()
	if err := c.Login(user, pass).Wait(); err != nil {
		return rawFetch{}, fmt.Errorf("login %s: %w", user, err)
	}
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return rawFetch{}, fmt.Errorf("select INBOX: %w", err)
	}
	section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, HeaderFields: inbox.HeaderFields, Peek: true}
	cmd := c.Fetch(imap.UIDSet{imap.UIDRange{Start: 1, Stop: 0}}, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}})
	n := 0
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		for item := msg.Next(); item != nil; item = msg.Next() {
			if b, ok := item.(imapclient.FetchItemDataBodySection); ok {
				if _, err := io.Copy(io.Discard, b.Literal); err != nil {
					return rawFetch{}, fmt.Errorf("fetch: %w", err)
				}
			}
		}
		n++
	}
	if err := cmd.Close(); err != nil {
		return rawFetch{}, fmt.Errorf("fetch: %w", err)
	}
	return rawFetch{BytesRead: cc.read.Load(), Messages: n}, nil
}

// countConn counts the bytes read from the server.
type countConn struct {
	net.Conn
	read atomic.Int64
}

// Read counts what it reads.
func (c *countConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.read.Add(int64(n))
	return n, err
}
