// Package outbox owns delivery of the outbox: one sender claims each due
// message, delivers it by SMTP or IMAP APPEND, and records the outcome.
// Temporary failures (network, SMTP 4xx) are retried with capped
// exponential backoff; permanent ones (SMTP 5xx) fail the message for
// status and the digest. An SMTP send is committed as sent just before its
// final dot and confirmed on the server's 250, so no crash makes it leave
// twice; one cut off between the two stays sent, unconfirmed. An IMAP
// append cut off by a crash is done again after searching the folder, so
// it is never stored twice.
package outbox
