package store

import (
	"context"
	"database/sql"

	"gratitude"
)

const (
	qPersonUpsert = `
INSERT INTO people (account_id, email, name) VALUES (?, ?, ?)
ON CONFLICT (account_id, email) DO NOTHING`
	qPersonGet    = `SELECT id, name FROM people WHERE account_id = ? AND email = ?`
	qPersonRename = `UPDATE people SET name = ? WHERE id = ?`

	// qLedger derives every figure from participants and gave entries, so
	// they can never drift from what was recorded.
	qLedger = `
SELECT p.email, p.name,
  (SELECT COUNT(*) FROM request_participants x JOIN requests r ON r.id = x.request_id
     WHERE x.person_id = p.id AND x.role = 'helper' AND r.state <> 'cancelled'),
  (SELECT COUNT(*) FROM request_participants x WHERE x.person_id = p.id AND x.role = 'helper' AND x.thanked_at IS NOT NULL),
  (SELECT COUNT(*) FROM request_participants x WHERE x.person_id = p.id AND x.role = 'asked'),
  (SELECT COUNT(*) FROM gave g WHERE g.person_id = p.id),
  (SELECT MAX(x.first_reply_at) FROM request_participants x WHERE x.person_id = p.id AND x.role = 'helper'),
  (SELECT MAX(x.thanked_at) FROM request_participants x WHERE x.person_id = p.id AND x.role = 'helper')
FROM people p WHERE p.account_id = ?
ORDER BY p.email`

	qGaveInsert = `
INSERT INTO gave (account_id, person_id, message_id, at) VALUES (?, ?, ?, ?)
ON CONFLICT (account_id, message_id, person_id) DO NOTHING`
)

// Person is one correspondent and the ledger between them and the owner.
type Person = gratitude.Person

// personTx returns the id of the person with addr, creating them, and keeps
// the better display name.
func personTx(ctx context.Context, tx *sql.Tx, account int64, addr gratitude.Address) (int64, error) {
	email := gratitude.NormalizeEmail(addr.Email)
	if _, err := tx.ExecContext(ctx, qPersonUpsert, account, email, ""); err != nil {
		return 0, err
	}
	var id int64
	var name string
	if err := tx.QueryRowContext(ctx, qPersonGet, account, email).Scan(&id, &name); err != nil {
		return 0, err
	}
	if better := gratitude.BetterName(name, addr.Name, email); better != name {
		if _, err := tx.ExecContext(ctx, qPersonRename, better, id); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// People returns everyone the owner has dealt with, with the ledger.
func (s *Store) People(ctx context.Context, account int64) ([]Person, error) {
	rows, err := s.read.QueryContext(ctx, qLedger, account)
	if err != nil {
		return nil, wrap("people", err)
	}
	defer rows.Close()
	var out []Person
	for rows.Next() {
		var p Person
		var help, thanked sql.NullInt64
		if err := rows.Scan(&p.Email, &p.Name, &p.HelpedMe, &p.Thanked, &p.Asked, &p.IHelped, &help, &thanked); err != nil {
			return nil, wrap("people", err)
		}
		p.LastHelpAt, p.LastThankedAt = fromNullMillis(help), fromNullMillis(thanked)
		out = append(out, p)
	}
	return out, wrap("people", rows.Err())
}

// gaveTx records that the owner helped each recipient of one message.
func gaveTx(ctx context.Context, tx *sql.Tx, account int64, g gratitude.Gave) error {
	for _, to := range g.To {
		id, err := personTx(ctx, tx, account, to)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, qGaveInsert, account, id, g.MessageID, millis(g.At)); err != nil {
			return err
		}
	}
	return nil
}
