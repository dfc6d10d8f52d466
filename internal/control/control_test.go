package control

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gratitude"
	"gratitude/internal/owner"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// echo is a daemon that reports each call's actions as done, and knows no
// request 404.
func echo(_ context.Context, request int64, acts []owner.Action) (owner.Report, error) {
	if request == 404 {
		return owner.Report{}, gratitude.ErrNoSuchRequest
	}
	rep := owner.Report{Request: gratitude.Request{ID: request, State: gratitude.StateResolved},
		Before: gratitude.Request{ID: request, State: gratitude.StateAnswered}}
	for _, a := range acts {
		rep.Outcomes = append(rep.Outcomes, owner.Outcome{Action: a})
	}
	return rep, nil
}

func socket(t *testing.T) string {
	t.Helper()
	// t.TempDir can be too long for a socket path; os.MkdirTemp under /tmp is not.
	dir, err := os.MkdirTemp("", "ctl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "g.db.sock")
}

func TestTheCommandLineReachesTheDaemonThroughAPrivateSocket(t *testing.T) {
	path := socket(t)
	srv, err := Listen(path, echo, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("socket %v, %v; want mode 0600", fi, err)
	}
	c, err := Dial(path)
	if err != nil {
		t.Fatal(err)
	}
	acts := []owner.Action{{Command: gratitude.Command{Verb: gratitude.VerbResolve, Line: "resolve"}}}
	rep, err := c.Do(context.Background(), 7, acts)
	if err != nil || rep.Request != 7 || rep.Before != "answered" || rep.After != "resolved" || len(rep.Outcomes) != 1 || rep.Outcomes[0].Line != "resolve" {
		t.Fatalf("reply %+v, %v", rep, err)
	}
	if _, err := c.Do(context.Background(), 404, acts); !errors.Is(err, gratitude.ErrNoSuchRequest) {
		t.Errorf("an unknown request: %v, want ErrNoSuchRequest", err)
	}
	if _, err := Listen(path, echo, quiet); !errors.Is(err, ErrRunning) {
		t.Errorf("a second daemon on the socket: %v, want ErrRunning", err)
	}
}

func TestASocketLeftByADeadDaemonIsReplacedAndNoDaemonIsSaidSo(t *testing.T) {
	path := socket(t)
	if _, err := Dial(path); !errors.Is(err, ErrNoDaemon) {
		t.Errorf("no socket: %v, want ErrNoDaemon", err)
	}
	// A daemon killed with SIGKILL leaves its socket file behind.
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the stale socket is gone already: %v", err)
	}
	if _, err := Dial(path); !errors.Is(err, ErrNoDaemon) {
		t.Errorf("a stale socket: %v, want ErrNoDaemon", err)
	}
	srv, err := Listen(path, echo, quiet)
	if err != nil {
		t.Fatalf("a stale socket was not replaced: %v", err)
	}
	srv.Close()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("Close left the socket: %v", err)
	}
}

func TestALongDatabasePathPutsTheSocketInTheRuntimeDir(t *testing.T) {
	long := "/" + strings.Repeat("d", 120) + "/g.db"
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/1000")
	p := SocketPath(long)
	if !strings.HasPrefix(p, "/run/user/1000/gratitude-") || len(p) > maxSocketPath || p != SocketPath(long) {
		t.Errorf("SocketPath(long) = %q", p)
	}
	if SocketPath("/var/lib/g.db") != "/var/lib/g.db.sock" {
		t.Errorf("a short path: %q", SocketPath("/var/lib/g.db"))
	}
	t.Setenv("XDG_RUNTIME_DIR", "")
	if p := SocketPath(long); p != "" {
		t.Errorf("no runtime dir: %q, want none", p)
	}
	other := socket(t)
	if err := os.WriteFile(other, []byte("not a socket"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Listen(other, echo, quiet); err == nil || !strings.Contains(err.Error(), "is not one") {
		t.Errorf("a file in the socket's way: %v", err)
	}
	if _, err := Listen("", echo, quiet); err == nil {
		t.Error("Listen with no path succeeded")
	}
}
