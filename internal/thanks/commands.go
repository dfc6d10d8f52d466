package thanks

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gratitude"
	"gratitude/internal/remind"
	"gratitude/templates"
)

// Command outcomes, as recorded.
const (
	commandDone    = "done"
	commandRefused = "refused"
)

// claimFor is how long a daemon's claim on command mail holds; a claim
// older than that is a crashed daemon's and is taken again.
const claimFor = 10 * time.Minute

// proof is what prove found: whether the mail is the owner's, the request
// it is about, and why not; final when waiting longer cannot prove it.
type proof struct {
	ok      bool
	final   bool
	settle  bool // proven by a card, once Sent is read again (waits past the grace)
	request int64
	why     string
}

// cardSettle is how long after command mail to a card's address Sent must
// be read again before the card's token is believed: a forward of the card
// the owner just sent, which spends it, is filed in Sent seconds after it
// left, and an attacker may answer it at once.
const cardSettle = 30 * time.Second

// commands carries out each pending command mail (and held ask) that is
// proven to be the owner's, refuses those that cannot be, and leaves the
// rest for a later pass. Each is claimed first, so two daemons do not
// carry out the same mail at once.
func (r *Runner) commands(ctx context.Context, now time.Time, res *PassResult) error {
	pending, err := r.Store.PendingCommands(ctx, r.Account)
	if err != nil {
		return err
	}
	for _, c := range pending {
		p, err := r.prove(ctx, c, now)
		if err != nil {
			return err
		}
		if p.settle || !p.ok && !p.final && now.Sub(c.ReceivedAt) < r.grace() {
			res.Waiting++
			continue
		}
		claimed, err := r.Store.ClaimCommand(ctx, r.Account, c.ID, now, now.Add(-claimFor))
		if err != nil {
			return err
		}
		if !claimed {
			continue // another daemon is carrying it out
		}
		if err := r.decide(ctx, c, p, now, res); err != nil {
			return err
		}
	}
	return nil
}

// decide carries out or refuses one claimed mail.
func (r *Runner) decide(ctx context.Context, c gratitude.CommandMail, p proof, now time.Time, res *PassResult) error {
	if !p.ok {
		r.Log.Warn("not carried out: not proven to come from the owner", "message_id", c.MessageID,
			"from", c.From, "subject", c.Subject, "ask", c.Ask != nil, "why", p.why)
		res.Refused++
		return r.Store.DecideCommand(ctx, r.Account, c.ID, commandRefused, p.why, now)
	}
	// One mail that cannot be carried out must not hold up the others,
	// nor the rest of the pass: it is released and tried again later.
	if err := r.carryOut(ctx, c, p.request, now); err != nil {
		r.Log.Error("commands could not be carried out; trying again later", "message_id", c.MessageID, "err", err)
		res.failed = errors.Join(res.failed, fmt.Errorf("commands in %s: %w", c.MessageID, err),
			r.Store.ReleaseCommand(ctx, r.Account, c.ID))
		return nil
	}
	res.Commands++
	res.Queued = true
	return nil
}

// prove weighs what shows the mail is the owner's (DESIGN.md "Trust"): a
// copy in Sent that is the same command mail, saying the same; a valid
// unexpired token of an open card about the same request, once Sent has
// been read again since the mail came; or trusted DKIM. It returns the
// request the commands are about.
func (r *Runner) prove(ctx context.Context, c gratitude.CommandMail, now time.Time) (proof, error) {
	if c.Ask != nil {
		return r.proveAsk(ctx, c)
	}
	card := proof{request: c.RequestID, why: "not sent to a card's address"}
	if c.CardID != 0 {
		var err error
		if card, err = r.byCard(ctx, c, now); err != nil || card.final {
			return card, err
		}
	}
	sent, err := r.bySent(ctx, c)
	switch {
	case err != nil || sent.final:
		return sent, err
	case sent.ok:
		return proof{ok: true, request: card.request}, nil
	case card.ok:
		return r.settled(ctx, c, card)
	case c.DKIM:
		return proof{ok: true, request: c.RequestID}, nil
	}
	why := []string{card.why, "no trusted DKIM signature of your domain", sent.why}
	return proof{request: c.RequestID, why: strings.Join(why, "; ")}, nil
}

// settled believes a card's token only once Sent was read cardSettle
// after the mail came, so a forward of the card sent just before is seen
// (and has spent the token) first.
func (r *Runner) settled(ctx context.Context, c gratitude.CommandMail, card proof) (proof, error) {
	if r.SentFolder == "" {
		return card, nil
	}
	cur, err := r.Store.Cursor(ctx, r.Account, r.SentFolder)
	if err != nil {
		return proof{}, err
	}
	if cur.LastSyncAt.Before(c.ReceivedAt.Add(cardSettle)) {
		return proof{settle: true, request: card.request, why: "waiting for " + r.sentName() + " to be read again"}, nil
	}
	return card, nil
}

// byCard checks the token of the card the mail was sent to: it must be the
// card's, unexpired, about the same request, and the card still open.
func (r *Runner) byCard(ctx context.Context, c gratitude.CommandMail, now time.Time) (proof, error) {
	v, err := r.Cards.Check(ctx, c.CardID, c.Token, now)
	switch {
	case err != nil:
		return proof{}, err
	case !v.OK:
		return proof{request: c.RequestID, why: v.Reason}, nil
	case c.RequestID != 0 && v.RequestID != 0 && v.RequestID != c.RequestID:
		return proof{final: true, why: fmt.Sprintf("sent to card %d's address, which is about another request", c.CardID)}, nil
	}
	requestID := c.RequestID
	if v.RequestID != 0 {
		requestID = v.RequestID
	}
	if closed, err := r.cardClosed(ctx, requestID, v.Drafts); err != nil || closed != "" {
		return proof{request: requestID, why: fmt.Sprintf("card %d's address no longer takes commands: %s", c.CardID, closed)}, err
	}
	return proof{ok: true, request: requestID}, nil
}

// cardClosed says why a card's token is spent with its request's approval:
// the request is thanked or cancelled, or every draft the card showed is
// decided; "" while it is open.
func (r *Runner) cardClosed(ctx context.Context, requestID int64, shown []int64) (string, error) {
	if requestID == 0 {
		return "", nil
	}
	req, err := r.Store.Request(ctx, r.Account, requestID)
	if errors.Is(err, gratitude.ErrNoSuchRequest) {
		return "", nil
	} else if err != nil {
		return "", err
	}
	if req.State == gratitude.StateThanked || req.State == gratitude.StateCancelled {
		return fmt.Sprintf("request #%d is %s", requestID, req.State), nil
	}
	if len(shown) == 0 {
		return "", nil
	}
	drafts, err := r.Store.Drafts(ctx, r.Account, requestID)
	if err != nil {
		return "", err
	}
	for _, d := range drafts {
		if slices.Contains(shown, d.ID) && d.State == gratitude.DraftPending {
			return "", nil
		}
	}
	return "every thank-you it showed is approved or skipped", nil
}

// bySent looks for the mail's copy in Sent. Only a copy that is itself
// the same command mail (recorded as the command or as a copy of it) and
// says the same proves it; any other message of the owner's there under
// the same Message-ID shows the mail was forged with a borrowed id.
func (r *Runner) bySent(ctx context.Context, c gratitude.CommandMail) (proof, error) {
	if r.SentFolder == "" {
		return proof{why: "no Sent folder to look in"}, nil
	}
	copies, err := r.Store.CopiesIn(ctx, r.Account, c.MessageID, r.SentFolder)
	if err != nil {
		return proof{}, err
	}
	for _, cp := range copies {
		same := cp.Class == gratitude.ClassCommand || cp.Class == gratitude.ClassDuplicate
		// Mail recorded before hashes were kept has none: the old rule.
		if same && cp.BodyHash == c.BodyHash {
			return proof{ok: true}, nil
		}
	}
	if len(copies) > 0 {
		return proof{final: true, why: "forged: your message in " + r.sentName() +
			" with the same Message-ID is another message (its id was borrowed)"}, nil
	}
	return proof{why: "no copy in " + r.sentName()}, nil
}

// proveAsk weighs a held ask. Only its copy in Sent being an ask itself
// proves it, and that copy made the request from its own header fields:
// what the held copy says is never tracked. Any other message of the
// owner's there under its Message-ID refuses it.
func (r *Runner) proveAsk(ctx context.Context, c gratitude.CommandMail) (proof, error) {
	_, tracked, err := r.Store.RequestByMessageID(ctx, r.Account, c.MessageID)
	if err != nil || tracked {
		return proof{ok: tracked}, err
	}
	if c.Ask.Untraced {
		return proof{final: true, why: r.untracedWhy()}, nil
	}
	if r.SentFolder == "" {
		return proof{why: "ask not tracked: no Sent folder to look in"}, nil
	}
	copies, err := r.Store.CopiesIn(ctx, r.Account, c.MessageID, r.SentFolder)
	if err != nil {
		return proof{}, err
	}
	if len(copies) > 0 {
		return proof{final: true, why: "ask not tracked: your message in " + r.sentName() + " with its Message-ID is no ask " +
			"(forged with a borrowed id, or your mail client leaves Bcc out of its copy: put the capture address in To or Cc, " +
			"or set trust.authserv_id)" + trackHint}, nil
	}
	return proof{why: "ask not tracked: no copy in " + r.sentName() + " and no trusted DKIM signature of your domain " +
		"(send asks from your own mail client, or set trust.authserv_id)" + trackHint}, nil
}

// trackHint ends the reason a held ask was refused: what tracks it.
const trackHint = `; if it is your ask, reply "track" to gratitude's notice that lists it`

// untracedWhy is what the owner is told of mail of theirs that reached
// their mailbox by Bcc with no trace of the capture address.
func (r *Runner) untracedWhy() string {
	capture := r.Capture
	if capture == "" {
		capture = "your capture address"
	}
	return "not tracked: it reached your mailbox by Bcc, but nothing in it shows it was sent to " + capture +
		" (your server left no Delivered-To or similar, and " + r.sentName() + " holds no copy of it with the Bcc). " +
		"If it is an ask, reply \"track\" to gratitude's notice that lists it, or forward it to " + capture +
		", and it is tracked; for the next ones, put " + capture +
		" in Cc, or use a mail client that keeps Bcc in its copy in " + r.sentName() + " (gratitude check tells what your server can do)"
}

func (r *Runner) sentName() string {
	if r.SentFolder == "" {
		return "Sent"
	}
	return r.SentFolder
}

// carryOut runs the commands of one proven mail in order, answers with
// what it could not do, and records it done.
func (r *Runner) carryOut(ctx context.Context, c gratitude.CommandMail, requestID int64, now time.Time) error {
	if c.Ask != nil {
		return r.track(ctx, c, now)
	}
	x := &execution{r: r, mail: c, now: now}
	if err := x.findCard(ctx); err != nil {
		return err
	}
	track, rest := x.splitTrack()
	if len(track) > 0 {
		x.tracking = true
		if err := x.trackHeld(ctx, track); err != nil {
			return err
		}
		x.mail.Commands = rest
	}
	switch {
	case len(track) > 0 && len(rest) == 0:
	case requestID == 0:
		x.problems = append(x.problems, "which request? Reply to a card about it, or write #ID in the subject")
	default:
		req, err := r.Store.Request(ctx, r.Account, requestID)
		if errors.Is(err, gratitude.ErrNoSuchRequest) {
			x.problems = append(x.problems, fmt.Sprintf("there is no request #%d", requestID))
		} else if err != nil {
			return err
		} else {
			x.req = req
			if err := x.run(ctx); err != nil {
				return err
			}
		}
	}
	if err := x.answer(ctx); err != nil {
		return err
	}
	r.Log.Info("commands carried out", "message_id", c.MessageID, "request", requestID, "done", x.done, "problems", x.problems)
	return r.Store.DecideCommand(ctx, r.Account, c.ID, commandDone, strings.Join(x.done, "; "), now)
}

// answer replies to the owner when something was not understood, could
// not be done or had been done already, or when they asked for the status.
func (x *execution) answer(ctx context.Context) error {
	var out []gratitude.Outgoing
	if len(x.mail.Unknown)+len(x.problems)+len(x.already) > 0 {
		v := templates.CommandsView{OwnerName: x.r.Owner.Name, Request: requestView(x.req), Unknown: x.mail.Unknown,
			Problems: x.problems, Already: alreadyView(x.already), Done: x.done, Track: x.tracking, Now: x.now}
		o, err := x.r.Composer.Notice(ctx, remind.Note{Name: templates.CommandsHelp, View: v, Request: x.req,
			InReplyTo: x.mail.MessageID, Now: x.now})
		if err != nil {
			return err
		}
		out = append(out, o)
	}
	if x.status {
		o, err := x.r.statusReply(ctx, x.req, x.mail.MessageID, x.now)
		if err != nil {
			return err
		}
		out = append(out, o)
	}
	if len(out) == 0 {
		return nil
	}
	if ok, err := x.r.mayAnswer(ctx, x.mail, x.now); err != nil || !ok {
		return err
	}
	return x.r.Store.Enqueue(ctx, x.r.Account, out, x.now)
}

// answerKinds are gratitude's replies to the owner's command mail.
var answerKinds = []string{string(templates.CommandsHelp), string(templates.Status)}

// mayAnswer keeps gratitude and an auto-reply of the owner's from feeding
// each other: mail that answers one of gratitude's replies (by its
// threading headers, or sent to its card's address) gets none, and
// at most notify.replies_per_hour replies go out in an hour. What is held
// back is logged.
func (r *Runner) mayAnswer(ctx context.Context, c gratitude.CommandMail, now time.Time) (bool, error) {
	if c.CardID != 0 {
		// Sent to the address of one of gratitude's replies, with or
		// without threading headers.
		card, ok, err := r.Store.Card(ctx, r.Account, c.CardID)
		if err != nil {
			return false, err
		}
		if ok && slices.Contains(answerKinds, card.Kind) {
			r.Log.Warn("reply held back: the mail answers gratitude's own reply, one per thread",
				"message_id", c.MessageID, "card", c.CardID)
			return false, nil
		}
	}
	for _, id := range c.Refs {
		kind, _, err := r.Store.OwnKind(ctx, r.Account, id)
		if err != nil {
			return false, err
		}
		if slices.Contains(answerKinds, kind) {
			r.Log.Warn("reply held back: the mail answers gratitude's own reply, one per thread",
				"message_id", c.MessageID, "answers", id)
			return false, nil
		}
	}
	n, err := r.Store.QueuedSince(ctx, r.Account, answerKinds, now.Add(-time.Hour))
	if err != nil {
		return false, err
	}
	if n >= r.repliesPerHour() {
		r.Log.Warn("reply held back: too many replies to your commands this hour (notify.replies_per_hour)",
			"message_id", c.MessageID, "replies_last_hour", n)
		return false, nil
	}
	return true, nil
}

// track closes a held ask whose copy in Sent made the request.
func (r *Runner) track(ctx context.Context, c gratitude.CommandMail, now time.Time) error {
	r.Log.Info("held ask tracked from its copy in Sent", "message_id", c.MessageID)
	return r.Store.DecideCommand(ctx, r.Account, c.ID, commandDone, "tracked from its copy in "+r.sentName(), now)
}

// statusReply tells the owner where a request stands.
func (r *Runner) statusReply(ctx context.Context, req gratitude.Request, inReplyTo string, now time.Time) (gratitude.Outgoing, error) {
	drafts, err := r.Store.Drafts(ctx, r.Account, req.ID)
	if err != nil {
		return gratitude.Outgoing{}, err
	}
	v := templates.StatusView{OwnerName: r.Owner.Name, Request: requestView(req), State: string(req.State),
		Drafts: cardDrafts(drafts), Now: now}
	if next, ok := gratitude.NextReminder(req, r.Policy); ok {
		v.NextReminder, v.NextReminderAt = next.Kind.Words(), next.DueAt
	}
	return r.Composer.Notice(ctx, remind.Note{Name: templates.Status, View: v, Request: req, InReplyTo: inReplyTo, Now: now})
}

// reportRefusals tells the owner, at most once a day, about command mail
// that was not carried out.
func (r *Runner) reportRefusals(ctx context.Context, now time.Time, res *PassResult) error {
	items, err := r.Store.RefusalsToReport(ctx, r.Account)
	if err != nil || len(items) == 0 {
		return err
	}
	last, ok, err := r.Store.TimeSetting(ctx, r.Account, "refusals.reported_at")
	if err != nil || (ok && now.Sub(last) < reportEvery) {
		return err
	}
	v := templates.RefusedView{OwnerName: r.Owner.Name, Now: now}
	ids := make([]int64, 0, len(items))
	for i, c := range items {
		v.Items = append(v.Items, templates.RefusedItem{N: i + 1, From: c.From, Subject: c.Subject, Reason: c.Reason,
			At: c.ReceivedAt, Trackable: c.Ask != nil})
		ids = append(ids, c.ID)
	}
	o, err := r.Composer.Notice(ctx, remind.Note{Name: templates.Refused, View: v, Now: now})
	if err != nil {
		return err
	}
	if err := r.Store.Enqueue(ctx, r.Account, []gratitude.Outgoing{o}, now); err != nil {
		return err
	}
	res.Queued = true
	if err := r.Store.RefusalsReported(ctx, r.Account, ids, o.MessageID, now); err != nil {
		return err
	}
	return r.Store.SetTimeSetting(ctx, r.Account, "refusals.reported_at", now, now)
}
