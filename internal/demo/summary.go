package demo

import (
	"context"
	"fmt"
	"io"
	"net"
	"slices"
	"strconv"
	"strings"
	"time"

	"gratitude"

	"gratitude/inbox"
)

// Summarize tells how the story ended, from what the store recorded and
// what the helpers' mailboxes hold.
func (s *Story) Summarize(ctx context.Context, w io.Writer, took time.Duration) error {
	out, err := s.st.Outbox(ctx, s.acct)
	if err != nil {
		return err
	}
	delivered := map[string]int{}
	drafts := 0
	for _, o := range out {
		switch {
		case o.Kind == "thank-you" && o.Target == gratitude.TargetSMTP && o.State == gratitude.OutSent:
			for _, to := range o.Recipients {
				if ok, err := s.world.Holds(ctx, to, o.MessageID); err != nil {
					return err
				} else if ok {
					delivered[nameOf(to)]++
				}
			}
		case o.Kind == "followup-draft" && o.State == gratitude.OutSent:
			drafts++
		}
	}
	var thanked []string
	for name, n := range delivered {
		thanked = append(thanked, fmt.Sprintf("%s %s", name, times(n)))
	}
	fmt.Fprintf(w, "\nThe story took %s. Thank-yous in the helpers' own INBOX: %s. Follow-up drafts in Ada's Drafts: %d.\n",
		took.Round(100*time.Millisecond), orNone(strings.Join(sortedStrings(thanked), ", ")), drafts)
	return nil
}

// InboxHolds reports whether the INBOX of email, on the IMAP server at
// addr, holds the message.
func InboxHolds(ctx context.Context, addr, email, password, messageID string) (bool, error) {
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	conn, err := inbox.Dial(ctx, &inbox.Options{Host: host, Port: p, Security: inbox.SecurityInsecure, Username: email,
		Password: func(context.Context) (string, error) { return password, nil }, CommandTimeout: 10 * time.Second}, nil)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	return conn.HasMessageID("INBOX", messageID)
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func sortedStrings(ss []string) []string {
	slices.Sort(ss)
	return ss
}
