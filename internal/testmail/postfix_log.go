package testmail

import (
	"fmt"
	"strings"
	"time"
)

// Logs returns Postfix's log (its maillog_file) plus anything the master
// printed; after Close, the log as it was when Postfix stopped.
func (p *Postfix) Logs() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return p.lastLog
	}
	return p.readLogs()
}

func (p *Postfix) readLogs() string {
	return readServerLog("postfix master", p.logPath, p.outPath)
}

// WaitDelivered waits until the log shows n deliveries (status=sent lines:
// one per recipient, counted since start) or fails after timeout, quoting
// any deferred or bounced deliveries.
func (p *Postfix) WaitDelivered(n int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var b backoff
	for {
		sent, failed := deliveries(p.Logs())
		if sent >= n {
			return nil
		}
		if time.Now().After(deadline) {
			msg := fmt.Sprintf("testmail: postfix made %d of %d deliveries within %v", sent, n, timeout)
			if len(failed) > 0 {
				return fmt.Errorf("%s; not delivered:\n%s", msg, strings.Join(failed, "\n"))
			}
			return fmt.Errorf("%s; nothing deferred or bounced, so check the message was accepted (Logs)", msg)
		}
		b.wait()
	}
}

// deliveries counts status=sent log lines and collects the deferred and
// bounced ones.
func deliveries(log string) (sent int, failed []string) {
	for line := range strings.Lines(log) {
		switch {
		case strings.Contains(line, " status=sent "):
			sent++
		case strings.Contains(line, " status=deferred "), strings.Contains(line, " status=bounced "):
			failed = append(failed, strings.TrimSpace(line))
		}
	}
	return sent, failed
}
