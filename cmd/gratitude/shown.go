package main

import (
	"strings"
	"unicode"

	"gratitude"
)

// shownLine is text from mail as the CLI prints it on one line: without
// bidi controls and invisible format characters (gratitude.Visible), and
// with every other control character, escape sequences and line breaks
// included, as a space, so a name or subject cannot rewrite the terminal.
func shownLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, gratitude.Visible(strings.ToValidUTF8(s, "\uFFFD")))
}

// shownLines is multi-line text from mail (an excerpt, a draft) split into
// lines, each as shownLine prints it.
func shownLines(s string) []string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = shownLine(l)
	}
	return lines
}
