package gratitude

import (
	"strings"
	"unicode"
)

// Address is a person's mailbox with the display name seen with it.
type Address struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email"`
}

// NormalizeEmail lower-cases and trims an address; one person is one
// normalised address.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// BetterName picks the display name to keep for a person: a real name beats
// an empty one, one that is just the address or one that shows nothing
// (only bidi controls and invisible characters); otherwise the newer wins.
func BetterName(old, seen, email string) string {
	useful := func(n string) bool {
		n = strings.TrimSpace(Visible(n))
		return n != "" && !strings.EqualFold(n, email) && !strings.Contains(n, "@")
	}
	if useful(seen) {
		return strings.TrimSpace(seen)
	}
	if useful(old) {
		return old
	}
	return ""
}

// invisibleFormat lists the characters Visible removes besides Unicode's
// bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069):
// soft hyphen, zero-width space, word joiner and the invisible operators,
// the deprecated format characters, BOM, interlinear annotations and the
// tag characters. Kept on purpose, because scripts need them and they
// hide nothing: ZWNJ and ZWJ (Persian, Indic scripts, emoji), variation
// selectors, Mongolian and Hangul fillers and separators, the combining
// grapheme joiner, and tags that spell a flag after U+1F3F4.
var invisibleFormat = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x00AD, Hi: 0x00AD, Stride: 1},
		{Lo: 0x200B, Hi: 0x200B, Stride: 1},
		{Lo: 0x2060, Hi: 0x2064, Stride: 1},
		{Lo: 0x206A, Hi: 0x206F, Stride: 1},
		{Lo: 0xFEFF, Hi: 0xFEFF, Stride: 1},
		{Lo: 0xFFF9, Hi: 0xFFFB, Stride: 1},
	},
	R32: []unicode.Range32{{Lo: 0xE0000, Hi: 0xE007F, Stride: 1}},
}

// blackFlag starts an emoji tag sequence (a subdivision flag).
const blackFlag = '\U0001F3F4'

// Hidden reports a character Visible removes (a tag character only
// where it does not follow a flag).
func Hidden(r rune) bool {
	return unicode.Is(unicode.Bidi_Control, r) || unicode.Is(invisibleFormat, r)
}

// Visible returns s without the characters that show nothing yet change
// how the text around them reads: "Alice\u202Eecila" shows as "Alicealice"
// (U+202E reverses what follows it), Visible("Alice\u202Eecila") as
// "Aliceecila". Names and subjects from mail pass through it wherever
// gratitude writes them.
func Visible(s string) string {
	if !strings.ContainsFunc(s, Hidden) {
		return s
	}
	var b strings.Builder
	flag := false // inside a flag's tag sequence
	for _, r := range s {
		tag := r >= 0xE0000 && r <= 0xE007F
		switch {
		case tag && flag:
		case Hidden(r):
			flag = false
			continue
		default:
			flag = r == blackFlag
		}
		b.WriteRune(r)
	}
	return b.String()
}
