//go:build !js

package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// summary is the median, min and max of some samples.
type summary struct {
	N                int
	Median, Min, Max float64
}

func summarize(xs []float64) summary {
	if len(xs) == 0 {
		return summary{Median: math.NaN(), Min: math.NaN(), Max: math.NaN()}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return summary{N: len(s), Median: m, Min: s[0], Max: s[len(s)-1]}
}

// budget is one limit of the run.
type budget struct {
	Name     string
	Limit    string
	Measured string
	Pass     bool
}

func (b budget) verdict() string {
	if b.Pass {
		return "PASS"
	}
	return "**FAIL**"
}

// table writes a markdown table.
func table(w *strings.Builder, header []string, rows [][]string) {
	w.WriteString("| " + strings.Join(header, " | ") + " |\n|")
	for i := range header {
		if i == 0 {
			w.WriteString(" --- |")
		} else {
			w.WriteString(" ---: |")
		}
	}
	w.WriteString("\n")
	for _, r := range rows {
		w.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	w.WriteString("\n")
}

func mb(n int64) string {
	if n < 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f MB (%d B)", float64(n)/1e6, n)
}

func ms(v float64) string {
	if math.IsNaN(v) {
		return "n/a"
	}
	if v >= 100 {
		return fmt.Sprintf("%.0f ms", v)
	}
	return fmt.Sprintf("%.1f ms", v)
}

func ratio(a, b float64) string {
	if b <= 0 || a < 0 || math.IsNaN(a) || math.IsNaN(b) {
		return "n/a"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

// num formats a benchmark figure.
func num(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	switch {
	case v >= 1000:
		return commas(int64(math.Round(v)))
	case v >= 10:
		return fmt.Sprintf("%.0f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

func commas(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

const historyHeading = "## History"

// historyRows returns the data rows of the History table of an earlier
// report (its header and separator left out), oldest first.
func historyRows(report string) []string {
	_, after, ok := strings.Cut(report, historyHeading+"\n")
	if !ok {
		return nil
	}
	var rows []string
	seen := 0
	for line := range strings.SplitSeq(after, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "## ") {
			break
		}
		if !strings.HasPrefix(line, "|") {
			continue
		}
		if seen++; seen <= 2 { // the header and the separator
			continue
		}
		rows = append(rows, line)
	}
	return rows
}

// historyHeader is the header of the History table.
var historyHeader = []string{"date", "commit", "wasm gzip", "cold load median (baseline)", "edit 300", "edit 3,000", "budgets", "note"}

// historyRow is today's line of the History table.
func historyRow(cells ...string) string {
	for i, c := range cells {
		cells[i] = strings.ReplaceAll(c, "|", "/")
	}
	return "| " + strings.Join(cells, " | ") + " |"
}
