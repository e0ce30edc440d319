package advice

import "github.com/raplanner/raplanner/app/scenario"

// graph is the call flow of a document in compressed form: the routes of
// account v are adj[start[v]:start[v+1]], as account indexes. Routes to
// unknown ids and self-loops are left out; an id used by several accounts
// resolves to the first, as in the engine. Every algorithm here is iterative,
// so that a 100,000-account chain needs no deep recursion.
type graph struct {
	start    []int
	adj      []int
	selfLoop []bool
	unknown  []unknownRoute
}

// unknownRoute is a route from account from to an id no account has.
type unknownRoute struct {
	from int
	id   string
}

// newGraph builds the graph of d in O(accounts + routes).
func newGraph(d *scenario.Document) *graph {
	n := len(d.Accounts)
	index := make(map[string]int, n)
	for i, a := range d.Accounts {
		if _, dup := index[a.ID]; !dup {
			index[a.ID] = i
		}
	}
	g := &graph{start: make([]int, n+1), selfLoop: make([]bool, n)}
	seen := map[unknownRoute]bool{}
	for i, a := range d.Accounts {
		g.start[i] = len(g.adj)
		for _, to := range a.RoutesTo {
			j, ok := index[to]
			switch {
			case !ok:
				u := unknownRoute{i, to}
				if !seen[u] {
					seen[u] = true
					g.unknown = append(g.unknown, u)
				}
			case j == i:
				g.selfLoop[i] = true
			default:
				g.adj = append(g.adj, j)
			}
		}
	}
	g.start[n] = len(g.adj)
	return g
}

// reach returns which accounts are reachable from the sources (sources included).
func (g *graph) reach(source func(int) bool) []bool {
	n := len(g.selfLoop)
	reached := make([]bool, n)
	queue := make([]int, 0, 64)
	for v := 0; v < n; v++ {
		if source(v) {
			reached[v] = true
			queue = append(queue, v)
		}
	}
	for len(queue) > 0 {
		v := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, w := range g.adj[g.start[v]:g.start[v+1]] {
			if !reached[w] {
				reached[w] = true
				queue = append(queue, w)
			}
		}
	}
	return reached
}

// sccs returns the strongly connected components of the graph in the order
// Tarjan's algorithm completes them, which is a reverse topological order
// (a component comes after every component it routes to), and the component
// of every account. It runs with an explicit stack in O(V + E).
func (g *graph) sccs() (comps [][]int, comp []int) {
	n := len(g.selfLoop)
	const unvisited = -1
	order := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	comp = make([]int, n)
	for i := range order {
		order[i] = unvisited
	}
	type frame struct{ v, next int }
	var (
		calls []frame
		stack []int
		clock int
		flat  = make([]int, 0, n) // the members of every component, back to back
	)
	visit := func(v int) {
		order[v], low[v] = clock, clock
		clock++
		stack = append(stack, v)
		onStack[v] = true
		calls = append(calls, frame{v, g.start[v]})
	}
	for s := 0; s < n; s++ {
		if order[s] != unvisited {
			continue
		}
		visit(s)
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			v := f.v
			if f.next < g.start[v+1] {
				w := g.adj[f.next]
				f.next++
				switch {
				case order[w] == unvisited:
					visit(w)
				case onStack[w]:
					low[v] = min(low[v], order[w])
				}
				continue
			}
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				p := calls[len(calls)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] != order[v] {
				continue
			}
			k := len(stack) - 1
			for stack[k] != v {
				k--
			}
			from := len(flat)
			flat = append(flat, stack[k:]...)
			members := flat[from:len(flat):len(flat)]
			stack = stack[:k]
			for _, m := range members {
				onStack[m] = false
				comp[m] = len(comps)
			}
			comps = append(comps, members)
		}
	}
	return comps, comp
}

// cyclic reports whether the component members is a loop: two accounts or
// more, or one routing to itself.
func (g *graph) cyclic(members []int) bool {
	return len(members) > 1 || g.selfLoop[members[0]]
}

// downstream attributes every account for which in is true and that is
// reachable from a loop, but belongs to none, to the first loop that reaches
// it in a breadth-first search from all loops at once (ties go to the earlier
// loop). It returns, per loop, those accounts in ascending order. O(V + E).
func (g *graph) downstream(loops [][]int, in []bool) [][]int {
	n := len(g.selfLoop)
	label := make([]int, n)
	for i := range label {
		label[i] = -1
	}
	inLoop := make([]bool, n)
	var queue []int
	for k, members := range loops {
		for _, m := range members {
			label[m] = k
			inLoop[m] = true
			queue = append(queue, m)
		}
	}
	for head := 0; head < len(queue); head++ {
		v := queue[head]
		for _, w := range g.adj[g.start[v]:g.start[v+1]] {
			if in[w] && label[w] == -1 {
				label[w] = label[v]
				queue = append(queue, w)
			}
		}
	}
	out := make([][]int, len(loops))
	for v := 0; v < n; v++ {
		if label[v] >= 0 && !inLoop[v] {
			out[label[v]] = append(out[label[v]], v)
		}
	}
	return out
}
