package gratitude

import (
	"strings"
	"testing"
)

func TestCardTokensFitOnlyTheirCardAndKey(t *testing.T) {
	key, other := []byte("key one"), []byte("key two")
	tok := CardToken(key, 42)
	if len(tok) != tokenLen || !ValidCardToken(key, 42, tok) || !ValidCardToken(key, 42, strings.ToUpper(tok)) {
		t.Fatalf("token %q does not validate", tok)
	}
	for name, ok := range map[string]bool{
		"another card":   ValidCardToken(key, 43, tok),
		"another key":    ValidCardToken(other, 42, tok),
		"a shorter one":  ValidCardToken(key, 42, tok[:8]),
		"an empty token": ValidCardToken(key, 42, ""),
	} {
		if ok {
			t.Errorf("%s: accepted", name)
		}
	}
	if got := CardAddress("ada+thanks@example.org", 42, tok); got != "ada+thanks.c42."+tok+"@example.org" {
		t.Errorf("CardAddress = %q", got)
	}
}
