package testmail

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"gratitude/internal/retry"
)

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort() (int, error) {
	ports, err := freePorts(1)
	if err != nil {
		return 0, err
	}
	return ports[0], nil
}

// freePorts returns n distinct free loopback ports. All listeners are held
// open until every port is chosen so the ports cannot coincide.
func freePorts(n int) ([]int, error) {
	var lns []net.Listener
	defer func() {
		for _, ln := range lns {
			ln.Close()
		}
	}()
	ports := make([]int, 0, n)
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("testmail: pick free port: %w", err)
		}
		lns = append(lns, ln)
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

func loopback(port int) string {
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
}

// pollBackoff is how a polling loop waits between looks: 5 ms doubling
// to 200 ms.
var pollBackoff = retry.Backoff{Min: 5 * time.Millisecond, Max: 200 * time.Millisecond}

// backoff sleeps growing intervals (pollBackoff) for a polling loop.
type backoff struct{ n int }

func (b *backoff) wait() {
	b.n++
	time.Sleep(pollBackoff.Ceiling(b.n))
}

// readGreeting dials addr and reads until a usable untagged OK greeting
// arrives, returning that line. Dovecot sends "* OK Waiting for
// authentication process to respond.." first while its auth process starts;
// that does not count.
func readGreeting(addr string, deadline time.Time) (string, error) {
	conn, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if d := time.Now().Add(2 * time.Second); d.Before(deadline) {
		deadline = d
	}
	conn.SetDeadline(deadline)
	r := bufio.NewReader(conn)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return "", fmt.Errorf("read greeting: %w", err)
		}
		switch {
		case strings.HasPrefix(line, "* OK") && !strings.Contains(line, "Waiting for authentication"):
			return strings.TrimSpace(line), nil
		case strings.HasPrefix(line, "* OK"):
			continue
		default:
			return "", fmt.Errorf("unexpected greeting %q", strings.TrimSpace(line))
		}
	}
}

// waitRefused polls until nothing accepts connections on addr.
func waitRefused(addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var b backoff
	for {
		conn, err := net.DialTimeout("tcp", addr, 500*time.Millisecond)
		if err != nil {
			return nil
		}
		conn.Close()
		if time.Now().After(deadline) {
			return errors.New("testmail: " + addr + " still accepts connections")
		}
		b.wait()
	}
}
