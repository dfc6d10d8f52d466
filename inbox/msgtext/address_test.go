package msgtext

import "testing"

func TestParseAddresses(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Address
	}{
		{"NameAngle", "Ada Lovelace <Ada@Example.org>", []Address{ada}},
		{"QuotedName", `"Lovelace, Ada" <ada@example.org>`, []Address{{Name: "Lovelace, Ada", Email: "ada@example.org"}}},
		{"OutlookMailtoBrackets", "Ada Lovelace [mailto:ada@example.org]", []Address{ada}},
		{"OutlookMailtoEcho", "Ada Lovelace <ada@example.org<mailto:ada@example.org>>", []Address{ada}},
		{"BareAddressMailtoEcho", "ada@example.org<mailto:ada@example.org>", []Address{{Email: "ada@example.org"}}},
		{"BareAddress", "ada@example.org", []Address{{Email: "ada@example.org"}}},
		{"NameOnly", "Ada Lovelace", []Address{{Name: "Ada Lovelace"}}},
		{"SpanishParens", "Ada Lovelace (<ada@example.org>)", []Address{ada}},
		{"BoldName", "*Ada Lovelace* <ada@example.org>", []Address{ada}},
		{"CommaList", "Ada Lovelace <ada@example.org>, Bob Example <bob@example.com>", []Address{ada, bob}},
		{"SemicolonListWithLastFirst", "Lovelace, Ada <ada@example.org>; Example, Bob", []Address{
			{Name: "Lovelace, Ada", Email: "ada@example.org"}, {Name: "Example, Bob"}}},
		{"UnquotedLastFirstWithComma", "Lovelace, Ada <ada@example.org>", []Address{{Name: "Lovelace, Ada", Email: "ada@example.org"}}},
		{"EncodedWord", "=?UTF-8?Q?Ren=C3=A9e?= <renee@example.org>", []Address{{Name: "Renée", Email: "renee@example.org"}}},
		{"GroupNameDropped", "undisclosed-recipients:;", nil},
		{"Empty", "  ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseAddresses(tc.in); !sameAddresses(got, tc.want) {
				t.Errorf("parseAddresses(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}
