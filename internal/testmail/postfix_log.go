package testmail

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
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
	data, err := os.ReadFile(p.logPath)
	s := string(data)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		s += fmt.Sprintf("(reading %s: %v)\n", p.logPath, err)
	}
	if out, _ := os.ReadFile(p.outPath); len(out) > 0 {
		s += "--- postfix master stdout/stderr ---\n" + string(out)
	}
	return s
}

func (p *Postfix) logTail() string {
	lines := strings.Split(strings.TrimRight(p.readLogs(), "\n"), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return "postfix log tail:\n" + strings.Join(lines, "\n")
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
