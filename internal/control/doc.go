// Package control is the local control API of a running daemon: the
// command line reaches it over a unix socket (mode 0600, beside the
// database) to carry out the owner's actions in the daemon itself, so
// that they take effect at once. It carries actions and their reports,
// and decides nothing.
package control
