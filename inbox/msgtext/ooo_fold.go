package msgtext

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Folding for the out-of-office phrases (ooo.go): text and table are
// folded alike, so a phrase is written once, in its usual spelling.

// foldAppend appends s folded for matching to dst: compatibility
// decomposition (NFKD, rune by rune: the marks it would reorder are
// dropped anyway) with combining marks and format characters dropped,
// lower-case, apostrophe and dash variants unified, a few letters without
// decomposition spelled plainly (ł, đ, ø, ı, ß, final ς), and white space
// and controls collapsed to one space, none leading or trailing. Hangul
// syllables stay whole. It allocates only when dst is too small.
func foldAppend(dst []byte, s string) []byte {
	start := len(dst)
	space := true // no leading space
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			dst, space = foldByte(dst, c, space)
			i++
			continue
		}
		p := norm.NFKD.PropertiesString(s[i:])
		r, n := utf8.DecodeRuneInString(s[i:])
		d := p.Decomposition()
		switch {
		case r == '´': // NFKD makes it a space and a mark
			dst, space = foldByte(dst, '\'', space)
		case d != nil && n == p.Size():
			for j := 0; j < len(d); {
				dr, dn := utf8.DecodeRune(d[j:])
				dst, space = foldRune(dst, dr, space)
				j += dn
			}
		default:
			dst, space = foldRune(dst, r, space)
		}
		i += n
	}
	return trimFoldedSpace(dst, start)
}

// foldRune appends one decomposed rune folded; space says the last byte
// appended was a space (or nothing was).
func foldRune(dst []byte, r rune, space bool) ([]byte, bool) {
	if r < utf8.RuneSelf {
		return foldByte(dst, byte(r), space)
	}
	if unicode.In(r, unicode.Mn, unicode.Cf) {
		return dst, space
	}
	if isSpace(r) || unicode.IsControl(r) {
		if space {
			return dst, true
		}
		return append(dst, ' '), true
	}
	switch r = unicode.ToLower(r); r {
	case '’', '‘', '‛', '′', 'ʼ', 'ʻ', '＇':
		dst = append(dst, '\'')
	case '‐', '‑', '‒', '–', '—', '―', '−':
		dst = append(dst, '-')
	case 'ł':
		dst = append(dst, 'l')
	case 'đ':
		dst = append(dst, 'd')
	case 'ø':
		dst = append(dst, 'o')
	case 'ı':
		dst = append(dst, 'i')
	case 'ß':
		dst = append(dst, 's', 's')
	case 'ς':
		dst = utf8.AppendRune(dst, 'σ')
	default:
		dst = utf8.AppendRune(dst, r)
	}
	return dst, false
}

// foldByte appends one folded ASCII byte; space says the last byte
// appended was a space (or nothing was).
func foldByte(dst []byte, c byte, space bool) ([]byte, bool) {
	switch {
	case 'A' <= c && c <= 'Z':
		return append(dst, c+'a'-'A'), false
	case c <= ' ' || c == 0x7f:
		if space {
			return dst, true
		}
		return append(dst, ' '), true
	case c == '`':
		return append(dst, '\''), false
	}
	return append(dst, c), false
}

func trimFoldedSpace(dst []byte, start int) []byte {
	if len(dst) > start && dst[len(dst)-1] == ' ' {
		return dst[:len(dst)-1]
	}
	return dst
}
