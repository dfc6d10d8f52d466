package classify_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the host's zone files

	"gratitude"
	"gratitude/inbox/classify"
)

const cmdWall = "2006-01-02 15:04"

// cmdNow is Monday 2026-11-30 10:00 in Berlin: a snooze of a few days
// crosses the month end.
func cmdNow(t testing.TB) (time.Time, *time.Location) {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(2026, 11, 30, 10, 0, 0, 0, loc), loc
}

// cmd is an expected command; until is a wall time in Berlin or "".
type cmd struct {
	verb  gratitude.Verb
	who   string
	text  string
	until string
	line  string
}

// quotedCard is a card as a client quotes it under a top-posted reply; it
// holds command words that must never be read.
const quotedCard = `On Mon, 30 Nov 2026 at 09:12, Gratitude <ada+thanks@example.org> wrote:
> Request #42 "Quarterly numbers" is resolved. Drafts:
>
> approve bob
> skip carol
> Reply "approve" to send them all.
`

const outlookQuote = `________________________________
From: Gratitude <ada+thanks@example.org>
Sent: Monday, November 30, 2026 9:12 AM
To: Ada Lovelace <ada@example.org>
Subject: [#42] Thank-you drafts

approve bob
skip carol
`

func TestParseCommandsReadsEachForm(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    []cmd
		unknown []string
	}{
		{"resolved", "resolved", []cmd{{verb: gratitude.VerbResolve, line: "resolved"}}, nil},
		{"resolve", "resolve", []cmd{{verb: gratitude.VerbResolve, line: "resolve"}}, nil},
		{"done with punctuation", "  Done!  ", []cmd{{verb: gratitude.VerbResolve, line: "Done!"}}, nil},
		{"upper case", "RESOLVED.", []cmd{{verb: gratitude.VerbResolve, line: "RESOLVED."}}, nil},
		{"approve", "approve", []cmd{{verb: gratitude.VerbApprove, line: "approve"}}, nil},
		{"approve all", "Approve ALL", []cmd{{verb: gratitude.VerbApprove, line: "Approve ALL"}}, nil},
		{"approve name", "approve alice", []cmd{{verb: gratitude.VerbApprove, who: "alice", line: "approve alice"}}, nil},
		{"approve full name", "APPROVE Alice   Martin", []cmd{{verb: gratitude.VerbApprove, who: "Alice Martin", line: "APPROVE Alice   Martin"}}, nil},
		{"approve accented name", "approve Zoë O'Brien-Núñez", []cmd{{verb: gratitude.VerbApprove, who: "Zoë O'Brien-Núñez", line: "approve Zoë O'Brien-Núñez"}}, nil},
		{"approve address", "approve Alice@Example.ORG.", []cmd{{verb: gratitude.VerbApprove, who: "alice@example.org", line: "approve Alice@Example.ORG."}}, nil},
		{"skip name", "skip bob", []cmd{{verb: gratitude.VerbSkip, who: "bob", line: "skip bob"}}, nil},
		{"skip address", "Skip <Bob@Example.com>", []cmd{{verb: gratitude.VerbSkip, who: "bob@example.com", line: "Skip <Bob@Example.com>"}}, nil},
		{"cancel", "Cancel", []cmd{{verb: gratitude.VerbCancel, line: "Cancel"}}, nil},
		{"status", "status?", nil, []string{"status?"}},
		{"status plain", "STATUS", []cmd{{verb: gratitude.VerbStatus, line: "STATUS"}}, nil},
		{"helped", "helped Carol@Example.org", []cmd{{verb: gratitude.VerbHelped, who: "carol@example.org", line: "helped Carol@Example.org"}}, nil},
		{"not-helped", "not-helped bob@example.com", []cmd{{verb: gratitude.VerbNotHelped, who: "bob@example.com", line: "not-helped bob@example.com"}}, nil},
		{"not helped", "Not Helped bob@example.com", []cmd{{verb: gratitude.VerbNotHelped, who: "bob@example.com", line: "Not Helped bob@example.com"}}, nil},
		{"nothelped", "nothelped bob@example.com", []cmd{{verb: gratitude.VerbNotHelped, who: "bob@example.com", line: "nothelped bob@example.com"}}, nil},
		{"several with blank lines", "approve alice\n\nskip bob\nresolved\n", []cmd{
			{verb: gratitude.VerbApprove, who: "alice", line: "approve alice"},
			{verb: gratitude.VerbSkip, who: "bob", line: "skip bob"},
			{verb: gratitude.VerbResolve, line: "resolved"},
		}, nil},
		{"resolved with outcome", "Resolved: we took the flat in Kreuzberg.", []cmd{{verb: gratitude.VerbResolve, text: "we took the flat in Kreuzberg.", line: "Resolved: we took the flat in Kreuzberg."}}, nil},
		{"done with outcome", "done:  it was the fuse", []cmd{{verb: gratitude.VerbResolve, text: "it was the fuse", line: "done:  it was the fuse"}}, nil},
		{"resolved colon nothing", "resolved:", []cmd{{verb: gratitude.VerbResolve, line: "resolved:"}}, nil},
		{"track", "Track", []cmd{{verb: gratitude.VerbTrack, line: "Track"}}, nil},
		{"track all", "track all.", []cmd{{verb: gratitude.VerbTrack, line: "track all."}}, nil},
		{"track one", "track 2", []cmd{{verb: gratitude.VerbTrack, who: "2", line: "track 2"}}, nil},
		{"track some", "track #1, 3 and", nil, []string{"track #1, 3 and"}},
		{"track numbers", "track #1, 03", []cmd{{verb: gratitude.VerbTrack, who: "1 3", line: "track #1, 03"}}, nil},
		{"track nought", "track 0", nil, []string{"track 0"}},
		{"track name", "track alice", nil, []string{"track alice"}},
		{"crlf", "approve\r\nstatus\r\n", []cmd{{verb: gratitude.VerbApprove, line: "approve"}, {verb: gratitude.VerbStatus, line: "status"}}, nil},
	}
	runCommandTests(t, tests)
}

func TestParseCommandsReadsSnoozeInTheOwnersZone(t *testing.T) {
	sn := func(line, until string) []cmd { return []cmd{{verb: gratitude.VerbSnooze, until: until, line: line}} }
	tests := []struct {
		name    string
		text    string
		want    []cmd
		unknown []string
	}{
		{"days cross the month end", "snooze 3d", sn("snooze 3d", "2026-12-03 10:00"), nil},
		{"hours are exact", "snooze 36h", sn("snooze 36h", "2026-12-01 22:00"), nil},
		{"weeks", "Snooze 2W", sn("Snooze 2W", "2026-12-14 10:00"), nil},
		{"weekday", "snooze friday", sn("snooze friday", "2026-12-04 09:00"), nil},
		{"month-day", "snooze dec3", sn("snooze dec3", "2026-12-03 09:00"), nil},
		{"month and day as words", "snooze Dec 24", sn("snooze Dec 24", "2026-12-24 09:00"), nil},
		{"iso date", "snooze 2026-12-01.", sn("snooze 2026-12-01.", "2026-12-01 09:00"), nil},
		{"next weekday with time", "snooze next monday 9am", sn("snooze next monday 9am", "2026-12-07 09:00"), nil},
		{"weekday with time", "snooze until Friday 5pm", sn("snooze until Friday 5pm", "2026-12-04 17:00"), nil},
		{"for n days", "snooze for 3 days", sn("snooze for 3 days", "2026-12-03 10:00"), nil},
		{"tomorrow at noon", "snooze tomorrow at noon", sn("snooze tomorrow at noon", "2026-12-01 12:00"), nil},
		{"natural language", "snooze this friday afternoon", sn("snooze this friday afternoon", "2026-12-04 15:00"), nil},
		{"into the next year", "snooze jan 2", sn("snooze jan 2", "2027-01-02 09:00"), nil},
		{"no argument", "snooze", nil, []string{"snooze"}},
		{"bad argument", "snooze whenever", nil, []string{"snooze whenever"}},
		{"two due times", "snooze 3d friday", nil, []string{"snooze 3d friday"}},
		{"option separators", "snooze 3d.quiet", nil, []string{"snooze 3d.quiet"}},
		{"card token", "snooze c42.abcd", nil, []string{"snooze c42.abcd"}},
		{"flag only", "snooze quiet", nil, []string{"snooze quiet"}},
		{"past date", "snooze 2026-11-01", nil, []string{"snooze 2026-11-01"}},
		{"today has passed", "snooze today", nil, []string{"snooze today"}},
		{"bad one after a good one", "resolved\nsnooze someday\napprove", []cmd{{verb: gratitude.VerbResolve, line: "resolved"}}, []string{"snooze someday"}},
	}
	runCommandTests(t, tests)
}

func TestParseCommandsIgnoresQuotedCardsAndSignatures(t *testing.T) {
	approve := cmd{verb: gratitude.VerbApprove, line: "approve"}
	tests := []struct {
		name    string
		text    string
		want    []cmd
		unknown []string
	}{
		{"empty", "", nil, nil},
		{"blank", "\n \n\t\n", nil, nil},
		{"top-posted above a quoted card", "approve\n\n" + quotedCard, []cmd{approve}, nil},
		{"top-posted with greeting and signature", "Hi,\n\nApprove.\nskip Carol\n\nThanks!\nAda\n\n" + quotedCard, []cmd{
			{verb: gratitude.VerbApprove, line: "Approve."},
			{verb: gratitude.VerbSkip, who: "Carol", line: "skip Carol"},
		}, nil},
		{"empty reply above a card", "\n\n" + quotedCard, nil, nil},
		{"card quoted without attribution", "> approve bob\n> skip carol\n", nil, nil},
		{"german attribution", "erledigt\n\nAm 30.11.2026 um 09:12 schrieb Gratitude <ada+thanks@example.org>:\n> approve bob\n", nil, []string{"erledigt"}},
		{"outlook original message", "approve\n\n-----Original Message-----\nFrom: Gratitude <ada+thanks@example.org>\nSent: Monday, November 30, 2026 9:12 AM\nSubject: [#42] drafts\n\napprove bob\n", []cmd{approve}, nil},
		{"outlook header block", "approve\n\n" + outlookQuote, []cmd{approve}, nil},
		{"outlook header block without rule", "approve\n" + strings.TrimPrefix(outlookQuote, "________________________________\n"), []cmd{approve}, nil},
		{"dash signature", "approve\n-- \nApprove Consulting GmbH\n", []cmd{approve}, nil},
		{"phone signature", "approve\n\nSent from my iPhone\n\n" + quotedCard, []cmd{approve}, nil},
		{"only a phone signature", "Sent from my iPhone\n\n" + quotedCard, nil, nil},
		{"chatter stops reading", "approve\nThanks a lot, and approve bob too\nskip carol\n", []cmd{approve}, nil},
		{"greeting alone", "Hello gratitude,\n", nil, nil},
		{"non-command first line", "Can you wait a bit?\napprove\n", nil, []string{"Can you wait a bit?"}},
		{"greeting with a command is no greeting", "Hey, approve\n", nil, []string{"Hey, approve"}},
		{"only one greeting skipped", "Hi,\nHello,\napprove\n", nil, []string{"Hello,"}},
		{"command word with chatter", "Done, thanks!\n", []cmd{{verb: gratitude.VerbResolve, line: "Done, thanks!"}}, nil},
		{"skip needs a helper", "skip", nil, []string{"skip"}},
		{"skip all is no helper", "skip all", nil, []string{"skip all"}},
		{"resolved takes no argument", "resolved it", nil, []string{"resolved it"}},
		{"helped needs an address", "helped carol", nil, []string{"helped carol"}},
		{"broken address", "helped carol@", nil, []string{"helped carol@"}},
		{"name with punctuation", "approve alice, bob", nil, []string{"approve alice, bob"}},
		{"too many words in a name", "approve all of them please now", nil, []string{"approve all of them please now"}},
		{"long line", "approve " + strings.Repeat("a", 500), nil, []string{"approve " + strings.Repeat("a", 500)}},
		{"unknown after commands", "approve\nsnooze later\n", []cmd{approve}, []string{"snooze later"}},
	}
	runCommandTests(t, tests)
}

func TestParseCommandsReadsEditText(t *testing.T) {
	edit := func(who, text string) cmd {
		return cmd{verb: gratitude.VerbEdit, who: who, text: text, line: "edit " + who}
	}
	tests := []struct {
		name    string
		text    string
		want    []cmd
		unknown []string
	}{
		{"up to dashes, then more commands", "edit alice\nDear Alice,\n\nthank you so much!  \n  Ada\n--\napprove alice\n", []cmd{
			edit("alice", "Dear Alice,\n\nthank you so much!\n  Ada"),
			{verb: gratitude.VerbApprove, who: "alice", line: "approve alice"},
		}, nil},
		{"up to a signature delimiter", "edit bob@example.com\nThanks, Bob.\n-- \nAda Lovelace\n", []cmd{edit("bob@example.com", "Thanks, Bob.")}, nil},
		{"up to the quote", "edit alice\n\nThanks, Alice!\n\nAda\n\n" + quotedCard, []cmd{edit("alice", "Thanks, Alice!\n\nAda")}, nil},
		{"up to a german attribution", "edit alice\nDanke!\nAm 30.11.2026 um 09:12 schrieb Gratitude <ada+thanks@example.org>:\n\n> approve bob\n", []cmd{edit("alice", "Danke!")}, nil},
		{"up to a french attribution", "edit alice\nMerci !\nLe lun. 30 nov. 2026 à 09:12, Gratitude <ada+thanks@example.org> a écrit :\n", []cmd{edit("alice", "Merci !")}, nil},
		{"up to a wrapped attribution", "edit alice\nThanks!\nOn Mon, 30 Nov 2026 at 09:12, Gratitude <\nada+thanks@example.org> wrote:\n\n> approve bob\n", []cmd{edit("alice", "Thanks!")}, nil},
		{"up to any attribution above a quote", "edit alice\nThanks!\nGratitude <ada+thanks@example.org> escribió:\n> approve bob\n", []cmd{edit("alice", "Thanks!")}, nil},
		{"up to an original message line", "edit alice\nThanks!\n-----Ursprüngliche Nachricht-----\nVon: Gratitude\n", []cmd{edit("alice", "Thanks!")}, nil},
		{"up to a quoted header block", "edit alice\nThanks!\n" + outlookQuote, []cmd{edit("alice", "Thanks!")}, nil},
		{"up to a phone signature", "edit alice\nThanks!\n\nSent from my iPhone\n", []cmd{edit("alice", "Thanks!")}, nil},
		{"up to the end", "edit alice\nThanks!", []cmd{edit("alice", "Thanks!")}, nil},
		{"command words in the text", "edit alice\nI approve of you.\nskip nothing\n--\n", []cmd{edit("alice", "I approve of you.\nskip nothing")}, nil},
		{"address lower-cased", "Edit Alice@Example.org\nThanks!\n", []cmd{{verb: gratitude.VerbEdit, who: "alice@example.org", text: "Thanks!", line: "Edit Alice@Example.org"}}, nil},
		{"no text", "edit alice\n\n--\napprove\n", nil, []string{"edit alice"}},
		{"no text before the quote", "edit alice\n" + quotedCard, nil, []string{"edit alice"}},
		{"no helper", "edit\nThanks!\n", nil, []string{"edit"}},
		{"too long", "edit alice\n" + strings.Repeat("Thanks a lot!\n", 2000), nil, []string{"edit alice"}},
	}
	runCommandTests(t, tests)
}

func TestParseCommandsStopsAfterFiftyCommands(t *testing.T) {
	now, loc := cmdNow(t)
	cmds, unknown := classify.ParseCommands(strings.Repeat("approve\n", 60), now, loc)
	if len(cmds) != 50 || len(unknown) != 1 || unknown[0] != "approve" {
		t.Errorf("got %d commands, unknown %q; want 50 and the 51st line", len(cmds), unknown)
	}
	cmds, unknown = classify.ParseCommands(strings.Repeat("approve\n", 50)+"Thanks!\n", now, loc)
	if len(cmds) != 50 || len(unknown) != 0 {
		t.Errorf("got %d commands, unknown %q; want 50 and no unknown", len(cmds), unknown)
	}
}

func TestParseCommandsSnoozeAcrossDST(t *testing.T) {
	tests := []struct {
		name, zone, now, arg, until string
		real                        time.Duration
	}{
		{"EU spring: 3d keeps the clock time", "Europe/Berlin", "2027-03-26 10:00", "3d", "2027-03-29 10:00", 71 * time.Hour},
		{"EU spring: 48h is 48 real hours", "Europe/Berlin", "2027-03-26 10:00", "48h", "2027-03-28 11:00", 48 * time.Hour},
		{"EU spring: monday 9am", "Europe/Berlin", "2027-03-26 10:00", "monday 9am", "2027-03-29 09:00", 70 * time.Hour},
		{"EU autumn: 1w keeps the clock time", "Europe/Berlin", "2026-10-23 10:00", "1w", "2026-10-30 10:00", 7*24*time.Hour + time.Hour},
		{"US autumn: 24h is 24 real hours", "America/New_York", "2026-10-31 10:00", "24h", "2026-11-01 09:00", 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc, err := time.LoadLocation(tt.zone)
			if err != nil {
				t.Fatal(err)
			}
			now := cmdAt(t, loc, tt.now)
			cmds, unknown := classify.ParseCommands("snooze "+tt.arg, now.UTC(), loc)
			if len(cmds) != 1 || len(unknown) != 0 {
				t.Fatalf("got %+v, unknown %q", cmds, unknown)
			}
			if got, want := cmds[0].Until, cmdAt(t, loc, tt.until); !got.Equal(want) || got.Location() != loc {
				t.Errorf("Until = %v, want %v in %v", got, want, loc)
			}
			if d := cmds[0].Until.Sub(now); d != tt.real {
				t.Errorf("Until - now = %v, want %v", d, tt.real)
			}
		})
	}
}

func cmdAt(t testing.TB, loc *time.Location, s string) time.Time {
	t.Helper()
	tm, err := time.ParseInLocation(cmdWall, s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func runCommandTests(t *testing.T, tests []struct {
	name    string
	text    string
	want    []cmd
	unknown []string
}) {
	t.Helper()
	now, loc := cmdNow(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmds, unknown := classify.ParseCommands(tt.text, now, loc)
			if strings.Join(unknown, "|") != strings.Join(tt.unknown, "|") || len(unknown) != len(tt.unknown) {
				t.Errorf("unknown = %q, want %q", unknown, tt.unknown)
			}
			if len(cmds) != len(tt.want) {
				t.Fatalf("got %d commands %+v, want %d", len(cmds), cmds, len(tt.want))
			}
			for i, w := range tt.want {
				checkCommand(t, loc, cmds[i], w)
			}
		})
	}
}

func checkCommand(t *testing.T, loc *time.Location, got gratitude.Command, w cmd) {
	t.Helper()
	if got.Verb != w.verb || got.Who != w.who || got.Text != w.text || got.Line != w.line {
		t.Errorf("got %+v, want %+v", got, w)
	}
	switch {
	case w.until == "" && !got.Until.IsZero():
		t.Errorf("%q: Until = %v, want none", w.line, got.Until)
	case w.until != "" && !got.Until.Equal(cmdAt(t, loc, w.until)):
		t.Errorf("%q: Until = %v, want %s", w.line, got.Until.In(loc), w.until)
	}
}

func TestCommandsReadAsPeopleWriteThem(t *testing.T) {
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text  string
		verbs []gratitude.Verb
	}{
		{"Approve, thanks!", []gratitude.Verb{gratitude.VerbApprove}},
		{"Resolved - thanks", []gratitude.Verb{gratitude.VerbResolve}},
		{"resolved: all sorted", []gratitude.Verb{gratitude.VerbResolve}},
		{"skip bob\nDone!", []gratitude.Verb{gratitude.VerbSkip}},
		{"Done!\nAda", []gratitude.Verb{gratitude.VerbResolve}},
	} {
		cmds, unknown := classify.ParseCommands(tc.text, now, time.UTC)
		var got []gratitude.Verb
		for _, c := range cmds {
			got = append(got, c.Verb)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.verbs) || len(unknown) != 0 {
			t.Errorf("%q: %v, unknown %q; want %v", tc.text, got, unknown, tc.verbs)
		}
		for _, c := range cmds {
			if c.Verb == gratitude.VerbApprove && c.Who != "" {
				t.Errorf("%q: approve %q, want all", tc.text, c.Who)
			}
		}
	}
}
