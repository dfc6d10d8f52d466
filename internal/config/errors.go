package config

import "strings"

// FieldError is one problem with one configuration key.
type FieldError struct {
	// Key is the dotted key path, e.g. "imap.port" or "owner.aliases[1]";
	// empty for problems with the file as a whole (e.g. YAML syntax).
	Key string
	// Problem says what is wrong and what to do about it.
	Problem string
}

// Error formats the problem as "key: problem".
func (e FieldError) Error() string {
	if e.Key == "" {
		return e.Problem
	}
	return e.Key + ": " + e.Problem
}

// Errors is every problem found in a configuration, in a stable order.
type Errors []FieldError

// Error lists the problems, one per line.
func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, fe := range e {
		lines[i] = fe.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the individual problems, for errors.As and errors.Is.
func (e Errors) Unwrap() []error {
	errs := make([]error, len(e))
	for i, fe := range e {
		errs[i] = fe
	}
	return errs
}

// Has reports whether some problem concerns key.
func (e Errors) Has(key string) bool {
	for _, fe := range e {
		if fe.Key == key {
			return true
		}
	}
	return false
}
