package fuzzci

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// target is one fuzz function and the package that declares it.
type target struct {
	Pkg  string // import path
	Dir  string // the package's directory, where the fuzzer writes crashers
	Name string // FuzzXxx
}

// listing is what `go test -json -list '^Fuzz' ./...` reported.
type listing struct {
	targets []target          // in the order listed
	failed  map[string]string // package → its output, for packages that failed to build or list
}

// fuzzName matches a line of -list output that names a fuzz target.
var fuzzName = regexp.MustCompile(`^Fuzz[\p{L}\p{N}_]*$`)

// testEvent is the part of a `go test -json` event the listing needs.
type testEvent struct {
	Action     string
	Package    string
	ImportPath string // build-output and build-fail events
	Output     string
}

// parseList reads the JSON events of `go test -json -list`.
func parseList(r io.Reader) (listing, error) {
	l := listing{failed: map[string]string{}}
	out := map[string]*strings.Builder{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		var ev testEvent
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			return l, fmt.Errorf("go test -json: %w in %q", err, sc.Text())
		}
		pkg := ev.Package + ev.ImportPath
		if out[pkg] == nil {
			out[pkg] = &strings.Builder{}
		}
		switch ev.Action {
		case "output", "build-output":
			out[pkg].WriteString(ev.Output)
			if name := strings.TrimSpace(ev.Output); ev.Action == "output" && fuzzName.MatchString(name) {
				l.targets = append(l.targets, target{Pkg: ev.Package, Name: name})
			}
		case "fail", "build-fail":
			l.failed[pkg] = out[pkg].String()
		}
	}
	return l, sc.Err()
}

// goCmd runs the go command in dir and returns its standard output.
func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out, nil
}

// moduleRoot is the directory of the module's go.mod.
func moduleRoot() (string, error) {
	out, err := goCmd(".", "env", "GOMOD")
	gomod := strings.TrimSpace(string(out))
	if err != nil || gomod == "" || gomod == "/dev/null" {
		return "", fmt.Errorf("no go.mod found (%q): %v", gomod, err)
	}
	return filepath.Dir(gomod), nil
}

// listTargets finds every fuzz target of the module rooted at root. A
// package that fails to build is reported in failed, the others listed.
func listTargets(root string) (listing, error) {
	out, runErr := goCmd(root, "test", "-json", "-list", "^Fuzz", "./...")
	l, err := parseList(bytes.NewReader(out))
	if err != nil {
		return l, err
	}
	if runErr != nil && len(l.failed) == 0 {
		return l, runErr
	}
	dirs := map[string]string{}
	for _, t := range l.targets {
		dirs[t.Pkg] = ""
	}
	if len(dirs) == 0 {
		return l, nil
	}
	args := []string{"list", "-f", "{{.ImportPath}}\t{{.Dir}}"}
	for pkg := range dirs {
		args = append(args, pkg)
	}
	out, err = goCmd(root, args...)
	if err != nil {
		return l, err
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, dir, _ := strings.Cut(line, "\t")
		dirs[pkg] = dir
	}
	for i := range l.targets {
		l.targets[i].Dir = dirs[l.targets[i].Pkg]
	}
	return l, nil
}
