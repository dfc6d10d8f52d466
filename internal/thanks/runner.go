package thanks

import (
	"context"
	"log/slog"
	"time"

	"gratitude"
	"gratitude/internal/cards"
	"gratitude/internal/owner"
	"gratitude/internal/remind"
	"gratitude/store"
)

// DefaultGrace is how long a command waits for its copy to show up in
// Sent (a client files it a little after sending) before it is refused
// for lack of proof.
const DefaultGrace = 5 * time.Minute

// reportEvery is how often at most the owner is told about refusals.
const reportEvery = 24 * time.Hour

// Store is what the runner needs remembered.
type Store interface {
	Request(ctx context.Context, account, id int64) (gratitude.Request, error)
	People(ctx context.Context, account int64) ([]gratitude.Person, error)

	RequestsToDraft(ctx context.Context, account int64, limit int) ([]gratitude.Request, error)
	LastVariants(ctx context.Context, account int64) (map[string]int, error)
	AddDrafts(ctx context.Context, account int64, drafts []gratitude.Draft, now time.Time) error
	UndeliveredRequests(ctx context.Context, account int64) ([]int64, error)
	DeliverDrafts(ctx context.Context, account, requestID int64, out []gratitude.Outgoing, now time.Time) error
	Drafts(ctx context.Context, account, requestID int64) ([]gratitude.Draft, error)
	ObsoleteDrafts(ctx context.Context, account int64) ([]store.ObsoleteDraft, error)
	Draft(ctx context.Context, account, id int64) (gratitude.Draft, error)
	EditDraft(ctx context.Context, account int64, d gratitude.Draft, oldMessageID string, out []gratitude.Outgoing, now time.Time) error
	SkipDraft(ctx context.Context, account int64, d gratitude.Draft, reason string, now time.Time) error
	ApproveDraft(ctx context.Context, account int64, d gratitude.Draft, out []gratitude.Outgoing, now time.Time) error

	PendingCommands(ctx context.Context, account int64) ([]gratitude.CommandMail, error)
	CardByMessageID(ctx context.Context, account int64, messageID string) (gratitude.Card, bool, error)
	Card(ctx context.Context, account, id int64) (gratitude.Card, bool, error)
	DecideCommand(ctx context.Context, account, id int64, state, reason string, now time.Time) error
	CopiesIn(ctx context.Context, account int64, messageID, mailbox string) ([]store.Copy, error)
	ClaimCommand(ctx context.Context, account, id int64, now, staleBefore time.Time) (bool, error)
	ReleaseCommand(ctx context.Context, account, id int64) error
	OwnKind(ctx context.Context, account int64, messageID string) (string, bool, error)
	QueuedSince(ctx context.Context, account int64, kinds []string, since time.Time) (int, error)
	RequestByMessageID(ctx context.Context, account int64, messageID string) (int64, bool, error)
	Cursor(ctx context.Context, account int64, mailbox string) (gratitude.MailboxCursor, error)
	RefusalsToReport(ctx context.Context, account int64) ([]gratitude.CommandMail, error)
	RefusalsReported(ctx context.Context, account int64, ids []int64, notice string, now time.Time) error
	ReportedIn(ctx context.Context, account int64, notice string) ([]gratitude.CommandMail, error)
	// Write runs fn in one store transaction (tracking a held ask by hand).
	Write(ctx context.Context, fn func(*store.Tx) error) error
	TimeSetting(ctx context.Context, account int64, name string) (time.Time, bool, error)
	SetTimeSetting(ctx context.Context, account int64, name string, t, now time.Time) error
	Enqueue(ctx context.Context, account int64, out []gratitude.Outgoing, now time.Time) error
}

// Runner carries out commands and drafts, shows and sends thank-yous.
type Runner struct {
	Store     Store
	Account   int64
	Owner     gratitude.Address
	Signature string
	// NoRelationship keeps the thank-you from saying how often the helper
	// helped before (thanks.relationship: false).
	NoRelationship bool
	// Composer renders and addresses messages to the owner; its Templates
	// render the thank-yous too.
	Composer *remind.Composer
	Cards    *cards.Issuer
	// Actions carries out the commands of proven command mail.
	Actions *owner.Service
	// Drafts puts each draft in the Drafts folder; Approval mails the
	// owner a card to answer. At least one should be set.
	Drafts, Approval bool
	// FilesSent: the SMTP server files sent mail in Sent itself.
	FilesSent bool
	// SentFolder is where a copy of the owner's own mail proves it theirs.
	SentFolder string
	// Capture is the capture address, named to the owner in reports.
	Capture string
	Grace   time.Duration // zero: DefaultGrace
	// RepliesPerHour caps replies to the owner's command mail (zero:
	// DefaultRepliesPerHour).
	RepliesPerHour int
	Policy         gratitude.ReminderPolicy
	Log            *slog.Logger
}

// PassResult says what one pass did.
type PassResult struct {
	Commands int // command mails carried out
	Refused  int // command mails refused
	Drafted  int // drafts written
	Waiting  int // command mails waiting for their copy in Sent
	Queued   bool

	failed error // command mails that could not be carried out, tried again next pass
}

// Pass carries out the commands that are proven, drafts thank-yous for
// resolved requests, presents new drafts, and tells the owner about
// refused commands (at most once a day).
func (r *Runner) Pass(ctx context.Context, now time.Time) (PassResult, error) {
	var res PassResult
	steps := []func(context.Context, time.Time, *PassResult) error{
		r.supersede, r.commands, r.supersede, r.draftAll, r.deliverAll, r.reportRefusals,
	}
	for _, step := range steps {
		if err := step(ctx, now, &res); err != nil {
			return res, err
		}
	}
	return res, res.failed
}

// DefaultRepliesPerHour is how many replies to command mail go out in an
// hour at most when RepliesPerHour is not set.
const DefaultRepliesPerHour = 6

func (r *Runner) repliesPerHour() int {
	if r.RepliesPerHour > 0 {
		return r.RepliesPerHour
	}
	return DefaultRepliesPerHour
}

func (r *Runner) grace() time.Duration {
	if r.Grace > 0 {
		return r.Grace
	}
	return DefaultGrace
}
