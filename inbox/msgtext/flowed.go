package msgtext

import "strings"

// unflow joins the soft line breaks of format=flowed text (RFC 3676):
// a line ending in a space continues on the next line of the same quote
// depth. Space-stuffing is undone; with delsp the joining space is dropped.
func unflow(s string, delsp bool) string {
	var out []string
	var cur strings.Builder
	curDepth, open := 0, false
	flush := func() {
		if !open {
			return
		}
		prefix := ""
		if curDepth > 0 {
			prefix = strings.Repeat(">", curDepth) + " "
		}
		out = append(out, prefix+cur.String())
		cur.Reset()
		open = false
	}
	for _, l := range strings.Split(normalizeNewlines(s), "\n") {
		depth := len(l) - len(strings.TrimLeft(l, ">"))
		content := strings.TrimPrefix(l[depth:], " ")
		if open && depth != curDepth {
			flush()
		}
		if !open {
			curDepth, open = depth, true
		}
		soft := strings.HasSuffix(content, " ") && content != "-- "
		if soft && delsp {
			content = content[:len(content)-1]
		}
		cur.WriteString(content)
		if !soft {
			flush()
		}
	}
	flush()
	return strings.Join(out, "\n")
}
