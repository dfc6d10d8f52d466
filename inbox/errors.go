package inbox

import "errors"

// ErrStalled marks a connection the watchdog closed because the server
// stopped answering.
var ErrStalled = errors.New("server stalled")

// ErrAuth marks a login the server refused; retrying with the same
// credentials will not help until the configuration changes.
var ErrAuth = errors.New("authentication rejected")

// ErrTLS marks a failed TLS handshake or certificate verification.
var ErrTLS = errors.New("TLS failed")

// Stages of opening a connection, as named in StageError.
const (
	StageConnect  = "connect"
	StageTLS      = "tls"
	StageGreeting = "greeting"
	StageLogin    = "login"
)

// StageError says at which stage of opening a connection Dial failed.
type StageError struct {
	Stage string
	Err   error
}

func (e *StageError) Error() string { return e.Err.Error() }
func (e *StageError) Unwrap() error { return e.Err }
