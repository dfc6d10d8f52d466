// Package daemon runs one account's mailbox: it owns the watchers and the
// decision and send loops, the gate that holds reminders back until the
// mailbox is read, health (in memory for /healthz, in the store for
// `gratitude status`), metrics, the alert when the mailbox stays
// unreadable, the control socket's server, the HTTP server, and the wiring
// of the runners and the outbox sender from the config. It may import every
// package of the module but the commands under cmd/, and it prints nothing
// for the command line: the commands print what it returns.
package daemon
