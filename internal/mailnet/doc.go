// Package mailnet owns what every connection to a mail server shares,
// IMAP and SMTP alike: the TLS settings, the public-key pin that trusts a
// self-signed server, and the words for a certificate that is not
// trusted. It imports only the standard library, so inbox and mailer can
// both use it without importing each other.
package mailnet
