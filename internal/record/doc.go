// Package record keeps what happens to requests in the store: a batch of
// messages read from a mailbox, a thank-you that left. In one store
// transaction it loads what it needs, lets the core decide
// (gratitude.Apply) and saves the result, so that a store only stores:
// it holds the rows and their SQL, this package the routing of each
// event, and the core every decision about a request.
package record
