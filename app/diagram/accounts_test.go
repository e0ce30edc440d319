package diagram

import (
	"slices"
	"testing"

	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

func TestAccounts(t *testing.T) {
	d := &scenario.Document{Accounts: []scenario.Account{
		{ID: "main", Type: scenario.AutoAttendant, PhoneNumber: "+14255550100", RoutesTo: []string{"sales", "ghost", "menu"}},
		{ID: "sales", Type: scenario.CallQueue, PhoneNumber: "+14255550101"},
		{ID: "menu", Type: scenario.AutoAttendant, RoutesTo: []string{"main", "menu"}},
		{ID: "internal", Type: scenario.CallQueue},
	}}
	nodes := Accounts(d, licensing.Compute(d))
	want := []Node{
		// menu returns to main, so main is not an entry; the layout still
		// starts from it, the first account in the document.
		{ID: "main", Entry: false, Out: []int{1, 2}},
		// sales has its own number but is drawn below main, which routes to it.
		{ID: "sales", Entry: false},
		{ID: "menu", Entry: false, Out: []int{0, 2}},
		{ID: "internal", Entry: true},
	}
	for i, n := range nodes {
		if n.ID != want[i].ID || n.Entry != want[i].Entry || !slices.Equal(n.Out, want[i].Out) {
			t.Errorf("node %d = %+v, want %+v", i, n, want[i])
		}
	}
	// The docs diagram: the main auto attendant on top, its four nested accounts below.
	doc := examples.DocDiagram()
	l := Layered(Accounts(doc, licensing.Compute(doc)), Options{})
	if l.Nodes[0].Layer != 0 {
		t.Errorf("main auto attendant in layer %d", l.Nodes[0].Layer)
	}
	for i := 1; i < 5; i++ {
		if l.Nodes[i].Layer != 1 {
			t.Errorf("%s in layer %d, want 1", doc.Accounts[i].ID, l.Nodes[i].Layer)
		}
	}
}
