package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/diagram"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/markup"
)

const svgNS = "http://www.w3.org/2000/svg"

// svg makes an SVG element; every SVG element needs the namespace.
func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// px writes a coordinate with at most one decimal.
func px(v float64) string { return strconv.FormatFloat(float64(int64(v*10+0.5))/10, 'f', -1, 64) }

// renderDiagram draws the resource accounts as a layered graph laid out by
// the diagram package, each node coloured and labelled by its plan.
func (p *Planner) renderDiagram() app.UI {
	l := p.layout
	w, h := l.Width*p.zoom, l.Height*p.zoom
	boxW, boxH := float64(diagram.DefaultNodeWidth), float64(diagram.DefaultNodeHeight)
	if len(l.Nodes) > 0 {
		boxW, boxH = l.Nodes[0].W, l.Nodes[0].H
	}
	return el.Section().ID("diagram").Class("card").Body(
		el.Div().Class("card-head").Body(
			el.H2().Text(p.t("diagram.title")),
			el.Div().Class("zoom").Role("group").Aria("label", p.t("diagram.zoom")).Body(
				el.Button().Attr("type", "button").Class("btn btn-small").ID("zoom-out").Aria("label", p.t("diagram.zoom-out")).Text("−").
					OnClick(func(ctx app.Context, e app.Event) { p.setZoom(p.zoom / 1.25) }),
				el.Span().Class("zoom-level").Text(strconv.Itoa(int(p.zoom*100+0.5))+"%"),
				el.Button().Attr("type", "button").Class("btn btn-small").ID("zoom-in").Aria("label", p.t("diagram.zoom-in")).Text("+").
					OnClick(func(ctx app.Context, e app.Event) { p.setZoom(p.zoom * 1.25) }),
				el.Button().Attr("type", "button").Class("btn btn-small").ID("zoom-reset").Text("100%").
					OnClick(func(ctx app.Context, e app.Event) { p.setZoom(1) }),
			),
		),
		p.legend(),
		app.If(len(p.doc.Accounts) == 0, func() app.UI {
			return el.P().Class("empty").Text(p.t("diagram.empty"))
		}).ElseIf(len(p.doc.Accounts) > maxDiagram, func() app.UI {
			// Tens of thousands of boxes would hold the page for minutes.
			return el.P().ID("diagram-too-large").Class("empty").Body(
				app.Text(p.t("diagram.too-large", p.int(maxDiagram))+" "),
				el.Button().Attr("type", "button").Class("btn btn-small").Text(p.t("export.svg")).OnClick(p.onExportSVG),
			)
		}).Else(func() app.UI {
			return el.Div().Class("diagram-scroll").TabIndex(0).Role("region").Aria("label", p.t("diagram.title")).Body(
				svg("svg").Class("diagram").
					Attr("width", px(w)).Attr("height", px(h)).
					Attr("viewBox", "0 0 "+px(l.Width)+" "+px(l.Height)).
					Role("group").Aria("label", p.t("diagram.label")).
					OnClick(p.onDiagramClick).OnKeyDown(p.onDiagramKey).
					Body(
						svg("defs").Body(
							svg("clipPath").ID("node-clip").Body(
								svg("rect").Attr("x", "10").Attr("y", "0").Attr("width", px(boxW-18)).Attr("height", px(boxH)),
							),
							svg("marker").ID("arrow").Attr("viewBox", "0 0 10 10").Attr("refX", "9").Attr("refY", "5").
								Attr("markerWidth", "8").Attr("markerHeight", "8").Attr("orient", "auto-start-reverse").
								Body(svg("path").Attr("d", "M0 0L10 5L0 10z").Class("arrow-head")),
						),
						&edgeLayer{Edges: p.edges},
						svg("g").Class("nodes").Body(
							app.Range(l.Nodes).Slice(func(i int) app.UI { return p.renderNode(i) }),
						),
					),
			)
		}),
	)
}

func (p *Planner) setZoom(z float64) {
	if z < 0.25 {
		z = 0.25
	}
	if z > 3 {
		z = 3
	}
	p.zoom = z
}

// renderNode draws account i: a box with its name, its type and number,
// and its plan as a word (colour is never the only signal).
func (p *Planner) renderNode(i int) app.UI {
	b := p.layout.Nodes[i]
	a := p.doc.Accounts[i]
	plan := p.result.Accounts[i].Planned
	sub := p.typeShort(a.Type)
	if a.PhoneNumber != "" {
		sub += " · " + a.PhoneNumber
	}
	return &diagramNode{
		ID: a.ID, Name: p.accountName(i), Sub: sub,
		Plan: plan.String(), PlanShort: p.planShort(plan),
		// The node's name is the words drawn in it; its description says them in full.
		Desc: p.typeLabel(a.Type) + ", " + p.planLabel(plan, p.result.Edition),
		X:    b.X, Y: b.Y, W: b.W, H: b.H,
		Selected: a.ID == p.selected,
	}
}

// edgeViews lists the arrows of a layout with their classes; recompute
// makes them once per layout, not on every render.
func edgeViews(l diagram.Layout) []edgeView {
	out := make([]edgeView, len(l.Edges))
	for i, e := range l.Edges {
		class := "edge"
		if e.Back {
			class += " edge-back"
		}
		if e.Self {
			class += " edge-self"
		}
		out[i] = edgeView{D: e.Path(), Class: class}
	}
	return out
}

// legend explains the colours and words of the diagram, in one piece of
// markup (see app/markup).
func (p *Planner) legend() app.UI {
	var m markup.Builder
	m.Open("ul", "class", "legend", "aria-label", p.t("diagram.legend"))
	for _, plan := range []licensing.Plan{licensing.PlanFree, licensing.PlanPaid, licensing.PlanNone, licensing.PlanNoAccount} {
		m.Open("li").Elem("span", p.planShort(plan), "class", "swatch plan-"+plan.String(), "aria-hidden", "true").
			Text(" " + p.t(keyOf("legend."+plan.String()))).Close("li")
	}
	m.Open("li").Elem("span", "", "class", "swatch-line", "aria-hidden", "true").Text(" " + p.t("legend.route")).Close("li")
	m.Open("li").Elem("span", "", "class", "swatch-line back", "aria-hidden", "true").Text(" " + p.t("legend.back")).Close("li")
	return app.Raw(m.Close("ul").String())
}

// neighbour returns the box nearest to box i in the direction of an arrow
// key, or -1: left and right stay in the row, up and down go to the nearest
// box above or below.
func neighbour(boxes []diagram.Box, i int, key string) int {
	if i < 0 || i >= len(boxes) {
		return -1
	}
	c := boxes[i]
	cx, cy := c.X+c.W/2, c.Y+c.H/2
	best, bestDist := -1, 0.0
	for j, b := range boxes {
		if j == i {
			continue
		}
		bx, by := b.X+b.W/2, b.Y+b.H/2
		dx, dy := bx-cx, by-cy
		var ok bool
		var dist float64
		switch key {
		case "ArrowLeft":
			ok, dist = dx < 0 && abs(dy) < c.H/2, -dx
		case "ArrowRight":
			ok, dist = dx > 0 && abs(dy) < c.H/2, dx
		case "ArrowUp":
			ok, dist = dy < -c.H/2, -dy*4+abs(dx)
		case "ArrowDown":
			ok, dist = dy > c.H/2, dy*4+abs(dx)
		}
		if ok && (best < 0 || dist < bestDist) {
			best, bestDist = j, dist
		}
	}
	return best
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// maxDiagram is the largest scenario the page draws the diagram of: tens of
// thousands of boxes would hold the page for minutes. A larger one's
// diagram is a download (Diagram .svg).
const maxDiagram = 5000
