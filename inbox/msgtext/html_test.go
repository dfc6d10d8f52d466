package msgtext

import "testing"

func TestHTMLText(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"StripsStyleScriptAndHead",
			`<html><head><title>T</title><style>p{color:red}</style></head><body><script>var x=1;</script><p>Hello</p></body></html>`,
			"Hello"},
		{"ParagraphsAreSeparatedByBlankLines",
			`<p>One</p><p>Two</p>`,
			"One\n\nTwo"},
		{"BreaksAndDivsMakeLines",
			`<div>Line 1<br>Line 2</div><div>Line 3</div><div><br></div><div>Line 5</div>`,
			"Line 1\nLine 2\nLine 3\n\nLine 5"},
		{"WhitespaceCollapsesAndEntitiesDecode",
			"<p>  Fish  &amp;\n  chips&nbsp;&nbsp;&eacute;t&eacute; </p>",
			"Fish & chips été"},
		{"LinksKeepTextAndAddress",
			`See <a href="https://example.org/doc">the doc</a> or <a href="https://example.org/x">https://example.org/x</a>.`,
			"See the doc <https://example.org/doc> or https://example.org/x."},
		{"MailtoLinkWithNameGainsAddress",
			`From: <a href="mailto:ada@example.org">Ada Lovelace</a>`,
			"From: Ada Lovelace <ada@example.org>"},
		{"MailtoLinkShowingAddressStaysAsIs",
			`Ada &lt;<a href="mailto:ada@example.org">ada@example.org</a>&gt;`,
			"Ada <ada@example.org>"},
		{"BlockquoteIsQuoted",
			`<p>Yes.</p><blockquote><p>Can you?</p><blockquote>Really?</blockquote></blockquote><p>After</p>`,
			"Yes.\n\n> Can you?\n\n>> Really?\n\nAfter"},
		{"HorizontalRuleIsOutlookRule",
			`Thanks<hr><b>From:</b> Ada<br><b>Sent:</b> Monday`,
			"Thanks\n" + outlookRule + "\nFrom: Ada\nSent: Monday"},
		{"ListsGetDashes",
			`<ul><li>first</li><li>second</li></ul>`,
			"- first\n- second"},
		{"TableCellsShareALine",
			`<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>`,
			"a b\nc"},
		{"PreKeepsWhitespace",
			"<pre>  x = 1\n  y = 2</pre>",
			"  x = 1\n  y = 2"},
		{"UnclosedHeadEndsAtBody",
			`<head><title>x</title><body>visible</body>`,
			"visible"},
		{"CommentsAreDropped",
			`<!--[if mso]>hidden<![endif]-->shown`,
			"shown"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := htmlText(tc.html); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
