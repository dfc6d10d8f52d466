package store

import (
	"context"
	"time"
)

const (
	// qHelpReceived: when each person (their linked addresses together)
	// first answered each request not cancelled.
	qHelpReceived = `
SELECT MIN(x.first_reply_at) FROM request_participants x
JOIN requests r ON r.id = x.request_id
JOIN people p ON p.id = x.person_id
WHERE x.account_id = ? AND x.role = 'helper' AND r.state <> 'cancelled' AND x.first_reply_at IS NOT NULL
GROUP BY x.request_id, COALESCE(p.same_as, p.id)
HAVING MIN(x.first_reply_at) >= ?`
	// qHelpGiven: when the owner helped each person, once per message.
	qHelpGiven = `
SELECT MIN(g.at) FROM gave g JOIN people p ON p.id = g.person_id
WHERE g.account_id = ?
GROUP BY g.message_id, COALESCE(p.same_as, p.id)
HAVING MIN(g.at) >= ?`
)

// HelpTimes returns when help came in (each helper once per request) and
// when the owner gave it (each person once per message), since then.
func (s *Store) HelpTimes(ctx context.Context, account int64, since time.Time) (received, given []time.Time, err error) {
	scan := func(sc scanner) (time.Time, error) {
		var ms int64
		err := sc.Scan(&ms)
		return fromMillis(ms), err
	}
	if received, err = collect(ctx, s, "help received", scan, qHelpReceived, account, millis(since)); err != nil {
		return nil, nil, err
	}
	given, err = collect(ctx, s, "help given", scan, qHelpGiven, account, millis(since))
	return received, given, err
}
