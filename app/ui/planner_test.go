package ui

import (
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/examples"
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

// TestNeighbour checks the arrow-key moves between diagram nodes: the docs
// diagram has the main auto attendant on top and four accounts below it.
func TestNeighbour(t *testing.T) {
	p := &Planner{}
	p.OnInit()
	p.replace(examples.DocDiagram())
	boxes := p.layout.Nodes
	tests := []struct {
		from int
		key  string
		want int
	}{
		{0, "ArrowDown", -2}, // one of the four below
		{0, "ArrowUp", -1},
		{0, "ArrowLeft", -1},
		{1, "ArrowUp", 0},
		{1, "ArrowRight", 2},
		{2, "ArrowLeft", 1},
		{4, "ArrowRight", -1},
	}
	for _, tt := range tests {
		got := neighbour(boxes, tt.from, tt.key)
		if tt.want == -2 {
			if got < 1 {
				t.Errorf("%s from %d: %d, want a node of the second layer", tt.key, tt.from, got)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("%s from %d: %d, want %d", tt.key, tt.from, got, tt.want)
		}
	}
}
