// Package outbox owns delivery of the outbox: one sender claims each due
// message, delivers it by SMTP or IMAP APPEND, and records the outcome.
// Temporary failures (network, SMTP 4xx) are retried with capped
// exponential backoff; permanent ones (SMTP 5xx) fail the message for
// status and the digest. An SMTP send is recorded with the least work
// after the server takes the message: the record is written before the
// final dot and only committed on the server's 250. A message left
// half-sent by a crash is sent again with the same Message-ID; for IMAP
// the folder is searched first, so it is never stored twice.
package outbox
