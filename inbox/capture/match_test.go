package capture

import "testing"

func TestMatchRecognisesTheCaptureAddress(t *testing.T) {
	const plus, alias = "ada+thanks@example.org", "thanks@example.org"
	cases := []struct {
		addr, capture string
		detail        string
		ok            bool
	}{
		{"ada+thanks@example.org", plus, "", true},
		{"Ada+Thanks.3d@EXAMPLE.org", plus, "3d", true},
		{"ada+thanks.c42.k7f3q9@example.org", plus, "c42.k7f3q9", true},
		{"ada+thanks.3d.noremind@example.org", plus, "3d.noremind", true},
		{"ADA+THANKS.Friday@example.ORG", plus, "Friday", true},
		{"ada+thanks+3d@example.org", plus, "3d", true},
		{"ada+thanks.@example.org", plus, "", true},
		{" <ada+thanks.3d@example.org> ", plus, "3d", true},
		{"ada+thanks.3d@example.org", "<Ada+Thanks@Example.org>", "3d", true},
		{"ada@example.org", plus, "", false},
		{"ada+thanksgiving@example.org", plus, "", false},
		{"ada+thanks@other.org", plus, "", false},
		{"ada+thanks@example.org.evil", plus, "", false},
		{"ada+than@example.org", plus, "", false},
		{"bob+thanks@example.org", plus, "", false},
		{"xada+thanks@example.org", plus, "", false},
		{"ada+thanks.3d@example.org@evil.org", plus, "", false},
		{"\"ada+thanks\"@example.org", plus, "", false},
		{"ada+thanks .3d@example.org", plus, "", false},
		{"ada+thanks", plus, "", false},
		{"ada+thanks@", plus, "", false},
		{"@example.org", plus, "", false},
		{"", plus, "", false},
		{"ada+thanks@example.org", "", "", false},
		{"ada+thanks@example.org", "not an address", "", false},
		// Only ASCII case folds: the Kelvin sign is not a "k".
		{"ada+than\u212as@example.org", "ada+thanks@example.org", "", false},
		// An alias capture: options after a dot or a plus.
		{"thanks@example.org", alias, "", true},
		{"Thanks.3d@example.org", alias, "3d", true},
		{"thanks+3d@example.org", alias, "3d", true},
		{"thanks+3d.noremind@example.org", alias, "3d.noremind", true},
		{"thanksgiving@example.org", alias, "", false},
		{"ada+thanks@example.org", alias, "", false},
		{"thanks@other.org", alias, "", false},
	}
	for _, c := range cases {
		detail, ok := Match(c.addr, c.capture)
		if detail != c.detail || ok != c.ok {
			t.Errorf("Match(%q, %q) = %q, %v, want %q, %v", c.addr, c.capture, detail, ok, c.detail, c.ok)
		}
	}
}
