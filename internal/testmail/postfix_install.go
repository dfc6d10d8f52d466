package testmail

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"strings"
)

// ErrPostfixUnavailable wraps every reason StartPostfix cannot run Postfix
// here (not installed, too old, not root); NewPostfix skips on it.
var ErrPostfixUnavailable = errors.New("testmail: postfix unavailable")

// RequirePostfixEnv names the variable that turns an unavailable Postfix
// from a skip into a test failure (RequireDovecotEnv does too).
const RequirePostfixEnv = "GRATITUDE_REQUIRE_POSTFIX"

// postfixFallbacks are tried when postconf is not on PATH (sbin often is not).
var postfixFallbacks = []string{"/usr/sbin/postconf", "/usr/local/sbin/postconf"}

// The accounts the postfix package creates, used as mail_owner and
// setgid_group.
const (
	postfixMailOwner   = "postfix"
	postfixSetgidGroup = "postdrop"
)

// postfixInstall describes the installed Postfix and its accounts' ids.
type postfixInstall struct {
	postconf  string // path of postconf(1)
	master    string // path of the master(8) daemon
	version   string // mail_version, e.g. "3.7.11"
	compat    string // a compatibility_level this version understands
	ownerUID  int    // of postfixMailOwner
	setgidGID int    // of postfixSetgidGroup
}

// findPostfix locates Postfix (3.4 or later, for maillog_file) and checks we
// are root, as its master requires.
func findPostfix() (*postfixInstall, error) {
	postconf, err := postconfBinary()
	if err != nil {
		return nil, err
	}
	out, err := exec.Command(postconf, "-d", "-h", "mail_version", "daemon_directory").Output()
	if err != nil {
		return nil, fmt.Errorf("testmail: %s -d -h mail_version daemon_directory: %w (reinstall postfix)", postconf, err)
	}
	fields := strings.Fields(string(out))
	if len(fields) != 2 {
		return nil, fmt.Errorf("testmail: unexpected postconf output %q", out)
	}
	in := &postfixInstall{postconf: postconf, master: fields[1] + "/master", version: fields[0]}
	if in.compat, err = compatLevel(in.version); err != nil {
		return nil, err
	}
	if os.Geteuid() != 0 {
		return nil, fmt.Errorf("%w: its master daemon must start as root; run the tests as root (CI does)", ErrPostfixUnavailable)
	}
	if err := in.lookupAccounts(); err != nil {
		return nil, err
	}
	return in, nil
}

func postconfBinary() (string, error) {
	if p, ok := findBinary("postconf", postfixFallbacks); ok {
		return p, nil
	}
	return "", fmt.Errorf("%w: not installed (no postconf); apt-get install postfix or run .ci/install-deps.sh", ErrPostfixUnavailable)
}

// compatLevel maps mail_version to a compatibility_level it accepts, and
// refuses versions without maillog_file (before 3.4).
func compatLevel(version string) (string, error) {
	var major, minor int
	if _, err := fmt.Sscanf(version, "%d.%d", &major, &minor); err != nil {
		return "", fmt.Errorf("testmail: cannot parse postfix mail_version %q: %w", version, err)
	}
	switch {
	case major > 3 || major == 3 && minor >= 6:
		return "3.6", nil
	case major == 3 && minor >= 4:
		return "2", nil
	}
	return "", fmt.Errorf("%w: version %s is too old, need 3.4 or later (maillog_file)", ErrPostfixUnavailable, version)
}

func (in *postfixInstall) lookupAccounts() error {
	u, err := user.Lookup(postfixMailOwner)
	if err != nil {
		return fmt.Errorf("testmail: postfix mail_owner %q missing (reinstall postfix): %w", postfixMailOwner, err)
	}
	g, err := user.LookupGroup(postfixSetgidGroup)
	if err != nil {
		return fmt.Errorf("testmail: postfix setgid_group %q missing (reinstall postfix): %w", postfixSetgidGroup, err)
	}
	in.ownerUID, _ = strconv.Atoi(u.Uid)
	in.setgidGID, _ = strconv.Atoi(g.Gid)
	return nil
}
