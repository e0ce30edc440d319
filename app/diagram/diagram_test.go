package diagram

import (
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// ---- graph builders ----

func chain(n int) []Node {
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i].ID = fmt.Sprint("n", i)
		if i+1 < n {
			nodes[i].Out = []int{i + 1}
		}
	}
	nodes[0].Entry = true
	return nodes
}

func star(n int) []Node { // node 0 routes to the n-1 others
	nodes := make([]Node, n)
	nodes[0].Entry = true
	for i := 1; i < n; i++ {
		nodes[0].Out = append(nodes[0].Out, i)
	}
	return nodes
}

func diamond() []Node {
	return []Node{
		{ID: "top", Entry: true, Out: []int{1, 2}},
		{ID: "left", Out: []int{3}},
		{ID: "right", Out: []int{3}},
		{ID: "bottom"},
	}
}

func binaryTree(n int) []Node {
	nodes := make([]Node, n)
	nodes[0].Entry = true
	for i := range nodes {
		for _, c := range []int{2*i + 1, 2*i + 2} {
			if c < n {
				nodes[i].Out = append(nodes[i].Out, c)
			}
		}
	}
	return nodes
}

// randomGraph has ~edgesPerNode random links per node, a few entries, and
// (when messy) self-loops, duplicates and out-of-range indexes.
func randomGraph(rng *rand.Rand, n int, edgesPerNode float64, messy bool) []Node {
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i].ID = strconv.Itoa(i)
		nodes[i].Entry = rng.Intn(10) == 0
		k := rng.Intn(int(2*edgesPerNode) + 1)
		for j := 0; j < k; j++ {
			nodes[i].Out = append(nodes[i].Out, rng.Intn(n))
		}
		if messy {
			switch rng.Intn(8) {
			case 0:
				nodes[i].Out = append(nodes[i].Out, i) // self-loop
			case 1:
				nodes[i].Out = append(nodes[i].Out, -1, n, n+7) // out of range
			case 2:
				if len(nodes[i].Out) > 0 {
					nodes[i].Out = append(nodes[i].Out, nodes[i].Out[0]) // duplicate
				}
			}
		}
	}
	return nodes
}

// ---- invariants ----

type rowKey struct{ layer, row int }

// check asserts what must hold for every layout, and returns the number of
// edge routes that cross a box (only counted for routes the layout promises
// to keep clear; see routeClear).
func check(t *testing.T, nodes []Node, opt Options, lay Layout) (crossing int) {
	t.Helper()
	opt = opt.withDefaults()
	n := len(nodes)
	if len(lay.Nodes) != n {
		t.Fatalf("got %d boxes for %d nodes", len(lay.Nodes), n)
	}
	if n == 0 {
		return 0
	}
	if !finiteAll(lay.Width, lay.Height) || lay.Width <= 0 || lay.Height <= 0 {
		t.Fatalf("bad size %v × %v", lay.Width, lay.Height)
	}

	// Boxes: right size, inside the drawing, entries on top.
	for i, b := range lay.Nodes {
		if !finiteAll(b.X, b.Y, b.W, b.H) || b.W != opt.NodeWidth || b.H != opt.NodeHeight {
			t.Fatalf("box %d = %+v", i, b)
		}
		if b.X < 0 || b.Y < 0 || b.X+b.W > lay.Width || b.Y+b.H > lay.Height {
			t.Fatalf("box %d = %+v is outside %v × %v", i, b, lay.Width, lay.Height)
		}
		if nodes[i].Entry && b.Layer != 0 {
			t.Fatalf("entry %d in layer %d", i, b.Layer)
		}
	}

	// Rows: no more than MaxPerRow boxes, one y per row, layers and rows
	// stacked top to bottom, and no two boxes overlap.
	rows := map[rowKey][]Box{}
	for _, b := range lay.Nodes {
		k := rowKey{b.Layer, b.Row}
		rows[k] = append(rows[k], b)
	}
	keys := make([]rowKey, 0, len(rows))
	for k, bs := range rows {
		keys = append(keys, k)
		if len(bs) > opt.MaxPerRow {
			t.Fatalf("row %+v has %d boxes, more than %d", k, len(bs), opt.MaxPerRow)
		}
		sort.Slice(bs, func(i, j int) bool { return bs[i].X < bs[j].X })
		for i := range bs {
			if bs[i].Y != bs[0].Y {
				t.Fatalf("row %+v is not level", k)
			}
			if i > 0 && bs[i-1].X+bs[i-1].W > bs[i].X {
				t.Fatalf("boxes overlap in row %+v: %+v and %+v", k, bs[i-1], bs[i])
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].layer != keys[j].layer {
			return keys[i].layer < keys[j].layer
		}
		return keys[i].row < keys[j].row
	})
	globalRow := map[rowKey]int{}
	for i, k := range keys {
		globalRow[k] = i
		if i > 0 {
			p := rows[keys[i-1]][0]
			if p.Y+p.H >= rows[k][0].Y {
				t.Fatalf("row %+v is not below row %+v", k, keys[i-1])
			}
			if k.layer != keys[i-1].layer && (k.layer != keys[i-1].layer+1 || k.row != 0) {
				t.Fatalf("rows skip: %+v after %+v", k, keys[i-1])
			}
		}
	}

	index := make([][]Box, len(keys)) // rows top to bottom, boxes left to right
	for i, k := range keys {
		index[i] = rows[k]
	}

	// Edges: exactly the distinct in-range links, in order.
	var want [][2]int
	for i, nd := range nodes {
		seen := map[int]bool{}
		for _, o := range nd.Out {
			if o >= 0 && o < n && !seen[o] {
				seen[o] = true
				want = append(want, [2]int{i, o})
			}
		}
	}
	if len(lay.Edges) != len(want) {
		t.Fatalf("got %d edges, want %d", len(lay.Edges), len(want))
	}
	hasForwardPred := make([]bool, n)
	predAbove := make([]bool, n) // has a forward predecessor exactly one layer up
	for i, e := range lay.Edges {
		if [2]int{e.From, e.To} != want[i] {
			t.Fatalf("edge %d is %d→%d, want %v", i, e.From, e.To, want[i])
		}
		from, to := lay.Nodes[e.From], lay.Nodes[e.To]
		switch {
		case e.Self != (e.From == e.To):
			t.Fatalf("edge %d→%d: Self=%v", e.From, e.To, e.Self)
		case e.Self && e.Back:
			t.Fatalf("self-loop %d marked Back", e.From)
		case !e.Self && !e.Back && to.Layer <= from.Layer:
			t.Fatalf("forward edge %d→%d goes from layer %d to %d", e.From, e.To, from.Layer, to.Layer)
		case e.Back && to.Layer > from.Layer:
			t.Fatalf("back edge %d→%d goes down from layer %d to %d", e.From, e.To, from.Layer, to.Layer)
		case !e.Self && nodes[e.To].Entry && !e.Back:
			t.Fatalf("edge %d→%d into an entry is not Back", e.From, e.To)
		}
		if !e.Self && !e.Back {
			hasForwardPred[e.To] = true
			if to.Layer == from.Layer+1 {
				predAbove[e.To] = true
			}
		}

		// Route: finite, inside the drawing, from border to border.
		if len(e.Points) < 2 {
			t.Fatalf("edge %d→%d has %d points", e.From, e.To, len(e.Points))
		}
		for _, p := range e.Points {
			if !finiteAll(p.X, p.Y) || p.X < 0 || p.Y < 0 || p.X > lay.Width || p.Y > lay.Height {
				t.Fatalf("edge %d→%d: point %+v outside %v × %v", e.From, e.To, p, lay.Width, lay.Height)
			}
		}
		first, last := e.Points[0], e.Points[len(e.Points)-1]
		if e.Back || e.Self {
			if first.X != from.X+from.W || last.X != to.X+to.W || last.Y <= to.Y || last.Y >= to.Y+to.H {
				t.Fatalf("back edge %d→%d does not join the right sides: %v", e.From, e.To, e.Points)
			}
		} else if first != (Point{from.X + from.W/2, from.Y + from.H}) || last != (Point{to.X + to.W/2, to.Y}) {
			t.Fatalf("edge %d→%d does not run bottom-center to top-center: %v", e.From, e.To, e.Points)
		}

		segs := parsePath(t, e.Path())
		if routeClear(e, lay, globalRow) {
			if hit, ok := pathHitsBox(segs, index); ok {
				t.Errorf("edge %d→%d (%s) crosses box %+v", e.From, e.To, e.Path(), hit)
				crossing++
			}
		}
	}

	// Layering is tight: longest path from the top.
	for v := range nodes {
		b := lay.Nodes[v]
		if b.Layer > 0 && !predAbove[v] {
			t.Fatalf("node %d in layer %d has no forward predecessor in layer %d", v, b.Layer, b.Layer-1)
		}
		if b.Layer == 0 && hasForwardPred[v] {
			t.Fatalf("node %d in layer 0 has a forward predecessor", v)
		}
	}
	return crossing
}

// routeClear tells whether the layout promises that the route of e crosses
// no box: always, except for a long forward edge drawn straight because the
// routing budget ran out (such an edge has just its two end points).
func routeClear(e Edge, lay Layout, globalRow map[rowKey]int) bool {
	if e.Back || e.Self || len(e.Points) > 2 {
		return true
	}
	f, t := lay.Nodes[e.From], lay.Nodes[e.To]
	return globalRow[rowKey{t.Layer, t.Row}] == globalRow[rowKey{f.Layer, f.Row}]+1
}

func finiteAll(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// ---- SVG path parsing ----

type pathSeg struct {
	cmd byte
	pts []Point // end point last; for C the two control points first
}

var numRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9])?$`)

// parsePath parses the output of Path: "M x y" then " L x y" / " C x y x y x y".
func parsePath(t *testing.T, d string) []pathSeg {
	t.Helper()
	if strings.Contains(d, "NaN") || strings.Contains(d, "Inf") {
		t.Fatalf("path %q has NaN or Inf", d)
	}
	fields := strings.Fields(d)
	var segs []pathSeg
	for i := 0; i < len(fields); {
		f := fields[i]
		if f == "" || !strings.ContainsRune("MLC", rune(f[0])) {
			t.Fatalf("path %q: %q is not a command", d, f)
		}
		cmd := f[0]
		if (cmd == 'M') != (i == 0) {
			t.Fatalf("path %q: M must come first and only there", d)
		}
		k := 2
		if cmd == 'C' {
			k = 6
		}
		if i+k > len(fields) {
			t.Fatalf("path %q: %c lacks numbers", d, cmd)
		}
		nums := append([]string{f[1:]}, fields[i+1:i+k]...)
		seg := pathSeg{cmd: cmd}
		for j := 0; j < k; j += 2 {
			var xy [2]float64
			for c := 0; c < 2; c++ {
				s := nums[j+c]
				if !numRE.MatchString(s) || s == "-0" {
					t.Fatalf("path %q: bad number %q", d, s)
				}
				xy[c], _ = strconv.ParseFloat(s, 64)
			}
			seg.pts = append(seg.pts, Point{xy[0], xy[1]})
		}
		segs = append(segs, seg)
		i += k
	}
	if len(segs) == 0 {
		t.Fatalf("empty path")
	}
	return segs
}

// pathHitsBox samples the path and reports a box that a sample falls
// clearly inside (1 unit of slack for the rounding of Path).
func pathHitsBox(segs []pathSeg, rows [][]Box) (Box, bool) {
	inside := func(p Point) (Box, bool) {
		r := sort.Search(len(rows), func(i int) bool { return rows[i][0].Y+rows[i][0].H > p.Y })
		if r == len(rows) {
			return Box{}, false
		}
		row := rows[r]
		c := sort.Search(len(row), func(i int) bool { return row[i].X+row[i].W > p.X })
		if c == len(row) {
			return Box{}, false
		}
		b := row[c]
		return b, p.X > b.X+1 && p.X < b.X+b.W-1 && p.Y > b.Y+1 && p.Y < b.Y+b.H-1
	}
	cur := segs[0].pts[0]
	for _, s := range segs[1:] {
		const steps = 16
		for k := 1; k <= steps; k++ {
			u := float64(k) / steps
			var p Point
			if s.cmd == 'L' {
				q := s.pts[0]
				p = Point{cur.X + (q.X-cur.X)*u, cur.Y + (q.Y-cur.Y)*u}
			} else {
				c1, c2, q := s.pts[0], s.pts[1], s.pts[2]
				a, b, c, d := (1-u)*(1-u)*(1-u), 3*(1-u)*(1-u)*u, 3*(1-u)*u*u, u*u*u
				p = Point{a*cur.X + b*c1.X + c*c2.X + d*q.X, a*cur.Y + b*c1.Y + c*c2.Y + d*q.Y}
			}
			if i, hit := inside(p); hit {
				return i, true
			}
		}
		cur = s.pts[len(s.pts)-1]
	}
	return Box{}, false
}

// ---- tests ----

func center(b Box) float64 { return b.X + b.W/2 }

func TestDocExample(t *testing.T) {
	// PSTN → Main AA (RA1, number), which nests AA2, CQ Sales, AA3 and CQ Service.
	nodes := []Node{
		{ID: "main-aa", Entry: true, Out: []int{1, 2, 3, 4}},
		{ID: "aa2"}, {ID: "cq-sales"}, {ID: "aa3"}, {ID: "cq-service"},
	}
	lay := Layered(nodes, Options{})
	check(t, nodes, Options{}, lay)

	main := lay.Nodes[0]
	if main.Layer != 0 {
		t.Errorf("main AA in layer %d, want 0", main.Layer)
	}
	sum := 0.0
	for i := 1; i < 5; i++ {
		b := lay.Nodes[i]
		if b.Layer != 1 || b.Row != 0 {
			t.Errorf("node %d in layer %d row %d, want layer 1 row 0", i, b.Layer, b.Row)
		}
		if i > 1 && b.X <= lay.Nodes[i-1].X {
			t.Errorf("children not left to right in input order: %v", lay.Nodes)
		}
		sum += center(b)
	}
	if d := center(main) - sum/4; math.Abs(d) > 0.01 {
		t.Errorf("main AA is %.2f off the middle of its children", d)
	}
	if main.Y+main.H >= lay.Nodes[1].Y {
		t.Errorf("main AA is not above its children")
	}
	// 4 boxes wide and 2 high, plus margins and gaps; no room wasted.
	wantW := 4*200 + 3*24 + 2*24.0
	wantH := 2*64 + 72 + 2*24.0
	if lay.Width != wantW || lay.Height != wantH {
		t.Errorf("size %v × %v, want %v × %v", lay.Width, lay.Height, wantW, wantH)
	}
	for _, e := range lay.Edges {
		if e.Back || e.Self || len(e.Points) != 2 {
			t.Errorf("edge %d→%d: %+v, want a plain forward edge", e.From, e.To, e)
		}
	}
}

func TestCycles(t *testing.T) {
	tests := []struct {
		name       string
		nodes      []Node
		layers     []int // want layer of each node
		back, self [][2]int
	}{
		{
			name:   "loop A→B→A, A entry",
			nodes:  []Node{{ID: "A", Entry: true, Out: []int{1}}, {ID: "B", Out: []int{0}}},
			layers: []int{0, 1},
			back:   [][2]int{{1, 0}},
		},
		{
			name:   "self-loop A→A",
			nodes:  []Node{{ID: "A", Entry: true, Out: []int{0, 1}}, {ID: "B"}},
			layers: []int{0, 1},
			self:   [][2]int{{0, 0}},
		},
		{
			name:   "loop A→B→A, no entry",
			nodes:  []Node{{ID: "A", Out: []int{1}}, {ID: "B", Out: []int{0}}},
			layers: []int{0, 1},
			back:   [][2]int{{1, 0}},
		},
		{
			name:   "cycle with no entry, entered from the middle by input order",
			nodes:  []Node{{ID: "B", Out: []int{2}}, {ID: "A", Out: []int{0}}, {ID: "C", Out: []int{1, 2}}},
			layers: []int{0, 2, 1},
			back:   [][2]int{{1, 0}},
			self:   [][2]int{{2, 2}},
		},
		{
			name: "an entry that is also routed to stays on top",
			nodes: []Node{
				{ID: "main", Entry: true, Out: []int{1}},
				{ID: "menu", Out: []int{2}},
				{ID: "queue-with-number", Entry: true, Out: []int{3}},
				{ID: "overflow"},
			},
			layers: []int{0, 1, 0, 1},
			back:   [][2]int{{1, 2}},
		},
		{
			name:   "entries routing to each other",
			nodes:  []Node{{ID: "A", Entry: true, Out: []int{1}}, {ID: "B", Entry: true, Out: []int{0}}},
			layers: []int{0, 0},
			back:   [][2]int{{0, 1}, {1, 0}},
		},
		{
			name: "the loop is found from the entry, not from input order",
			nodes: []Node{
				{ID: "C", Out: []int{1}},
				{ID: "B", Out: []int{0}},
				{ID: "A", Entry: true, Out: []int{1}},
			},
			layers: []int{2, 1, 0},
			back:   [][2]int{{0, 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lay := Layered(tt.nodes, Options{})
			check(t, tt.nodes, Options{}, lay)
			for i, want := range tt.layers {
				if got := lay.Nodes[i].Layer; got != want {
					t.Errorf("node %s in layer %d, want %d", tt.nodes[i].ID, got, want)
				}
			}
			var back, self [][2]int
			for _, e := range lay.Edges {
				if e.Back {
					back = append(back, [2]int{e.From, e.To})
				}
				if e.Self {
					self = append(self, [2]int{e.From, e.To})
				}
			}
			if !reflect.DeepEqual(back, tt.back) {
				t.Errorf("back edges %v, want %v", back, tt.back)
			}
			if !reflect.DeepEqual(self, tt.self) {
				t.Errorf("self-loops %v, want %v", self, tt.self)
			}
		})
	}
}

func TestNoOverlapAndClearRoutes(t *testing.T) {
	tests := []struct {
		name  string
		nodes []Node
		opt   Options
	}{
		{"one node", []Node{{ID: "x"}}, Options{}},
		{"chain", chain(40), Options{}},
		{"diamond", diamond(), Options{}},
		{"diamond with a long edge", func() []Node {
			d := diamond()
			d[0].Out = append(d[0].Out, 3)
			return d
		}(), Options{}},
		{"binary tree", binaryTree(63), Options{}},
		{"star 20", star(20), Options{}},
		{"star 300", star(300), Options{}},
		{"star 300, 5 per row, small boxes", star(300), Options{NodeWidth: 90, NodeHeight: 30, LayerGap: 40, NodeGap: 10, MaxPerRow: 5}},
		{"two stars under a root", func() []Node {
			nodes := []Node{{ID: "root", Entry: true, Out: []int{1, 2}}, {Out: nil}, {Out: nil}}
			for i := 0; i < 30; i++ {
				nodes[1+i%2].Out = append(nodes[1+i%2].Out, len(nodes))
				nodes = append(nodes, Node{Out: []int{0}}) // and back to the root
			}
			return nodes
		}(), Options{}},
		{"many entries wrap the top layer, linked in a ring", func() []Node {
			nodes := make([]Node, 30)
			for i := range nodes {
				nodes[i] = Node{Entry: true, Out: []int{(i + 1) % 30, (i + 13) % 30, i}}
			}
			return nodes
		}(), Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lay := Layered(tt.nodes, tt.opt)
			check(t, tt.nodes, tt.opt, lay)
			// Here every route, even a long one, must stay clear of boxes.
			index := rowIndex(lay)
			for _, e := range lay.Edges {
				if b, hit := pathHitsBox(parsePath(t, e.Path()), index); hit {
					t.Errorf("edge %d→%d (%s) crosses box %+v", e.From, e.To, e.Path(), b)
				}
			}
		})
	}
}

// rowIndex groups the boxes into rows, top to bottom, left to right.
func rowIndex(lay Layout) [][]Box {
	rows := map[rowKey][]Box{}
	for _, b := range lay.Nodes {
		k := rowKey{b.Layer, b.Row}
		rows[k] = append(rows[k], b)
	}
	var index [][]Box
	for _, bs := range rows {
		sort.Slice(bs, func(i, j int) bool { return bs[i].X < bs[j].X })
		index = append(index, bs)
	}
	sort.Slice(index, func(i, j int) bool { return index[i][0].Y < index[j][0].Y })
	return index
}

func TestWideLayerWraps(t *testing.T) {
	for _, tt := range []struct {
		n   int
		opt Options
	}{
		{300, Options{}},
		{300, Options{MaxPerRow: 5}},
		{9, Options{}},
		{8, Options{}},
		{3000, Options{MaxPerRow: 12}},
		{50, Options{MaxPerRow: math.MaxInt}}, // never wraps
	} {
		t.Run(fmt.Sprint(tt.n, "/", tt.opt.MaxPerRow), func(t *testing.T) {
			nodes := star(tt.n + 1)
			lay := Layered(nodes, tt.opt)
			check(t, nodes, tt.opt, lay)
			o := tt.opt.withDefaults()
			perRow := min(tt.n, o.MaxPerRow)
			maxW := float64(perRow)*(o.NodeWidth+o.NodeGap) - o.NodeGap + 2*o.NodeGap
			if lay.Width > maxW+0.001 {
				t.Errorf("width %v, want at most %v (%d boxes)", lay.Width, maxW, perRow)
			}
			wantRows := (tt.n-1)/o.MaxPerRow + 1
			gotRows := 0
			for _, b := range lay.Nodes[1:] {
				gotRows = max(gotRows, b.Row+1)
				if b.Layer != 1 {
					t.Fatalf("child in layer %d", b.Layer)
				}
			}
			if gotRows != wantRows {
				t.Errorf("%d rows, want %d", gotRows, wantRows)
			}
			// Rows of one layer are closer together than layers.
			if wantRows > 1 {
				var y0, y1 float64 = -1, -1
				for _, b := range lay.Nodes[1:] {
					if b.Row == 0 {
						y0 = b.Y
					}
					if b.Row == 1 {
						y1 = b.Y
					}
				}
				rowGap := y1 - y0 - o.NodeHeight
				layerGap := y0 - lay.Nodes[0].Y - o.NodeHeight
				if !(rowGap > 0 && rowGap < layerGap) {
					t.Errorf("row gap %v, layer gap %v", rowGap, layerGap)
				}
			}
		})
	}
}

func TestRandomGraphs(t *testing.T) {
	sizes := []int{1, 2, 3, 5, 8, 13, 21, 50, 100, 200, 400}
	for _, n := range sizes {
		for seed := int64(1); seed <= 6; seed++ {
			n, seed := n, seed
			t.Run(fmt.Sprintf("n=%d/seed=%d", n, seed), func(t *testing.T) {
				rng := rand.New(rand.NewSource(seed*1000 + int64(n)))
				opt := Options{}
				if seed%3 == 0 {
					opt = Options{NodeWidth: 120, NodeHeight: 40, LayerGap: 50, NodeGap: 12, MaxPerRow: int(seed) / 3}
				}
				nodes := randomGraph(rng, n, 1.5, seed%2 == 1)
				orig := cloneNodes(nodes)
				lay := Layered(nodes, opt)
				check(t, nodes, opt, lay)
				if !reflect.DeepEqual(nodes, orig) {
					t.Fatal("Layered modified its input")
				}
				if again := Layered(nodes, opt); !reflect.DeepEqual(lay, again) {
					t.Fatal("same input gave a different layout")
				}
			})
		}
	}
}

func TestDAGHasNoBackEdges(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for n := 2; n < 200; n += 17 {
		nodes := make([]Node, n)
		for i := range nodes {
			nodes[i].Entry = i < 3
			for j := 0; j < 3; j++ {
				if k := 3 + rng.Intn(n); k > i && k < n { // only to later nodes, never into entries
					nodes[i].Out = append(nodes[i].Out, k)
				}
			}
		}
		lay := Layered(nodes, Options{})
		check(t, nodes, Options{}, lay)
		for _, e := range lay.Edges {
			if e.Back {
				t.Fatalf("n=%d: acyclic graph got back edge %d→%d", n, e.From, e.To)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	nodes := randomGraph(rand.New(rand.NewSource(42)), 500, 2, true)
	a := Layered(nodes, Options{})
	b := Layered(cloneNodes(nodes), Options{})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same input gave a different layout")
	}
	for i := range a.Edges {
		if a.Edges[i].Path() != b.Edges[i].Path() {
			t.Fatal("same input gave a different path")
		}
	}
}

func TestHuge(t *testing.T) {
	const n = 100_000
	reverseChain := make([]Node, n) // n-1 → n-2 → … → 0, entry last
	for i := 1; i < n; i++ {
		reverseChain[i].Out = []int{i - 1}
	}
	reverseChain[n-1].Entry = true
	ring := chain(n) // a cycle without any entry
	ring[0].Entry = false
	ring[n-1].Out = []int{0}
	longEdge := chain(n) // and one edge from the top to the bottom
	longEdge[0].Out = append(longEdge[0].Out, n-1)

	tests := []struct {
		name   string
		nodes  []Node
		layers int
	}{
		{"chain", chain(n), n},
		{"reverse chain", reverseChain, n},
		{"ring without entry", ring, n},
		{"chain with a long edge", longEdge, n},
		{"star", star(n), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lay := Layered(tt.nodes, Options{})
			check(t, tt.nodes, Options{}, lay)
			layers := 0
			for _, b := range lay.Nodes {
				layers = max(layers, b.Layer+1)
			}
			if layers != tt.layers {
				t.Errorf("%d layers, want %d", layers, tt.layers)
			}
		})
	}
}

func TestOptions(t *testing.T) {
	nodes := []Node{{Entry: true, Out: []int{1}}, {}}
	for _, tt := range []struct {
		opt        Options
		w, h, x, y float64
	}{
		{Options{}, 200, 64, 24, 24},
		{Options{NodeWidth: -1, NodeHeight: math.NaN(), LayerGap: math.Inf(1), NodeGap: 0, MaxPerRow: -3}, 200, 64, 24, 24},
		{Options{NodeWidth: 100, NodeHeight: 30, LayerGap: 10, NodeGap: 5, MaxPerRow: 1}, 100, 30, 5, 5},
		{Options{NodeWidth: 1e300, NodeHeight: 1e300, LayerGap: 1e300, NodeGap: 1e300, MaxPerRow: math.MaxInt}, 1e6, 1e6, 1e6, 1e6},
	} {
		lay := Layered(nodes, tt.opt)
		check(t, nodes, tt.opt, lay)
		o := tt.opt.withDefaults()
		b := lay.Nodes[0]
		if b.W != tt.w || b.H != tt.h || b.X != tt.x || b.Y != tt.y {
			t.Errorf("%+v: box %+v", tt.opt, b)
		}
		if got := lay.Nodes[1].Y - (b.Y + b.H); got != o.LayerGap {
			t.Errorf("%+v: layer gap %v", tt.opt, got)
		}
	}
	if lay := Layered(nil, Options{}); lay.Width != 0 || lay.Height != 0 || len(lay.Nodes) != 0 || len(lay.Edges) != 0 {
		t.Errorf("empty input: %+v", lay)
	}
}

func TestPath(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		pts  []Point
		want string
	}{
		{"none", nil, ""},
		{"straight down", []Point{{10, 20}, {10, 80}}, "M10 20 L10 80"},
		{"slanted: vertical ends", []Point{{10, 20}, {50, 60}}, "M10 20 C10 40 50 40 50 60"},
		{"rounded corner", []Point{{0, 0}, {20, 0}, {20, -40}}, "M0 0 L14 0 C17.3 0 20 -2.7 20 -6 L20 -40"},
		{"small corner radius on short runs", []Point{{0, 0}, {4, 0}, {4, 4}, {0, 4}}, "M0 0 L2 0 C3.1 0 4 0.9 4 2 C4 3.1 3.1 4 2 4 L0 4"},
		{"compact numbers", []Point{{1.04, 2.25}, {1.04, -0.01}}, "M1 2.3 L1 0"},
		{"repeated points", []Point{{5, 5}, {5, 5}, {5, 9}}, "M5 5 L5 9"},
		{"not finite", []Point{{nan, 1}, {math.Inf(1), 3}}, "M0 1 L0 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Edge{Points: tt.pts}.Path()
			if got != tt.want {
				t.Errorf("Path() = %q, want %q", got, tt.want)
			}
			if got != "" {
				parsePath(t, got)
			}
		})
	}
}

func cloneNodes(nodes []Node) []Node {
	c := make([]Node, len(nodes))
	for i, nd := range nodes {
		c[i] = nd
		c[i].Out = append([]int(nil), nd.Out...)
	}
	return c
}

// ---- benchmarks ----

func BenchmarkLayered(b *testing.B) {
	for _, n := range []int{300, 3_000, 30_000} {
		nodes := randomGraph(rand.New(rand.NewSource(1)), n, 1.5, false)
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Layered(nodes, Options{})
			}
		})
	}
}
