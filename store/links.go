package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"gratitude"
)

const (
	// qAddresses are every address of the person email belongs to, the
	// main one first.
	qAddresses = `
SELECT q.email FROM people p
JOIN people q ON q.id = COALESCE(p.same_as, p.id) OR q.same_as = COALESCE(p.same_as, p.id)
WHERE p.account_id = ? AND p.email = ?
ORDER BY q.same_as IS NOT NULL, q.email`
	qPersonID    = `SELECT id FROM people WHERE account_id = ? AND email = ?`
	qPersonLink  = `UPDATE people SET same_as = ? WHERE account_id = ? AND email = ?`
	qLinkChained = `
SELECT p.email, q.email FROM people p JOIN people q ON q.id = p.same_as
WHERE p.account_id = ? AND (q.same_as IS NOT NULL OR p.id = q.id) LIMIT 1`
)

// Addresses returns every address of the person email belongs to, their
// main address first; gratitude.ErrNoSuchPerson when the account has
// never dealt with email.
func (s *Store) Addresses(ctx context.Context, account int64, email string) ([]string, error) {
	email = gratitude.NormalizeEmail(email)
	out, err := collect(ctx, s, "addresses of "+email, func(sc scanner) (string, error) {
		var e string
		return e, sc.Scan(&e)
	}, qAddresses, account, email)
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%s: %w; see `gratitude people`", email, gratitude.ErrNoSuchPerson)
	}
	return out, err
}

// SaveLinks files each address under the person its link names, in one
// transaction. It decides nothing; as the last line of defence it refuses
// (and saves none) when an address or a main address is unknown, or when
// an address would end up linked to one that is itself linked.
func (s *Store) SaveLinks(ctx context.Context, account int64, links []gratitude.PersonLink) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, l := range links {
			if err := saveLink(ctx, tx, account, l); err != nil {
				return err
			}
		}
		var from, to string
		err := tx.QueryRowContext(ctx, qLinkChained, account).Scan(&from, &to)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		return fmt.Errorf("%s would be linked to %s, which is itself or itself linked to another address (a chain); nothing was changed, read the people again and retry", from, to)
	})
	return wrap("link people", err)
}

// saveLink files one address.
func saveLink(ctx context.Context, tx *sql.Tx, account int64, l gratitude.PersonLink) error {
	var main sql.NullInt64
	if l.SameAs != "" {
		err := tx.QueryRowContext(ctx, qPersonID, account, gratitude.NormalizeEmail(l.SameAs)).Scan(&main)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s: %w", l.SameAs, gratitude.ErrNoSuchPerson)
		}
		if err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(ctx, qPersonLink, main, account, gratitude.NormalizeEmail(l.Email))
	return affected(res, err, fmt.Errorf("%s: %w", l.Email, gratitude.ErrNoSuchPerson))
}
