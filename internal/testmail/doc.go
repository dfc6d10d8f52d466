// Package testmail owns the real IMAP servers that tests and the benchmark
// program run against on loopback: a throw-away Dovecot instance (its config,
// users, Maildir storage, IMAP/IMAPS/LMTP listeners and lifecycle) and an
// in-process go-imap memory server. Core constructors return errors so
// non-test programs can use them; the New* wrappers take a testing.TB.
package testmail
