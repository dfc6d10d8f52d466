package main

import (
	"fmt"
	"gratitude/internal/testmail"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// daemon is a running `gratitude run`.
type daemon struct {
	cmd     *exec.Cmd
	stderr  testmail.SyncBuffer
	done    chan error
	stopped sync.Once
	err     error
}

// startDaemon starts `gratitude run` with the config.
func (b *bench) startDaemon(cfg string) (*daemon, error) {
	d := &daemon{cmd: exec.Command(b.o.bin, "--config", cfg, "run"), done: make(chan error, 1)}
	d.cmd.Stderr = &d.stderr
	if err := d.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start gratitude run: %w", err)
	}
	go func() { d.done <- d.cmd.Wait() }()
	return d, nil
}

// stop ends the daemon with SIGTERM and says whether it stopped cleanly;
// later calls return the same answer.
func (d *daemon) stop() error {
	d.stopped.Do(func() {
		d.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-d.done:
			if err != nil {
				d.err = fmt.Errorf("gratitude run: %v\n%s", err, d.log())
			}
		case <-time.After(10 * time.Second):
			d.cmd.Process.Kill()
			d.err = fmt.Errorf("gratitude run did not stop within 10s of SIGTERM")
		}
	})
	return d.err
}

// log is the tail of what the daemon logged.
func (d *daemon) log() string {
	lines := strings.Split(strings.TrimSpace(d.stderr.String()), "\n")
	return strings.Join(lines[max(0, len(lines)-30):], "\n")
}
