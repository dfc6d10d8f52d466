package templates

// Name identifies a template.
type Name string

// The templates, one per kind of message gratitude writes.
const (
	Nudge         Name = "nudge"          // nobody answered an ask: who is silent, the ask, a follow-up
	FollowUp      Name = "followup"       // the follow-up the owner may send to those who did not answer
	Unresolved    Name = "unresolved"     // answered but not resolved after a while: "is this done?"
	ThanksPending Name = "thanks-pending" // resolved, some helpers still unthanked
	Digest        Name = "digest"         // the periodic summary
)

// Names lists every template name.
func Names() []Name {
	return []Name{Nudge, FollowUp, Unresolved, ThanksPending, Digest}
}

// textFile is the file name of the name's text template.
func (n Name) textFile() string { return string(n) + ".txt" }

// htmlFile is the file name of the name's HTML template.
func (n Name) htmlFile() string { return string(n) + ".html" }

// fileNames lists every file a templates directory may hold.
func fileNames() []string {
	var files []string
	for _, n := range Names() {
		files = append(files, n.textFile(), n.htmlFile())
	}
	return files
}
