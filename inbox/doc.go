// Package inbox owns the IMAP side of gratitude: connecting to the owner's
// server (TLS or STARTTLS with certificate verification, AUTHENTICATE PLAIN
// or LOGIN), finding the Sent and Drafts folders (RFC 6154 SPECIAL-USE, then
// common names), and keeping each watched mailbox in sync: a (UIDVALIDITY,
// last UID) cursor per mailbox so every pass asks only for new UIDs (RFC
// 9051), header-only fetches streamed message by message, bodies only for the
// messages that turn out relevant, and IDLE (RFC 2177) or polling to hear of
// new mail. A watchdog bounds every command, since the IMAP client has no
// read deadline while it waits for an answer.
//
// What a message is, is decided by the pure package inbox/classify (Rules
// adapts it to the sync engine); the engine owns each batch, and records an
// ask's thread (Verdict.StartsThread) before it classifies the next message.
// The package records what it saw through the Store interface it declares;
// it never imports the store, mailer or cmd packages.
package inbox
