package store

import (
	"context"

	"gratitude"
)

const (
	qRequestCounts = `SELECT state, COUNT(*) FROM requests WHERE account_id = ? AND past = 0 GROUP BY state`
	// qOutBacklog counts what is not sent yet, or failed, by index range:
	// the sent history, however long, is not read.
	qOutBacklog = `
SELECT state, COUNT(*) FROM outbox
WHERE account_id = ? AND state IN ('queued', 'sending', 'failed') GROUP BY state`
)

// RequestCounts counts the account's live requests by state (history is
// not work); states without requests are absent.
func (s *Store) RequestCounts(ctx context.Context, account int64) (map[gratitude.State]int64, error) {
	out := map[gratitude.State]int64{}
	if err := s.countBy(ctx, qRequestCounts, account, func(k string, n int64) { out[gratitude.State(k)] = n }); err != nil {
		return nil, wrap("request counts", err)
	}
	return out, nil
}

// OutboxBacklog counts the account's outbox messages queued, being sent
// and failed, without reading the sent ones.
func (s *Store) OutboxBacklog(ctx context.Context, account int64) (map[gratitude.OutState]int64, error) {
	out := map[gratitude.OutState]int64{}
	if err := s.countBy(ctx, qOutBacklog, account, func(k string, n int64) { out[gratitude.OutState(k)] = n }); err != nil {
		return nil, wrap("outbox backlog", err)
	}
	return out, nil
}

// countBy runs a "SELECT key, COUNT(*) … GROUP BY key" query for account.
func (s *Store) countBy(ctx context.Context, q string, account int64, add func(string, int64)) error {
	rows, err := s.read.QueryContext(ctx, q, account)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		add(k, n)
	}
	return rows.Err()
}
