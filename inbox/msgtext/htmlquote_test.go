package msgtext

import (
	"strings"
	"testing"
)

func TestOwnLeavesPlainWhole(t *testing.T) {
	x, err := Extract([]byte(htmlMsg(`<div dir="ltr">Fine by me.</div><div class="gmail_quote"><div class="gmail_attr">Ar ddydd Llun, Ada &lt;ada@example.org&gt; ysgrifennodd:</div>`,
		`<blockquote class="gmail_quote">Tuesday?</blockquote></div>`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(x.Plain, "ysgrifennodd:") || !strings.Contains(x.Plain, "> Tuesday?") {
		t.Errorf("Plain lost the quote, which Forward and commands read: %q", x.Plain)
	}
	if x.Own != "Fine by me.\n\n> Tuesday?" {
		t.Errorf("Own = %q", x.Own)
	}
	plain, _ := Extract([]byte("Content-Type: text/plain\r\n\r\nFine by me.\r\n"))
	if plain.Own != plain.Plain {
		t.Errorf("plain text: Own %q, Plain %q", plain.Own, plain.Plain)
	}
}

func TestOwnByStructure(t *testing.T) {
	for _, tc := range []struct{ name, html, want string }{
		{"HiddenMarkIsNoMark", `<p>Yes.</p><div id="divRplyFwdMsg" style="display:none">x</div><p>And Tuesday too.</p>`, "Yes.\n\nAnd Tuesday too."},
		{"UnclosedSignatureRunsToTheEnd", `<p>Yes.</p><div class="moz-signature">-- <br>Tom<p>Tom's office`, "Yes."},
		{"NestedDivsInSignature", `<p>Yes.</p><div class="gmail_signature"><div>Tom</div><div>Office</div></div><p>PS: bring cake.</p>`, "Yes.\n\nPS: bring cake."},
		{"CutAtZimbraRule", `<p>Yes.</p><hr id="zwchr"><p>From: Ada</p>`, "Yes."},
		{"K9AttributionBeforeBlockquote", `<p>Yes.</p><div class="gmail_quote">Ar 23 Tach, Ada ysgrifennodd:<blockquote class="gmail_quote">Tuesday?</blockquote>Fine.</div>`, "Yes.\n\n> Tuesday?\n\nFine."},
		{"GmailSignaturePrefixToo", `<div>Yes.</div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature">Tom</div>`, "Yes."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, own, _ := htmlRender(tc.html)
			if own != tc.want {
				t.Errorf("own = %q, want %q", own, tc.want)
			}
		})
	}
}

func TestAnAttachedForwardsBodyIsItsOwnText(t *testing.T) {
	raw := msg(`Content-Type: multipart/mixed; boundary="m"`, "", "--m", "Content-Type: text/plain", "", "See Kadri's answer.", "--m",
		"Content-Type: message/rfc822", "",
		"From: Kadri Tamm <kadri@naide.ee>", "To: Ada Lovelace <ada@example.org>", "Subject: RE: Leping", "Content-Type: text/html; charset=utf-8", "",
		`<div>Leping on allkirjastatud.</div><div id="divRplyFwdMsg"><b>Saatja:</b> Ada Lovelace<br><b>Saadetud:</b> 23. november 2026 10:02<br><b>Teema:</b> Leping</div><div>Kas leping on valmis?</div>`,
		"--m--", "")
	x, err := Extract(raw)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := Forward(x, "Fwd: RE: Leping")
	if !ok {
		t.Fatal("no forward")
	}
	if got := ExcerptFrom(f.Body, 280, f.From.Name); got != "Leping on allkirjastatud." {
		t.Errorf("excerpt of the forwarded answer %q", got)
	}
}
