package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

const (
	qAccountID = `SELECT id FROM accounts WHERE email = ?`

	qAccountInsert = `
INSERT INTO accounts (email, created_at) VALUES (?, ?)
ON CONFLICT (email) DO NOTHING`
)

// Account returns the id of the account for email, creating it on first
// use. The address is compared trimmed and lower-cased.
func (s *Store) Account(ctx context.Context, email string) (int64, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return 0, errors.New("store: account: empty email address")
	}
	var id int64
	err := s.read.QueryRowContext(ctx, qAccountID, email).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("store: account %s: %w", email, err)
	}
	// created_at is bookkeeping, not domain time: no Clock needed.
	if _, err := s.write.ExecContext(ctx, qAccountInsert, email, millis(time.Now())); err != nil {
		return 0, fmt.Errorf("store: create account %s: %w", email, err)
	}
	if err := s.write.QueryRowContext(ctx, qAccountID, email).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: account %s: %w", email, err)
	}
	return id, nil
}
