package control

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"gratitude"
	"gratitude/internal/owner"
)

// Handler carries out actions on one request in the daemon.
type Handler func(ctx context.Context, request int64, acts []owner.Action) (owner.Report, error)

// Server serves the control API on a unix socket.
type Server struct {
	path string
	srv  *http.Server
}

// maxBody bounds a call's body: a few actions, an edited text.
const maxBody = 1 << 20

// Listen serves the control API on the socket at path, readable and
// writable by the owner only. A socket left by a daemon that died is
// replaced; one a running daemon answers on is an error.
func Listen(path string, do Handler, log *slog.Logger) (*Server, error) {
	if path == "" {
		return nil, errors.New("control: no socket path: the database's path is too long for a unix socket and $XDG_RUNTIME_DIR is not set")
	}
	if fi, err := os.Lstat(path); err == nil {
		if fi.Mode().Type() != os.ModeSocket {
			return nil, fmt.Errorf("control: %s is in the way of the control socket and is not one; move it", path)
		}
		if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
			c.Close()
			return nil, fmt.Errorf("%w (it answers on %s); stop it first", ErrRunning, path)
		}
		if err := os.Remove(path); err != nil {
			return nil, fmt.Errorf("control: remove the stale socket %s: %w", path, err)
		}
	}
	ln, err := listenPrivate(path)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/actions", actions(do, log))
	s := &Server{path: path, srv: &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("control socket stopped; the command line will work on the database directly", "socket", path, "err", err)
		}
	}()
	return s, nil
}

// listenPrivate listens on a unix socket at path that only the owner can
// reach from the moment it appears: it is made under a temporary name,
// made private, and then renamed into place.
func listenPrivate(path string) (net.Listener, error) {
	tmp := path + ".new"
	os.Remove(tmp) // left by a daemon killed at this very step
	ln, err := net.Listen("unix", tmp)
	if err != nil {
		return nil, fmt.Errorf("control: listen on %s: %w", tmp, err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false) // Close removes path itself
	if err := os.Chmod(tmp, 0o600); err != nil {
		ln.Close()
		os.Remove(tmp)
		return nil, fmt.Errorf("control: make %s private: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		ln.Close()
		os.Remove(tmp)
		return nil, fmt.Errorf("control: put the socket at %s: %w", path, err)
	}
	return ln, nil
}

// ErrRunning: another daemon serves the database's control socket.
var ErrRunning = errors.New("control: another gratitude daemon is running on this database")

// Close stops serving, within a second, and removes the socket; a nil
// Server does nothing.
func (s *Server) Close() {
	if s == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	s.srv.Shutdown(ctx)
	os.Remove(s.path)
}

// actions handles POST /v1/actions.
func actions(do Handler, log *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req ActionsRequest
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(&req); err != nil {
			writeJSON(w, http.StatusBadRequest, errorReply{Error: "control: bad request: " + err.Error()})
			return
		}
		rep, err := do(r.Context(), req.Request, req.Actions)
		switch {
		case errors.Is(err, gratitude.ErrNoSuchRequest), errors.Is(err, gratitude.ErrNoSuchDraft):
			writeJSON(w, http.StatusNotFound, errorReply{Error: err.Error(), NotFound: true})
		case err != nil:
			log.Error("owner's action failed", "request", req.Request, "err", err)
			writeJSON(w, http.StatusInternalServerError, errorReply{Error: err.Error()})
		default:
			writeJSON(w, http.StatusOK, ReplyOf(rep))
		}
	}
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}
