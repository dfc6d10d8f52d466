package main

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"gratitude/internal/testmail"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// chromiumBin is Debian's Chromium, the browser the page is tested in.
const chromiumBin = "/usr/bin/chromium"

// browserTimeout bounds every step a test asks of the browser.
const browserTimeout = 30 * time.Second

// browser is one headless Chromium with its own fresh profile, and the
// tab the test drives.
type browser struct {
	t   *testing.T
	tab context.Context
}

// newBrowser starts Chromium at the desktop size (1280×800) in a temp
// profile, with extra command-line flags; it stops when the test ends.
// Without Chromium the test is skipped, unless CI requires the real
// servers (GRATITUDE_REQUIRE_DOVECOT): then it fails.
func newBrowser(t *testing.T, flags ...chromedp.ExecAllocatorOption) *browser {
	t.Helper()
	path := chromiumBin
	if _, err := os.Stat(path); err != nil {
		if path, err = exec.LookPath("chromium"); err != nil {
			if os.Getenv(testmail.RequireDovecotEnv) != "" {
				t.Fatalf("chromium is not installed (%s is set): apt-get install chromium, or run .ci/install-deps.sh", testmail.RequireDovecotEnv)
			}
			t.Skip("chromium not installed; apt-get install chromium")
		}
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "en-US"),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(opts, flags...)...)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	// The first action starts the browser; it takes no timeout of its own,
	// which would stop the browser with it.
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return &browser{t: t, tab: tab}
}

// do runs the actions in the tab, within browserTimeout, failing the test
// with what was being done.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.tab, browserTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("in the browser, %s: %v\n%s", what, err, b.where())
	}
}

// where says, for a failure, which page the tab shows and what it says.
func (b *browser) where() string {
	ctx, cancel := context.WithTimeout(b.tab, 5*time.Second)
	defer cancel()
	url, _ := chromedp.Run(ctx, chromedp.Location())
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.body ? document.body.innerText.slice(0, 2000) : ''"))
	return "the tab shows " + url + ":\n" + text
}

// run runs one action that returns a value, within browserTimeout.
func run[T any](b *browser, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.tab, browserTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("in the browser, %s: %v\n%s", what, err, b.where())
	}
	return v
}

// text is the visible text of the page's body.
func (b *browser) text() string {
	b.t.Helper()
	return run(b, "reading the page", chromedp.Evaluate[string]("document.body ? document.body.innerText : ''"))
}

// in is the same browser, failing t: a subtest's.
func (b *browser) in(t *testing.T) *browser { return &browser{t: t, tab: b.tab} }

// fresh is a second tab in a new browser context of the same Chromium:
// no cookies, no storage, as a fresh profile would have.
func (b *browser) fresh() *browser {
	b.t.Helper()
	tab, cancel := chromedp.NewContext(b.tab, chromedp.WithNewBrowserContext())
	b.t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		b.t.Fatalf("opening a fresh browser context: %v", err)
	}
	return &browser{t: b.t, tab: tab}
}

// responseFrom runs trigger and waits for the browser's first response
// from an address under prefix that match accepts (nil: any).
func (b *browser) responseFrom(prefix string, match func(*network.Response) bool, trigger chromedp.Action[chromedp.Void]) *network.Response {
	b.t.Helper()
	ev := run(b, "waiting for an answer from "+prefix, chromedp.WaitEvent(network.ResponseReceived,
		func(e network.EventResponseReceived) bool {
			return e.Response != nil && strings.HasPrefix(e.Response.URL, prefix) && (match == nil || match(e.Response))
		}, trigger))
	return ev.Response
}
