//go:build e2e

package e2e

import (
	"encoding/xml"
	"strconv"
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/advice"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// TestAdviceMetrics checks the advisor's figures for every example and
// edition against the advice package run natively.
func TestAdviceMetrics(t *testing.T) {
	ctx := newTab(t)
	for _, e := range examples.All {
		for _, ed := range scenario.Editions {
			d := e.Build()
			d.Edition = ed
			open(t, ctx, link(t, d))
			waitMetrics(t, ctx, d)
			a := advice.Advise(d, licensing.Compute(d))
			for _, m := range a.Metrics.List() {
				if got := metric(t, ctx, m.Name); got != m.Value {
					t.Errorf("%s under %s: %s = %d on the page, advice computes %d", e.Name, ed, m.Name, got, m.Value)
				}
			}
			kinds := evalJS[[]string](t, ctx, `[...document.querySelectorAll("[data-finding]")].map(f => f.getAttribute("data-finding"))`)
			var want []string
			for _, f := range a.Findings {
				want = append(want, string(f.Kind))
			}
			if strings.Join(kinds, ",") != strings.Join(want, ",") {
				t.Errorf("%s under %s: findings %v, want %v", e.Name, ed, kinds, want)
			}
		}
	}
}

// TestRedesignWhatIf toggles redesign candidates and checks the what-if plan
// against the engine run on the same copy.
func TestRedesignWhatIf(t *testing.T) {
	ctx := newTab(t)
	d := examples.Contoso()
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)
	a := advice.Advise(d, licensing.Compute(d))
	rd := a.Of(advice.KindRedesign)
	if len(rd) != 1 {
		t.Fatalf("Contoso: %d redesign findings, want 1", len(rd))
	}
	var drop []string
	for _, c := range rd[0].Redesign.Candidates[:6] {
		id := d.Accounts[c.Account].ID
		drop = append(drop, id)
		click(t, ctx, "#whatif-"+id)
		want := licensing.Compute(advice.WhatIf(d, drop)).Totals.PaidNeeded
		waitText(t, ctx, "#what-if-result", formatPaid(want))
	}
	// The what-if never changes the plan itself.
	waitMetrics(t, ctx, d)
	if got := metric(t, ctx, advice.MetricRedesignSaving); got != 5 {
		t.Errorf("Contoso redesign saving %d, want 5 (90 numbered accounts → 10)", got)
	}
}

func formatPaid(n int64) string { return strconv.FormatInt(n, 10) + " paid" }

// TestExports downloads the CSV, SVG and Mermaid exports of the plan.
func TestExports(t *testing.T) {
	ctx := newTab(t)
	d := examples.DocDiagram()
	d.Accounts[1].Name = `<b>"Quoted" & bold</b>`
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)
	captureDownloads(t, ctx)
	click(t, ctx, "#export-csv")
	click(t, ctx, "#export-svg")
	click(t, ctx, "#export-mermaid")
	got := downloads(t, ctx)
	if len(got) != 3 {
		t.Fatalf("%d downloads, want 3", len(got))
	}
	files := map[string]string{}
	for _, f := range got {
		files[f.Name[strings.LastIndex(f.Name, ".")+1:]] = f.Text
	}
	if lines := strings.Count(strings.TrimRight(files["csv"], "\r\n"), "\n") + 1; lines != len(d.Accounts)+1 {
		t.Errorf("the CSV has %d lines, want a header and %d accounts", lines, len(d.Accounts))
	}
	if !strings.Contains(files["csv"], `"<b>""Quoted"" & bold</b>"`) {
		t.Errorf("the CSV lacks the quoted name:\n%s", files["csv"])
	}
	var svg struct{ XMLName xml.Name }
	if err := xml.Unmarshal([]byte(files["svg"]), &svg); err != nil || svg.XMLName.Local != "svg" {
		t.Errorf("the SVG does not parse: %v", err)
	}
	if n := strings.Count(files["svg"], "data-account="); n != len(d.Accounts) {
		t.Errorf("the SVG has %d nodes, want %d", n, len(d.Accounts))
	}
	if !strings.HasPrefix(strings.TrimSpace(files["mmd"]), "flowchart") {
		t.Errorf("the Mermaid file does not start with flowchart:\n%s", files["mmd"])
	}
}
