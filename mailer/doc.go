// Package mailer owns how gratitude's messages are built and sent: it
// renders a message with go-mail (RFC 5322, text with an HTML alternative,
// headers that can never carry CR/LF) to bytes usable for SMTP and IMAP
// APPEND alike, and submits such bytes over SMTP (RFC 5321, STARTTLS or
// implicit TLS per RFC 8314, certificate verified, AUTH when configured),
// saying whether a failure is temporary (retry) or permanent. Retrying is
// the outbox's job; IMAP APPEND is the inbox package's. It never imports
// the inbox or store packages.
package mailer
