package config

import (
	"fmt"

	"gratitude/internal/mailnet"
)

// pin checks section.tls.pin's form (sha256/BASE64, as mailnet reads it)
// and writes it in that form; a pin with nothing to pin, or beside a
// ca_file it makes unused, is a warning.
func (r *raw) pin(section string, t *TLS, sec Security, caFile string) {
	key := section + ".tls.pin"
	if t.Pin == "" || !r.ok(key) {
		return
	}
	pin, err := mailnet.ParsePin(t.Pin)
	if err != nil {
		r.fail(key, err.Error())
		return
	}
	t.Pin = pin
	switch {
	case sec == SecurityInsecure:
		r.warnings = append(r.warnings, fmt.Sprintf("%s: not used: %s.security is insecure, so there is no certificate to check; remove it, or use tls or starttls", key, section))
	case caFile != "":
		r.warnings = append(r.warnings, fmt.Sprintf("%s.ca_file: not used while %s is set (the pinned key alone is trusted); remove one of them", section, key))
	}
}
