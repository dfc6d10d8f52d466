package store

import (
	"context"
	"database/sql"
	"strings"

	"gratitude"
)

const (
	qPersonUpsert = `
INSERT INTO people (account_id, email, name) VALUES (?, ?, ?)
ON CONFLICT (account_id, email) DO NOTHING`
	qPersonGet    = `SELECT id, name FROM people WHERE account_id = ? AND email = ?`
	qPersonRename = `UPDATE people SET name = ? WHERE id = ?`

	// qLedger derives every figure from participants and gave entries, so
	// they can never drift from what was recorded. One row per person: a
	// main row (same_as NULL) counts its linked rows' participation with
	// its own, each request (and each message given) once.
	qLedger = `
SELECT p.id, p.email, p.name,
  (SELECT COUNT(DISTINCT x.request_id) FROM request_participants x JOIN requests r ON r.id = x.request_id
     WHERE x.person_id IN ` + qMembers + ` AND x.role = 'helper' AND r.state <> 'cancelled'),
  (SELECT COUNT(DISTINCT x.request_id) FROM request_participants x
     WHERE x.person_id IN ` + qMembers + ` AND x.role = 'helper' AND x.thanked_at IS NOT NULL),
  (SELECT COUNT(DISTINCT x.request_id) FROM request_participants x WHERE x.person_id IN ` + qMembers + ` AND x.role = 'asked'),
  (SELECT COUNT(DISTINCT g.message_id) FROM gave g WHERE g.person_id IN ` + qMembers + `),
  (SELECT MAX(x.first_reply_at) FROM request_participants x WHERE x.person_id IN ` + qMembers + ` AND x.role = 'helper'),
  (SELECT MAX(x.thanked_at) FROM request_participants x WHERE x.person_id IN ` + qMembers + ` AND x.role = 'helper'),
  (SELECT MAX(g.at) FROM gave g WHERE g.person_id IN ` + qMembers + `)
FROM people p WHERE p.account_id = ? AND p.same_as IS NULL`
	qLedgerAll = qLedger + ` ORDER BY p.email`
	// qLedgerPage is one page of the ledger, of the people one of whose
	// addresses or names holds the text ('' for everyone).
	qLedgerPage  = qLedger + ` AND ` + qPersonMatch + ` ORDER BY p.email LIMIT ? OFFSET ?`
	qLedgerCount = `SELECT COUNT(*) FROM people p WHERE p.account_id = ? AND p.same_as IS NULL AND ` + qPersonMatch
	qPersonMatch = `EXISTS (SELECT 1 FROM people q WHERE (q.id = p.id OR q.same_as = p.id)
  AND (instr(lower(q.email), ?) > 0 OR instr(lower(q.name), ?) > 0))`
	// qMembers are the rows of main row p's person: p and those linked to it.
	qMembers = `(SELECT q.id FROM people q WHERE q.id = p.id OR q.same_as = p.id)`
	// qLinked are the rows linked to a main row, for their addresses.
	qLinked = `SELECT same_as, email, name FROM people WHERE account_id = ? AND same_as IS NOT NULL ORDER BY email`

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

// People returns everyone the owner has dealt with, with the ledger: one
// row per person, with all their addresses.
func (s *Store) People(ctx context.Context, account int64) ([]Person, error) {
	return s.ledger(ctx, account, qLedgerAll, account)
}

// PeoplePage returns one page of the ledger (limit people from offset, in
// address order), of the people one of whose addresses or names holds
// text (any case; "" for everyone), and how many such people there are.
func (s *Store) PeoplePage(ctx context.Context, account int64, text string, offset, limit int) ([]Person, int, error) {
	text = strings.ToLower(text)
	var total int
	if err := s.read.QueryRowContext(ctx, qLedgerCount, account, text, text).Scan(&total); err != nil {
		return nil, 0, wrap("people", err)
	}
	people, err := s.ledger(ctx, account, qLedgerPage, account, text, text, limit, offset)
	return people, total, err
}

// ledger runs a ledger query and adds each person's linked addresses.
func (s *Store) ledger(ctx context.Context, account int64, q string, args ...any) ([]Person, error) {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, wrap("people", err)
	}
	defer rows.Close()
	var out []Person
	index := map[int64]int{} // main row id → its place in out
	for rows.Next() {
		p, id, err := scanPerson(rows)
		if err != nil {
			return nil, wrap("people", err)
		}
		index[id] = len(out)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap("people", err)
	}
	return out, wrap("people", s.addLinked(ctx, account, out, index))
}

// scanPerson reads one ledger row.
func scanPerson(rows scanner) (Person, int64, error) {
	var p Person
	var id int64
	var help, thanked, gave sql.NullInt64
	if err := rows.Scan(&id, &p.Email, &p.Name, &p.HelpedMe, &p.Thanked, &p.Asked, &p.IHelped, &help, &thanked, &gave); err != nil {
		return p, 0, err
	}
	p.LastHelpAt, p.LastThankedAt, p.LastGaveAt = fromNullMillis(help), fromNullMillis(thanked), fromNullMillis(gave)
	p.LastContactAt = gratitude.Latest(p.LastHelpAt, p.LastThankedAt, p.LastGaveAt)
	p.Emails = []string{p.Email}
	return p, id, nil
}

// addLinked adds the linked addresses to their people, and a name where
// the main row has none.
func (s *Store) addLinked(ctx context.Context, account int64, people []Person, index map[int64]int) error {
	rows, err := s.read.QueryContext(ctx, qLinked, account)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var main int64
		var email, name string
		if err := rows.Scan(&main, &email, &name); err != nil {
			return err
		}
		i, ok := index[main]
		if !ok {
			continue
		}
		people[i].Emails = append(people[i].Emails, email)
		if people[i].Name == "" {
			people[i].Name = name
		}
	}
	return rows.Err()
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
