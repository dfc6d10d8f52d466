package daemon

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrLocked: another gratitude runs on the database.
var ErrLocked = errors.New("another gratitude is running on this database")

// dbLock is the exclusive lock a running gratitude holds on its database:
// a lock file beside it ("DATABASE.lock") with the holder's PID, host and
// start. The kernel releases it when the process ends, however it ends.
type dbLock struct{ f *os.File }

// lockDatabase takes the lock, or fails at once with ErrLocked naming the
// holder. A file left by a process that died is taken over, and logged.
func lockDatabase(database string, now time.Time, log *slog.Logger) (*dbLock, error) {
	path := database + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	held := holder(f)
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (%s); stop it first", ErrLocked, held)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if held != "" {
		log.Warn("took over the lock of a gratitude that stopped without releasing it", "was", held, "lock", path)
	}
	host, _ := os.Hostname()
	line := fmt.Sprintf("%d %s %s\n", os.Getpid(), host, now.Format(time.RFC3339))
	err = f.Truncate(0)
	if err == nil {
		_, err = f.WriteAt([]byte(line), 0)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return &dbLock{f: f}, nil
}

// holder describes who wrote the lock file ("" when it is empty).
func holder(f *os.File) string {
	buf := make([]byte, 256)
	n, _ := f.ReadAt(buf, 0)
	fields := strings.Fields(string(buf[:n]))
	if len(fields) < 3 {
		return ""
	}
	pid, _ := strconv.Atoi(fields[0])
	since := fields[2]
	if t, err := time.Parse(time.RFC3339, since); err == nil {
		since = t.Local().Format("Jan 2 15:04")
	}
	return fmt.Sprintf("pid %d on %s, since %s", pid, fields[1], since)
}

// release empties the lock file (a clean stop leaves nothing to take over)
// and lets it go; nil does nothing.
func (l *dbLock) release() {
	if l == nil {
		return
	}
	l.f.Truncate(0)
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}
