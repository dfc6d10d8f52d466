package store

import (
	"context"

	"gratitude"
)

// The lists the owner's pages read, without loading every request.
const (
	qLiveIDs = `SELECT id FROM requests WHERE account_id = ? AND past = 0 AND state IN (`
	// qHeads is what lists and finds requests: each request's row.
	qHeads      = `SELECT id, state, subject, asked_at, past FROM requests WHERE account_id = ? AND (? = '' OR state = ?) ORDER BY id`
	qHeadsCount = `SELECT COUNT(*) FROM requests WHERE account_id = ? AND (? = '' OR state = ?)`
	// qCorrespondents is everyone's name and address, as a request's
	// people carry them.
	qCorrespondents = `SELECT email, name FROM people WHERE account_id = ? ORDER BY email`
	// qWithPrefix finds the requests someone took part in (asked, helped,
	// in copy) by their addresses.
	qWithPrefix = `
SELECT DISTINCT x.request_id FROM request_participants x JOIN people p ON p.id = x.person_id
WHERE p.account_id = ? AND p.email IN (`
)

// LiveRequests returns the requests in states that are not history
// (Past), oldest first.
func (s *Store) LiveRequests(ctx context.Context, account int64, states []gratitude.State) ([]gratitude.Request, error) {
	if len(states) == 0 {
		return nil, nil
	}
	var out []gratitude.Request
	err := inChunks(states, []any{account}, func(in string, args []any) error {
		reqs, err := s.requestsBy(ctx, account, qLiveIDs+in+") ORDER BY id", args...)
		out = append(out, reqs...)
		return err
	})
	return out, err
}

// RequestsByID returns the requests with ids, in that order; an id with
// no request of the account's is left out.
func (s *Store) RequestsByID(ctx context.Context, account int64, ids []int64) ([]gratitude.Request, error) {
	tx, err := s.read.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("requests by id", err)
	}
	defer tx.Rollback()
	out, err := loadRequests(ctx, tx, account, ids)
	if err != nil {
		return nil, wrap("requests by id", err)
	}
	return out, wrap("requests by id", tx.Commit())
}

// RequestHeads returns the requests in state ("" for all), oldest first,
// with only what lists and finds them: the id, state, subject, when it
// was asked and whether it is history; nothing else (no people, no
// thread). Read whole requests with RequestsByID.
func (s *Store) RequestHeads(ctx context.Context, account int64, state gratitude.State) ([]gratitude.Request, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, qHeadsCount, account, string(state), string(state)).Scan(&n); err != nil {
		return nil, wrap("request heads", err)
	}
	out := make([]gratitude.Request, 0, n)
	err := eachRow(ctx, s.read, qHeads, []any{account, string(state), string(state)}, func(sc scanner) error {
		var r gratitude.Request
		var st string
		var asked int64
		if err := sc.Scan(&r.ID, &st, &r.Subject, &asked, &r.Past); err != nil {
			return err
		}
		r.State, r.AskedAt = gratitude.State(st), fromMillis(asked)
		out = append(out, r)
		return nil
	})
	return out, wrap("request heads", err)
}

// Correspondents returns everyone the account's requests and ledger
// know, each address once with its name, by address.
func (s *Store) Correspondents(ctx context.Context, account int64) ([]gratitude.Address, error) {
	return collect(ctx, s, "correspondents", func(sc scanner) (gratitude.Address, error) {
		var a gratitude.Address
		return a, sc.Scan(&a.Email, &a.Name)
	}, qCorrespondents, account)
}

// RequestsWith returns the ids of the requests anyone with one of emails
// took part in (asked, helped, in copy).
func (s *Store) RequestsWith(ctx context.Context, account int64, emails []string) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := inChunks(emails, []any{account}, func(in string, args []any) error {
		return eachRow(ctx, s.read, qWithPrefix+in+")", args, func(sc scanner) error {
			var id int64
			err := sc.Scan(&id)
			out[id] = true
			return err
		})
	})
	return out, wrap("requests with", err)
}
