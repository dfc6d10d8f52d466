// Package store is the daemon's memory: one SQLite database (WAL mode) with
// embedded, ordered migrations, and the queries over it.
//
// It owns the accounts, the per-mailbox sync cursors, every message the
// sync saw, requests with their participants and append-only event log, the
// people ledger, component health (read by `gratitude status` from another
// process) and per-account settings such as the card HMAC key.
//
// Every table is keyed by account, so a second account is configuration,
// not migration. SQL is kept portable for a later PostgreSQL adapter: plain
// INTEGER/TEXT columns, timestamps as INTEGER unix milliseconds UTC, NULL for
// an unknown time, upserts as INSERT ... ON CONFLICT. Each file holds the
// queries of one table group as named constants beside the Go that runs
// them.
//
// Concurrency: one writer connection (database/sql pool of one, every
// transaction BEGIN IMMEDIATE) and a separate read-only pool; in WAL mode
// readers never block the writer and never see a half-written batch.
//
// The store imports only the domain package; it never imports inbox,
// mailer or cmd.
package store
