package owner

import (
	"fmt"
	"net/mail"
	"strings"

	"gratitude"
)

// Resolve is the action that resolves a request, with what came of it
// ("" when not said); every channel builds it here.
func Resolve(outcome string) Action {
	outcome = strings.Join(strings.Fields(outcome), " ")
	line := "resolved"
	if outcome != "" {
		line += ": " + outcome
	}
	return Action{Command: gratitude.Command{Verb: gratitude.VerbResolve, Text: outcome, Line: line}}
}

// Helped is the action that records someone helped outside the thread;
// addr is an address, with or without a display name.
func Helped(addr string) (Action, error) {
	a, err := mail.ParseAddress(addr)
	if err != nil {
		return Action{}, fmt.Errorf("%q is not an email address: %v", addr, err)
	}
	c := gratitude.Command{Verb: gratitude.VerbHelped, Who: strings.ToLower(a.Address), Line: "helped " + a.Address}
	return Action{Command: c, Name: a.Name}, nil
}

// Verb is an action with nothing but its verb (cancel, approve every
// draft, track, status).
func Verb(v gratitude.Verb) Action {
	return Action{Command: gratitude.Command{Verb: v, Line: string(v)}}
}
