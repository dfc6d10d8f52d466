package templates

import (
	htmltemplate "html/template"
	texttemplate "text/template"
	"time"
)

// Set is the parsed templates: defaults, with overrides. Make one with Load;
// it is safe for concurrent use.
type Set struct {
	entries map[Name]entry
}

// entry is the parsed templates of one Name.
type entry struct {
	text     *texttemplate.Template // the text body; defines "subject" unless the name is in a thread
	html     *htmltemplate.Template // the HTML body; nil when there is none
	variants int                    // how many variants text and html define; 0 for none
}

// Load parses the embedded defaults and, when dir is not "", the overrides
// found there; loc is the zone times are shown in (nil means UTC).
//
// In dir, <name>.txt replaces the default text (keeping the default subject
// unless it defines its own) and <name>.html the default HTML; hidden files
// are ignored and any other file is an error. thanks.txt alone also drops
// the default thanks.html, so a thank-you never says two different things;
// its variants must match those of thanks.html. Load reports every parse
// problem at once, each naming its file and line; Check finds the rest.
func Load(dir string, loc *time.Location) (*Set, error) {
	if loc == nil {
		loc = time.UTC
	}
	p, err := newParser(funcs(loc))
	if err != nil {
		return nil, err
	}
	s, err := loadDefaults(p)
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return s, nil
	}
	if err := s.override(dir, p); err != nil {
		return nil, err
	}
	return s, nil
}
