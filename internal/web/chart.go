package web

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"gratitude"
)

// The help chart's geometry, in the SVG's own units; it scales to the
// page's width (viewBox, width 100%).
const (
	chartW, chartH   = 640, 220
	chartLeft        = 34 // room for the scale's labels
	chartRight       = 8
	chartTop         = 36 // room for the legend
	chartBottom      = 46 // room for the months and years
	chartBarGap      = 2  // between a month's two bars
	chartMonthMargin = 6  // on each side of a month's pair of bars
)

// helpChart draws help received and given per month as an SVG bar chart:
// a pair of bars per month (class received, given), month labels, a scale
// and a legend. It is an image to assistive technology, named by its
// title and described by a summary; the page puts the numbers in a table
// beside it. Built from numbers and fixed words, each text escaped.
func helpChart(months []gratitude.MonthHelp) template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMidYMid meet" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">`, chartW, chartH)
	fmt.Fprintf(&b, `<title id="chart-title">%s</title><desc id="chart-desc">%s</desc>`,
		template.HTMLEscapeString("Help by month"), template.HTMLEscapeString(chartSummary(months)))
	top := chartScale(months)
	chartAxes(&b, top)
	chartLegend(&b)
	if len(months) > 0 {
		slot := float64(chartW-chartLeft-chartRight) / float64(len(months))
		for i, m := range months {
			chartMonth(&b, m, float64(chartLeft)+float64(i)*slot, slot, top, i == 0)
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// chartSummary says in words what the chart shows.
func chartSummary(months []gratitude.MonthHelp) string {
	if len(months) == 0 {
		return "No months to show."
	}
	var received, given int
	busiest := months[0]
	for _, m := range months {
		received, given = received+m.Received, given+m.Given
		if m.Received+m.Given > busiest.Received+busiest.Given {
			busiest = m
		}
	}
	s := fmt.Sprintf("Help received and given, %s to %s: %d received, %d given.",
		months[0].Month.Format("January 2006"), months[len(months)-1].Month.Format("January 2006"), received, given)
	if received+given > 0 {
		s += fmt.Sprintf(" Busiest month: %s, %d received and %d given.", busiest.Month.Format("January 2006"), busiest.Received, busiest.Given)
	}
	return s
}

// chartScale is the value the top of the plot stands for: the largest
// month, at least 1 so that an empty chart still has a scale.
func chartScale(months []gratitude.MonthHelp) int {
	top := 1
	for _, m := range months {
		top = max(top, m.Received, m.Given)
	}
	return top
}

// chartY is where value v sits on the plot.
func chartY(v, top int) float64 {
	plot := float64(chartH - chartTop - chartBottom)
	return float64(chartH-chartBottom) - plot*float64(v)/float64(top)
}

// chartAxes draws the baseline, the top line and their values.
func chartAxes(b *strings.Builder, top int) {
	for _, v := range []int{0, top} {
		y := chartY(v, top)
		fmt.Fprintf(b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, chartLeft, y, chartW-chartRight, y)
		fmt.Fprintf(b, `<text x="%d" y="%.1f" text-anchor="end" dominant-baseline="middle">%d</text>`, chartLeft-6, y, v)
	}
}

// chartLegend names the two kinds of bar.
func chartLegend(b *strings.Builder) {
	x := chartLeft
	for _, k := range []struct{ class, label string }{{"received", "Help received"}, {"given", "Help given"}} {
		fmt.Fprintf(b, `<rect class="%s" x="%d" y="6" width="14" height="14"/><text x="%d" y="13" dominant-baseline="middle">%s</text>`,
			k.class, x, x+20, template.HTMLEscapeString(k.label))
		x += 190
	}
}

// chartMonth draws one month's pair of bars in the slot from x, and its
// label: the month's abbreviation, and the year under each January and
// under the first month (unless a January is next to it: on a phone the
// two years would run together).
func chartMonth(b *strings.Builder, m gratitude.MonthHelp, x, slot float64, top int, first bool) {
	bar := (slot - 2*chartMonthMargin - chartBarGap) / 2
	name := m.Month.Format("January 2006")
	for i, k := range []struct {
		class, what string
		n           int
	}{{"received", "received", m.Received}, {"given", "given", m.Given}} {
		y := chartY(k.n, top)
		bx := x + chartMonthMargin + float64(i)*(bar+chartBarGap)
		fmt.Fprintf(b, `<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s</title></rect>`,
			k.class, bx, y, bar, float64(chartH-chartBottom)-y, template.HTMLEscapeString(fmt.Sprintf("%s: %d %s", name, k.n, k.what)))
	}
	mid := x + slot/2
	fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`, mid, chartH-chartBottom+18, template.HTMLEscapeString(m.Month.Format("Jan")))
	if m.Month.Month() == time.January || first && m.Month.Month() != time.December {
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`, mid, chartH-chartBottom+38, template.HTMLEscapeString(m.Month.Format("2006")))
	}
}
