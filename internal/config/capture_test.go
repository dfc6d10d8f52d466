package config

import "testing"

func TestCaptureFolderIsFoundByTheDetailNamedOrOff(t *testing.T) {
	tests := []struct {
		yaml         string
		name, detail string
	}{
		{"", "", "thanks"},
		{"capture: {folder: \"\"}\n", "", "thanks"},
		{"capture: {address: ada+Asks@example.org}\n", "", "Asks"},
		{"capture: {address: thanks@example.org}\n", "", ""}, // an alias has no detail
		{"capture: {folder: Asks}\n", "Asks", ""},
		{"capture: {folder: INBOX/thanks}\n", "INBOX/thanks", ""},
		{"capture: {folder: off}\n", "", ""},
		{"capture: {folder: \"OFF\"}\n", "", ""},
	}
	for _, tt := range tests {
		cfg := mustParse(t, minimal+tt.yaml, env())
		if name, detail := cfg.Capture.FolderWanted(); name != tt.name || detail != tt.detail {
			t.Errorf("%q: folder wanted (%q, detail %q), want (%q, %q)", tt.yaml, name, detail, tt.name, tt.detail)
		}
	}
}

func TestCaptureFolderMustBeAFolderName(t *testing.T) {
	errs := parseErrors(t, minimal+"capture: {folder: \"  \"}\n", env())
	wantProblem(t, errs, "capture.folder", "must name a folder, or be off")
	errs = parseErrors(t, minimal+"capture: {folder: \"thanks\\r\\nA1 DELETE INBOX\"}\n", env())
	wantProblem(t, errs, "capture.folder", "control character")
}
