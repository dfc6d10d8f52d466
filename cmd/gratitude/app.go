package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"gratitude"
	"gratitude/internal/config"
	"gratitude/internal/daemon"
)

// app is what a command needs once the configuration is loaded.
type app struct {
	cfg   *config.Config
	log   *slog.Logger
	clock gratitude.Clock
}

// loadApp finds and loads the config for a command that logs in to the
// mail servers: a bad config, or a password that cannot be had, is exit
// status 2 with every problem listed.
func loadApp(g *globals) (*app, error) {
	a, err := loadConfig(g)
	if err != nil {
		return nil, err
	}
	return a, a.needSecrets()
}

// needSecrets fails (exit status 2) when a password the servers need
// cannot be had: its ${ENV} is not set.
func (a *app) needSecrets() error {
	var errs config.Errors
	if errors.As(a.cfg.NeedSecrets(), &errs) {
		return &exitError{exitUsage, fmt.Errorf("%s has %d problem(s):\n%v", a.cfg.Path, len(errs), errs)}
	}
	return nil
}

// loadConfig finds and loads the config for a command that only reads
// the database: it never needs a password. A bad config is exit status 2
// with every problem listed.
func loadConfig(g *globals) (*app, error) {
	path, err := config.Find(g.configPath)
	if err != nil {
		return nil, &exitError{exitUsage, err}
	}
	cfg, err := config.Load(path)
	if err != nil {
		var errs config.Errors
		if errors.As(err, &errs) {
			return nil, &exitError{exitUsage, fmt.Errorf("%s has %d problem(s):\n%v", path, len(errs), errs)}
		}
		return nil, &exitError{exitUsage, err}
	}
	a := &app{cfg: cfg, clock: newClock(g)}
	a.log = newLogger(os.Stderr, g, cfg.Log.SlogLevel())
	for _, w := range cfg.Warnings {
		a.log.Warn(w)
	}
	return a, nil
}

// newClock is the real clock, shifted when --now pins a start instant.
func newClock(g *globals) gratitude.Clock {
	if g.now == "" {
		return gratitude.SystemClock{}
	}
	t, _ := time.Parse(time.RFC3339, g.now) // validated in PersistentPreRunE
	return gratitude.OffsetClock{Base: gratitude.SystemClock{}, Delta: time.Until(t)}
}

func newLogger(w io.Writer, g *globals, level slog.Level) *slog.Logger {
	if g.logLevel != "" {
		_ = level.UnmarshalText([]byte(g.logLevel))
	}
	opts := &slog.HandlerOptions{Level: level}
	if g.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// openDaemon builds the daemon's parts; a template override that does not
// render is a usage error (exit status 2).
func openDaemon(ctx context.Context, a *app) (*daemon.Daemon, error) {
	d, err := daemon.Open(ctx, a.cfg, a.log, a.clock)
	var ce *daemon.ConfigError
	if errors.As(err, &ce) {
		return nil, &exitError{exitUsage, err}
	}
	return d, err
}
