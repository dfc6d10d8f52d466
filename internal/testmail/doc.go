// Package testmail owns the real mail servers that tests, the benchmark
// program and the demo run against on loopback: a throw-away Dovecot (its
// config, users, Maildir storage, IMAP/IMAPS/LMTP listeners and lifecycle),
// a throw-away Postfix delivering over LMTP into it, an in-process go-imap
// memory server, and a go-smtp server that records, fails on demand or
// delivers. Core constructors return errors so non-test programs can use
// them; the New* wrappers take a testing.TB.
package testmail
