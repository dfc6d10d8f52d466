// Package mailnet owns what every connection to a mail server shares,
// IMAP and SMTP alike: the TLS settings. It imports only the standard
// library, so inbox and mailer can both use it without importing each
// other.
package mailnet
