package templates

import (
	"testing"
	"time"
)

func TestDurationSaysPlainWords(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{-time.Hour, "less than a minute"},
		{0, "less than a minute"},
		{59 * time.Second, "less than a minute"},
		{time.Minute, "1 minute"},
		{45 * time.Minute, "45 minutes"},
		{time.Hour, "1 hour"},
		{5*time.Hour + 59*time.Minute, "5 hours"},
		{23 * time.Hour, "23 hours"},
		{day, "1 day"},
		{36 * time.Hour, "1 day"},
		{3 * day, "3 days"},
		{13 * day, "13 days"},
		{2 * week, "2 weeks"},
		{8 * week, "8 weeks"},
		{9 * week, "2 months"},
		{11 * month, "11 months"},
		{year, "1 year"},
		{3 * year, "3 years"},
	}
	for _, tt := range tests {
		if got := duration(tt.d); got != tt.want {
			t.Errorf("duration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestDateShowsYearOnlyOutsideNowsYear(t *testing.T) {
	utc := time.UTC
	tokyo := time.FixedZone("JST", 9*3600)
	now := time.Date(2026, 11, 23, 9, 12, 0, 0, utc)
	tests := []struct {
		name     string
		t        time.Time
		loc      *time.Location
		now      []time.Time
		date     string
		datetime string
	}{
		{"same year", time.Date(2026, 11, 16, 17, 40, 0, 0, utc), utc, []time.Time{now}, "Mon 16 Nov", "Mon 16 Nov 17:40"},
		{"no now prints year", time.Date(2026, 11, 16, 17, 40, 0, 0, utc), utc, nil, "Mon 16 Nov 2026", "Mon 16 Nov 2026 17:40"},
		{"other year", time.Date(2025, 12, 30, 8, 5, 0, 0, utc), utc, []time.Time{now}, "Tue 30 Dec 2025", "Tue 30 Dec 2025 08:05"},
		{"shown in loc", time.Date(2026, 11, 16, 20, 0, 0, 0, utc), tokyo, []time.Time{now}, "Tue 17 Nov", "Tue 17 Nov 05:00"},
		{"year turns in loc", time.Date(2025, 12, 31, 20, 0, 0, 0, utc), tokyo, []time.Time{time.Date(2026, 1, 2, 0, 0, 0, 0, utc)}, "Thu 1 Jan", "Thu 1 Jan 05:00"},
		{"zero time", time.Time{}, utc, []time.Time{now}, "", ""},
	}
	for _, tt := range tests {
		if got := formatTime(tt.t, tt.loc, dateLayout, tt.now); got != tt.date {
			t.Errorf("%s: date = %q, want %q", tt.name, got, tt.date)
		}
		if got := formatTime(tt.t, tt.loc, datetimeLayout, tt.now); got != tt.datetime {
			t.Errorf("%s: datetime = %q, want %q", tt.name, got, tt.datetime)
		}
	}
}

func TestJoinListsNamesInEnglish(t *testing.T) {
	alice := Person{Name: "Alice Martin", Email: "alice@example.org"}
	bob := Person{Email: "bob@example.net"}
	carol := Person{Name: "Carol Nguyen", Email: "carol@example.com"}
	tests := []struct {
		name string
		list any
		want string
	}{
		{"none", []Person{}, ""},
		{"one", []Person{alice}, "Alice Martin"},
		{"two", []Person{alice, bob}, "Alice Martin and bob@example.net"},
		{"three", []Person{alice, bob, carol}, "Alice Martin, bob@example.net and Carol Nguyen"},
		{"helpers", []Helper{{Person: alice}, {Person: carol}}, "Alice Martin and Carol Nguyen"},
		{"ledger", []LedgerLine{{Person: bob}}, "bob@example.net"},
		{"strings", []string{"a", "b", "c", "d"}, "a, b, c and d"},
	}
	for _, tt := range tests {
		got, err := join(tt.list)
		if err != nil || got != tt.want {
			t.Errorf("%s: join = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := join(42); err == nil {
		t.Error("join(42) succeeded, want an error")
	}
}

func TestFirstFindsTheFirstName(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{Person{Name: "Alice Martin", Email: "alice@example.org"}, "Alice"},
		{Person{Name: "Okafor, Bob", Email: "bob@example.net"}, "Bob"},
		{Person{Email: "carol@example.com"}, "carol@example.com"},
		{Person{Name: "  ", Email: "dan@example.com"}, "dan@example.com"},
		{Helper{Person: Person{Name: "Erin"}}, "Erin"},
		{&Person{Name: "Frank Li"}, "Frank"},
		{"Ada Lovelace", "Ada"},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := first(tt.v)
		if err != nil || got != tt.want {
			t.Errorf("first(%#v) = %q, %v; want %q", tt.v, got, err, tt.want)
		}
	}
	if _, err := first(3); err == nil {
		t.Error("first(3) succeeded, want an error")
	}
	names, err := firsts([]Person{{Name: "Alice Martin"}, {Email: "bob@example.net"}})
	if err != nil || joinWords(names) != "Alice and bob@example.net" {
		t.Errorf("firsts = %q, %v", names, err)
	}
}

func TestQuotePrefixesEveryLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"one line", "> one line"},
		{"a\r\nb\n\nc\n", "> a\n> b\n>\n> c"},
		{"\n\nlead and trail\n\n", "> lead and trail"},
	}
	for _, tt := range tests {
		if got := quote(tt.in); got != tt.want {
			t.Errorf("quote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWordsForCounts(t *testing.T) {
	tests := []struct {
		fn   func(int) string
		n    int
		want string
	}{
		{number, 3, "three"},
		{number, 12, "twelve"},
		{number, 13, "13"},
		{ordinal, 2, "second"},
		{ordinal, 12, "twelfth"},
		{ordinal, 13, "13th"},
		{ordinal, 21, "21st"},
		{ordinal, 22, "22nd"},
		{ordinal, 23, "23rd"},
		{ordinal, 111, "111th"},
		{times, 1, "once"},
		{times, 2, "twice"},
		{times, 4, "4 times"},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.n); got != tt.want {
			t.Errorf("%d: got %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestReAddsReplyPrefixOnce(t *testing.T) {
	for in, want := range map[string]string{
		"Moving":     "Re: Moving",
		"Re: Moving": "Re: Moving",
		"RE:Moving":  "RE:Moving",
		"":           "Re: ",
	} {
		if got := re(in); got != want {
			t.Errorf("re(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClipQuotesAFewWordsOnOneLine(t *testing.T) {
	tests := []struct {
		n        int
		in, want string
	}{
		{20, "short", "short"},
		{20, "two\nlines  here", "two lines here"},
		{20, "The rails are in my garage, take them.", "The rails are in my…"},
		{22, "The rails are in my, garage", "The rails are in my…"},
		{5, "abcdefghij", "abcd…"},
	}
	for _, tt := range tests {
		if got, err := clip(tt.n, tt.in); err != nil || got != tt.want {
			t.Errorf("clip(%d, %q) = %q, %v; want %q", tt.n, tt.in, got, err, tt.want)
		}
	}
	if _, err := clip(0, "x"); err == nil {
		t.Error("clip(0) succeeded, want an error")
	}
}

func TestAfterAskingEndsASentenceNaturally(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{-time.Second, "within a minute of my asking"},
		{0, "within a minute of my asking"},
		{20 * time.Second, "within a minute of my asking"},
		{59 * time.Second, "within a minute of my asking"},
		{time.Minute, "only a minute after I asked"},
		{2 * time.Minute, "only two minutes after I asked"},
		{13 * time.Minute, "only thirteen minutes after I asked"},
		{20*time.Minute + 30*time.Second, "only twenty minutes after I asked"},
		{45 * time.Minute, "only forty-five minutes after I asked"},
		{59 * time.Minute, "only fifty-nine minutes after I asked"},
		{time.Hour, "only an hour after I asked"},
		{90 * time.Minute, "only an hour after I asked"},
		{5 * time.Hour, "only five hours after I asked"},
		{23*time.Hour + 59*time.Minute, "only twenty-three hours after I asked"},
		{day, "a day after I asked"},
		{47 * time.Hour, "a day after I asked"},
		{3 * day, "three days after I asked"},
		{13 * day, "thirteen days after I asked"},
		{2 * week, "two weeks after I asked"},
		{8 * week, "eight weeks after I asked"},
		{9 * week, "two months after I asked"},
		{11 * month, "eleven months after I asked"},
		{year, "a year after I asked"},
		{150 * year, "150 years after I asked"},
	}
	for _, tt := range tests {
		if got := afterAsking(tt.d); got != tt.want {
			t.Errorf("afterAsking(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestGreetedWritesTheCaseTheGreetingAsksFor(t *testing.T) {
	for in, want := range map[[2]string]string{
		{"", "vielen"}: "vielen", {"Hallo Bob,", "Vielen"}: "vielen", {"Hey Bob!", "vielen"}: "Vielen",
		{"Hey Bob! ", "über"}: "Über", {"Ciao Bob", "grazie"}: "Grazie", {"Hey Bob!", ""}: "",
	} {
		if got := greeted(in[0], in[1]); got != want {
			t.Errorf("greeted(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}
