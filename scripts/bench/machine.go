package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
)

// describeMachine lists what the figures depend on: CPU, cores, memory,
// kernel, Go, Dovecot, Postfix and the source measured.
func describeMachine() string {
	cpu, mem := "unknown CPU", "unknown"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		if f := strings.Fields(string(b)); len(f) > 1 && f[0] == "MemTotal:" {
			if kib, err := strconv.ParseInt(f[1], 10, 64); err == nil {
				mem = fmt.Sprintf("%.1f GiB", float64(kib)/(1<<20))
			}
		}
	}
	kernel, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	return fmt.Sprintf("- CPU: %s, %d cores (%s/%s)\n- memory: %s; Linux %s\n- %s; Dovecot %s; Postfix %s; everything on 127.0.0.1\n"+
		"- gratitude: %s",
		cpu, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, mem, strings.TrimSpace(string(kernel)),
		runtime.Version(), version("dovecot", "--version"), postfixVersion(), describeSource())
}

// version is the first line a command prints, or "unknown".
func version(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return "unknown"
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return line
}

// postfixVersion is Postfix's mail_version, or "unknown".
func postfixVersion() string {
	for _, p := range []string{"postconf", "/usr/sbin/postconf"} {
		if v := version(p, "-d", "mail_version"); v != "unknown" {
			return strings.TrimSpace(strings.TrimPrefix(v, "mail_version ="))
		}
	}
	return "unknown"
}

// loadAverage is the 1, 5 and 15-minute load average: other work on the
// machine while the benchmark ran shows in its figures.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}

// describeSource names the commit the measured binary was built from, and
// any uncommitted change outside the benchmark's own files, since the
// binary is built from the working tree.
func describeSource() string {
	head := version("git", "rev-parse", "--short", "HEAD")
	out, err := exec.Command("git", "status", "--porcelain", "--", ".",
		":!scripts/bench.sh", ":!scripts/bench", ":!docs/BENCHMARKS.md", ":!README.md").Output()
	if err != nil {
		return "commit " + head
	}
	var changed []string
	for line := range strings.Lines(string(out)) {
		if f := strings.TrimSpace(line); len(f) > 3 {
			changed = append(changed, strings.TrimSpace(f[2:]))
		}
	}
	if len(changed) == 0 {
		return "commit " + head
	}
	return fmt.Sprintf("commit %s with uncommitted changes to %s", head, strings.Join(changed, ", "))
}
