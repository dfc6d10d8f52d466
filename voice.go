package gratitude

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// VoiceNamePlaceholder stands for the recipient's name in a learned
// greeting ("Hey {name}!"), as msgtext.NamePlaceholder.
const VoiceNamePlaceholder = "{name}"

// VoiceSampleSize is how many of the owner's most recent sent messages the
// voice is learned from.
const VoiceSampleSize = 200

// minGeneralVoice is how many messages must share a greeting or closing
// for it to be the owner's voice with everyone.
const minGeneralVoice = 2

// VoiceSample is how one message the owner sent greets and signs off.
type VoiceSample struct {
	MessageID string    `json:"message_id"`
	To        string    `json:"to"`       // the first recipient's address, lower-case
	Date      time.Time `json:"date"`     // when it was sent
	Greeting  string    `json:"greeting"` // "Hey {name}!", "" when none was read
	Name      string    `json:"name"`     // what the greeting called the recipient ("Dr. Smith")
	Closing   string    `json:"closing"`  // "Cheers,\nAda", "" when none was read
	Language  string    `json:"language"` // ISO 639-1, "" when it could not be told
}

// VoiceCandidate is a message in Sent whose voice is still to be read.
type VoiceCandidate struct {
	MessageID string
	UID       uint32
}

// VoiceLine is one greeting or closing the owner uses, in one language,
// and how many of the messages learned from use it.
type VoiceLine struct {
	Text     string    `json:"text"`           // "Hey {name}!" or "Cheers,\nAda"
	Name     string    `json:"name,omitempty"` // a greeting to one person: what it calls them
	Language string    `json:"language"`
	Messages int       `json:"messages"`
	Last     time.Time `json:"last"` // the latest message using it
}

// Voice is how the owner greets and signs off: with everyone (General) and
// with each person they have written to (Person, by address).
type Voice struct {
	Learned   int                    `json:"learned_from"` // messages read
	Greetings []VoiceLine            `json:"greetings"`    // the general ones, one per language, most used first
	Closings  []VoiceLine            `json:"closings"`
	People    map[string]PersonVoice `json:"people"`
}

// PersonVoice is how the owner greets and signs off with one person, per
// language.
type PersonVoice struct {
	Messages  int         `json:"messages"`
	Greetings []VoiceLine `json:"greetings"`
	Closings  []VoiceLine `json:"closings"`
}

// LearnVoice works out the owner's voice from samples: with each person,
// the greeting and closing used most with them (the latest on a tie), per
// language; with everyone, the greeting and closing used most overall, when
// at least two messages share it. A greeting that inflects for the
// person's gender ("Lieber {name},") is never the general one.
func LearnVoice(samples []VoiceSample) Voice {
	v := Voice{Learned: len(samples), People: map[string]PersonVoice{}}
	byPerson := map[string][]VoiceSample{}
	for _, s := range samples {
		if s.To != "" {
			byPerson[s.To] = append(byPerson[s.To], s)
		}
	}
	for to, ss := range byPerson {
		pv := PersonVoice{Messages: len(ss),
			Greetings: mostUsed(ss, func(s VoiceSample) (string, string) { return s.Greeting, s.Name }, 1),
			Closings:  mostUsed(ss, func(s VoiceSample) (string, string) { return s.Closing, "" }, 1)}
		if len(pv.Greetings)+len(pv.Closings) > 0 {
			v.People[to] = pv
		}
	}
	general := func(s VoiceSample) (string, string) {
		if gendered(s.Greeting) {
			return "", ""
		}
		return s.Greeting, ""
	}
	v.Greetings = mostUsed(samples, general, minGeneralVoice)
	v.Closings = mostUsed(samples, func(s VoiceSample) (string, string) { return s.Closing, "" }, minGeneralVoice)
	return v
}

// mostUsed returns, per language told, the line key reads from the samples
// that most of them use (the latest on a tie), when at least min do.
func mostUsed(samples []VoiceSample, key func(VoiceSample) (text, name string), min int) []VoiceLine {
	type k struct{ lang, text, name string }
	counts := map[k]*VoiceLine{}
	for _, s := range samples {
		text, name := key(s)
		if text == "" || s.Language == "" {
			continue
		}
		l := counts[k{s.Language, text, name}]
		if l == nil {
			l = &VoiceLine{Text: text, Name: name, Language: s.Language}
			counts[k{s.Language, text, name}] = l
		}
		l.Messages++
		if s.Date.After(l.Last) {
			l.Last = s.Date
		}
	}
	best := map[string]*VoiceLine{}
	for _, l := range counts {
		b := best[l.Language]
		if l.Messages >= min && (b == nil || l.Messages > b.Messages ||
			l.Messages == b.Messages && (l.Last.After(b.Last) || l.Last.Equal(b.Last) && l.Text < b.Text)) {
			best[l.Language] = l
		}
	}
	var out []VoiceLine
	for _, l := range best {
		out = append(out, *l)
	}
	slices.SortFunc(out, func(a, b VoiceLine) int {
		return cmp.Or(cmp.Compare(b.Messages, a.Messages), cmp.Compare(a.Language, b.Language))
	})
	return out
}

// gendered reports a greeting whose word inflects for the person greeted.
func gendered(greeting string) bool {
	w, _, _ := strings.Cut(strings.ToLower(greeting), " ")
	switch strings.Trim(w, ",!") {
	case "liebe", "lieber", "cher", "chère", "querido", "querida", "estimado", "estimada",
		"caro", "cara", "prezado", "prezada", "sehr":
		return true
	}
	return false
}

// For returns how the owner greets and signs off with the person at email
// in language: their own greeting and closing with them when there are
// any, else the general ones; "" for either when the owner has none in
// that language. firstName fills the general greeting's placeholder; a
// greeting of their own calls them what the owner called them.
func (v Voice) For(email, language, firstName string) (greeting, closing string) {
	pv := v.People[strings.ToLower(email)]
	if l, ok := inLanguage(pv.Greetings, language); ok {
		greeting = strings.ReplaceAll(l.Text, VoiceNamePlaceholder, cmp.Or(l.Name, firstName))
	} else if l, ok := inLanguage(v.Greetings, language); ok {
		greeting = strings.ReplaceAll(l.Text, VoiceNamePlaceholder, firstName)
	}
	if l, ok := inLanguage(pv.Closings, language); ok {
		closing = l.Text
	} else if l, ok := inLanguage(v.Closings, language); ok {
		closing = l.Text
	}
	return greeting, closing
}

// inLanguage returns the line in language.
func inLanguage(ls []VoiceLine, language string) (VoiceLine, bool) {
	for _, l := range ls {
		if l.Language == language {
			return l, true
		}
	}
	return VoiceLine{}, false
}
