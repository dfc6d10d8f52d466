// Package gratitude is the domain of the gratitude daemon: requests for help,
// the people who answer them, the messages the mailbox sync sees and how each
// was classified, and the clock the rest of the program is driven by.
//
// The package is pure: it imports only the standard library, performs no I/O
// and never reads the wall clock. Everything time-dependent takes `now`.
// The inbox, store and mailer packages exchange values of these types; they
// never import each other.
package gratitude
