package config

import (
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func TestParseDurationAcceptsEveryForm(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"90m", 90 * time.Minute},
		{"36h", 36 * time.Hour},
		{"3d", 72 * time.Hour},
		{"2w", 14 * 24 * time.Hour},
		{"1h30m", 90 * time.Minute},
		{"1w2d", 9 * 24 * time.Hour},
		{"1d12h", 36 * time.Hour},
		{"1.5h", 90 * time.Minute},
		{"0.5d", 12 * time.Hour},
		{"300ms", 300 * time.Millisecond},
		{"10s", 10 * time.Second},
		{"2h45m30.5s", 2*time.Hour + 45*time.Minute + 30500*time.Millisecond},
		{"1µs", time.Microsecond},
		{"0", 0},
		{" 3d ", 72 * time.Hour},
		{"-2h", -2 * time.Hour},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDurationRejectsNonsense(t *testing.T) {
	for _, in := range []string{"", "3", "3 days", "d", "3x", "1mo", "abc", "h1", "1..5h", "99999999999w"} {
		if d, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) = %v, want an error", in, d)
		}
	}
}

func TestFormatDurationRoundTrips(t *testing.T) {
	tests := map[time.Duration]string{
		3 * Day:                            "3d",
		2 * Week:                           "2w",
		9 * Day:                            "1w2d",
		90 * time.Minute:                   "1h30m",
		36 * time.Hour:                     "1d12h",
		10 * time.Second:                   "10s",
		0:                                  "0s",
		time.Minute + 500*time.Millisecond: "1m500ms",
	}
	for d, want := range tests {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
		back, err := ParseDuration(FormatDuration(d))
		if err != nil || back != d {
			t.Errorf("ParseDuration(FormatDuration(%v)) = %v, %v", d, back, err)
		}
	}
}

func TestDurationUnmarshalsFromYAML(t *testing.T) {
	var v struct {
		After Duration `yaml:"after"`
	}
	if err := yaml.Unmarshal([]byte("after: 2w\n"), &v); err != nil {
		t.Fatal(err)
	}
	if v.After.Std() != 2*Week {
		t.Errorf("after = %v, want 2w", v.After)
	}
	out, err := yaml.Marshal(v)
	if err != nil || string(out) != "after: 2w\n" {
		t.Errorf("Marshal = %q, %v", out, err)
	}
	if err := yaml.Unmarshal([]byte("after: soon\n"), &v); err == nil {
		t.Error("Unmarshal of \"soon\" succeeded, want an error")
	}
}
