// Package classify owns the classification of one message: from its parsed
// header fields (HeaderFields, ParseHeader) and, once fetched, its body,
// with what is known of the mailbox (Owner, Context), to a Verdict: the
// class, the reason, the event it means for a request or the ledger, and
// whether the body is needed first. It also owns reading what the owner's
// mail says and proves: the commands in it (ParseCommands), its body hash
// (BodyHash), a trusted DKIM result (DKIMPassFor), and where a copy was
// delivered: the trace of the capture address (CaptureTrace).
//
// It is pure: no I/O, no clock reads, no store, and it writes into nothing
// it is given. Whatever must be remembered between messages (an ask that
// replies later in the same batch answer) is the caller's to record, from
// the verdict. It must not import inbox, store, mailer or cmd packages.
package classify
