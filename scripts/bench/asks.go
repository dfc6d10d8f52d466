package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

// listed is a request as `gratitude list --json` prints it (the fields
// the benchmark checks).
type listed struct {
	ID        int64  `json:"id"`
	State     string `json:"state"`
	MessageID string `json:"message_id"`
	Helpers   []struct {
		Email string `json:"email"`
	} `json:"helpers"`
}

// listRequests runs `gratitude list --json --history`: asks filed before
// a mailbox's first pass are history, and tracked all the same.
func (b *bench) listRequests(cfg string) ([]listed, error) {
	out, _, _, err := b.gratitude(cfg, "list", "--json", "--history")
	if err != nil {
		return nil, err
	}
	var reqs []listed
	if err := json.Unmarshal(out, &reqs); err != nil {
		return nil, fmt.Errorf("list --json: %w", err)
	}
	return reqs, nil
}

// trackAsks files asks first..first+n-1 in the owner's Sent and runs one
// pass, so gratitude tracks each as a request; it returns their ids in
// order, as `list --json` shows them.
func (b *bench) trackAsks(cfg string, first, n int) ([]int64, error) {
	gen := func(i int) []byte { return askMail(first + i) }
	if err := b.dc.PopulateMaildir(owner, "Sent", n, gen); err != nil {
		return nil, fmt.Errorf("file asks in Sent: %w", err)
	}
	if _, err := b.runOnce(cfg); err != nil {
		return nil, err
	}
	reqs, err := b.listRequests(cfg)
	if err != nil {
		return nil, err
	}
	byID := map[string]int64{}
	for _, r := range reqs {
		byID[strings.Trim(r.MessageID, "<>")] = r.ID
	}
	ids := make([]int64, n)
	for k := range ids {
		id, ok := byID[askID(first+k)]
		if !ok {
			return nil, fmt.Errorf("ask %s is not tracked after a pass (list --json shows %d requests)", askID(first+k), len(reqs))
		}
		ids[k] = id
	}
	return ids, nil
}

// countAnswered counts the requests of ids (asks numbered from first) that
// `list --json` shows answered, with their helper.
func (b *bench) countAnswered(cfg string, first int, ids []int64) (int, error) {
	reqs, err := b.listRequests(cfg)
	if err != nil {
		return 0, err
	}
	want := map[int64]string{}
	for k, id := range ids {
		want[id] = helperAddr(first + k)
	}
	n := 0
	for _, r := range reqs {
		if h, ok := want[r.ID]; ok && r.State == "answered" && len(r.Helpers) == 1 && r.Helpers[0].Email == h {
			n++
		}
	}
	return n, nil
}
