package diagram

import (
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// Accounts turns a scenario and its plan into diagram nodes, one per
// account in document order. The entries, drawn on top, are the accounts no
// other account routes to; a nested account with its own number is drawn
// below the accounts that route to it. Routes to unknown ids are left out.
func Accounts(d *scenario.Document, r *licensing.Result) []Node {
	index := make(map[string]int, len(d.Accounts))
	for i, a := range d.Accounts {
		if _, dup := index[a.ID]; !dup {
			index[a.ID] = i
		}
	}
	nodes := make([]Node, len(d.Accounts))
	for i, a := range d.Accounts {
		n := Node{ID: a.ID, Entry: i < len(r.Accounts) && r.Accounts[i].RoutedFrom == 0}
		for _, to := range a.RoutesTo {
			if j, ok := index[to]; ok {
				n.Out = append(n.Out, j)
			}
		}
		nodes[i] = n
	}
	return nodes
}
