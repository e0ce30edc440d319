package diagram

import (
	"math"
	"strconv"
)

// route computes the points of every edge and widens the drawing for the
// lanes of the back edges.
//
// Forward edges cross the rows between their source and target through the
// gaps between boxes; the whole work is bounded by a budget proportional to
// the size of the graph, past which edges are drawn straight (a single
// curve) so that the layout stays near-linear on pathological graphs.
func (g *graph) route(lay *Layout, opt Options) {
	r := g.rows
	w, h, gap, m := opt.NodeWidth, opt.NodeHeight, opt.NodeGap, opt.MaxPerRow
	slot := w + gap
	margin := gap
	boxes := lay.Nodes
	nEdges := len(g.from)
	totalRows := len(r.top)

	above := func(gr int) float64 { // middle of the gap above a row
		if gr == 0 {
			return r.top[0] - margin/2
		}
		return (r.top[gr-1] + h + r.top[gr]) / 2
	}
	below := func(gr int) float64 { // middle of the gap below a row
		if gr == totalRows-1 {
			return r.top[gr] + h + margin/2
		}
		return (r.top[gr] + h + r.top[gr+1]) / 2
	}
	wrapped := func(l int) bool { return r.rowStart[l+1]-r.rowStart[l] > 1 }
	rowNodes := func(gr int) []int {
		l := r.layerOf[gr]
		i := g.layStart[l] + (gr-r.rowStart[l])*m
		return g.ord[i:min(i+m, g.layStart[l+1])]
	}
	// gapNear is the x of the gap of row gr nearest to aim.
	gapNear := func(gr int, aim float64) float64 {
		row := rowNodes(gr)
		lo, hi := 0, len(row) // first box whose center is right of aim
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if boxes[row[mid]].X+w/2 > aim {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		best, bx := math.Inf(1), 0.0
		for c := lo - 1; c <= lo+1; c++ {
			var x float64
			switch {
			case c < 0 || c > len(row):
				continue
			case c == 0:
				x = boxes[row[0]].X - gap/2
			case c == len(row):
				x = boxes[row[c-1]].X + w + gap/2
			default:
				x = (boxes[row[c-1]].X + w + boxes[row[c]].X) / 2
			}
			if d := math.Abs(x - aim); d < best {
				best, bx = d, x
			}
		}
		return bx
	}
	// gridGap is the x of the gap nearest to aim in the full rows of a
	// wrapped layer, whose boxes all sit on one grid.
	gridGap := func(l int, aim float64) float64 {
		x0 := boxes[g.ord[g.layStart[l]]].X - gap/2
		j := math.Round((aim - x0) / slot)
		j = math.Max(0, math.Min(float64(m), j))
		return x0 + j*slot
	}

	maxRight := lay.Width - margin
	laneX := maxRight + gap
	laneStep := gap / 3
	lanes := 0
	budget := 2*(g.n+nEdges) + 1024 // rows (or runs of grid rows) crossed, in all

	pts := make([]Point, 0, 3*nEdges+budget)
	ends := make([]int, nEdges)
	for e := 0; e < nEdges; e++ {
		u, v := g.from[e], g.to[e]
		bu, bv := boxes[u], boxes[v]
		start := len(pts)
		switch g.kind[e] {
		case kindSelf:
			right, x := bu.X+w, bu.X+w+gap/2
			yOut, yIn := bu.Y+0.65*h, bu.Y+0.35*h
			pts = append(pts, Point{right, yOut}, Point{x, yOut}, Point{x, yIn}, Point{right, yIn})

		case kindBack:
			gu, gv := r.nodeRow[u], r.nodeRow[v]
			sRight, tRight := bu.X+w, bv.X+w
			x1, x2 := sRight+gap/2, tRight+gap/2
			yOut, yIn := bu.Y+0.65*h, bv.Y+0.35*h
			var ys, yt float64
			if gv <= gu {
				ys, yt = above(gu), below(gv)
			} else {
				ys, yt = below(gu), above(gv)
			}
			pts = addPoint(pts, start, Point{sRight, yOut})
			pts = addPoint(pts, start, Point{x1, yOut})
			pts = addPoint(pts, start, Point{x1, ys})
			if gv >= gu-1 && gv <= gu+1 { // one gap joins both rows
				pts = addPoint(pts, start, Point{x2, ys})
			} else {
				x := laneX + float64(lanes%maxLanes)*laneStep
				lanes++
				pts = addPoint(pts, start, Point{x, ys})
				pts = addPoint(pts, start, Point{x, yt})
				pts = addPoint(pts, start, Point{x2, yt})
			}
			pts = addPoint(pts, start, Point{x2, yIn})
			pts = addPoint(pts, start, Point{tRight, yIn})

		default:
			gu, gv := r.nodeRow[u], r.nodeRow[v]
			sx, sy := bu.X+w/2, bu.Y+h
			tx, ty := bv.X+w/2, bv.Y
			pts = append(pts, Point{sx, sy})
			if gv > gu+1 && budget > 0 {
				px, py := sx, sy
				used := 0
				for gr := gu + 1; gr < gv; {
					l := r.layerOf[gr]
					top := r.top[gr]
					var x, bottom float64
					if wrapped(l) && gr-r.rowStart[l] < r.fullRows[l] {
						last := min(gv-1, r.rowStart[l]+r.fullRows[l]-1)
						var aim float64
						switch {
						case l != g.layer[v]:
							aim = px + (tx-px)*(top-py)/(ty-py)
						case px < tx: // down the gap next to the target
							aim = tx - slot/4
						default:
							aim = tx + slot/4
						}
						x, bottom = gridGap(l, aim), r.top[last]+h
						gr = last + 1
					} else {
						x, bottom = gapNear(gr, px+(tx-px)*(top-py)/(ty-py)), top+h
						gr++
					}
					pts = addPoint(pts, start, Point{x, top})
					pts = addPoint(pts, start, Point{x, bottom})
					px, py = x, bottom
					if used++; used > budget { // too much: draw it straight
						pts = pts[:start+1]
						break
					}
				}
				budget -= used
			}
			pts = addPoint(pts, start, Point{tx, ty})
		}
		ends[e] = len(pts)
	}

	lay.Edges = make([]Edge, nEdges)
	start := 0
	for e := range lay.Edges {
		k := g.kind[e]
		lay.Edges[e] = Edge{
			From:   g.from[e],
			To:     g.to[e],
			Points: pts[start:ends[e]:ends[e]],
			Back:   k == kindBack,
			Self:   k == kindSelf,
		}
		start = ends[e]
	}
	if lanes > 0 {
		lay.Width = laneX + float64(min(lanes, maxLanes)-1)*laneStep + margin
	}
}

// addPoint appends p to the route that starts at pts[start], dropping
// repeated points and merging straight runs.
func addPoint(pts []Point, start int, p Point) []Point {
	k := len(pts) - start
	if k > 0 && pts[len(pts)-1] == p {
		return pts
	}
	if k > 1 {
		a, b := pts[len(pts)-2], pts[len(pts)-1]
		if (a.X == b.X && b.X == p.X && (b.Y-a.Y)*(p.Y-b.Y) > 0) ||
			(a.Y == b.Y && b.Y == p.Y && (b.X-a.X)*(p.X-b.X) > 0) {
			pts[len(pts)-1] = p
			return pts
		}
	}
	return append(pts, p)
}

// cornerRadius is the radius of the rounded corners of a Path.
const cornerRadius = 6

// Path returns the SVG path data ("d" attribute) of the edge, using only M, L
// and C commands with numbers rounded to one decimal. It joins the points of
// the edge: horizontal and vertical runs are straight lines with rounded
// corners, other runs are curves that leave and arrive vertically. The path
// ends on the border of the target box, so a marker-end arrow sits on it.
// It returns "" for an edge without points.
func (e Edge) Path() string {
	p := make([]Point, 0, len(e.Points))
	for _, q := range e.Points {
		q = Point{finite(q.X), finite(q.Y)}
		if len(p) == 0 || p[len(p)-1] != q {
			p = append(p, q)
		}
	}
	if len(p) == 0 {
		return ""
	}
	b := make([]byte, 0, 24*len(p))
	b = append(b, 'M')
	b = appendXY(b, p[0])
	cur := p[0]
	for i := 1; i < len(p); i++ {
		a, q := p[i-1], p[i]
		if a.X != q.X && a.Y != q.Y { // slanted: a curve with vertical ends
			my := (cur.Y + q.Y) / 2
			b = append(b, " C"...)
			b = appendXY(b, Point{cur.X, my})
			b = append(b, ' ')
			b = appendXY(b, Point{q.X, my})
			b = append(b, ' ')
			b = appendXY(b, q)
			cur = q
			continue
		}
		if i+1 < len(p) {
			c := p[i+1]
			if (a.X == q.X) != (q.X == c.X) && (q.X == c.X || q.Y == c.Y) { // a right-angle corner
				d1, l1 := unit(a, q)
				d2, l2 := unit(q, c)
				rad := math.Min(cornerRadius, math.Min(l1, l2)/2)
				in := Point{q.X - d1.X*rad, q.Y - d1.Y*rad}
				out := Point{q.X + d2.X*rad, q.Y + d2.Y*rad}
				const k = 0.5523 // circle approximation
				if in != cur {
					b = append(b, " L"...)
					b = appendXY(b, in)
				}
				b = append(b, " C"...)
				b = appendXY(b, Point{in.X + d1.X*rad*k, in.Y + d1.Y*rad*k})
				b = append(b, ' ')
				b = appendXY(b, Point{out.X - d2.X*rad*k, out.Y - d2.Y*rad*k})
				b = append(b, ' ')
				b = appendXY(b, out)
				cur = out
				continue
			}
		}
		b = append(b, " L"...)
		b = appendXY(b, q)
		cur = q
	}
	return string(b)
}

// unit returns the unit vector from a to b and the distance.
func unit(a, b Point) (Point, float64) {
	dx, dy := b.X-a.X, b.Y-a.Y
	d := math.Hypot(dx, dy)
	if d == 0 {
		return Point{}, 0
	}
	return Point{dx / d, dy / d}, d
}

func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func appendXY(b []byte, p Point) []byte {
	b = appendNum(b, p.X)
	b = append(b, ' ')
	return appendNum(b, p.Y)
}

// appendNum writes v with at most one decimal and no trailing zeros.
func appendNum(b []byte, v float64) []byte {
	if math.Abs(v) < 1e15 {
		v = math.Round(v*10) / 10
	}
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}
