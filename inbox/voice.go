package inbox

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gratitude"
	"gratitude/inbox/classify"
	"gratitude/inbox/msgtext"
	"gratitude/internal/lang"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// VoiceStore is what learning the owner's voice needs remembered.
type VoiceStore interface {
	VoiceCandidates(ctx context.Context, account int64, mailbox string, uidValidity uint32, window, limit int) ([]gratitude.VoiceCandidate, error)
	AddVoiceSamples(ctx context.Context, account int64, samples []gratitude.VoiceSample, now time.Time) error
}

// Limits on learning the owner's voice.
const (
	voiceBatch     = 20       // messages read per pass over Sent
	voiceBodyBytes = 16 << 10 // of each, BODY.PEEK[]<0.N>: the greeting and the closing are near the top
)

// sampleVoice reads, after a pass over the Sent folder that found new
// mail, how a few more of the owner's most recent messages greet and sign
// off, each message once.
// It never fails the pass: what goes wrong is logged, and the next pass
// tries again.
func (s *Syncer) sampleVoice(ctx context.Context, conn *Conn, cur gratitude.MailboxCursor) {
	todo, err := s.Voice.VoiceCandidates(ctx, s.Account, cur.Mailbox, cur.UIDValidity, gratitude.VoiceSampleSize, voiceBatch)
	if err != nil || len(todo) == 0 {
		if err != nil {
			s.Log.Warn("cannot list the sent mail to learn the owner's voice from; trying again next pass", "err", err)
		}
		return
	}
	samples, err := s.fetchVoice(conn, cur, todo)
	if err != nil {
		s.Log.Warn("cannot read sent mail to learn the owner's voice; trying again next pass", "mailbox", cur.Mailbox, "err", err)
		return
	}
	if err := s.Voice.AddVoiceSamples(ctx, s.Account, samples, s.Clock.Now()); err != nil {
		s.Log.Warn("cannot record the owner's voice; trying again next pass", "err", err)
		return
	}
	s.Log.Debug("read the owner's voice", "messages", len(samples))
}

// fetchVoice fetches the beginning of each message and reads its voice; a
// message the server no longer has is recorded as read, with nothing in it.
func (s *Syncer) fetchVoice(conn *Conn, cur gratitude.MailboxCursor, todo []gratitude.VoiceCandidate) ([]gratitude.VoiceSample, error) {
	byUID := make(map[imap.UID]string, len(todo))
	uids := make([]imap.UID, 0, len(todo))
	for _, c := range todo {
		byUID[imap.UID(c.UID)] = c.MessageID
		uids = append(uids, imap.UID(c.UID))
	}
	section := &imap.FetchItemBodySection{Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: voiceBodyBytes}}
	opts := &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}}
	read := map[string]gratitude.VoiceSample{}
	err := conn.guard("UID FETCH (voice)", func() error {
		cmd := conn.c.Fetch(imap.UIDSetNum(uids...), opts)
		for data := cmd.Next(); data != nil; data = cmd.Next() {
			conn.dog.kick()
			uid, raw, err := readVoiceItems(data)
			if err != nil {
				cmd.Close()
				return err
			}
			if id, ok := byUID[uid]; ok && raw != nil {
				read[id] = voiceSample(id, raw)
			}
		}
		return cmd.Close()
	})
	if err != nil {
		return nil, fmt.Errorf("imap: fetch sent mail from %q: %w", cur.Mailbox, err)
	}
	s.Stats.BodyFetches.Add(int64(len(read)))
	out := make([]gratitude.VoiceSample, 0, len(todo))
	for _, c := range todo {
		v, ok := read[c.MessageID]
		if !ok {
			v = gratitude.VoiceSample{MessageID: c.MessageID}
		}
		out = append(out, v)
	}
	return out, nil
}

func readVoiceItems(data *imapclient.FetchMessageData) (imap.UID, []byte, error) {
	var uid imap.UID
	var raw []byte
	for item := data.Next(); item != nil; item = data.Next() {
		switch item := item.(type) {
		case imapclient.FetchItemDataUID:
			uid = item.UID
		case imapclient.FetchItemDataBodySection:
			var err error
			if raw, err = readLimited(item.Literal, voiceBodyBytes); err != nil {
				return 0, nil, err
			}
			if raw == nil {
				raw = []byte{}
			}
		}
	}
	return uid, raw, nil
}

// voiceSample reads how one message the owner sent greets its first
// recipient and signs off, and in which language it is written.
func voiceSample(id string, raw []byte) (v gratitude.VoiceSample) {
	v.MessageID = id
	defer func() {
		if recover() != nil { // untrusted input: nothing read
			v = gratitude.VoiceSample{MessageID: id}
		}
	}()
	h := classify.ParseHeader(raw)
	v.Date = h.Date
	if len(h.To) == 0 {
		return v
	}
	to := msgtext.Address{Name: h.To[0].Name, Email: strings.ToLower(h.To[0].Address)}
	var from msgtext.Address
	if len(h.From) > 0 {
		from = msgtext.Address{Name: h.From[0].Name, Email: strings.ToLower(h.From[0].Address)}
	}
	v.To = to.Email
	text, err := msgtext.Extract(raw)
	if err != nil {
		return v
	}
	voice := msgtext.VoiceOf(text.Plain, to, from)
	v.Greeting, v.Name, v.Closing = voice.Greeting, voice.Name, voice.Closing
	greeting := strings.ReplaceAll(voice.Greeting, msgtext.NamePlaceholder, voice.Name)
	v.Language = lang.Detect(strings.Join([]string{greeting, voice.Text, voice.Closing}, "\n"), lang.Codes())
	return v
}
