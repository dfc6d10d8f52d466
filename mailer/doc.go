// Package mailer owns the SMTP side of gratitude (RFC 5321 submission with
// STARTTLS or implicit TLS, RFC 8314): building messages, sending them with
// retry on temporary failures, and filing copies over IMAP APPEND. It never
// imports the inbox or store packages.
package mailer
