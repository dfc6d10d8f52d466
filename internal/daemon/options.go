package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"gratitude/inbox"
	"gratitude/internal/config"
	"gratitude/mailer"
	"gratitude/store"
)

// OpenStore opens the database and the owner's account in it, warning when
// other users can read the database file.
func OpenStore(ctx context.Context, cfg *config.Config, log *slog.Logger) (*store.Store, int64, error) {
	st, err := store.Open(ctx, cfg.Database)
	if err != nil {
		return nil, 0, err
	}
	if fi, err := os.Stat(st.Path()); err == nil && fi.Mode().Perm()&0o077 != 0 {
		log.Warn(fmt.Sprintf("the database %s can be read by other users (mode %v): it holds your mail's headers, "+
			"the people you write to and the key of your cards; run chmod 600 on it", st.Path(), fi.Mode().Perm()))
	}
	acct, err := st.Account(ctx, cfg.Owner.Email)
	if err != nil {
		st.Close()
		return nil, 0, err
	}
	return st, acct, nil
}

// IMAPOptions is how to reach and log in to the owner's mailbox.
func IMAPOptions(cfg *config.Config) *inbox.Options {
	c := cfg.IMAP
	return &inbox.Options{
		Host:           c.Host,
		Port:           c.Port,
		Security:       inbox.Security(c.Security),
		CAFile:         c.CAFile,
		Pin:            c.TLS.Pin,
		Username:       c.Username,
		Password:       cfg.IMAP.Password,
		CommandTimeout: c.CommandTimeout,
		IdleRefresh:    c.IdleRefresh,
		Idle:           c.Idle,
		PollInterval:   c.PollInterval,
	}
}

// SMTPOptions is how to reach and log in to the owner's SMTP server.
func SMTPOptions(cfg *config.Config) *mailer.SMTPOptions {
	c := cfg.SMTP
	return &mailer.SMTPOptions{
		Host:     c.Host,
		Port:     c.Port,
		Security: mailer.Security(c.Security),
		CAFile:   c.CAFile,
		Pin:      c.TLS.Pin,
		Username: c.Username,
		Password: cfg.SMTP.Password,
	}
}

// Folders is the INBOX, Sent, Drafts and capture folder the config asks for.
func Folders(cfg *config.Config) inbox.Folders {
	m := cfg.IMAP.Mailboxes
	f := inbox.Folders{Inbox: m.Inbox, Sent: m.Sent, Drafts: m.Drafts}
	f.Capture, f.CaptureDetail = cfg.Capture.FolderWanted()
	return f
}

// Classifier is the classifier the daemon reads the mailbox with, given
// the folders found: mail read in folders.Sent is the owner's, mail read
// in folders.Capture was sent to the capture address.
func Classifier(cfg *config.Config, folders inbox.Folders) *inbox.Rules {
	owner := ownerOf(cfg)
	owner.Sent, owner.CaptureFolder = folders.Sent, folders.Capture
	return &inbox.Rules{Owner: owner}
}

// ownerOf is what the classifier needs to know about the mailbox's owner.
func ownerOf(c *config.Config) inbox.Owner {
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
