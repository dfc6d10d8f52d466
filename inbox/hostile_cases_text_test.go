package inbox_test

import (
	"math/rand/v2"
	"strings"
)

// textCases lie about or mangle the bytes of the text: charsets, transfer
// encodings, NULs, line ends, HTML.
func textCases() []hostileCase {
	return []hostileCase{
		{name: "charset-unknown", about: "text/plain in `x-klingon-piqad` (no such charset), with an RFC 2047 subject in the same", build: unknownCharset},
		{name: "charset-lying-utf8-is-latin1", about: "declares utf-8, is ISO-8859-1; the HTML part's meta names a third charset", build: lyingUTF8},
		{name: "charset-lying-iso2022jp-garbage", about: "declares iso-2022-jp, is random bytes with stray and unterminated escape sequences", build: lyingISO2022JP},
		{name: "encoding-qp-invalid-escapes", about: "quoted-printable with `=ZZ`, lone `=`, `=4`, `==3D` and a soft break at the very end", build: badQP},
		{name: "encoding-base64-garbage", about: "base64 with punctuation, stray padding in the middle and a one-character tail", build: badBase64},
		{name: "encoding-unknown-cte", about: "Content-Transfer-Encoding `x-uuencode-ish` over 8-bit bytes", build: unknownCTE},
		{name: "bytes-nul-in-header-and-body", about: "NUL bytes in Subject, From's display name, a field name and the body", build: nulBytes},
		{name: "bytes-mixed-line-ends", about: "header and body lines ended by CRLF, bare LF and bare CR in turn, a CR CR LF blank line", build: mixedLineEnds},
		{name: "bytes-binary-garbage", about: "4 KiB of pseudo-random bytes (fixed seed), no header at all", build: binaryGarbage},
		{name: "html-broken", about: "HTML with an unterminated comment, script and style, huge and zero numeric entities, stray angle brackets", build: brokenHTML},
	}
}

func unknownCharset() []byte {
	return eml(replyHead("klingon", "Content-Type: text/plain; charset=x-klingon-piqad",
		"Content-Transfer-Encoding: 8bit", "Subject: =?x-klingon-piqad?Q?Qapla=92_=F1=F2?="),
		"Qapla\x92! \xf1\xf2\xf3\xf4 \x80\x81\x82 budget.")
}

func lyingUTF8() []byte {
	return eml(replyHead("lying-utf8", `Content-Type: multipart/alternative; boundary="alt"`),
		"--alt", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
		"Merci, c'\xe9tait tr\xe8s utile, \xe0 bient\xf4t. Gr\xfc\xdfe.",
		"--alt", "Content-Type: text/html; charset=utf-8", "",
		`<meta charset="shift_jis"><p>c'\xe9tait \x82\xa0 tr\xe8s</p>`, "--alt--")
}

func lyingISO2022JP() []byte {
	r := rand.New(rand.NewPCG(2022, 7))
	var b strings.Builder
	for i := range 2048 {
		switch i % 97 {
		case 0:
			b.WriteString("\x1b$B")
		case 50:
			b.WriteString("\x1b(")
		default:
			b.WriteByte(byte(r.IntN(256)))
		}
	}
	b.WriteString("\x1b$")
	return eml(replyHead("lying-jis", "Content-Type: text/plain; charset=iso-2022-jp",
		"Subject: =?iso-2022-jp?B?GyRCJCIbKA?= =?iso-2022-jp?B?GyRCJCIk?="), b.String())
}

func badQP() []byte {
	return eml(replyHead("bad-qp", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"),
		"Thanks =ZZ for =4 the =", "sheet ==3D= =", "=0", "caf=C3=A9 =C3= =\r", "last line =")
}

func badBase64() []byte {
	return eml(replyHead("bad-b64", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"),
		"!!!*** not base64 ***", "VGhh==bmtz", "$$$$", "I")
}

func unknownCTE() []byte {
	return eml(replyHead("bad-cte", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: x-uuencode-ish"),
		"begin 644 budget.xls", "M\xff\xfe\x00\x01", "end")
}

func nulBytes() []byte {
	head := replyHead("nul", "Subject: Re: Budget\x00 review for Q1", "X-N\x00ul: a\x00b", "Content-Type: text/plain; charset=utf-8")
	head[0] = "From: Ali\x00ce <alice@example.net>"
	return eml(head, "Thanks\x00 for\x00\x00 the sheet.", "\x00\x00\x00")
}

func mixedLineEnds() []byte {
	ends := []string{"\r\n", "\n", "\r"}
	var b strings.Builder
	for i, line := range replyHead("line-ends", "Content-Type: text/plain; charset=utf-8") {
		b.WriteString(line + ends[i%3])
	}
	b.WriteString("\r\r\n")
	for i, line := range []string{"First line.", "Second.", "Third.", "", "Thanks for the sheet.", "Cheers"} {
		b.WriteString(line + ends[i%3])
	}
	return []byte(b.String())
}

func binaryGarbage() []byte {
	r := rand.New(rand.NewPCG(4096, 1))
	out := make([]byte, 4096)
	for i := range out {
		out[i] = byte(r.Uint32())
	}
	return out
}

func brokenHTML() []byte {
	return eml(replyHead("bad-html", "Content-Type: text/html; charset=utf-8"),
		"<html><body><p>Thanks &#xFFFFFFFFFF; &#0; &#x110000; &amp &lt;&gt",
		"<<<>>><a href='javascript:alert(1)'>x</a><style>p{", "<script>document.write('",
		"<!-- never closed <p>hidden")
}
