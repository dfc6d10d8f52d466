package mailer

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// ServerInfo is what an SMTP server says it offers, once greeted, secured
// and logged in to.
type ServerInfo struct {
	Size int64    // the largest message it takes (SIZE, RFC 1870); 0 when it names no limit
	Auth []string // the AUTH mechanisms it offers (RFC 4954)
}

// Probe connects, secures the connection and logs in as a send would,
// reads what the server offers, and hangs up: how the daemon learns that
// SMTP cannot be used before a message has to go. Its error is a
// *SendError at the stage that failed, with what to check.
func Probe(ctx context.Context, opts *SMTPOptions) (ServerInfo, error) {
	s, err := open(ctx, opts)
	if err != nil {
		return ServerInfo{}, err
	}
	info := s.info()
	if err := s.close(); err != nil {
		return info, stageError(stageQuit, err)
	}
	return info, nil
}

// info reads the server's EHLO keywords.
func (s *session) info() ServerInfo {
	var info ServerInfo
	if ok, mechs := s.c.Extension("AUTH"); ok {
		info.Auth = strings.Fields(mechs)
	}
	info.Size = s.sizeLimit()
	return info
}

// sizeLimit is the largest message the server takes; 0 when it names no
// limit (no SIZE, or SIZE without a number, or SIZE 0).
func (s *session) sizeLimit() int64 {
	ok, param := s.c.Extension("SIZE")
	if !ok {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(param), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// errTooBig is a message larger than the server's SIZE: sending it would
// only have it refused after every byte went over (RFC 1870 section 6).
func errTooBig(size int, limit int64) *SendError {
	return &SendError{Stage: stageMail, Err: fmt.Errorf("the message is %d bytes, more than the %d the server takes (its SIZE)", size, limit),
		Hint: "it cannot go through this server as it is; a thank-you or card this large quotes too much"}
}
