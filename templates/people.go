package templates

import (
	"fmt"
	"strings"
)

// personal is any view type that is or embeds a Person.
type personal interface{ person() Person }

// first returns the first name of a Person (or a view embedding one) or of a
// display name; a Person without a name gives their address.
func first(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return firstName(v), nil
	case personal:
		p := v.person()
		if name := firstName(p.Name); name != "" {
			return name, nil
		}
		return p.Email, nil
	}
	return "", fmt.Errorf("first: got %T, want a person or a name", v)
}

// FirstName is what the templates call p: their first name, or their
// address when they have no name.
func FirstName(p Person) string {
	s, _ := first(p)
	return s
}

// firstName returns the first word of name, reading "Last, First" too.
func firstName(name string) string {
	if _, given, ok := strings.Cut(name, ","); ok {
		name = given
	}
	if f := strings.FieldsFunc(name, blank); len(f) > 0 {
		return f[0]
	}
	return ""
}

// firsts returns the first names of a list of people.
func firsts(list any) ([]string, error) {
	names, err := peopleNames(list, func(p Person) string { s, _ := first(p); return s })
	if err != nil {
		return nil, fmt.Errorf("firsts: %w", err)
	}
	return names, nil
}

// join lists people or strings in English: "Alice, Bob and Carol".
func join(list any) (string, error) {
	names, err := peopleNames(list, Person.String)
	if err != nil {
		return "", fmt.Errorf("join: %w", err)
	}
	return joinWords(names), nil
}

// peopleNames applies name to every person in list; a []string passes as is.
func peopleNames(list any, name func(Person) string) ([]string, error) {
	switch l := list.(type) {
	case []string:
		return l, nil
	case []Person:
		return mapPeople(l, name), nil
	case []Helper:
		return mapPeople(l, name), nil
	case []LedgerLine:
		return mapPeople(l, name), nil
	case []CardDraft:
		return mapPeople(l, name), nil
	case []AlreadyThanked:
		return mapPeople(l, name), nil
	}
	return nil, fmt.Errorf("got %T, want a list of people or strings", list)
}

// mapPeople applies name to the Person in each element of l.
func mapPeople[T personal](l []T, name func(Person) string) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = name(v.person())
	}
	return out
}

// joinWords joins words as English does: "a", "a and b", "a, b and c".
func joinWords(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	last := len(words) - 1
	return strings.Join(words[:last], ", ") + " and " + words[last]
}
