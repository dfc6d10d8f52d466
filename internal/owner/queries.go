package owner

import (
	"context"
	"strings"
	"time"

	"gratitude"
)

// Reader is what the owner's queries read; a store opened only to look
// needs nothing else.
type Reader interface {
	Requests(ctx context.Context, account int64, state gratitude.State) ([]gratitude.Request, error)
	Request(ctx context.Context, account, id int64) (gratitude.Request, error)
	// LiveRequests are the requests in states that are not history.
	LiveRequests(ctx context.Context, account int64, states []gratitude.State) ([]gratitude.Request, error)
	// RequestsByID are the requests with ids, in that order.
	RequestsByID(ctx context.Context, account int64, ids []int64) ([]gratitude.Request, error)
	// RequestHeads are the requests in state with only their subject,
	// state and ask time: enough to list them, not to decide anything.
	RequestHeads(ctx context.Context, account int64, state gratitude.State) ([]gratitude.Request, error)
	// Correspondents are everyone's names and addresses.
	Correspondents(ctx context.Context, account int64) ([]gratitude.Address, error)
	// RequestsWith are the requests anyone with one of emails took part in.
	RequestsWith(ctx context.Context, account int64, emails []string) (map[int64]bool, error)
	Events(ctx context.Context, requestID int64) ([]gratitude.LogEntry, error)
	Drafts(ctx context.Context, account, requestID int64) ([]gratitude.Draft, error)
	Draft(ctx context.Context, account, id int64) (gratitude.Draft, error)
	// OpenDrafts are the drafts not yet sent or skipped.
	OpenDrafts(ctx context.Context, account int64) ([]gratitude.Draft, error)
	// DecidedDrafts are the latest limit drafts approved, sent or skipped, newest first.
	DecidedDrafts(ctx context.Context, account int64, limit int) ([]gratitude.Draft, error)
	People(ctx context.Context, account int64) ([]gratitude.Person, error)
	PeoplePage(ctx context.Context, account int64, text string, offset, limit int) ([]gratitude.Person, int, error)
	// HelpTimes are when help came in (each person once per request) and
	// when the owner gave it (each person once per message), since then.
	HelpTimes(ctx context.Context, account int64, since time.Time) (received, given []time.Time, err error)
	Asides(ctx context.Context, account, requestID int64) ([]gratitude.Aside, error)
	Placements(ctx context.Context, account int64, messageID string) ([]gratitude.Placement, error)
	Decisions(ctx context.Context, account int64, messageID string) ([]gratitude.Decision, error)
	RefusedCommands(ctx context.Context, account int64) ([]gratitude.CommandMail, error)
}

// Queries answers what the owner asks to see: the requests, one request
// with its history, the drafts, the people. The command line and the web
// page show these; they read nothing else.
type Queries struct {
	Store   Reader
	Account int64
}

// Requests lists the requests in state ("" for all), as the store orders
// them.
func (q Queries) Requests(ctx context.Context, state gratitude.State) ([]gratitude.Request, error) {
	return q.Store.Requests(ctx, q.Account, state)
}

// Request returns one request and its history, oldest entry first.
func (q Queries) Request(ctx context.Context, id int64) (gratitude.Request, []gratitude.LogEntry, error) {
	r, err := q.Store.Request(ctx, q.Account, id)
	if err != nil {
		return r, nil, err
	}
	log, err := q.Store.Events(ctx, r.ID)
	return r, log, err
}

// Drafts lists the thank-you drafts, of one request when requestID is not 0.
func (q Queries) Drafts(ctx context.Context, requestID int64) ([]gratitude.Draft, error) {
	return q.Store.Drafts(ctx, q.Account, requestID)
}

// DecidedDrafts returns the latest n drafts the owner approved or
// skipped (sent or not), newest first.
func (q Queries) DecidedDrafts(ctx context.Context, n int) ([]gratitude.Draft, error) {
	return q.Store.DecidedDrafts(ctx, q.Account, n)
}

// Draft returns one thank-you draft.
func (q Queries) Draft(ctx context.Context, id int64) (gratitude.Draft, error) {
	return q.Store.Draft(ctx, q.Account, id)
}

// People is the ledger: everyone who helped the owner or was helped.
func (q Queries) People(ctx context.Context) ([]gratitude.Person, error) {
	return q.Store.People(ctx, q.Account)
}

// PeoplePage is one page of the ledger (limit people from offset, by
// address), of the people whose address or name holds text ("" for
// everyone), with how many there are in all.
func (q Queries) PeoplePage(ctx context.Context, text string, offset, limit int) ([]gratitude.Person, int, error) {
	return q.Store.PeoplePage(ctx, q.Account, strings.TrimSpace(text), offset, limit)
}

// HelpByMonth is the help received and given in each of the last
// gratitude.HelpMonths calendar months in loc (the owner's time zone),
// the month of now last.
func (q Queries) HelpByMonth(ctx context.Context, loc *time.Location, now time.Time) ([]gratitude.MonthHelp, error) {
	received, given, err := q.Store.HelpTimes(ctx, q.Account, gratitude.MonthsStart(now, loc, gratitude.HelpMonths))
	if err != nil {
		return nil, err
	}
	return gratitude.HelpByMonth(received, given, loc, now, gratitude.HelpMonths), nil
}

// Why says what became of a message: each copy read, with the rule's
// class and reason, and its fate as command mail or a held ask.
func (q Queries) Why(ctx context.Context, messageID string) ([]gratitude.Placement, []gratitude.Decision, error) {
	id := strings.TrimSpace(messageID)
	id = strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")
	copies, err := q.Store.Placements(ctx, q.Account, id)
	if err != nil {
		return nil, nil, err
	}
	decisions, err := q.Store.Decisions(ctx, q.Account, id)
	return copies, decisions, err
}

// Refused returns the latest command mail refused (unproven, or for a
// request it cannot act on), newest first, with why.
func (q Queries) Refused(ctx context.Context) ([]gratitude.CommandMail, error) {
	return q.Store.RefusedCommands(ctx, q.Account)
}
