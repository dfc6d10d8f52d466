// Package health holds what gratitude knows of its own health, as
// `gratitude status`, /healthz and the web page's Health show it: each
// mailbox's sync, each component's last error, the outbox.
package health

import (
	"time"

	"gratitude"
)

// Status is `gratitude status --json`; field names are stable.
type Status struct {
	Health     string                     `json:"health"` // ok, failing, stale or unknown
	Reason     string                     `json:"reason,omitempty"`
	Now        time.Time                  `json:"now"`
	Mailboxes  []MailboxStatus            `json:"mailboxes"`
	Messages   map[gratitude.Class]int64  `json:"messages"`
	Components []ComponentStatus          `json:"components"`
	Outbox     map[gratitude.OutState]int `json:"outbox"` // messages by state: queued, sending, sent, failed
	// Unconfirmed counts sent messages whose server's 250 never came: a
	// crash fell between their final dot and the answer.
	Unconfirmed int             `json:"unconfirmed"`
	Commands    map[string]int  `json:"commands"`           // command mails by state: pending, done, refused
	Failures    []FailureStatus `json:"failures,omitempty"` // the latest messages that could not be sent
	// Info says what a server lacks that only degrades what gratitude
	// does (IMAP without IDLE polls): never a failure.
	Info []string `json:"info,omitempty"`
}

// FailureStatus is one outgoing message that failed.
type FailureStatus struct {
	Kind    string    `json:"kind"`
	To      string    `json:"to"`
	Subject string    `json:"subject"`
	Error   string    `json:"error"`
	At      time.Time `json:"at"`
}

// MailboxStatus is how far one mailbox is read.
type MailboxStatus struct {
	Mailbox     string    `json:"mailbox"`
	UIDValidity uint32    `json:"uidvalidity"`
	LastUID     uint32    `json:"last_uid"`
	LastSyncAt  time.Time `json:"last_sync_at,omitzero"`
	Messages    int64     `json:"messages"`
	// Watched is false for a mailbox read before but no longer (a capture
	// folder deleted or turned off): it never goes stale.
	Watched bool `json:"watched"`
}

// ComponentStatus is the health a daemon last recorded for one component.
type ComponentStatus struct {
	Component string    `json:"component"`
	OK        bool      `json:"ok"`
	LastError string    `json:"last_error,omitempty"`
	LastOKAt  time.Time `json:"last_ok_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at"`
}
