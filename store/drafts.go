package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"gratitude"
)

const (
	draftColumns = `d.id, d.request_id, p.email, p.name, d.message_id, d.in_reply_to, d.refs, d.subject,
       d.body, d.html, d.variant, d.edited, d.state, d.reason, d.created_at, d.decided_at, d.sent_at, d.language`
	draftFrom = ` FROM drafts d JOIN people p ON p.id = d.person_id`

	// qDraftInsert adds a draft; a helper who already has one keeps it,
	// unless it was skipped without ever being sent (they were taken off
	// the helpers and came back): that one is written afresh.
	qDraftInsert = `
INSERT INTO drafts (account_id, request_id, person_id, message_id, in_reply_to, refs, subject, body, html,
                    variant, created_at, language)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (request_id, person_id) DO UPDATE SET
    message_id = excluded.message_id, in_reply_to = excluded.in_reply_to, refs = excluded.refs,
    subject = excluded.subject, body = excluded.body, html = excluded.html, variant = excluded.variant,
    language = excluded.language, edited = 0, delivered = 0, state = 'pending', reason = '', created_at = excluded.created_at,
    decided_at = NULL, sent_at = NULL
WHERE drafts.state = 'skipped' AND drafts.sent_at IS NULL`
	qDraftsAll       = `SELECT ` + draftColumns + draftFrom + ` WHERE d.account_id = ? ORDER BY d.id`
	qDraftsByRequest = `SELECT ` + draftColumns + draftFrom + ` WHERE d.account_id = ? AND d.request_id = ? ORDER BY d.id`
	qDraftsOpen      = `SELECT ` + draftColumns + draftFrom + ` WHERE d.account_id = ? AND d.state IN ('pending', 'approved') ORDER BY d.id`
	qDraftsDecided   = `SELECT ` + draftColumns + draftFrom + ` WHERE d.account_id = ? AND d.state <> 'pending' ORDER BY d.id DESC LIMIT ?`
	// qDraftsObsolete finds the drafts not to send any more, with why:
	// the request was cancelled, or the helper was taken off, skipped or
	// thanked another way.
	qDraftsObsolete = `
SELECT ` + draftColumns + `,
  CASE WHEN r.state = 'cancelled' THEN 'the request was cancelled'
       WHEN x.person_id IS NULL THEN 'no longer a helper'
       WHEN x.skipped = 1 THEN 'skipped'
       ELSE 'you thanked them yourself' END` + draftFrom + `
JOIN requests r ON r.id = d.request_id
LEFT JOIN request_participants x ON x.request_id = d.request_id AND x.person_id = d.person_id AND x.role = 'helper'
WHERE d.account_id = ? AND d.state IN ('pending', 'approved')
  AND (r.state = 'cancelled' OR x.person_id IS NULL OR x.skipped = 1 OR x.thanked_at IS NOT NULL)
ORDER BY d.id`
	qDraftByID    = `SELECT ` + draftColumns + draftFrom + ` WHERE d.account_id = ? AND d.id = ?`
	qDraftByMsgID = `SELECT ` + draftColumns + draftFrom + ` WHERE d.account_id = ? AND d.message_id = ?`
	qUndelivered  = `SELECT DISTINCT request_id FROM drafts WHERE account_id = ? AND delivered = 0 AND state = 'pending' ORDER BY request_id`
	qDelivered    = `UPDATE drafts SET delivered = 1 WHERE account_id = ? AND request_id = ? AND delivered = 0`
	qLastVariants = `
SELECT p.email, d.variant FROM drafts d JOIN people p ON p.id = d.person_id
WHERE d.account_id = ? AND d.id IN (SELECT MAX(id) FROM drafts WHERE account_id = ? GROUP BY person_id)`
	// qToDraft finds resolved requests with a helper who wrote in the
	// thread, is neither thanked nor skipped, and has no draft yet.
	qToDraft = `
SELECT DISTINCT r.id FROM requests r
JOIN request_participants x ON x.request_id = r.id AND x.role = 'helper'
     AND x.thanked_at IS NULL AND x.skipped = 0 AND x.last_message_id <> ''
LEFT JOIN drafts d ON d.request_id = r.id AND d.person_id = x.person_id
WHERE r.account_id = ? AND r.state = 'resolved' AND (d.id IS NULL OR (d.state = 'skipped' AND d.sent_at IS NULL))
ORDER BY r.id LIMIT ?`
	qDraftDecide = `
UPDATE drafts SET state = ?, reason = ?, decided_at = ? WHERE account_id = ? AND id = ? AND state IN (%s)`
	qDraftEdit = `
UPDATE drafts SET body = ?, html = '', edited = 1, decided_at = ?, message_id = ?
WHERE account_id = ? AND id = ? AND message_id = ? AND state = 'pending'`
	// qOutCancelEditedCopy drops the copy of a draft's old text that has
	// not reached Drafts yet, or was cut off by a crash on its way there
	// (its lease ran out); one a sender is putting there now arrives, and
	// the removal queued after it takes it away.
	qOutCancelEditedCopy = `
UPDATE outbox SET state = 'cancelled', lease_until = NULL, last_error = 'edited: the new text goes to Drafts instead'
WHERE account_id = ? AND message_id = ? AND target = 'imap:drafts'
  AND (state = 'queued' OR (state = 'sending' AND lease_until <= ?))`
	qDraftSent = `UPDATE drafts SET state = 'sent', sent_at = ? WHERE account_id = ? AND message_id = ? AND state = 'approved'`
	// qHelperInThread is the helper's last message in the request's thread
	// (empty when they never wrote in it), whether they are closed
	// (thanked or skipped), and the request's state.
	qHelperInThread = `
SELECT x.last_message_id, x.thanked_at IS NOT NULL OR x.skipped = 1, r.state
FROM request_participants x JOIN people p ON p.id = x.person_id JOIN requests r ON r.id = x.request_id
WHERE x.request_id = ? AND x.role = 'helper' AND p.account_id = ? AND p.email = ?`
	qOutCancelDraftCopy = `
UPDATE outbox SET state = 'cancelled', last_error = 'approved: the thank-you is sent instead'
WHERE account_id = ? AND message_id = ? AND target = 'imap:drafts' AND state = 'queued'`
	qOutCancelDraft = `
UPDATE outbox SET state = 'cancelled', last_error = ? WHERE account_id = ? AND message_id = ? AND state = 'queued'`
)

// RequestsToDraft returns up to limit resolved requests with a helper who
// still needs a thank-you draft.
func (s *Store) RequestsToDraft(ctx context.Context, account int64, limit int) ([]gratitude.Request, error) {
	return s.requestsBy(ctx, account, qToDraft, account, limit)
}

// LastVariants maps each person to the wording of their latest draft.
func (s *Store) LastVariants(ctx context.Context, account int64) (map[string]int, error) {
	rows, err := s.read.QueryContext(ctx, qLastVariants, account, account)
	if err != nil {
		return nil, wrap("last variants", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var email string
		var v int
		if err := rows.Scan(&email, &v); err != nil {
			return nil, wrap("last variants", err)
		}
		out[email] = v
	}
	return out, wrap("last variants", rows.Err())
}

// AddDrafts records thank-you drafts for a request, at most one per helper
// (a second draft for the same helper is not added: the database refuses
// it), and puts each one's Message-ID in the request's thread so the copy
// the owner or the program sends is recognised as theirs.
func (s *Store) AddDrafts(ctx context.Context, account int64, drafts []gratitude.Draft, now time.Time) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, d := range drafts {
			if err := addDraftTx(ctx, tx, account, d, now); err != nil {
				return err
			}
		}
		return nil
	})
	return wrap("add drafts", err)
}

func addDraftTx(ctx context.Context, tx *sql.Tx, account int64, d gratitude.Draft, now time.Time) error {
	if d.MessageID == "" || d.RequestID == 0 || d.To.Email == "" {
		return fmt.Errorf("draft for %q: request, helper and Message-ID are required", d.To.Email)
	}
	if _, _, err := helperInThreadTx(ctx, tx, account, d.RequestID, d.To.Email); err != nil {
		return err
	}
	pid, err := personTx(ctx, tx, account, d.To)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, qDraftInsert, account, d.RequestID, pid, d.MessageID, d.InReplyTo,
		strings.Join(d.References, " "), d.Subject, d.Text, d.HTML, d.Variant, millis(now), draftLanguage(d)); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, qThreadInsert, account, d.RequestID, d.MessageID)
	return err
}

// helperInThreadTx returns the helper's last message in the thread, or
// gratitude.ErrNotInThread, and whether a thank-you is still wanted.
func helperInThreadTx(ctx context.Context, tx *sql.Tx, account, requestID int64, email string) (string, bool, error) {
	var last, state string
	var closed bool
	err := tx.QueryRowContext(ctx, qHelperInThread, requestID, account, gratitude.NormalizeEmail(email)).Scan(&last, &closed, &state)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && last == "") {
		return "", false, fmt.Errorf("%s, request %d: %w", email, requestID, gratitude.ErrNotInThread)
	}
	return last, !closed && state != string(gratitude.StateCancelled), err
}

// UndeliveredRequests returns the requests with pending drafts whose copy
// in Drafts and approval card are not queued yet.
func (s *Store) UndeliveredRequests(ctx context.Context, account int64) ([]int64, error) {
	return collect(ctx, s, "undelivered drafts", scanID, qUndelivered, account)
}

func scanID(sc scanner) (int64, error) {
	var id int64
	err := sc.Scan(&id)
	return id, err
}

// DeliverDrafts queues the messages that present a request's drafts to the
// owner (their copies in Drafts, the approval card) and marks the drafts
// delivered, in one transaction.
func (s *Store) DeliverDrafts(ctx context.Context, account, requestID int64, out []gratitude.Outgoing, now time.Time) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := enqueueTx(ctx, tx, account, out, now); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, qDelivered, account, requestID)
		return err
	})
	return wrap("deliver drafts", err)
}

// Drafts returns the account's drafts (of one request when requestID is
// not 0), oldest first.
func (s *Store) Drafts(ctx context.Context, account, requestID int64) ([]gratitude.Draft, error) {
	q, args := qDraftsAll, []any{account}
	if requestID != 0 {
		q, args = qDraftsByRequest, append(args, requestID)
	}
	return collect(ctx, s, "drafts", scanDraft, q, args...)
}

// OpenDrafts returns the drafts not yet sent or skipped, oldest first.
func (s *Store) OpenDrafts(ctx context.Context, account int64) ([]gratitude.Draft, error) {
	return collect(ctx, s, "open drafts", scanDraft, qDraftsOpen, account)
}

// DecidedDrafts returns the latest limit drafts the owner decided on
// (approved, sent or skipped), newest first.
func (s *Store) DecidedDrafts(ctx context.Context, account int64, limit int) ([]gratitude.Draft, error) {
	return collect(ctx, s, "decided drafts", scanDraft, qDraftsDecided, account, limit)
}

// ObsoleteDraft is a draft not to send any more, and why.
type ObsoleteDraft struct {
	gratitude.Draft
	Why string
}

// ObsoleteDrafts returns the pending and approved drafts that should not
// be sent any more: the request was cancelled, or the helper was taken
// off, skipped or thanked another way.
func (s *Store) ObsoleteDrafts(ctx context.Context, account int64) ([]ObsoleteDraft, error) {
	return collect(ctx, s, "obsolete drafts", func(sc scanner) (ObsoleteDraft, error) {
		var o ObsoleteDraft
		d, err := scanDraft(suffixScanner{sc, &o.Why})
		o.Draft = d
		return o, err
	}, qDraftsObsolete, account)
}

// suffixScanner scans one more column after the ones scanDraft reads.
type suffixScanner struct {
	scanner
	extra *string
}

func (s suffixScanner) Scan(dest ...any) error { return s.scanner.Scan(append(dest, s.extra)...) }

// Draft returns one draft.
func (s *Store) Draft(ctx context.Context, account, id int64) (gratitude.Draft, error) {
	d, err := scanDraft(s.read.QueryRowContext(ctx, qDraftByID, account, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("draft %d: %w; see `gratitude drafts`", id, gratitude.ErrNoSuchDraft)
	}
	return d, wrap("draft", err)
}

// DraftByMessageID returns the draft whose thank-you has that Message-ID.
func (s *Store) DraftByMessageID(ctx context.Context, account int64, messageID string) (gratitude.Draft, bool, error) {
	d, err := scanDraft(s.read.QueryRowContext(ctx, qDraftByMsgID, account, messageID))
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	return d, err == nil, wrap("draft", err)
}

func scanDraft(sc scanner) (gratitude.Draft, error) {
	var d gratitude.Draft
	var refs, state string
	var created int64
	var decided, sent sql.NullInt64
	err := sc.Scan(&d.ID, &d.RequestID, &d.To.Email, &d.To.Name, &d.MessageID, &d.InReplyTo, &refs, &d.Subject,
		&d.Text, &d.HTML, &d.Variant, &d.Edited, &state, &d.Reason, &created, &decided, &sent, &d.Language)
	if err != nil {
		return d, err
	}
	d.References = strings.Fields(refs)
	d.State, d.CreatedAt = gratitude.DraftState(state), fromMillis(created)
	d.DecidedAt, d.SentAt = fromNullMillis(decided), fromNullMillis(sent)
	return d, nil
}

// draftLanguage is the language d is recorded in: English unless it says.
func draftLanguage(d gratitude.Draft) string {
	if d.Language == "" {
		return "en"
	}
	return d.Language
}

// EditDraft replaces pending draft d's text (the HTML part is dropped: the
// owner's words go out as they wrote them) and its Message-ID with
// d.MessageID, so that its copies in Drafts, old and new, are never taken
// for one another; out (the old copy's removal, the new copy) is queued
// in the same transaction.
func (s *Store) EditDraft(ctx context.Context, account int64, d gratitude.Draft, oldMessageID string, out []gratitude.Outgoing, now time.Time) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, qDraftEdit, d.Text, millis(now), d.MessageID, account, d.ID, oldMessageID)
		if err := affected(res, err, fmt.Errorf("draft %d is not pending", d.ID)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, qThreadInsert, account, d.RequestID, d.MessageID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, qOutCancelEditedCopy, account, oldMessageID, millis(now)); err != nil {
			return err
		}
		return enqueueTx(ctx, tx, account, out, now)
	})
	return wrap("edit draft", err)
}

// SkipDraft marks a pending or approved draft skipped with the reason and
// cancels its thank-you if it is still queued: nothing more is sent.
func (s *Store) SkipDraft(ctx context.Context, account int64, d gratitude.Draft, reason string, now time.Time) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		q := fmt.Sprintf(qDraftDecide, "'pending', 'approved'")
		res, err := tx.ExecContext(ctx, q, string(gratitude.DraftSkipped), reason, millis(now), account, d.ID)
		if err := affected(res, err, fmt.Errorf("draft %d is %s", d.ID, d.State)); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, qOutCancelDraft, "cancelled: "+reason, account, d.MessageID)
		return err
	})
	return wrap("skip draft", err)
}

// ApproveDraft marks a pending draft approved and queues its thank-you, in
// one transaction. The thank-you goes to the draft's helper only, and only
// if they wrote in the request's thread; the outbox refuses the same
// Message-ID twice, so a thank-you is queued at most once.
func (s *Store) ApproveDraft(ctx context.Context, account int64, d gratitude.Draft, out []gratitude.Outgoing, now time.Time) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, wanted, err := helperInThreadTx(ctx, tx, account, d.RequestID, d.To.Email)
		if err != nil {
			return err
		}
		if !wanted {
			return fmt.Errorf("%s, request %d: %w", d.To.Email, d.RequestID, gratitude.ErrNotWanted)
		}
		for _, o := range out {
			if o.MessageID != d.MessageID {
				return fmt.Errorf("draft %d: outgoing message %s is not its thank-you", d.ID, o.MessageID)
			}
			if o.Target == gratitude.TargetSMTP && (len(o.Recipients) != 1 || !strings.EqualFold(o.Recipients[0], d.To.Email)) {
				return fmt.Errorf("draft %d: a thank-you goes to %s only, not %v", d.ID, d.To.Email, o.Recipients)
			}
		}
		q := fmt.Sprintf(qDraftDecide, "'pending'")
		res, err := tx.ExecContext(ctx, q, string(gratitude.DraftApproved), "", millis(now), account, d.ID)
		if err := affected(res, err, fmt.Errorf("draft %d is %s, not pending: %w", d.ID, d.State, gratitude.ErrNotWanted)); err != nil {
			return err
		}
		// Its copy for Drafts, if still waiting to be put there, is moot.
		if _, err := tx.ExecContext(ctx, qOutCancelDraftCopy, account, d.MessageID); err != nil {
			return err
		}
		return enqueueTx(ctx, tx, account, out, now)
	})
	return wrap("approve draft", err)
}

// affected turns "no row changed" into notFound.
func affected(res sql.Result, err, notFound error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return notFound
	}
	return nil
}
