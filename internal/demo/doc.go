// Package demo is `gratitude demo`: a private mail system on 127.0.0.1
// (internal/testmail's in-memory IMAP and SMTP servers), its people, and
// the story they tell through it while the real daemon (internal/daemon)
// watches Ada's mailbox on a fast clock, narrated from what the daemon
// records. The story can be told through another mail system too (a World,
// such as Postfix and Dovecot in the tests). It must not import the
// commands under cmd/.
package demo
