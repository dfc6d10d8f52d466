package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Load reads the configuration file at path, expands ${ENV} references from
// the process environment, applies defaults and validates it. Problems with
// the contents are returned together as *Errors. Relative paths in the file
// (database, ca_file) are taken relative to the file's directory.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("config file %s does not exist; create one with `gratitude init`", path)
	}
	if err != nil {
		return nil, fmt.Errorf("reading config file: %w", err)
	}
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	cfg, r, err := parse(data, os.LookupEnv, dir)
	if err != nil {
		return nil, err
	}
	cfg.Path = path
	if info, err := os.Stat(path); err == nil && info.Mode().Perm()&0o077 != 0 {
		for _, key := range []string{"imap.password", "smtp.password"} {
			if r.set[key] && !r.fromEnv[key] {
				cfg.Warnings = append(cfg.Warnings, fmt.Sprintf(
					"%s: the password is written in %s, which other users can read (mode %04o); run `chmod 600 %s`, or use ${ENV} or %s_command",
					key, path, info.Mode().Perm(), path, key))
			}
		}
	}
	return cfg, nil
}

// Parse is Load without the file: it decodes data, expanding ${NAME}
// references with lookupEnv (os.LookupEnv when nil), applies defaults and
// validates. Relative paths stay relative to the working directory.
func Parse(data []byte, lookupEnv func(string) (string, bool)) (*Config, error) {
	cfg, _, err := parse(data, lookupEnv, "")
	return cfg, err
}

func parse(data []byte, lookupEnv func(string) (string, bool), baseDir string) (*Config, *raw, error) {
	if lookupEnv == nil {
		lookupEnv = os.LookupEnv
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, &Errors{{Problem: syntaxProblem(err, data)}}
	}
	r := &raw{set: map[string]bool{}, fromEnv: map[string]bool{}, bad: map[string]bool{}, unsetEnv: map[string]error{}}
	if len(doc.Content) > 0 {
		root := resolve(doc.Content[0])
		switch {
		case isNull(root):
		case root.Kind == yaml.MappingNode:
			r.walk(root, "", lookupEnv)
		default:
			r.fail("", fmt.Sprintf("line %d: the file must be a mapping of keys such as `owner:` and `imap:`, got %s", root.Line, describe(root)))
		}
	}
	r.finish(lookupEnv, baseDir)
	if len(r.errs) > 0 {
		return nil, r, &r.errs
	}
	cfg := r.cfg
	cfg.Warnings = r.warnings
	return &cfg, r, nil
}

// syntaxProblem turns a yaml.v3 error into "YAML syntax error on line N: ...".
func syntaxProblem(err error, data []byte) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	problem := "YAML syntax error: " + msg
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, text, ok := strings.Cut(rest, ": "); ok {
			problem = fmt.Sprintf("YAML syntax error on line %s: %s", n, text)
		}
	}
	if line := firstTabIndent(data); line > 0 {
		problem += fmt.Sprintf(" (line %d is indented with a tab: YAML takes spaces only)", line)
	}
	return problem
}

// firstTabIndent is the number of the first line indented with a tab, or 0.
func firstTabIndent(data []byte) int {
	for i, line := range strings.Split(string(data), "\n") {
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		if strings.Contains(indent, "\t") {
			return i + 1
		}
	}
	return 0
}

func (r *raw) fail(key, problem string) {
	r.errs = append(r.errs, FieldError{Key: key, Problem: problem})
	if key != "" {
		r.bad[key] = true
	}
}

// walk decodes the keys of mapping n, found at dotted path prefix.
func (r *raw) walk(n *yaml.Node, prefix string, lookupEnv func(string) (string, bool)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			r.fail(prefix, fmt.Sprintf("line %d: keys must be plain names, got %s", k.Line, describe(k)))
			continue
		}
		path := k.Value
		if prefix != "" {
			path = prefix + "." + k.Value
		}
		if k.Value == "<<" {
			r.fail(prefix, fmt.Sprintf("line %d: YAML merge keys (<<) are not supported; write the keys out", k.Line))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			r.fail(path, fmt.Sprintf("set twice (lines %d and %d); keep one", line, k.Line))
			continue
		}
		seen[k.Value] = k.Line
		if l, ok := leaves[path]; ok {
			r.decode(l, v, lookupEnv)
			continue
		}
		if sections[path] {
			switch {
			case isNull(v):
			case v.Kind == yaml.MappingNode:
				r.walk(v, path, lookupEnv)
			default:
				r.fail(path, fmt.Sprintf("must be a section of keys (%s), got %s", strings.Join(qualify(path, children(path)), ", "), describe(v)))
			}
			continue
		}
		problem := "unknown key"
		if s := suggest(path); s != "" {
			problem += "; did you mean " + s + "?"
		} else {
			problem += fmt.Sprintf("; known keys here: %s", strings.Join(qualify(prefix, children(prefix)), ", "))
		}
		r.fail(path, problem)
	}
}

func qualify(prefix string, names []string) []string {
	if prefix == "" {
		return names
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + "." + n
	}
	return out
}

// decode stores node v into the leaf's target, reporting type errors.
func (r *raw) decode(l leaf, v *yaml.Node, lookupEnv func(string) (string, bool)) {
	if isNull(v) {
		return // same as absent: the default applies
	}
	switch t := l.target(r).(type) {
	case *[]string:
		if v.Kind != yaml.SequenceNode {
			r.fail(l.path, fmt.Sprintf("must be a list such as [a, b], got %s", describe(v)))
			return
		}
		list := []string{}
		for i, item := range v.Content {
			item = resolve(item)
			ipath := fmt.Sprintf("%s[%d]", l.path, i)
			s, ok := r.scalar(ipath, item, "must be a string", lookupEnv)
			if ok {
				list = append(list, s)
			}
		}
		*t = list
		r.set[l.path] = true
	case *string:
		if s, ok := r.scalar(l.path, v, "must be a string", lookupEnv); ok {
			*t = s
			r.set[l.path] = true
		}
	case *int:
		s, ok := r.scalar(l.path, v, "must be a number", lookupEnv)
		if !ok {
			return
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			r.fail(l.path, fmt.Sprintf("must be a number, got %q", s))
			return
		}
		*t = n
		r.set[l.path] = true
	case *bool:
		s, ok := r.scalar(l.path, v, "must be true or false", lookupEnv)
		if !ok {
			return
		}
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true", "yes", "on":
			*t = true
		case "false", "no", "off":
			*t = false
		default:
			r.fail(l.path, fmt.Sprintf("must be true or false, got %q", s))
			return
		}
		r.set[l.path] = true
	case *time.Duration:
		s, ok := r.scalar(l.path, v, "must be a duration like 90m, 36h, 3d or 2w", lookupEnv)
		if !ok {
			return
		}
		d, err := ParseDuration(s)
		if err != nil {
			r.fail(l.path, fmt.Sprintf("must be a duration like 90m, 36h, 3d, 2w or 1h30m, got %q", s))
			return
		}
		*t = d
		r.set[l.path] = true
	default:
		panic(fmt.Sprintf("config: key %s has unsupported target %T", l.path, t))
	}
}

// scalar returns the env-expanded text of a scalar node, or reports
// "path: want, got a list" for anything else.
func (r *raw) scalar(path string, v *yaml.Node, want string, lookupEnv func(string) (string, bool)) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		r.fail(path, fmt.Sprintf("%s, got %s", want, describe(v)))
		return "", false
	}
	s, used, err := expandEnv(v.Value, lookupEnv)
	var unset unsetEnvError
	if errors.As(err, &unset) && secretKeys[path] {
		// Only the commands that log in need it: the others never look.
		r.unsetEnv[path] = err
		r.fromEnv[path] = true
		return "", true
	}
	if err != nil {
		r.fail(path, err.Error())
		return "", false
	}
	if used {
		r.fromEnv[path] = true
	}
	return s, true
}

// resolve follows YAML aliases (*name) to the anchored node.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// describe names what a node is, for "got ..." in messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a section of keys"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	}
	return "something else"
}

// secretKeys are the keys whose unset ${ENV} only the commands that log in
// need (see Config.NeedSecrets).
var secretKeys = map[string]bool{"imap.password": true, "smtp.password": true}
