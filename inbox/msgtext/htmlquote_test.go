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
