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
	"gratitude/inbox"
	"gratitude/internal/config"
	"gratitude/mailer"
	"gratitude/store"
)

// app is what a command needs once the configuration is loaded.
type app struct {
	cfg   *config.Config
	log   *slog.Logger
	clock gratitude.Clock
}

// loadApp finds and loads the config; a bad config is exit status 2 with
// every problem listed.
func loadApp(g *globals) (*app, error) {
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

// openStore opens the database and the owner's account in it.
func (a *app) openStore(ctx context.Context) (*store.Store, int64, error) {
	st, err := store.Open(ctx, a.cfg.Database)
	if err != nil {
		return nil, 0, err
	}
	if fi, err := os.Stat(st.Path()); err == nil && fi.Mode().Perm()&0o077 != 0 {
		a.log.Warn(fmt.Sprintf("the database %s can be read by other users (mode %v): it holds your mail's headers, "+
			"the people you write to and the key of your cards; run chmod 600 on it", st.Path(), fi.Mode().Perm()))
	}
	acct, err := st.Account(ctx, a.cfg.Owner.Email)
	if err != nil {
		st.Close()
		return nil, 0, err
	}
	return st, acct, nil
}

func (a *app) imapOptions() *inbox.Options {
	c := a.cfg.IMAP
	return &inbox.Options{
		Host:           c.Host,
		Port:           c.Port,
		Security:       inbox.Security(c.Security),
		CAFile:         c.CAFile,
		Username:       c.Username,
		Password:       a.cfg.IMAP.Password,
		CommandTimeout: c.CommandTimeout,
		IdleRefresh:    c.IdleRefresh,
		Idle:           c.Idle,
		PollInterval:   c.PollInterval,
	}
}

func (a *app) smtpOptions() *mailer.SMTPOptions {
	c := a.cfg.SMTP
	return &mailer.SMTPOptions{
		Host:     c.Host,
		Port:     c.Port,
		Security: mailer.Security(c.Security),
		CAFile:   c.CAFile,
		Username: c.Username,
		Password: a.cfg.SMTP.Password,
	}
}

// owner is what the classifier needs to know about the mailbox's owner.
func (a *app) owner() inbox.Owner {
	c := a.cfg
	return inbox.Owner{
		Name:         c.Owner.Name,
		Addresses:    c.Owner.Addresses(),
		Capture:      c.Capture.Address,
		SubjectTags:  c.Capture.SubjectTags,
		Keywords:     c.Capture.Keywords,
		Location:     c.Location(),
		NoReplyAfter: c.Reminders.NoReplyAfter,
		AuthservID:   c.Trust.AuthservID,
	}
}

func (a *app) wantFolders() inbox.Folders {
	m := a.cfg.IMAP.Mailboxes
	return inbox.Folders{Inbox: m.Inbox, Sent: m.Sent, Drafts: m.Drafts}
}
