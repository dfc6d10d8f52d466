package inbox

import (
	"net"
	"sync/atomic"
)

// Stats counts what the sync engine cost; all fields are safe for concurrent use.
type Stats struct {
	BytesRead     atomic.Int64 // bytes received on IMAP sockets, TLS included
	BytesWritten  atomic.Int64 // bytes sent on IMAP sockets
	HeaderFetches atomic.Int64 // messages whose header fields were fetched
	BodyFetches   atomic.Int64 // messages whose full body was fetched
	Connects      atomic.Int64 // successful logins
	Appends       atomic.Int64 // messages stored with APPEND
}

// Snapshot is a point-in-time copy of Stats.
type Snapshot struct {
	BytesRead     int64 `json:"bytes_read"`
	BytesWritten  int64 `json:"bytes_written"`
	HeaderFetches int64 `json:"header_fetches"`
	BodyFetches   int64 `json:"body_fetches"`
	Connects      int64 `json:"connects"`
	Appends       int64 `json:"appends"`
}

// Snapshot copies the counters.
func (s *Stats) Snapshot() Snapshot {
	return Snapshot{
		BytesRead:     s.BytesRead.Load(),
		BytesWritten:  s.BytesWritten.Load(),
		HeaderFetches: s.HeaderFetches.Load(),
		BodyFetches:   s.BodyFetches.Load(),
		Connects:      s.Connects.Load(),
		Appends:       s.Appends.Load(),
	}
}

// countingConn counts the bytes crossing a socket into Stats.
type countingConn struct {
	net.Conn
	stats *Stats
}

func (c countingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.stats.BytesRead.Add(int64(n))
	return n, err
}

func (c countingConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	c.stats.BytesWritten.Add(int64(n))
	return n, err
}
