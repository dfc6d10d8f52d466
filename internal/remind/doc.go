// Package remind owns the reminder runner: one pass works out when each
// changed request's next reminder falls due, writes the reminders that are
// due (nudges with their follow-up drafts, "is this done?", thanks
// pending) and the digest, and puts them in the outbox. It decides nothing
// itself: the rules are the root package's, the words the templates', the
// bytes the mailer's; the outbox sender delivers.
package remind
