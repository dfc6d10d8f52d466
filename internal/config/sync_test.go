package config

import (
	"testing"
	"time"
)

func TestTrackFromIsADurationOrADate(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	cases := []struct {
		value string
		want  Sync
	}{
		{`""`, Sync{}},
		{"30d", Sync{TrackBack: 30 * 24 * time.Hour}},
		{"2w", Sync{TrackBack: 14 * 24 * time.Hour}},
		{"2026-09-01", Sync{TrackFrom: time.Date(2026, 9, 1, 0, 0, 0, 0, paris)}},
		{"2026-09-01T08:00:00Z", Sync{TrackFrom: time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)}},
	}
	for _, c := range cases {
		cfg := mustParse(t, minimal+"timezone: Europe/Paris\nsync:\n  track_from: "+c.value+"\n", env())
		if !cfg.Sync.TrackFrom.Equal(c.want.TrackFrom) || cfg.Sync.TrackBack != c.want.TrackBack {
			t.Errorf("track_from %s: %+v, want %+v", c.value, cfg.Sync, c.want)
		}
	}
	for _, bad := range []string{"last spring", "-3d", "2026-13-01"} {
		errs := parseErrors(t, minimal+"sync:\n  track_from: "+bad+"\n", env())
		wantProblem(t, errs, "sync.track_from")
	}
}
