package daemon

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"gratitude"
)

func TestHealthRemembersSinceWhenAComponentFails(t *testing.T) {
	h := newLiveHealth()
	t0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	if _, _, failing := h.failing("imap"); failing {
		t.Fatal("an unknown component counts as failing")
	}
	h.set("imap", errFake, t0)
	h.set("imap", errFake, t0.Add(time.Minute))
	since, last, failing := h.failing("imap")
	if !failing || !since.Equal(t0) || last != errFake.Error() {
		t.Errorf("failing %v since %v (%q); want since the first failure, %v", failing, since, last, t0)
	}
	h.set("imap", nil, t0.Add(2*time.Minute))
	if _, _, failing := h.failing("imap"); failing {
		t.Error("still failing after a success")
	}
	h.set("imap", errFake, t0.Add(3*time.Minute))
	if since, _, _ := h.failing("imap"); !since.Equal(t0.Add(3 * time.Minute)) {
		t.Errorf("a new outage counts from %v, want %v", since, t0.Add(3*time.Minute))
	}
}

func TestHealthzAnswers503UntilEveryComponentIsHealthy(t *testing.T) {
	h := newLiveHealth()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	serve := h.serveHTTP(gratitude.FixedClock{T: now})
	get := func() (int, map[string]any) {
		rec := httptest.NewRecorder()
		serve(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("/healthz body: %v\n%s", err, rec.Body.String())
		}
		return rec.Code, body
	}
	if code, _ := get(); code != http.StatusServiceUnavailable {
		t.Errorf("nothing known yet: %d, want 503", code)
	}
	h.set("imap", nil, now)
	h.set("smtp", errFake, now)
	if code, body := get(); code != http.StatusServiceUnavailable || body["ok"] != false {
		t.Errorf("smtp failing: %d %v, want 503", code, body)
	}
	h.set("smtp", nil, now)
	code, body := get()
	if code != http.StatusOK || body["ok"] != true || len(body["components"].(map[string]any)) != 2 {
		t.Errorf("all healthy: %d %v, want 200 with both components", code, body)
	}
}
