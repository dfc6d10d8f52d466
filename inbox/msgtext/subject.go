package msgtext

import (
	"mime"
	"regexp"
	"strings"
)

// replyPrefixes and forwardPrefixes are the subject prefixes mail clients
// add, lower-case, without the colon.
var (
	replyPrefixes = []string{"re", "aw", "sv", "vs", "antw", "antwort", "réf.", "réf", "ref", "odp", "res", "rif", "r",
		"odg", "ynt", "vá", "отв", "відп", "απ", "σχετ", "回复", "答复", "回覆", "返信", "회신", "답장"}
	forwardPrefixes = []string{"fwd", "fw", "wg", "tr", "rv", "enc", "i", "doorst", "vb", "vl", "pd", "přep", "továbbítás",
		"İlt", "ilt", "videresend", "пересл", "προώθ", "転送", "转发", "轉寄", "전달"}
)

// prefixRe matches one subject prefix with an optional counter
// ("Re[2]:", "AW(3):") and the colon, or a [bracketed tag].
var prefixRe = regexp.MustCompile(`(?i)^\s*(?:(` + alternation(append(append([]string{}, replyPrefixes...), forwardPrefixes...)) + `)\s*(?:\[\d{1,4}\]|\(\d{1,4}\))?\s*[:：]|\[[^\]]{0,100}\])`)

// alternation builds a regexp alternation of literal words.
func alternation(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(q, "|")
}

// NormalizeSubject reduces a subject to what a reply and its original
// share: CleanSubject, lower-cased.
func NormalizeSubject(s string) string { return strings.ToLower(CleanSubject(s)) }

// CleanSubject strips leading reply and forward prefixes (any number, with
// counters like "Re[2]:") and [bracketed tags] and collapses white space,
// keeping the case: the subject as a person would name the topic.
func CleanSubject(s string) string {
	s = decodeSubject(s)
	// Every prefix ends in a colon and every tag starts with a bracket:
	// without either, most subjects skip the regular expression.
	for i := 0; i < 100 && strings.ContainsAny(s, ":：["); i++ {
		loc := prefixRe.FindStringIndex(s)
		if loc == nil || loc[1] == 0 {
			break
		}
		s = s[loc[1]:]
	}
	return collapseSpace(s)
}

// decodeSubject decodes RFC 2047 words and validates UTF-8.
func decodeSubject(s string) string {
	s = truncate(s, 4096)
	if strings.Contains(s, "=?") {
		if d, err := (&mime.WordDecoder{CharsetReader: charsetReader}).DecodeHeader(s); err == nil {
			s = d
		}
	}
	return validUTF8(s)
}

// firstPrefix returns the first reply or forward prefix of a subject,
// lower-case, skipping [tags]; "" when there is none.
func firstPrefix(s string) string {
	for i := 0; i < 100; i++ {
		m := prefixRe.FindStringSubmatchIndex(s)
		if m == nil {
			return ""
		}
		if m[2] >= 0 {
			return strings.ToLower(s[m[2]:m[3]])
		}
		s = s[m[1]:]
	}
	return ""
}

// isReplySubject reports a subject whose first prefix marks a reply.
func isReplySubject(s string) bool {
	p := firstPrefix(s)
	for _, r := range replyPrefixes {
		if p == r {
			return true
		}
	}
	return false
}

// AskSubject is an ask's subject as it is stored: without the reply and
// forward prefixes its client put in front ("Re: Dinner on the 5th?" asks
// about the dinner), keeping [tags] and the case.
func AskSubject(s string) string {
	s = decodeSubject(s)
	for i := 0; i < 100; i++ {
		m := prefixRe.FindStringSubmatchIndex(s)
		if m == nil || m[2] < 0 || m[1] == 0 {
			break // no prefix, or a [tag]: the owner's own words
		}
		s = s[m[1]:]
	}
	return collapseSpace(s)
}

// forwardedSubject strips the forward prefixes the forwarder's
// client added, keeping the original subject as written.
func forwardedSubject(s string) string {
	s = decodeSubject(s)
	for i := 0; i < 100; i++ {
		m := prefixRe.FindStringSubmatchIndex(s)
		if m == nil {
			break
		}
		if m[2] < 0 || !isForwardPrefix(strings.ToLower(s[m[2]:m[3]])) {
			break // a [tag] or a reply prefix belongs to the original
		}
		s = s[m[1]:]
	}
	return collapseSpace(s)
}

func isForwardPrefix(p string) bool {
	for _, f := range forwardPrefixes {
		if p == f {
			return true
		}
	}
	return false
}
