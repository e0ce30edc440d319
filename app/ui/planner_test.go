package ui

import (
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/scenario"
)

// TestEditPanicKeepsScenario checks that an edit that panics halfway leaves
// the last good scenario and its results on screen, and says so.
func TestEditPanicKeepsScenario(t *testing.T) {
	p := &Planner{}
	p.OnInit()
	before, _ := scenario.Encode(p.doc)
	paid := p.result.Totals.PaidNeeded
	err := p.applyEdit(func(d *scenario.Document) {
		d.Accounts[0].Name = "half-done"
		d.Subscriptions = nil
		var m map[string]int
		m["boom"]++ // a bug in an edit: assignment to a nil map panics
	})
	if err == nil || !strings.Contains(err.Error(), "undone") {
		t.Fatalf("applyEdit returned %v, want an error saying the edit was undone", err)
	}
	after, _ := scenario.Encode(p.doc)
	if string(after) != string(before) {
		t.Errorf("the scenario changed:\n%s\nwant\n%s", after, before)
	}
	if p.result.Totals.PaidNeeded != paid || len(p.result.SKUs) != len(p.doc.Subscriptions) {
		t.Error("the results are not those of the restored scenario")
	}
	// The next edit works.
	if err := p.applyEdit(func(d *scenario.Document) { d.Accounts[0].Name = "Reception 2" }); err != nil || p.doc.Accounts[0].Name != "Reception 2" {
		t.Errorf("a good edit after the failure: %v, name %q", err, p.doc.Accounts[0].Name)
	}
}
