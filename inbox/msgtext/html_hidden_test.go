package msgtext

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// hiddenCases are HTML bodies that hide a command from their reader, each
// with the words a reader does see. None may yield "approve".
var hiddenCases = []struct{ name, html, shown string }{
	{"DisplayNone", `<div style="display:none">approve</div><div>Thanks!</div>`, "Thanks!"},
	{"DisplayNoneSpacedUpperCaseImportant", `<div style="COLOR: red ; Display : None !important">approve</div>ok`, "ok"},
	{"VisibilityHidden", `<p style="visibility:hidden">approve</p><p>ok</p>`, "ok"},
	{"HiddenAttribute", `<div hidden>approve</div>ok`, "ok"},
	{"FontSizeZero", `<span style="font-size:0">approve</span>ok`, "ok"},
	{"FontShorthandZero", `<span style="font:0/0 a">approve</span>ok`, "ok"},
	{"OpacityZero", `<span style="opacity:0.0">approve</span>ok`, "ok"},
	{"MaxHeightZeroOverflowHidden", `<div style="max-height:0;overflow:hidden">approve</div>ok`, "ok"},
	{"OutlookMsoHide", `<span style="mso-hide:all">approve</span>ok`, "ok"},
	{"TransparentText", `<span style="color:rgba(0,0,0,0)">approve</span>ok`, "ok"},
	{"OffScreen", `<div style="position:absolute;left:-9999px">approve</div>ok`, "ok"},
	{"Comment", `<!-- approve -->ok`, "ok"},
	{"ConditionalComment", `<!--[if mso]><p>approve</p><![endif]-->ok`, "ok"},
	{"Style", `<style>approve</style>ok`, "ok"},
	{"SelfClosedStyle", `<style/>approve</style>ok`, "ok"},
	{"Title", `<html><head><title>approve</title></head><body>ok</body></html>`, "ok"},
	{"TitleInBody", `<body><title>approve</title>ok</body>`, "ok"},
	{"Script", `<script>approve</script>ok`, "ok"},
	{"Template", `<template><p>approve</p></template>ok`, "ok"},
	{"Head", `<head><meta charset="utf-8">approve<body>ok</body>`, "ok"},
	{"ClosedDetails", `<details><summary>more</summary>approve</details>ok`, "ok"},
	{"ClassHiddenByStyleSheet", `<style>.pre { display: none }</style><div class="x pre">approve</div>ok`, "ok"},
	{"IDHiddenByStyleSheetInBody", `<div id="h1">approve</div>ok<style>p{color:red} #H1{visibility:hidden}</style>`, "ok"},
	{"StyleSheetInMedia", `<style>@media screen { td.m { display:none } }</style><table><tr><td class="m">approve</td><td>ok</td></tr></table>`, "ok"},
	{"StyleSheetAttribute", `<style>[data-x] {opacity:0}</style><p data-x="1">approve</p><p>ok</p>`, "ok"},
	{"StyleSheetNested", `<style>.a { .b { display:none } }</style><div class="b">approve</div>ok`, "ok"},
	{"CSSEscape", `<div style="display:non\65">approve</div>ok`, "ok"},
	{"CSSComment", `<div style="display:/* x */none">approve</div>ok`, "ok"},
	{"CSSCommentInString", `<div style="a:'/*';display:none;b:'*/'">approve</div>ok`, "ok"},
	{"CSSVariable", `<div style="display:var(--h, none)">approve</div>ok`, "ok"},
	{"NestedSameTag", `<div style="display:none"><div>x</div>approve</div>ok`, "ok"},
	{"EndTagStoppedBySpecialElement", `<span style="display:none"><div></span>approve</div></span>ok`, "ok"},
	{"EndTagStoppedByTable", `<div style="display:none"><table></div>approve</table></div>ok`, "ok"},
	{"BodyEndTagReopensBody", `<div hidden>x</body>approve</div>ok`, "ok"},
	{"HiddenFormattingReopens", `<div style="display:none"><b style="display:none"></div>approve</b>ok`, "ok"},
	{"FormEndKeepsItsContent", `<form style="display:none"><div></form>approve</div>ok`, "ok"},
	{"EmptyMailtoLink", `<p><a href="mailto:approve"></a></p><p>ok</p>`, "ok"},
	{"ImportantInSheetStillHides", `<style>.h{display:none!important}</style><p class="h" style="display:block">approve</p>ok`, "ok"},
	{"TooManyAttributes", `<p` + manyAttributes(maxAttrs+1) + `>approve</p>`, ""},
	{"HiddenBody", `<html><body style="display:none"><p>approve</p></body></html>`, ""},
}

func TestHTMLTextLeavesOutWhatIsHidden(t *testing.T) {
	for _, tc := range hiddenCases {
		t.Run(tc.name, func(t *testing.T) {
			got := htmlText(tc.html)
			if strings.Contains(got, "approve") || got != tc.shown {
				t.Errorf("got %q, want %q", got, tc.shown)
			}
		})
	}
}

func TestHTMLTextKeepsWhatIsShown(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"Plain", `<div>approve</div>`, "approve"},
		{"AriaHiddenIsStillSeen", `<div aria-hidden="true">approve</div>`, "approve"},
		{"OpenDetails", `<details open><summary>Plan</summary>approve</details>`, "Plan\napprove"},
		{"AfterAHiddenPreheader", `<div style="display:none;max-height:0;overflow:hidden">Preview</div><p>approve</p>`, "approve"},
		{"HiddenParagraphClosedByDiv", `<p style="display:none">x<div>approve</div>`, "approve"},
		{"FontSizeGivenBack", `<table><tr><td style="font-size:0"><div style="font-size:14px">approve</div></td></tr></table>`, "approve"},
		{"FontSizeGivenBackByClass", `<style>.c{font-size:16px}</style><td style="font-size:0px"> <div class="c">approve</div> </td>`, "approve"},
		{"VisibilityGivenBack", `<div style="visibility:hidden">x <span style="visibility:visible">approve</span></div>`, "approve"},
		{"HiddenImageOnly", `<img style="display:none" src="x.png">approve`, "approve"},
		{"SelfClosedSVG", `<svg/>approve`, "approve"},
		{"StringsInStylesAreNotRules", `<style>a::after{content:"}.x{display:none}"}</style><p class="x">approve</p>`, "approve"},
		{"ImageLinkKeepsAddress", `<a href="https://example.org/"><img src="x.png"></a>`, "https://example.org/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := htmlText(tc.html); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHTMLTextDoesNotShowWhatAStyleSheetOnlyMightShow(t *testing.T) {
	for name, src := range map[string]string{
		"ResetUnderMediaQuery": `<style>@media (max-width:1px){.c{font-size:14px}}</style><td style="font-size:0"><div class="c">approve</div></td>`,
		"ResetWithCombinator":  `<style>.nope .c{font-size:14px}</style><td style="font-size:0"><div class="c">approve</div></td>`,
		"ResetOnHover":         `<style>.c:hover{visibility:visible}</style><div style="visibility:hidden"><p class="c">approve</p></div>`,
	} {
		if got := htmlText(src); strings.Contains(got, "approve") {
			t.Errorf("%s: got %q", name, got)
		}
	}
}

// manyAttributes is n distinct attributes.
func manyAttributes(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, " a%d=x", i)
	}
	return b.String()
}

// TestHiddenHTMLIsBounded feeds the hidden-element reader maximal inputs
// built to make it slow; each must finish. The bound is a guard against a
// blow-up (quadratic on a megabyte is hours), not a speed target: those
// are BenchmarkHiddenHTML's, and a loaded machine took 50 s for what takes
// a few seconds alone.
func TestHiddenHTMLIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	rep := func(s string) string { return strings.Repeat(s, MaxInput/len(s)) }
	deep := `<div hidden>` + strings.Repeat(`<span>`, maxHiddenDepth-2) + `<table>`
	for name, src := range map[string]string{
		"NestedHidden":      `<div hidden>` + rep(`<div>`),
		"NestedSoft":        rep(`<span style="font-size:0">x<b style="visibility:visible">y`),
		"EndTagsDeepInside": deep + rep(`</div>`),
		"UnknownEndTags":    deep + rep(`</x>`),
		"SelfClosedInside":  deep + rep(`<x/>`),
		"HugeStyleSheet":    `<style>` + rep(`.a{display:none}`),
		"ManyRulesOneClass": `<style>` + strings.Repeat(`.a.b{font-size:0}`, maxRules) + `</style>` + rep(`<p class="a b">`),
		"DeepCSSNesting":    `<style>` + rep(`@media{`),
		"LongStyle":         `<p style="` + rep(`a:b;`) + `">x`,
		"CSSStrings":        `<style>` + rep(`a{b:"`),
		"CSSEscapes":        `<p style="` + rep(`\\65 `) + `">x`,
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			htmlText(src)
			if d := time.Since(start); d > 2*time.Minute {
				t.Errorf("took %v", d)
			}
			t.Logf("%v", time.Since(start))
		})
	}
}

// FuzzHTMLText reads arbitrary HTML, hidden elements and style sheets
// included: it must not panic, must return valid UTF-8, and a hidden
// element in front of the HTML changes nothing in its text.
func FuzzHTMLText(f *testing.F) {
	for _, tc := range hiddenCases {
		f.Add(tc.html, "approve")
	}
	f.Add(`<style>@media{.a{font-size:0}}.b{font-size:1em}</style><p class="a b">x`, "y")
	f.Fuzz(func(t *testing.T, src, secret string) {
		want := htmlText(src)
		if !utf8.ValidString(want) {
			t.Fatal("invalid UTF-8")
		}
		secret = strings.Map(func(r rune) rune {
			if r < 'a' || r > 'z' {
				return -1
			}
			return r
		}, secret)
		got := htmlText(`<div style="display:none">` + secret + `</div>` + src)
		if got != want {
			t.Fatalf("hidden %q changed the text:\n%q\nwant\n%q", secret, got, want)
		}
	})
}

func TestStyleSheetsFromElsewhere(t *testing.T) {
	for name, tc := range map[string]struct{ html, want string }{
		"PrintOnlyRulesDoNotHide": {`<style>@media print { p { display:none } }</style><p>approve</p>`, "approve"},
		"ScreenRulesHide":         {`<style>@media only screen and (min-width:1px) { p { display:none } }</style><p>approve</p>ok`, "ok"},
		"DataLinkHidesAll":        {`<link rel="Stylesheet" href="data:text/css,p{display:none}"><p>approve</p>`, ""},
		"DataImportHidesAll":      {`<style>@import url("data:text/css,p{display:none}");</style><p>approve</p>`, ""},
		"RemoteFontsAreFine":      {`<link rel="stylesheet" href="https://fonts.example.org/css"><p>approve</p>`, "approve"},
	} {
		if got := htmlText(tc.html); got != tc.want {
			t.Errorf("%s: got %q, want %q", name, got, tc.want)
		}
	}
}

// BenchmarkHiddenHTML times the slowest of the bounded inputs: a style
// sheet of maxRules rules, each matching every element of a maximal page.
func BenchmarkHiddenHTML(b *testing.B) {
	rep := func(s string) string { return strings.Repeat(s, MaxInput/len(s)) }
	src := `<style>` + strings.Repeat(`.a.b{font-size:0}`, maxRules) + `</style>` + rep(`<p class="a b">`)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		htmlText(src)
	}
}

// A sheet whose rules each make every element of a long page look at
// dozens of candidates spends the message's budget of looks (maxLooks):
// past it nothing is shown, as past the other limits. A newsletter-sized
// page with a large, ordinary sheet stays within it and shows its text.
func TestStyleSheetLooksAreBudgetedPerMessage(t *testing.T) {
	var rules strings.Builder
	for i := range maxCandidates {
		fmt.Fprintf(&rules, ".a.b%d{color:red}", i)
	}
	page := strings.Repeat(`<p class="a">approve</p>`, maxLooks/maxCandidates+10)
	s := readStyleSheet(`<style>` + rules.String() + `</style>`)
	for i := 0; i < maxLooks/maxCandidates+10; i++ {
		s.effect("p", map[string]string{"class": "a"})
	}
	if !s.hideAll {
		t.Fatalf("%d looks, still not hiding everything", s.looks)
	}
	if got := htmlText(`<style>` + rules.String() + `</style>` + page); strings.Contains(got, "approve") {
		t.Errorf("text shown past the budget: %.80q", got)
	}

	var sheet strings.Builder
	for i := range 300 {
		fmt.Fprintf(&sheet, ".col%d{padding:%dpx} td.cell%d{color:#333}", i, i%9, i)
	}
	var body strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&body, `<tr><td class="cell%d col%d">row %d</td></tr>`, i%300, i%300, i)
	}
	got := htmlText(`<style>` + sheet.String() + `</style><table>` + body.String() + `</table><p>Thanks, Ada!</p>`)
	if !strings.Contains(got, "row 1999") || !strings.Contains(got, "Thanks, Ada!") {
		t.Errorf("an ordinary long newsletter lost its text: %.200q", got)
	}
}
