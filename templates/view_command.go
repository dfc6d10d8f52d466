package templates

import "time"

// CommandsView is the data of the CommandsHelp template: the reply to a
// command mail holding lines that are not commands, commands that could
// not be done, or an approve with nothing left to send.
type CommandsView struct {
	OwnerName string           // the owner's display name, may be ""
	Request   Request          // the request the mail was about; ID 0 when unknown
	Unknown   []string         // the lines that are not commands, as written
	Problems  []string         // the commands that could not be done, each with why: "skip zoe: no helper … is called \"zoe\""
	Already   []AlreadyThanked // whom an approve named whose thank-you had gone already
	Done      []string         // the commands carried out anyway, e.g. "resolved"
	// Track: the mail answered the notice of refused mail with track,
	// about the asks it listed rather than one request.
	Track bool
	Now   time.Time // when the reply is written
}

// AlreadyThanked is a helper whose thank-you an approve named once more:
// nothing was sent again.
type AlreadyThanked struct {
	Helper Person    // who was thanked
	At     time.Time // when the thank-you went; zero: approved, about to be sent
}

// person returns the helper thanked, so join, first and firsts take them.
func (a AlreadyThanked) person() Person { return a.Helper }

// StatusView is the data of the Status template: the reply to "status".
type StatusView struct {
	OwnerName      string      // the owner's display name, may be ""
	Request        Request     // the request asked about
	State          string      // open, answered, resolved, thanked or cancelled
	Drafts         []CardDraft // its drafted thank-yous, with their State
	NextReminder   string      // what the next reminder is about, e.g. "a reminder to thank Bob"; may be ""
	NextReminderAt time.Time   // when it is due; zero when none is planned
	Now            time.Time   // when the reply is written
}

// RefusedView is the data of the Refused template: mail that looked like
// commands but was not carried out, sent to the owner at most once a day.
type RefusedView struct {
	OwnerName string        // the owner's display name, may be ""
	Items     []RefusedItem // the refused messages, oldest first
	Now       time.Time     // when the notice is written
}

// Trackable returns the numbers of the items a reply "track" tracks.
func (v RefusedView) Trackable() []int {
	var out []int
	for _, it := range v.Items {
		if it.Trackable {
			out = append(out, it.N)
		}
	}
	return out
}

// RefusedItem is one message whose commands were not carried out.
type RefusedItem struct {
	N       int       // its number in the notice, from 1 ("track N" names it)
	From    string    // its From header, as written
	Subject string    // its subject
	Reason  string    // why it was not proven to come from the owner
	At      time.Time // when it arrived
	// Trackable: an ask of the owner's held for want of proof (it reached
	// the mailbox by Bcc with no trace of the capture address, or no copy
	// in Sent shows it); a reply "track" to the notice tracks it.
	Trackable bool
}

// AlertView is the data of the Alert template: the owner's mailbox has not
// been readable for a while.
type AlertView struct {
	OwnerName string    // the owner's display name, may be ""
	Since     time.Time // when reading it started failing
	Error     string    // the last error, as gratitude saw it
	Mailbox   string    // the mailbox account, e.g. ada@imap.example.org
	Now       time.Time // when the alert is written
}
