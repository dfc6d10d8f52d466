// Package msgtext owns the readable text of real-world mail. Extract turns a
// raw RFC 5322 message into UTF-8 plain text plus the facts a classifier
// needs (calendar invite, delivery report, attachments, embedded messages);
// the other functions read that text the way a person would: what the
// sender wrote themselves (Text.Own by an HTML body's structure, then
// Excerpt and ExcerptFrom by the words of reply_phrases.go), whether it
// thanks someone
// (ThanksInFirstLines), whether it is a vacation auto-reply (OutOfOffice),
// what a forward carries (Forward) and which thread a subject belongs to
// (NormalizeSubject).
//
// Everything here is a pure function: no I/O, no clock, no shared state.
// Input is untrusted: nothing panics, nesting, part counts and output sizes
// are capped, and every returned string is valid UTF-8.
package msgtext
