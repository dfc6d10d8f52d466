package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"time"
)

// Kinds of web token.
const (
	TokenSignIn  = "signin"  // a one-time sign-in link's, spent when used
	TokenSession = "session" // a signed-in browser's
)

const (
	qTokenAdd = `INSERT INTO web_tokens (hash, account_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`
	// qTokenSpend spends a sign-in token: only one caller can.
	qTokenSpend = `
UPDATE web_tokens SET used_at = ?
WHERE hash = ? AND account_id = ? AND kind = 'signin' AND used_at IS NULL AND expires_at > ?`
	qTokenValid = `
SELECT 1 FROM web_tokens WHERE hash = ? AND account_id = ? AND kind = ? AND used_at IS NULL AND expires_at > ?`
	qTokenDrop  = `DELETE FROM web_tokens WHERE hash = ? AND account_id = ?`
	qTokenPrune = `DELETE FROM web_tokens WHERE expires_at < ?`
	qSettingAdd = `
INSERT INTO settings (account_id, name, value, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (account_id, name) DO NOTHING`
)

// tokenHash is what the database keeps of a token.
func tokenHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// AddToken remembers a web token of kind until expires; expired tokens
// are forgotten on the way.
func (s *Store) AddToken(ctx context.Context, account int64, kind, token string, now, expires time.Time) error {
	if _, err := s.write.ExecContext(ctx, qTokenPrune, millis(now)); err != nil {
		return wrap("prune web tokens", err)
	}
	_, err := s.write.ExecContext(ctx, qTokenAdd, tokenHash(token), account, kind, millis(now), millis(expires))
	return wrap("add web token", err)
}

// SpendSignIn spends a sign-in token: true once, for an unexpired token,
// and never again.
func (s *Store) SpendSignIn(ctx context.Context, account int64, token string, now time.Time) (bool, error) {
	res, err := s.write.ExecContext(ctx, qTokenSpend, millis(now), tokenHash(token), account, millis(now))
	if err != nil {
		return false, wrap("spend sign-in token", err)
	}
	n, err := res.RowsAffected()
	return n == 1, wrap("spend sign-in token", err)
}

// ValidToken reports whether a token of kind is known, unspent and
// unexpired.
func (s *Store) ValidToken(ctx context.Context, account int64, kind, token string, now time.Time) (bool, error) {
	var one int
	err := s.read.QueryRowContext(ctx, qTokenValid, tokenHash(token), account, kind, millis(now)).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, wrap("check web token", err)
}

// DropToken forgets a token (signing out).
func (s *Store) DropToken(ctx context.Context, account int64, token string) error {
	_, err := s.write.ExecContext(ctx, qTokenDrop, tokenHash(token), account)
	return wrap("drop web token", err)
}

// InitSetting stores value under name unless a value is there, and
// returns the value that is.
func (s *Store) InitSetting(ctx context.Context, account int64, name string, value []byte, now time.Time) ([]byte, error) {
	if _, err := s.write.ExecContext(ctx, qSettingAdd, account, name, value, millis(now)); err != nil {
		return nil, wrap("set setting "+name, err)
	}
	v, _, err := s.Setting(ctx, account, name)
	return v, err
}
