package templates

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// readTemplatesDir lists dir, saying plainly when it is missing.
func readTemplatesDir(dir string) ([]fs.DirEntry, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("templates_dir %s: no such directory; create it or leave templates_dir out of the config", dir)
	case err != nil:
		return nil, fmt.Errorf("templates_dir %s: %w", dir, err)
	case !info.IsDir():
		return nil, fmt.Errorf("templates_dir %s: not a directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("templates_dir %s: %w", dir, err)
	}
	return entries, nil
}

// knownFiles returns the template files among entries, and an error naming
// any other file; hidden files (".name") are ignored.
func knownFiles(dir string, entries []fs.DirEntry) (map[string]bool, error) {
	valid := fileNames()
	found := make(map[string]bool)
	var unknown []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."):
		case !e.IsDir() && slices.Contains(valid, name):
			found[name] = true
		default:
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return found, nil
	}
	return found, fmt.Errorf("templates_dir %s: unknown %s %s; rename or remove %s (valid names: %s)",
		dir, plural(len(unknown), "file", "files"), strings.Join(unknown, ", "),
		plural(len(unknown), "it", "them"), strings.Join(valid, ", "))
}
