package gratitude

import (
	"testing"
	"unicode"
)

func TestVisibleRemovesWhatDisguisesText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"RightToLeftOverride", "Alice\u202Eecila", "Aliceecila"},
		{"Isolates", "\u2066Invoice\u2067 paid\u2068\u2069", "Invoice paid"},
		{"MarksAndEmbeddings", "a\u200Eb\u200Fc\u061Cd\u202Ae\u202Bf\u202Cg\u202Dh", "abcdefgh"},
		{"ZeroWidthAndBOM", "ap\u200Bpro\u2060ve\uFEFF\u00AD", "approve"},
		{"TagsSmuggledAfterText", "Bob\U000E0061\U000E0070\U000E007F", "Bob"},
		{"OnlyControls", "\u202E\u2066\u200F", ""},
		{"PersianKeepsZWNJ", "می\u200Cخواهم", "می\u200Cخواهم"},
		{"EmojiKeepsZWJ", "👩\u200D💻 Ada", "👩\u200D💻 Ada"},
		{"VariationSelectorStays", "❤\uFE0F", "❤\uFE0F"},
		{"WalesFlagStays", "Dewi \U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F", "Dewi \U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F"},
		{"HebrewWithoutControlsStays", "שלום Ada", "שלום Ada"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Visible(tc.in); got != tc.want {
				t.Errorf("Visible(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
		})
	}
}

func TestHiddenCoversEveryBidiControl(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.Is(unicode.Bidi_Control, r) && !Hidden(r) {
			t.Errorf("bidi control %U is not hidden", r)
		}
	}
	for _, r := range []rune{'\u200C', '\u200D', '\uFE0F', '\u034F', '\u180E', 'a', ' '} {
		if Hidden(r) {
			t.Errorf("%U is hidden, but scripts need it", r)
		}
	}
}

func TestBetterNameIsNotDisplacedByInvisibleOne(t *testing.T) {
	if got := BetterName("Alice Martin", "\u202E\u200B ", "alice@example.org"); got != "Alice Martin" {
		t.Errorf("BetterName = %+q, want the visible name kept", got)
	}
	if got := BetterName("", "Alice\u202Eecila", "alice@example.org"); got != "Alice\u202Eecila" {
		t.Errorf("BetterName = %+q, want the name as seen (shown through Visible)", got)
	}
}
