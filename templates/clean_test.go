package templates

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCleanSubjectMakesOneLine(t *testing.T) {
	long := strings.Repeat("word ", 60)
	tests := []struct{ name, in, want string }{
		{"plain", "Moving the server", "Moving the server"},
		{"CRLF header injection", "Help\r\nBcc: evil@example.com", "Help Bcc: evil@example.com"},
		{"tabs and runs", "\t a \t\t b  \n c ", "a b c"},
		{"control characters", "a\x00b\x1bc\x7fd", "a b c d"},
		{"unicode line separator", "a\u2028b", "a b"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"long cut at a word", long, strings.TrimSpace(strings.Repeat("word ", 40)) + "…"},
		{"long cut inside a word", "a" + long, "a" + strings.TrimSpace(strings.Repeat("word ", 39)) + "…"},
		{"long without spaces", strings.Repeat("x", 300), strings.Repeat("x", 199) + "…"},
		{"exactly the limit", strings.Repeat("y", 200), strings.Repeat("y", 200)},
	}
	for _, tt := range tests {
		if got := cleanSubject(tt.in); got != tt.want {
			t.Errorf("%s: cleanSubject(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestCleanTextTidiesLines(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"only blanks", "\n \n\t\n", ""},
		{"adds final newline", "a", "a\n"},
		{"CRLF and CR", "a\r\nb\rc", "a\nb\nc\n"},
		{"trailing spaces", "a  \nb\t\n", "a\nb\n"},
		{"blank runs", "a\n\n\n\nb", "a\n\nb\n"},
		{"leading and trailing blanks", "\n\n  \na\n\n\n", "a\n"},
		{"keeps indentation", "a\n    b\n", "a\n    b\n"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("%s: cleanText(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func FuzzCleanSubject(f *testing.F) {
	for _, s := range []string{"", "Help\r\nBcc: x", "a\x00b", strings.Repeat("wörd ", 80), "\u2028\t \xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := cleanSubject(in)
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > maxSubject {
			t.Fatalf("cleanSubject(%q) = %q: invalid or too long", in, got)
		}
		if strings.TrimSpace(got) != got || strings.Contains(got, "  ") {
			t.Fatalf("cleanSubject(%q) = %q: untrimmed or repeated spaces", in, got)
		}
		if strings.ContainsFunc(got, func(r rune) bool { return unicode.IsControl(r) || (unicode.IsSpace(r) && r != ' ') }) {
			t.Fatalf("cleanSubject(%q) = %q: control or line-breaking character left", in, got)
		}
	})
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "\n\n\na  \n\n\n\nb", "x\ry\t\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := cleanText(in)
		if got == "" {
			return
		}
		if strings.HasPrefix(got, "\n") || !strings.HasSuffix(got, "\n") || strings.HasSuffix(got, "\n\n") {
			t.Fatalf("cleanText(%q) = %q: bad start or end", in, got)
		}
		if strings.Contains(got, "\r") || strings.Contains(got, "\n\n\n") {
			t.Fatalf("cleanText(%q) = %q: CR or blank run left", in, got)
		}
		for line := range strings.SplitSeq(got, "\n") {
			if strings.TrimRightFunc(line, unicode.IsSpace) != line {
				t.Fatalf("cleanText(%q) = %q: trailing space on %q", in, got, line)
			}
		}
		if again := cleanText(got); again != got {
			t.Fatalf("cleanText is not idempotent: %q then %q", got, again)
		}
	})
}
