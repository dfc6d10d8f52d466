package templates

import (
	"strings"
	"testing"
	"time"
)

// TestThanksSaysHowSoonInPlainEnglish renders each wording for answers
// from seconds to hours after the ask: the sentence about the speed reads
// naturally ("within a minute of my asking", "only twenty minutes after I
// asked"), never "only less than a minute after I asked" or "1 hour".
func TestThanksSaysHowSoonInPlainEnglish(t *testing.T) {
	s := mustLoad(t, "")
	for _, tt := range []struct {
		took   time.Duration
		phrase string
	}{
		{25 * time.Second, "within a minute of my asking"},
		{time.Minute, "only a minute after I asked"},
		{20 * time.Minute, "only twenty minutes after I asked"},
		{time.Hour, "only an hour after I asked"},
		{5 * time.Hour, "only five hours after I asked"},
	} {
		v := bareThanks()
		v.TookFor = tt.took
		for i, r := range thanksVariants(t, s, v) {
			for _, text := range []string{r.Text, r.HTML} {
				flat := strings.Join(strings.Fields(text), " ")
				for _, bad := range []string{"less than", "1 minute", "1 hour", "only only"} {
					if strings.Contains(flat, bad) {
						t.Errorf("took %v, variant %d says %q:\n%s", tt.took, i+1, bad, text)
					}
				}
			}
		}
		want := map[int]string{
			1: "meant a lot, and it came " + tt.phrase + ".",
			2: "And it came " + tt.phrase + ". I owe you one.",
			3: "And so fast: you answered " + tt.phrase + ".",
		}
		for i, r := range thanksVariants(t, s, v) {
			if w, ok := want[i]; ok && !strings.Contains(strings.Join(strings.Fields(r.Text), " "), w) {
				t.Errorf("took %v, variant %d lacks %q:\n%s", tt.took, i+1, w, r.Text)
			}
		}
	}
}
