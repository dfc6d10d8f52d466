package store

import (
	"context"
	"database/sql"
	"time"

	"gratitude"
)

const (
	// qVoiceCandidates finds, among the most recent of the owner's messages
	// in Sent (not gratitude's own mail, not command mail), those whose
	// voice was not read yet.
	qVoiceCandidates = `
SELECT m.message_id, m.uid FROM (
  SELECT message_id, uid FROM messages
  WHERE account_id = ? AND mailbox = ? AND uidvalidity = ?
    AND class NOT IN ('own', 'command', 'duplicate', 'quarantined')
  ORDER BY uid DESC LIMIT ?) m
WHERE NOT EXISTS (SELECT 1 FROM voice_samples v WHERE v.account_id = ? AND v.message_id = m.message_id)
ORDER BY m.uid DESC LIMIT ?`
	qVoiceInsert = `
INSERT INTO voice_samples (account_id, message_id, recipient, date, greeting, name, closing, language, sampled_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (account_id, message_id) DO NOTHING`
	qVoiceSamples = `
SELECT message_id, recipient, date, greeting, name, closing, language FROM voice_samples
WHERE account_id = ? ORDER BY date DESC, message_id LIMIT ?`
)

// VoiceCandidates returns up to limit of the window most recent messages
// (by UID) the owner has in mailbox under uidValidity whose voice was not
// read yet, newest first; gratitude's own and command mail are left out.
func (s *Store) VoiceCandidates(ctx context.Context, account int64, mailbox string, uidValidity uint32, window, limit int) ([]gratitude.VoiceCandidate, error) {
	rows, err := s.read.QueryContext(ctx, qVoiceCandidates, account, mailbox, int64(uidValidity), window, account, limit)
	if err != nil {
		return nil, wrap("voice candidates", err)
	}
	defer rows.Close()
	var out []gratitude.VoiceCandidate
	for rows.Next() {
		var c gratitude.VoiceCandidate
		var uid int64
		if err := rows.Scan(&c.MessageID, &uid); err != nil {
			return nil, wrap("voice candidates", err)
		}
		c.UID = uint32(uid)
		out = append(out, c)
	}
	return out, wrap("voice candidates", rows.Err())
}

// AddVoiceSamples records what was read of each message's voice, an empty
// sample included (nothing read): each message is read once.
func (s *Store) AddVoiceSamples(ctx context.Context, account int64, samples []gratitude.VoiceSample, now time.Time) error {
	return wrap("add voice samples", s.inTx(ctx, func(tx *sql.Tx) error {
		for _, v := range samples {
			if _, err := tx.ExecContext(ctx, qVoiceInsert, account, v.MessageID, v.To, nullMillis(v.Date),
				v.Greeting, v.Name, v.Closing, v.Language, millis(now)); err != nil {
				return err
			}
		}
		return nil
	}))
}

// VoiceSamples returns the limit most recent samples of the owner's voice,
// newest first.
func (s *Store) VoiceSamples(ctx context.Context, account int64, limit int) ([]gratitude.VoiceSample, error) {
	rows, err := s.read.QueryContext(ctx, qVoiceSamples, account, limit)
	if err != nil {
		return nil, wrap("voice samples", err)
	}
	defer rows.Close()
	var out []gratitude.VoiceSample
	for rows.Next() {
		var v gratitude.VoiceSample
		var date sql.NullInt64
		if err := rows.Scan(&v.MessageID, &v.To, &date, &v.Greeting, &v.Name, &v.Closing, &v.Language); err != nil {
			return nil, wrap("voice samples", err)
		}
		v.Date = fromNullMillis(date)
		out = append(out, v)
	}
	return out, wrap("voice samples", rows.Err())
}

// Voice is the owner's voice as learned from their most recent sent mail.
func (s *Store) Voice(ctx context.Context, account int64) (gratitude.Voice, error) {
	samples, err := s.VoiceSamples(ctx, account, gratitude.VoiceSampleSize)
	if err != nil {
		return gratitude.Voice{}, err
	}
	return gratitude.LearnVoice(samples), nil
}
