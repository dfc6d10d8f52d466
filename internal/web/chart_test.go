package web

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"gratitude"
)

// The chart is well-formed SVG, an image named by its title and summary,
// with a pair of classed bars per month as tall as the month's numbers,
// month labels, a legend, and no style attribute (the CSP forbids them).
func TestHelpChartDrawsAPairOfBarsPerMonth(t *testing.T) {
	plus1 := time.FixedZone("UTC+1", 3600)
	received := []time.Time{time.Date(2026, 2, 3, 0, 0, 0, 0, plus1), time.Date(2026, 2, 9, 0, 0, 0, 0, plus1)}
	given := []time.Time{time.Date(2025, 12, 24, 0, 0, 0, 0, plus1)}
	months := gratitude.HelpByMonth(received, given, plus1, time.Date(2026, 3, 10, 0, 0, 0, 0, plus1), gratitude.HelpMonths)
	svg := string(helpChart(months))

	var bars = map[string][]float64{}
	var labels []string
	var root struct{ role, labelledBy, viewBox string }
	dec := xml.NewDecoder(strings.NewReader(svg))
	var text *string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for _, a := range e.Attr {
				attrs[a.Name.Local] = a.Value
				if a.Name.Local == "style" {
					t.Errorf("<%s> has a style attribute", e.Name.Local)
				}
			}
			switch e.Name.Local {
			case "svg":
				root.role, root.labelledBy, root.viewBox = attrs["role"], attrs["aria-labelledby"], attrs["viewBox"]
			case "rect":
				var h float64
				if _, err := fmt.Sscan(attrs["height"], &h); err == nil {
					bars[attrs["class"]] = append(bars[attrs["class"]], h)
				}
			case "text":
				labels = append(labels, "")
				text = &labels[len(labels)-1]
			}
		case xml.CharData:
			if text != nil {
				*text += string(e)
			}
		case xml.EndElement:
			if e.Name.Local == "text" {
				text = nil
			}
		}
	}
	if root.role != "img" || root.labelledBy != "chart-title chart-desc" || root.viewBox == "" {
		t.Errorf("svg role %q, aria-labelledby %q, viewBox %q", root.role, root.labelledBy, root.viewBox)
	}
	if !strings.Contains(svg, `<desc id="chart-desc">Help received and given, April 2025 to March 2026: 2 received, 1 given.`) {
		t.Errorf("no summary of the numbers:\n%s", svg)
	}
	// 12 months of bars, and the legend's swatch of each class.
	if len(bars["received"]) != 13 || len(bars["given"]) != 13 {
		t.Fatalf("bars %v, want 12 of each kind and a legend swatch", bars)
	}
	feb, dec25 := bars["received"][1+10], bars["given"][1+8]
	if feb <= 0 || dec25 <= 0 || dec25*2 != feb || bars["received"][1] != 0 {
		t.Errorf("February's received bar %v, December's given bar %v: want one twice the other, empty months flat", feb, dec25)
	}
	joined := strings.Join(labels, " ")
	for _, want := range []string{"Help received", "Help given", "Apr 2025 May", "Dec Jan 2026", "Mar"} {
		if !strings.Contains(joined, want) {
			t.Errorf("labels %q lack %q", joined, want)
		}
	}
}
