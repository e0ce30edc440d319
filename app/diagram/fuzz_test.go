package diagram

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"
)

// fuzzGraph makes nodes and options from the fuzzer's bytes: up to 120
// nodes, entries, and routes with self-loops, repeats and indexes out of
// range; options with any float (NaN, ±Inf, negative, huge) and any row
// length.
func fuzzGraph(data []byte) ([]Node, Options) {
	b := data
	next := func() int {
		if len(b) == 0 {
			return 0
		}
		c := b[0]
		b = b[1:]
		return int(c)
	}
	float := func() float64 {
		switch c := next(); c % 8 {
		case 0:
			return 0 // the default
		case 1:
			return math.NaN()
		case 2:
			return math.Inf(int(c&8) - 4)
		case 3:
			return -float64(next())
		case 4:
			return 1e300
		case 5:
			if len(b) >= 8 {
				f := math.Float64frombits(binary.LittleEndian.Uint64(b))
				b = b[8:]
				return f
			}
			return 0
		default:
			return float64(next()) + float64(next())/256
		}
	}
	var opt Options
	if next()%2 == 1 {
		opt = Options{NodeWidth: float(), NodeHeight: float(), LayerGap: float(), NodeGap: float(), MaxPerRow: next() - 64}
		if next() == 255 {
			opt.MaxPerRow = math.MaxInt
		}
	}
	n := next() % 121
	nodes := make([]Node, n)
	for i := range nodes {
		f := next()
		nodes[i].Entry = f&1 != 0
		for range (f >> 1) % 5 {
			switch c := next(); c {
			case 255:
				nodes[i].Out = append(nodes[i].Out, -1-next())
			case 254:
				nodes[i].Out = append(nodes[i].Out, n+next())
			case 253:
				nodes[i].Out = append(nodes[i].Out, i)
			default:
				nodes[i].Out = append(nodes[i].Out, c%n)
			}
		}
	}
	return nodes, opt
}

func FuzzLayered(f *testing.F) {
	f.Add([]byte{0, 5, 3, 2, 0, 1, 2, 1, 4, 6, 3, 0, 2})
	f.Add([]byte{1, 5, 1, 6, 7, 2, 0, 8, 40, 9, 16, 2, 1, 2, 255, 3, 254, 1, 253, 6, 0, 1, 2, 0, 2})
	f.Add([]byte{1, 1, 2, 3, 4, 0, 255, 64, 2, 4, 0, 1, 4, 253, 0, 4, 1, 2})
	f.Add([]byte{0, 120, 8, 1, 8, 2, 8, 3, 8, 4, 8, 5, 8, 6, 8, 7, 8, 8, 8, 9, 8, 10, 8, 11, 8, 12})
	f.Fuzz(func(t *testing.T, data []byte) {
		nodes, opt := fuzzGraph(data)
		lay := Layered(nodes, opt)
		checkFuzzLayout(t, nodes, opt, lay)
	})
}

// checkFuzzLayout asserts what no input may break: a box per node, sizes
// and coordinates finite, boxes inside the drawing and not overlapping,
// edges between existing nodes with finite points and paths.
func checkFuzzLayout(t *testing.T, nodes []Node, opt Options, lay Layout) {
	t.Helper()
	n := len(nodes)
	if n == 0 {
		if lay.Width != 0 || lay.Height != 0 || len(lay.Nodes) != 0 || len(lay.Edges) != 0 {
			t.Fatalf("empty input gives %+v", lay)
		}
		return
	}
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf(format+"\nnodes %v\noptions %+v", append(args, nodes, opt)...)
	}
	if len(lay.Nodes) != n {
		fail("%d boxes for %d nodes", len(lay.Nodes), n)
	}
	if !finiteAll(lay.Width, lay.Height) || lay.Width <= 0 || lay.Height <= 0 {
		fail("drawing %v × %v", lay.Width, lay.Height)
	}
	o := opt.withDefaults()
	for i, b := range lay.Nodes {
		switch {
		case !finiteAll(b.X, b.Y, b.W, b.H):
			fail("box %d is %+v", i, b)
		case b.W != o.NodeWidth || b.H != o.NodeHeight:
			fail("box %d is %v × %v, the options say %v × %v", i, b.W, b.H, o.NodeWidth, o.NodeHeight)
		case b.X < 0 || b.Y < 0 || b.X+b.W > lay.Width || b.Y+b.H > lay.Height:
			fail("box %d = %+v is outside the drawing %v × %v", i, b, lay.Width, lay.Height)
		case b.Layer < 0 || b.Row < 0:
			fail("box %d = %+v", i, b)
		case nodes[i].Entry && b.Layer != 0:
			fail("entry %d is in layer %d", i, b.Layer)
		}
	}
	// No two boxes overlap. They may touch, and with a gap of next to
	// nothing (NodeGap 1e-76) rounding may make them overlap by a hair.
	eps := 1e-9 * (o.NodeWidth + o.NodeHeight + o.NodeGap + o.LayerGap)
	for i := range lay.Nodes {
		for j := i + 1; j < n; j++ {
			a, b := lay.Nodes[i], lay.Nodes[j]
			if a.X+eps < b.X+b.W && b.X+eps < a.X+a.W && a.Y+eps < b.Y+b.H && b.Y+eps < a.Y+a.H {
				fail("boxes %d %+v and %d %+v overlap", i, a, j, b)
			}
		}
	}
	// One edge per distinct in-range link.
	links := 0
	for _, nd := range nodes {
		seen := map[int]bool{}
		for _, o := range nd.Out {
			if o >= 0 && o < n && !seen[o] {
				seen[o] = true
				links++
			}
		}
	}
	if len(lay.Edges) != links {
		fail("%d edges for %d distinct links", len(lay.Edges), links)
	}
	for _, e := range lay.Edges {
		if e.From < 0 || e.From >= n || e.To < 0 || e.To >= n || e.Self != (e.From == e.To) {
			fail("edge %+v", e)
		}
		// Two points at least, unless the boxes touch: a gap below the
		// precision of the coordinates (LayerGap 1e-76) leaves one point.
		if len(e.Points) == 0 || len(e.Points) == 1 && !e.Self && lay.Nodes[e.From].Y+lay.Nodes[e.From].H != lay.Nodes[e.To].Y {
			fail("edge %d→%d has %d points: %v", e.From, e.To, len(e.Points), e.Points)
		}
		for _, p := range e.Points {
			if !finiteAll(p.X, p.Y) || p.X < 0 || p.Y < 0 || p.X > lay.Width || p.Y > lay.Height {
				fail("edge %d→%d has the point %+v (drawing %v × %v)", e.From, e.To, p, lay.Width, lay.Height)
			}
		}
		if d := e.Path(); d == "" || strings.Contains(d, "NaN") || strings.Contains(d, "Inf") {
			fail("edge %d→%d has the path %q", e.From, e.To, d)
		}
	}
}
