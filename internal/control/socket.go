package control

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
)

// maxSocketPath is the longest socket path used, leaving room for the
// temporary name it is made under (".new"): sun_path is 104 bytes on the
// BSDs and 108 on Linux, with its NUL.
const maxSocketPath = 96

// SocketPath is where the daemon of the database listens: beside it,
// "DATABASE.sock", or, when that path is too long for a socket, in
// $XDG_RUNTIME_DIR under a name made from it. "" when neither fits.
func SocketPath(database string) string {
	abs, err := filepath.Abs(database)
	if err != nil {
		return ""
	}
	if p := abs + ".sock"; len(p) <= maxSocketPath {
		return p
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	p := filepath.Join(dir, "gratitude-"+hex.EncodeToString(sum[:8])+".sock")
	if len(p) > maxSocketPath {
		return ""
	}
	return p
}
