package control

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"gratitude"
	"gratitude/internal/owner"
)

// ErrNoDaemon: no daemon listens on the socket; work on the database.
var ErrNoDaemon = errors.New("control: no daemon is running")

// Client calls a running daemon's control API.
type Client struct {
	path string
	http *http.Client
}

// Dial connects to the daemon listening at path; ErrNoDaemon when none
// does (no socket, or one a dead daemon left).
func Dial(path string) (*Client, error) {
	if path == "" {
		return nil, ErrNoDaemon
	}
	c, err := net.DialTimeout("unix", path, 2*time.Second)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNoDaemon, err)
	}
	c.Close()
	dial := func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", path)
	}
	return &Client{path: path, http: &http.Client{Transport: &http.Transport{DialContext: dial}}}, nil
}

// Do carries out actions on one request in the daemon.
func (c *Client) Do(ctx context.Context, request int64, acts []owner.Action) (Reply, error) {
	body, err := json.Marshal(ActionsRequest{Request: request, Actions: acts})
	if err != nil {
		return Reply{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://gratitude/v1/actions", bytes.NewReader(body))
	if err != nil {
		return Reply{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return Reply{}, fmt.Errorf("control: the daemon on %s did not answer: %w", c.path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e errorReply
		if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || e.Error == "" {
			return Reply{}, fmt.Errorf("control: the daemon answered %s", resp.Status)
		}
		if e.NotFound {
			return Reply{}, notFound(e.Error)
		}
		return Reply{}, errors.New(e.Error)
	}
	var r Reply
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return Reply{}, fmt.Errorf("control: the daemon's answer: %w", err)
	}
	return r, nil
}

// notFound is the daemon's "no such request or draft", as an error that
// is gratitude.ErrNoSuchRequest.
type notFound string

func (e notFound) Error() string { return string(e) }

func (notFound) Is(target error) bool {
	return target == gratitude.ErrNoSuchRequest || target == gratitude.ErrNoSuchDraft
}
