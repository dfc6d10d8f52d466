package config

import (
	"fmt"
	"strings"
)

// expandEnv replaces each ${NAME} in s with the variable's value; $${ is a
// literal ${ and any other $ is kept as is. used reports whether any
// variable was referenced. A variable that is not set is an error.
func expandEnv(s string, lookupEnv func(string) (string, bool)) (out string, used bool, err error) {
	if !strings.Contains(s, "${") {
		return s, false, nil
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String(), used, nil
		}
		if i > 0 && s[i-1] == '$' { // $${ → literal ${
			b.WriteString(s[:i-1])
			b.WriteString("${")
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return "", used, fmt.Errorf("unterminated ${ in %q; write ${NAME}, or $${ for a literal ${", s[i:])
		}
		name := s[i+2 : i+end]
		if !validEnvName(name) {
			return "", used, fmt.Errorf("${%s} is not a valid environment variable reference; use ${NAME} with letters, digits and _ (write $${ for a literal ${)", name)
		}
		val, ok := lookupEnv(name)
		if !ok {
			return "", used, unsetEnvError{name}
		}
		used = true
		b.WriteString(val)
		s = s[i+end+1:]
	}
}

func validEnvName(name string) bool {
	if name == "" {
		return false
	}
	for i, c := range name {
		switch {
		case c == '_', c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// unsetEnvError is a ${NAME} whose variable is not set.
type unsetEnvError struct{ name string }

func (e unsetEnvError) Error() string {
	return fmt.Sprintf("environment variable %s is not set (used as ${%s}); export it before starting gratitude", e.name, e.name)
}
