package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// screenshotsEnv, set to 1, has the screenshots written into
// docs/screenshots for the README; otherwise they go to a temp dir.
const screenshotsEnv = "GRATITUDE_SCREENSHOTS"

// shotSize is a width the pages are photographed at.
type shotSize struct {
	name          string
	width, height int64
	phone         bool
}

// shotSizes are a desktop window and a phone.
var shotSizes = []shotSize{
	{name: "desktop", width: 1280, height: 800},
	{name: "phone", width: 390, height: 844, phone: true},
}

// phoneScale is the phone's device pixel ratio: sharp, yet small files.
const phoneScale = 2

// screenshots writes a full-page PNG of every page at each size:
// NAME-desktop.png and NAME-phone.png.
func screenshots(t *testing.T, b *browser, s *webStack, draft string) {
	dir := t.TempDir()
	if os.Getenv(screenshotsEnv) == "1" {
		dir = filepath.Join("..", "..", "docs", "screenshots")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ids := s.requestIDs()
	pages := []struct{ name, path string }{
		{"today", "/"},
		{"requests", "/requests"},
		{"request", "/requests/" + strconv.FormatInt(ids["Budget review for Q1"], 10)},
		{"drafts", "/drafts"},
		{"draft", "/drafts/" + draft},
		{"people", "/people"},
		{"health", "/health"},
	}
	stranger := b.fresh()
	for _, size := range shotSizes {
		for _, p := range pages {
			shoot(t, b, size, s.base+p.path, filepath.Join(dir, p.name+"-"+size.name+".png"))
		}
		shoot(t, stranger, size, s.base+"/signin", filepath.Join(dir, "signin-"+size.name+".png"))
	}
}

// shoot opens url at the size and writes a PNG of the whole page to file,
// checking it is as wide as asked. The viewport is stretched to the page's
// height rather than captured beyond it: Chromium leaves the draft's
// sandboxed preview frame blank beyond the viewport.
func shoot(t *testing.T, b *browser, size shotSize, url, file string) {
	t.Helper()
	b.do("opening "+url, size.emulate(size.height), chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("main")))
	height := run(b, "measuring "+url, chromedp.Evaluate[int64]("document.documentElement.scrollHeight"))
	b.do("stretching the window over "+url, size.emulate(max(height, size.height)))
	shot := run(b, "photographing "+url, chromedp.CaptureScreenshot())
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("the screenshot of %s is no PNG: %v", url, err)
	}
	if w := img.Bounds().Dx(); int64(w) != size.width*size.scale() {
		t.Errorf("the screenshot of %s is %d pixels wide, want %d", url, w, size.width*size.scale())
	}
	if err := os.WriteFile(file, shot, 0o644); err != nil {
		t.Fatal(err)
	}
}

// scale is the size's device pixel ratio.
func (s shotSize) scale() int64 {
	if s.phone {
		return phoneScale
	}
	return 1
}

// emulate sets the viewport to the size's width and the given height: a
// phone is a mobile device with touch, upright.
func (s shotSize) emulate(height int64) chromedp.Action[chromedp.Void] {
	if !s.phone {
		return chromedp.EmulateViewport(s.width, height)
	}
	return chromedp.EmulateViewport(s.width, height, chromedp.EmulateScale(phoneScale),
		chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
}
