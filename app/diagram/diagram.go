// Package diagram computes the layout of the resource-account diagram: a
// layered drawing of auto attendants and call queues in which the entry
// points sit on top, the accounts they route to below them, and an arrow
// runs from each account to every account it routes to.
//
// The package only computes coordinates; the UI draws them (as SVG). It is
// pure Go, with no dependency on the browser, and runs in near-linear time
// so that it can be called again on every edit:
//
//  1. Cycle breaking: an iterative depth-first search from the entry nodes
//     (then from any node not yet visited) marks the edges that close a
//     cycle as back edges. Every edge into an entry node is a back edge too,
//     because entry nodes always stay in the top layer.
//  2. Layering: each node goes one layer below the lowest of the nodes that
//     route to it through forward edges (longest path from the top).
//  3. Ordering: nodes start in the order the search first saw them, then a
//     few downward and upward barycenter sweeps reduce crossings.
//  4. Wrapping: a layer with more than Options.MaxPerRow nodes wraps into
//     several rows, so that hundreds of accounts under one auto attendant
//     stay readable in a scroll area.
//  5. Coordinates: each row is centered, then boxes of single-row layers
//     slide (keeping their order and gaps) toward the boxes they connect to.
//  6. Edges: forward edges run from the bottom of the source box to the top
//     of the target box, passing rows in between through the gaps between
//     boxes; back edges leave the source's right side, run up a lane right
//     of the drawing and enter the target's right side; self-loops are a
//     small loop on the right side of the box.
//
// Everything is deterministic: the same input gives the same Layout.
package diagram

import (
	"math"
	"slices"
)

// Node is one box of the diagram: one resource account.
type Node struct {
	// ID is the account id. The layout never reads it; it is there so the
	// caller can keep the id with the node (for debugging and rendering).
	ID string
	// Entry is true when calls arrive here directly (the account has a phone
	// number, or nothing else routes to it). Entry nodes are placed in the
	// top layer, even when other nodes route to them too.
	Entry bool
	// Out lists the indexes of the nodes this node routes to. Self-loops,
	// cycles and duplicates are allowed; duplicates and indexes out of range
	// are ignored.
	Out []int
}

// Options sets the sizes of the drawing, in SVG user units (pixels). A zero,
// negative or non-finite field takes its default; sizes are capped at
// MaxSize.
type Options struct {
	// NodeWidth and NodeHeight are the size of every box (default 200 × 64).
	NodeWidth, NodeHeight float64
	// LayerGap is the vertical space between two layers (default 72). The
	// rows of one wrapped layer are LayerGap/3 apart.
	LayerGap float64
	// NodeGap is the horizontal space between two boxes of a row, and the
	// margin around the drawing (default 24).
	NodeGap float64
	// MaxPerRow is the most boxes one row holds (default 8); a layer with
	// more nodes wraps into several rows.
	MaxPerRow int
}

// The defaults of Options.
const (
	DefaultNodeWidth  = 200
	DefaultNodeHeight = 64
	DefaultLayerGap   = 72
	DefaultNodeGap    = 24
	DefaultMaxPerRow  = 8
	// MaxSize caps NodeWidth, NodeHeight, LayerGap and NodeGap.
	MaxSize = 1e6
	// MinSize is the smallest NodeWidth, NodeHeight, LayerGap and NodeGap
	// taken as given; a smaller one takes the default.
	MinSize = 0.01
	// MaxPerRowLimit caps MaxPerRow.
	MaxPerRowLimit = 1 << 30
)

// Point is a point of the drawing; Y grows downward, as in SVG.
type Point struct{ X, Y float64 }

// Box is the place of one node: its top-left corner, its size, the layer it
// is in (0 is the top) and the row within that layer (0 unless the layer
// wraps).
type Box struct {
	X, Y, W, H float64
	Layer, Row int
}

// Edge is the arrow for one "routes to" link.
type Edge struct {
	// From and To are the indexes of the source and target nodes.
	From, To int
	// Points is the route of the arrow. It starts on the border of the source
	// box and ends on the border of the target box, where an arrow marker
	// belongs. Path turns it into an SVG path.
	Points []Point
	// Back is true for an edge that runs upward, against the flow: it closes
	// a cycle or leads into an entry node. Back edges enter the target box on
	// its right side; all other edges enter on top.
	Back bool
	// Self is true for a self-loop (From == To).
	Self bool
}

// Layout is the result of Layered.
type Layout struct {
	// Width and Height are the size of the whole drawing, margins included.
	Width, Height float64
	// Nodes has one Box per input node, at the same index.
	Nodes []Box
	// Edges has one Edge per distinct in-range link, ordered by source node
	// and then by the order of the source's Out list.
	Edges []Edge
}

// Tunables of the algorithm.
const (
	orderSweeps = 4 // barycenter sweeps, alternating down and up
	placeRounds = 2 // rounds of (down, up) coordinate passes
	maxLanes    = 4 // distinct vertical lanes for back edges
)

const (
	kindForward uint8 = iota
	kindBack
	kindSelf
)

func (o Options) withDefaults() Options {
	fix := func(v *float64, def float64) {
		// Below MinSize a size is taken as unset: layers that close
		// together collapse onto one y, and routing would divide 0 by 0.
		if !(*v >= MinSize) || math.IsInf(*v, 0) {
			*v = def
		}
		*v = math.Min(*v, MaxSize)
	}
	fix(&o.NodeWidth, DefaultNodeWidth)
	fix(&o.NodeHeight, DefaultNodeHeight)
	fix(&o.LayerGap, DefaultLayerGap)
	fix(&o.NodeGap, DefaultNodeGap)
	if o.MaxPerRow <= 0 {
		o.MaxPerRow = DefaultMaxPerRow
	}
	// A row never holds more boxes than a layout can have nodes; beyond, an
	// index computed from it would overflow.
	o.MaxPerRow = min(o.MaxPerRow, MaxPerRowLimit)
	return o
}

// Layered lays nodes out as a layered graph (see the package comment). It
// never modifies nodes. An empty input gives a zero Layout.
func Layered(nodes []Node, opt Options) Layout {
	n := len(nodes)
	if n == 0 {
		return Layout{}
	}
	opt = opt.withDefaults()
	g := graphOf(nodes)
	g.breakCycles(nodes)
	g.assignLayers()
	g.order()
	lay := g.place(opt)
	g.route(&lay, opt)
	return lay
}

// graph is the working state of one layout, in compact arrays.
type graph struct {
	n int
	// Edges in output order; the edges of node v are outStart[v]:outStart[v+1].
	from, to []int
	kind     []uint8
	outStart []int
	entry    []bool

	pre  []int // discovery index of each node in the DFS
	post []int // nodes in DFS finishing order

	// Forward-edge adjacency (compressed rows).
	succStart, succ []int
	predStart, pred []int

	layer     []int // layer of each node
	layers    int
	ord       []int // nodes layer by layer, in their order within the layer
	layStart  []int // layer l is ord[layStart[l]:layStart[l+1]]
	pos       []int // index of each node within its layer
	layerHalf []float64

	rows *rows // set by place
}

func graphOf(nodes []Node) *graph {
	n := len(nodes)
	total := 0
	for i := range nodes {
		total += len(nodes[i].Out)
	}
	g := &graph{
		n:        n,
		from:     make([]int, 0, total),
		to:       make([]int, 0, total),
		outStart: make([]int, n+1),
		entry:    make([]bool, n),
	}
	stamp := make([]int, n) // stamp[w] == v+1: the edge v→w is already in
	for v := range nodes {
		g.entry[v] = nodes[v].Entry
		g.outStart[v] = len(g.from)
		for _, w := range nodes[v].Out {
			if w < 0 || w >= n || stamp[w] == v+1 {
				continue
			}
			stamp[w] = v + 1
			g.from = append(g.from, v)
			g.to = append(g.to, w)
		}
	}
	g.outStart[n] = len(g.from)
	g.kind = make([]uint8, len(g.from))
	return g
}

// breakCycles runs an iterative DFS from the entry nodes, then from every node
// not yet visited, both in input order, and classifies every edge.
func (g *graph) breakCycles(nodes []Node) {
	const (
		unseen uint8 = iota
		onStack
		done
	)
	n := g.n
	state := make([]uint8, n)
	cursor := make([]int, n) // next edge to look at, per node
	copy(cursor, g.outStart[:n])
	g.pre = make([]int, n)
	g.post = make([]int, 0, n)
	stack := make([]int, 0, 64)
	seen := 0
	visit := func(r int) {
		if state[r] != unseen {
			return
		}
		state[r] = onStack
		g.pre[r] = seen
		seen++
		stack = append(stack, r)
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			if e := cursor[v]; e < g.outStart[v+1] {
				cursor[v]++
				w := g.to[e]
				switch {
				case w == v:
					g.kind[e] = kindSelf
				case g.entry[w] || state[w] == onStack:
					g.kind[e] = kindBack
				case state[w] == unseen:
					state[w] = onStack
					g.pre[w] = seen
					seen++
					stack = append(stack, w)
				}
				continue
			}
			stack = stack[:len(stack)-1]
			state[v] = done
			g.post = append(g.post, v)
		}
	}
	for v := range nodes {
		if nodes[v].Entry {
			visit(v)
		}
	}
	for v := range nodes {
		visit(v)
	}
}

// assignLayers puts every node at the length of the longest forward path
// that reaches it, and builds the forward adjacency.
func (g *graph) assignLayers() {
	n := g.n
	g.succStart = make([]int, n+1)
	g.predStart = make([]int, n+1)
	for e, k := range g.kind {
		if k == kindForward {
			g.succStart[g.from[e]+1]++
			g.predStart[g.to[e]+1]++
		}
	}
	for v := 0; v < n; v++ {
		g.succStart[v+1] += g.succStart[v]
		g.predStart[v+1] += g.predStart[v]
	}
	m := g.succStart[n]
	g.succ = make([]int, m)
	g.pred = make([]int, m)
	fill := make([]int, n)
	copy(fill, g.predStart[:n])
	i := 0
	for e, k := range g.kind { // edges are grouped by source, in order
		if k == kindForward {
			g.succ[i] = g.to[e]
			i++
			w := g.to[e]
			g.pred[fill[w]] = g.from[e]
			fill[w]++
		}
	}

	// Reverse DFS finishing order is a topological order of forward edges.
	g.layer = make([]int, n)
	maxLayer := 0
	for k := n - 1; k >= 0; k-- {
		v := g.post[k]
		lv := g.layer[v]
		if lv > maxLayer {
			maxLayer = lv
		}
		for _, w := range g.succ[g.succStart[v]:g.succStart[v+1]] {
			if g.layer[w] < lv+1 {
				g.layer[w] = lv + 1
			}
		}
	}
	g.layers = maxLayer + 1
}

// order fills each layer in DFS discovery order and improves it with
// barycenter sweeps.
func (g *graph) order() {
	n := g.n
	g.layStart = make([]int, g.layers+1)
	for _, l := range g.layer {
		g.layStart[l+1]++
	}
	for l := 0; l < g.layers; l++ {
		g.layStart[l+1] += g.layStart[l]
	}
	byPre := make([]int, n)
	for v, p := range g.pre {
		byPre[p] = v
	}
	g.ord = make([]int, n)
	g.pos = make([]int, n)
	fill := make([]int, g.layers)
	copy(fill, g.layStart[:g.layers])
	for _, v := range byPre {
		l := g.layer[v]
		g.ord[fill[l]] = v
		g.pos[v] = fill[l] - g.layStart[l]
		fill[l]++
	}
	g.layerHalf = make([]float64, g.layers)
	for l := range g.layerHalf {
		g.layerHalf[l] = float64(g.layStart[l+1]-g.layStart[l]-1) / 2
	}

	key := make([]float64, n)
	cmp := func(a, b int) int {
		switch {
		case key[a] < key[b]:
			return -1
		case key[a] > key[b]:
			return 1
		}
		return g.pos[a] - g.pos[b]
	}
	sweepLayer := func(l int, start, nb []int) {
		seg := g.ord[g.layStart[l]:g.layStart[l+1]]
		for _, v := range seg {
			ws := nb[start[v]:start[v+1]]
			if len(ws) == 0 {
				key[v] = float64(g.pos[v]) - g.layerHalf[l]
				continue
			}
			s := 0.0
			for _, w := range ws {
				s += float64(g.pos[w]) - g.layerHalf[g.layer[w]]
			}
			key[v] = s / float64(len(ws))
		}
		slices.SortFunc(seg, cmp)
		for i, v := range seg {
			g.pos[v] = i
		}
	}
	for s := 0; s < orderSweeps; s++ {
		if s%2 == 0 {
			for l := 1; l < g.layers; l++ {
				sweepLayer(l, g.predStart, g.pred)
			}
		} else {
			for l := g.layers - 2; l >= 0; l-- {
				sweepLayer(l, g.succStart, g.succ)
			}
		}
	}
}

// rows describes the rows of the drawing, top to bottom.
type rows struct {
	rowStart []int     // first global row of each layer; rowStart[layers] = total rows
	top      []float64 // y of the top of each global row
	nodeRow  []int     // global row of each node
	layerOf  []int     // layer of each global row
	fullRows []int     // per layer: the number of rows that hold MaxPerRow boxes
}

func (g *graph) rowsOf(l, m int) int {
	k := g.layStart[l+1] - g.layStart[l]
	return (k-1)/m + 1 // layers are never empty
}

// place computes the boxes and the size of the drawing.
func (g *graph) place(opt Options) Layout {
	n := g.n
	w, h, gap, m := opt.NodeWidth, opt.NodeHeight, opt.NodeGap, opt.MaxPerRow
	slot := w + gap
	rowGap := opt.LayerGap / 3
	margin := gap

	// Rows and their y.
	r := &rows{rowStart: make([]int, g.layers+1), fullRows: make([]int, g.layers), nodeRow: make([]int, n)}
	widest := 0
	for l := 0; l < g.layers; l++ {
		k := g.layStart[l+1] - g.layStart[l]
		r.rowStart[l+1] = r.rowStart[l] + g.rowsOf(l, m)
		r.fullRows[l] = k / m
		widest = max(widest, min(k, m))
	}
	r.top = make([]float64, r.rowStart[g.layers])
	r.layerOf = make([]int, r.rowStart[g.layers])
	y := margin
	for l := 0; l < g.layers; l++ {
		if l > 0 {
			y += opt.LayerGap
		}
		for gr := r.rowStart[l]; gr < r.rowStart[l+1]; gr++ {
			if gr > r.rowStart[l] {
				y += rowGap
			}
			r.top[gr] = y
			r.layerOf[gr] = l
			y += h
		}
	}
	height := y + margin

	// Start with every row centered relative to the widest row.
	xs := make([]float64, n)
	widestW := float64(widest)*slot - gap
	for l := 0; l < g.layers; l++ {
		seg := g.ord[g.layStart[l]:g.layStart[l+1]]
		for i := 0; i < len(seg); i += m {
			row := seg[i:min(i+m, len(seg))]
			x := (widestW - (float64(len(row))*slot - gap)) / 2
			for j, v := range row {
				xs[v] = x + float64(j)*slot
				r.nodeRow[v] = r.rowStart[l] + i/m
			}
		}
	}

	// Slide boxes toward the boxes they connect to: single rows by isotonic
	// regression (order and gaps kept), wrapped layers as one block.
	want := make([]float64, 0, min(m, n))
	blocks := make([]pavBlock, 0, min(m, n))
	pass := func(l int, start, nb []int) {
		seg := g.ord[g.layStart[l]:g.layStart[l+1]]
		if len(seg) > m {
			shift, cnt := 0.0, 0
			for _, v := range seg {
				ws := nb[start[v]:start[v+1]]
				if len(ws) == 0 {
					continue
				}
				s := 0.0
				for _, u := range ws {
					s += xs[u]
				}
				shift += s/float64(len(ws)) - xs[v]
				cnt++
			}
			if cnt > 0 {
				shift /= float64(cnt)
				for _, v := range seg {
					xs[v] += shift
				}
			}
			return
		}
		want = want[:0]
		for _, v := range seg {
			ws := nb[start[v]:start[v+1]]
			if len(ws) == 0 {
				want = append(want, xs[v])
				continue
			}
			s := 0.0
			for _, u := range ws {
				s += xs[u]
			}
			want = append(want, s/float64(len(ws)))
		}
		blocks = isotonic(want, slot, blocks)
		for i, v := range seg {
			xs[v] = want[i]
		}
	}
	for round := 0; round < placeRounds; round++ {
		for l := 1; l < g.layers; l++ {
			pass(l, g.predStart, g.pred)
		}
		for l := g.layers - 2; l >= 0; l-- {
			pass(l, g.succStart, g.succ)
		}
	}

	// Move everything right of the margin.
	minX := math.Inf(1)
	for _, x := range xs {
		minX = math.Min(minX, x)
	}
	maxRight := 0.0
	for v := range xs {
		xs[v] += margin - minX
		maxRight = math.Max(maxRight, xs[v]+w)
	}

	lay := Layout{
		Width:  maxRight + margin,
		Height: height,
		Nodes:  make([]Box, n),
	}
	for v := range xs {
		gr := r.nodeRow[v]
		l := g.layer[v]
		lay.Nodes[v] = Box{X: xs[v], Y: r.top[gr], W: w, H: h, Layer: l, Row: gr - r.rowStart[l]}
	}
	g.rows = r
	return lay
}

type pavBlock struct {
	sum float64
	cnt int
}

// isotonic moves the left edges xs (in row order) as little as possible, in
// the least-squares sense, so that consecutive ones are at least slot apart.
// It works in place and returns the scratch space for reuse.
func isotonic(xs []float64, slot float64, blocks []pavBlock) []pavBlock {
	// With y[i] = x[i] - i*slot the constraint is y nondecreasing: pool
	// adjacent violators.
	blocks = blocks[:0]
	for i, x := range xs {
		b := pavBlock{x - float64(i)*slot, 1}
		for len(blocks) > 0 {
			p := blocks[len(blocks)-1]
			if p.sum/float64(p.cnt) <= b.sum/float64(b.cnt) {
				break
			}
			b.sum += p.sum
			b.cnt += p.cnt
			blocks = blocks[:len(blocks)-1]
		}
		blocks = append(blocks, b)
	}
	i := 0
	for _, b := range blocks {
		mean := b.sum / float64(b.cnt)
		for j := 0; j < b.cnt; j++ {
			xs[i] = mean + float64(i)*slot
			if i > 0 && xs[i] < xs[i-1]+slot { // rounding must not overlap boxes
				xs[i] = xs[i-1] + slot
			}
			i++
		}
	}
	return blocks
}
