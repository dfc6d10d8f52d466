package testmail

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"strings"
)

// findBinary finds a server program on PATH, or else at the first of
// fallbacks that is a regular file (sbin is often not on PATH).
func findBinary(name string, fallbacks []string) (string, bool) {
	if p, err := exec.LookPath(name); err == nil {
		return p, true
	}
	for _, p := range fallbacks {
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, true
		}
	}
	return "", false
}

// readServerLog returns a server's log file plus what its master printed
// to outPath, under a line naming server.
func readServerLog(server, logPath, outPath string) string {
	data, err := os.ReadFile(logPath)
	s := string(data)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		s += fmt.Sprintf("(reading %s: %v)\n", logPath, err)
	}
	if out, _ := os.ReadFile(outPath); len(out) > 0 {
		s += "--- " + server + " stdout/stderr ---\n" + string(out)
	}
	return s
}

// logTail is the last 20 lines of a server's log, for an error message.
func logTail(server, log string) string {
	lines := strings.Split(strings.TrimRight(log, "\n"), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return server + " log tail:\n" + strings.Join(lines, "\n")
}
