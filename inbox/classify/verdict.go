package classify

import "gratitude"

// Verdict is the classifier's answer for one message.
type Verdict struct {
	Class     gratitude.Class
	Reason    string
	NeedBody  bool            // fetch the body and ask again; only for messages that matter
	RequestID int64           // the request it belongs to, when known
	Event     gratitude.Event // what it means for the request (or the ledger)
	// Exposed names cards the message showed to someone else.
	Exposed *gratitude.Exposure
	// BodyHash is the owner's message's BodyHash, when its body was read
	// for a proof.
	BodyHash string
	// StartsThread: the message is an ask whose request does not exist
	// yet. Replies to it later in the same batch are tracked only if the
	// caller puts its Message-ID in the Context.Threads it passes next
	// (as PendingAsk); set with NeedBody too, before the body is read.
	StartsThread bool
}

// positive turns the pending-ask marker into "let the store find it".
func positive(req int64) int64 { return max(req, 0) }
