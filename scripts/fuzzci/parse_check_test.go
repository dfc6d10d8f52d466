package fuzzci

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// listOutput is `go test -json -list '^Fuzz' ./...` output, shortened: one
// package with two targets, one without, one that does not build.
const listOutput = `{"Action":"start","Package":"m/a"}
{"Action":"output","Package":"m/a","Output":"FuzzOne\n"}
{"Action":"output","Package":"m/a","Output":"FuzzTwo\n"}
{"Action":"output","Package":"m/a","Output":"ok  \tm/a\t0.01s\n"}
{"Action":"pass","Package":"m/a","Elapsed":0.01}
{"Action":"output","Package":"m/b","Output":"ok  \tm/b\t0.01s\n"}
{"ImportPath":"m/c","Action":"build-output","Output":"c.go:1:1: expected 'package'\n"}
{"ImportPath":"m/c","Action":"build-fail"}
{"Action":"output","Package":"m/c","Output":"FAIL\tm/c [build failed]\n"}
{"Action":"fail","Package":"m/c","Elapsed":0,"FailedBuild":"m/c"}
`

func TestParseListFindsTargetsAndBrokenPackages(t *testing.T) {
	l, err := parseList(strings.NewReader(listOutput))
	if err != nil {
		t.Fatal(err)
	}
	want := []target{{Pkg: "m/a", Name: "FuzzOne"}, {Pkg: "m/a", Name: "FuzzTwo"}}
	if !slices.Equal(l.targets, want) {
		t.Errorf("targets %+v, want %+v", l.targets, want)
	}
	if len(l.failed) != 1 || !strings.Contains(l.failed["m/c"], "expected 'package'") {
		t.Errorf("failed %q, want m/c with its build error", l.failed)
	}
}

func TestParseListRejectsNonJSON(t *testing.T) {
	if _, err := parseList(strings.NewReader("FuzzOne\nok  \tm/a\n")); err == nil {
		t.Fatal("plain -list output accepted as JSON events")
	}
}

func TestJudgeNamesTheCrasherFile(t *testing.T) {
	out := "--- FAIL: FuzzOne (1.20s)\n    --- FAIL: FuzzOne (0.00s)\n        a_test.go:9: boom\n\n" +
		"    Failing input written to testdata/fuzz/FuzzOne/5d2a0c\n    To re-run:\n" +
		"    go test -run=FuzzOne/5d2a0c\nFAIL\n"
	got, crasher := judge(out, errors.New("exit status 1"), "/src/m/a")
	if want := filepath.Join("/src/m/a", "testdata", "fuzz", "FuzzOne", "5d2a0c"); got != found || crasher != want {
		t.Errorf("judge = %v, %q; want found, %q", got, crasher, want)
	}
}

func TestJudgeTellsTheDeadlineRaceFromAFailure(t *testing.T) {
	exit := errors.New("exit status 1")
	for _, tc := range []struct {
		name, out string
		want      outcome
	}{
		{"pass", "fuzz: elapsed: 10s, execs: 9\nPASS\nok  \tm/a\t10.1s\n", passed},
		{"race", "fuzz: elapsed: 10s\n--- FAIL: FuzzOne (10.05s)\n    context deadline exceeded\nFAIL\n", raceEnd},
		{"seed fails", "--- FAIL: FuzzOne (0.00s)\n    --- FAIL: FuzzOne/seed#0 (0.00s)\n        a_test.go:9: bad\nFAIL\n", found},
		{"panic", "--- FAIL: FuzzOne (10.05s)\n    context deadline exceeded\npanic: boom\nFAIL\n", found},
		{"build", "# m/a\na_test.go:3:1: syntax error\nFAIL\tm/a [build failed]\n", found},
	} {
		var err error
		if tc.want != passed {
			err = exit
		}
		if got, _ := judge(tc.out, err, "/src/m/a"); got != tc.want {
			t.Errorf("%s: judge = %v, want %v", tc.name, got, tc.want)
		}
	}
}
