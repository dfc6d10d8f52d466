package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"gratitude"
)

// saveRequest writes r (inserting it when r.ID is 0) with its people and
// thread, and returns its id.
func saveRequest(ctx context.Context, tx *sql.Tx, account int64, r *gratitude.Request, now int64) (int64, error) {
	opts, _ := json.Marshal(requestOptions{Notes: r.Notes, Thanks: r.Thanks, Outcome: r.Outcome})
	if r.ID == 0 {
		res, err := tx.ExecContext(ctx, qRequestInsert, account, string(r.State), r.Subject, r.NormSubject,
			r.MessageID, millis(r.AskedAt), nullMillis(r.ResolvedAt), nullMillis(r.ThankedAt),
			nullMillis(r.CancelledAt), nullMillis(r.DueAt), r.NoRemind, string(opts), r.AskText,
			nullMillis(r.SnoozedUntil), r.Past, now, now)
		if err != nil {
			return 0, err
		}
		if r.ID, err = res.LastInsertId(); err != nil {
			return 0, err
		}
	} else if _, err := tx.ExecContext(ctx, qRequestUpdate, string(r.State), r.Subject, r.NormSubject,
		millis(r.AskedAt), nullMillis(r.ResolvedAt), nullMillis(r.ThankedAt), nullMillis(r.CancelledAt),
		nullMillis(r.DueAt), r.NoRemind, string(opts), r.AskText, nullMillis(r.SnoozedUntil), r.Past, now, account, r.ID); err != nil {
		return 0, err
	}
	if err := saveParticipants(ctx, tx, account, r); err != nil {
		return 0, err
	}
	for _, l := range r.Reminders {
		if _, err := tx.ExecContext(ctx, qReminderUpsert, account, r.ID, string(l.Kind), l.Sent, nullMillis(l.LastAt)); err != nil {
			return 0, err
		}
	}
	for _, id := range r.Thread {
		if _, err := tx.ExecContext(ctx, qThreadInsert, account, r.ID, id); err != nil {
			return 0, err
		}
	}
	return r.ID, nil
}

func saveParticipants(ctx context.Context, tx *sql.Tx, account int64, r *gratitude.Request) error {
	for _, a := range r.Asked {
		pid, err := personTx(ctx, tx, account, a)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, qParticipantUpsert, account, r.ID, pid, "asked",
			nil, nil, "", 0, "", nil, false, false); err != nil {
			return err
		}
	}
	// Helpers are written afresh: the owner may have taken one off.
	if _, err := tx.ExecContext(ctx, qHelpersClear, r.ID); err != nil {
		return err
	}
	for _, h := range r.Helpers {
		pid, err := personTx(ctx, tx, account, gratitude.Address{Name: h.Name, Email: h.Email})
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, qParticipantUpsert, account, r.ID, pid, "helper",
			nullMillis(h.FirstReplyAt), nullMillis(h.LastReplyAt), h.LastMessageID, h.Replies,
			h.Excerpt, nullMillis(h.ThankedAt), h.Skipped, h.Manual); err != nil {
			return err
		}
	}
	return nil
}
