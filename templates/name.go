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
	Thanks        Name = "thanks"         // the thank-you from the owner to one helper, in several variants
	Card          Name = "card"           // the approval card: the drafted thank-yous and how to answer
	CommandsHelp  Name = "commands"       // a reply to command mail: lines not commands, commands not done or done already
	Status        Name = "status"         // the reply to "status": where a request stands
	Refused       Name = "refused"        // commands not carried out: not proven to come from the owner
	Alert         Name = "alert"          // the mailbox cannot be read: told once, by SMTP
)

// Names lists every template name: the thank-you once per language
// (thanks.de, thanks.fr…) after the others.
func Names() []Name {
	names := []Name{Nudge, FollowUp, Unresolved, ThanksPending, Digest, Thanks, Card, CommandsHelp, Status, Refused, Alert}
	for _, lang := range thanksLanguages {
		names = append(names, ThanksIn(lang))
	}
	return names
}

// textFile is the file name of the name's text template.
func (n Name) textFile() string { return string(n) + ".txt" }

// htmlFile is the file name of the name's HTML template.
func (n Name) htmlFile() string { return string(n) + ".html" }

// hasVariants reports whether n's view chooses among variants (see Set.Variants).
func (n Name) hasVariants() bool {
	_, ok := Sample(n).(varied)
	return ok
}

// inThread reports whether n is mail to someone in a request's thread, in
// the owner's name: its subject is "Re: " and the request's, never the
// template's, and its HTML part never says other words than its text.
func (n Name) inThread() bool {
	_, ok := Sample(n).(replying)
	return ok
}

// fileNames lists every file a templates directory may hold.
func fileNames() []string {
	var files []string
	for _, n := range Names() {
		files = append(files, n.textFile(), n.htmlFile())
	}
	return files
}
