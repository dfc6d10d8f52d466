package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gratitude"
)

const (
	qCardInsert  = `INSERT INTO cards (account_id, request_id, kind, message_id, drafts, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
	cardColumns  = `id, COALESCE(request_id, 0), kind, message_id, drafts, created_at, expires_at`
	qCardGet     = `SELECT ` + cardColumns + ` FROM cards WHERE account_id = ? AND id = ?`
	qCardByMsgID = `SELECT ` + cardColumns + ` FROM cards WHERE account_id = ? AND message_id = ? ORDER BY id DESC LIMIT 1`
	qCardRevoke  = `UPDATE cards SET expires_at = MIN(expires_at, ?) WHERE account_id = ? AND id = ?`
	qCardRevokeM = `UPDATE cards SET expires_at = MIN(expires_at, ?) WHERE account_id = ? AND message_id = ?`

	qCommandInsert = `
INSERT INTO commands (account_id, message_id, request_id, from_addr, subject, card_id, token, dkim, refs, commands,
                      unknown, received_at, body_hash, ask)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (account_id, message_id) DO NOTHING`
	commandColumns = `id, message_id, COALESCE(request_id, 0), from_addr, subject, card_id, token, dkim, refs, commands,
       unknown, state, reason, received_at, body_hash, ask`
	qCommandsPending = `SELECT ` + commandColumns + ` FROM commands WHERE account_id = ? AND state = 'pending' ORDER BY id`
	qCommandDecide   = `UPDATE commands SET state = ?, reason = ?, decided_at = ?, claimed_at = NULL
WHERE account_id = ? AND id = ? AND state = 'pending'`
	// qCommandClaim takes pending command mail for one daemon: unclaimed,
	// or claimed so long ago that its daemon must have died.
	qCommandClaim = `UPDATE commands SET claimed_at = ?
WHERE account_id = ? AND id = ? AND state = 'pending' AND (claimed_at IS NULL OR claimed_at < ?)`
	qCommandRelease = `UPDATE commands SET claimed_at = NULL WHERE account_id = ? AND id = ? AND state = 'pending'`
	qCommandsToTell = `SELECT ` + commandColumns + ` FROM commands WHERE account_id = ? AND state = 'refused' AND reported_at IS NULL ORDER BY id`
	qCommandsTold   = `UPDATE commands SET reported_at = ?, reported_in = ?
WHERE account_id = ? AND id = ? AND state = 'refused' AND reported_at IS NULL`
	qCommandsRefused = `SELECT ` + commandColumns + ` FROM commands WHERE account_id = ? AND state = 'refused' ORDER BY id DESC LIMIT 20`
	qCommandsIn      = `SELECT ` + commandColumns + ` FROM commands WHERE account_id = ? AND reported_in = ? ORDER BY id`
	// qCommandTracked closes a refused held ask the owner tracked by hand.
	qCommandTracked = `UPDATE commands SET state = 'done', reason = ?, decided_at = ?
WHERE account_id = ? AND id = ? AND state = 'refused' AND ask <> ''`
	qCommandCounts = `SELECT state, COUNT(*) FROM commands WHERE account_id = ? GROUP BY state`
	// qCopiesIn lists the copies of a Message-ID recorded in a mailbox.
	qCopiesIn = `SELECT class, body_hash FROM messages WHERE account_id = ? AND message_id = ? AND mailbox = ? ORDER BY id`

	qLiveCards   = `SELECT EXISTS (SELECT 1 FROM cards WHERE account_id = ? AND expires_at > ?)`
	qOwnKind     = `SELECT kind FROM own_messages WHERE account_id = ? AND message_id = ? LIMIT 1`
	qQueuedSince = `SELECT COUNT(DISTINCT message_id) FROM outbox WHERE account_id = ? AND kind = ? AND created_at >= ?`

	cardKeySetting = "card.key"
)

// NewCard allocates a card (its id goes into the token address), with
// the Message-ID of the message that carries it.
func (s *Store) NewCard(ctx context.Context, account int64, c gratitude.Card) (int64, error) {
	res, err := s.write.ExecContext(ctx, qCardInsert, account, nullID(c.RequestID), c.Kind, c.MessageID, joinIDs(c.Drafts),
		millis(c.CreatedAt), millis(c.ExpiresAt))
	if err != nil {
		return 0, wrap("new card", err)
	}
	id, err := res.LastInsertId()
	return id, wrap("new card", err)
}

// Card returns one card; false when the account has no such card.
func (s *Store) Card(ctx context.Context, account, id int64) (gratitude.Card, bool, error) {
	return s.card(ctx, qCardGet, account, id)
}

// CardByMessageID returns the card that message carried; false if none.
func (s *Store) CardByMessageID(ctx context.Context, account int64, messageID string) (gratitude.Card, bool, error) {
	return s.card(ctx, qCardByMsgID, account, messageID)
}

func (s *Store) card(ctx context.Context, q string, args ...any) (gratitude.Card, bool, error) {
	var c gratitude.Card
	var created, expires int64
	var drafts string
	err := s.read.QueryRowContext(ctx, q, args...).Scan(&c.ID, &c.RequestID, &c.Kind, &c.MessageID, &drafts, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	c.Drafts, c.CreatedAt, c.ExpiresAt = splitIDs(drafts), fromMillis(created), fromMillis(expires)
	return c, err == nil, wrap("card", err)
}

// LiveCards reports whether any card of the account still takes commands.
func (s *Store) LiveCards(ctx context.Context, account int64, now time.Time) (bool, error) {
	var live bool
	err := s.read.QueryRowContext(ctx, qLiveCards, account, millis(now)).Scan(&live)
	return live, wrap("live cards", err)
}

// revokeTx makes exposed cards take no more commands from now on.
func revokeTx(ctx context.Context, tx *sql.Tx, account int64, e *gratitude.Exposure, now time.Time) error {
	for _, id := range e.CardIDs {
		if _, err := tx.ExecContext(ctx, qCardRevoke, millis(now), account, id); err != nil {
			return err
		}
	}
	for _, m := range e.MessageIDs {
		if _, err := tx.ExecContext(ctx, qCardRevokeM, millis(now), account, m); err != nil {
			return err
		}
	}
	return nil
}

func joinIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, " ")
}

func splitIDs(s string) []int64 {
	var ids []int64
	for _, f := range strings.Fields(s) {
		if id, err := strconv.ParseInt(f, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// CardKey returns the account's secret key for card tokens, creating a
// random one on first use.
func (s *Store) CardKey(ctx context.Context, account int64, now time.Time) ([]byte, error) {
	key, ok, err := s.Setting(ctx, account, cardKeySetting)
	if err != nil || ok {
		return key, err
	}
	key = make([]byte, 32)
	rand.Read(key)
	// Two processes may race here: keep whichever key was stored first.
	if _, err := s.write.ExecContext(ctx, `INSERT INTO settings (account_id, name, value, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT DO NOTHING`, account, cardKeySetting, key, millis(now)); err != nil {
		return nil, wrap("card key", err)
	}
	key, _, err = s.Setting(ctx, account, cardKeySetting)
	return key, err
}

// commandTx records a command mail, once per Message-ID.
func commandTx(ctx context.Context, tx *sql.Tx, account int64, c gratitude.Commanded, seenAt time.Time) error {
	cmds, _ := json.Marshal(c.Commands)
	unknown, _ := json.Marshal(c.Unknown)
	var ask []byte
	if c.Ask != nil {
		ask, _ = json.Marshal(c.Ask)
	}
	_, err := tx.ExecContext(ctx, qCommandInsert, account, c.MessageID, nullID(c.RequestID), c.From, c.Subject,
		c.CardID, c.Token, c.DKIM, strings.Join(c.Refs, " "), string(cmds), string(unknown), millis(seenAt),
		c.BodyHash, string(ask))
	return err
}

// PendingCommands returns the command mail not yet carried out or refused.
func (s *Store) PendingCommands(ctx context.Context, account int64) ([]gratitude.CommandMail, error) {
	return s.commandMail(ctx, qCommandsPending, account)
}

// RefusalsToReport returns the refused command mail the owner was not told about.
func (s *Store) RefusalsToReport(ctx context.Context, account int64) ([]gratitude.CommandMail, error) {
	return s.commandMail(ctx, qCommandsToTell, account)
}

// RefusedCommands returns the latest refused command mail, newest first.
func (s *Store) RefusedCommands(ctx context.Context, account int64) ([]gratitude.CommandMail, error) {
	return s.commandMail(ctx, qCommandsRefused, account)
}

// RefusalsReported records that the owner was told about the refused
// command mail ids, in the notice with Message-ID notice (which numbered
// them in id order).
func (s *Store) RefusalsReported(ctx context.Context, account int64, ids []int64, notice string, now time.Time) error {
	return wrap("refusals reported", s.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, qCommandsTold, millis(now), notice, account, id); err != nil {
				return err
			}
		}
		return nil
	}))
}

// ReportedIn returns the command mail the notice with Message-ID notice
// told the owner about, in the order it listed them.
func (s *Store) ReportedIn(ctx context.Context, account int64, notice string) ([]gratitude.CommandMail, error) {
	if notice == "" {
		return nil, nil
	}
	return collect(ctx, s, "commands reported", scanCommandMail, qCommandsIn, account, notice)
}

func (s *Store) commandMail(ctx context.Context, q string, account int64) ([]gratitude.CommandMail, error) {
	return collect(ctx, s, "commands", scanCommandMail, q, account)
}

func scanCommandMail(sc scanner) (gratitude.CommandMail, error) {
	var c gratitude.CommandMail
	var refs, cmds, unknown, ask string
	var at int64
	if err := sc.Scan(&c.ID, &c.MessageID, &c.RequestID, &c.From, &c.Subject, &c.CardID, &c.Token, &c.DKIM,
		&refs, &cmds, &unknown, &c.State, &c.Reason, &at, &c.BodyHash, &ask); err != nil {
		return c, err
	}
	c.Refs = strings.Fields(refs)
	if err := errors.Join(json.Unmarshal([]byte(cmds), &c.Commands), json.Unmarshal([]byte(unknown), &c.Unknown)); err != nil {
		return c, fmt.Errorf("command mail %s: %w", c.MessageID, err)
	}
	if ask != "" {
		c.Ask = new(gratitude.Asked)
		if err := json.Unmarshal([]byte(ask), c.Ask); err != nil {
			return c, fmt.Errorf("held ask %s: %w", c.MessageID, err)
		}
	}
	c.ReceivedAt = fromMillis(at)
	c.At = c.ReceivedAt
	return c, nil
}

// DecideCommand records that command mail was carried out ("done") or
// refused, with the reason.
func (s *Store) DecideCommand(ctx context.Context, account, id int64, state, reason string, now time.Time) error {
	_, err := s.write.ExecContext(ctx, qCommandDecide, state, reason, millis(now), account, id)
	return wrap("decide command", err)
}

// CommandCounts counts command mail by state.
func (s *Store) CommandCounts(ctx context.Context, account int64) (map[string]int, error) {
	out := map[string]int{}
	if err := s.countBy(ctx, qCommandCounts, account, func(k string, n int64) { out[k] = int(n) }); err != nil {
		return nil, wrap("command counts", err)
	}
	return out, nil
}

// Copy is one recorded copy of a message: its class and BodyHash.
type Copy struct {
	Class    gratitude.Class
	BodyHash string
}

// CopiesIn lists the copies of the Message-ID recorded in mailbox, oldest
// first (a copy in Sent proves the owner wrote what it says).
func (s *Store) CopiesIn(ctx context.Context, account int64, messageID, mailbox string) ([]Copy, error) {
	return collect(ctx, s, "copies in "+mailbox, func(sc scanner) (Copy, error) {
		var c Copy
		err := sc.Scan(&c.Class, &c.BodyHash)
		return c, err
	}, qCopiesIn, account, messageID, mailbox)
}

// ClaimCommand takes pending command mail for this daemon until it is
// decided; false when another daemon holds it (claimed after staleBefore)
// or it is decided already.
func (s *Store) ClaimCommand(ctx context.Context, account, id int64, now, staleBefore time.Time) (bool, error) {
	res, err := s.write.ExecContext(ctx, qCommandClaim, millis(now), account, id, millis(staleBefore))
	if err != nil {
		return false, wrap("claim command", err)
	}
	n, err := res.RowsAffected()
	return n == 1, wrap("claim command", err)
}

// ReleaseCommand gives back command mail that could not be carried out
// this time, for a later pass.
func (s *Store) ReleaseCommand(ctx context.Context, account, id int64) error {
	_, err := s.write.ExecContext(ctx, qCommandRelease, account, id)
	return wrap("release command", err)
}

// OwnKind returns the kind of a message gratitude generated (nudge, card,
// commands…); false when the Message-ID is not its own.
func (s *Store) OwnKind(ctx context.Context, account int64, messageID string) (string, bool, error) {
	var kind string
	err := s.read.QueryRowContext(ctx, qOwnKind, account, messageID).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return kind, err == nil, wrap("own kind", err)
}

// QueuedSince counts the outgoing messages of the kinds queued at or after
// since (to cap how often the owner is answered).
func (s *Store) QueuedSince(ctx context.Context, account int64, kinds []string, since time.Time) (int, error) {
	n := 0
	for _, k := range kinds {
		var c int
		if err := s.read.QueryRowContext(ctx, qQueuedSince, account, k, millis(since)).Scan(&c); err != nil {
			return 0, wrap("queued since", err)
		}
		n += c
	}
	return n, nil
}

// RequestByMessageID returns the id of the request asked by that message;
// false when there is none.
func (s *Store) RequestByMessageID(ctx context.Context, account int64, messageID string) (int64, bool, error) {
	var id int64
	err := s.read.QueryRowContext(ctx, qRequestByMessageID, account, messageID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, wrap("request by message id", err)
}
