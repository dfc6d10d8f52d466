package testmail

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"
)

func TestPostfixCloseLeavesNoProcess(t *testing.T) {
	d := NewDovecot(t, DovecotOptions{})
	if err := d.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	p := NewPostfix(t, PostfixOptions{LMTP: d.LMTPAddr(), Domains: []string{"example.org"}})
	// A delivery spawns smtpd, cleanup, trivial-rewrite and lmtp besides
	// the resident master, qmgr, pickup and postlogd.
	sendMail(t, p.Addr(), "carol@example.com", []string{testUser}, thanksMail)
	if err := p.WaitDelivered(1, deliverLimit); err != nil {
		t.Fatal(err)
	}
	pgid := p.proc.cmd.Process.Pid
	if err := syscall.Kill(-pgid, 0); err != nil {
		t.Fatalf("postfix process group %d not found while running: %v", pgid, err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(-pgid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("process group %d after Close: %v, want ESRCH (no process, not even a zombie)", pgid, err)
	}
	if _, err := os.Stat(p.dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("dir %s after Close: %v, want it removed", p.dir, err)
	}
	if err := p.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if logs := p.Logs(); !strings.Contains(logs, "status=sent") {
		t.Errorf("Logs after Close lost the delivery:\n%s", logs)
	}
}
