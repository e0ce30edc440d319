package ui

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/markup"
	"github.com/raplanner/raplanner/app/scenario"
)

// The parts of the page repeated once per account are components whose
// exported fields are everything they show: when the planner re-renders,
// go-app compares those fields and leaves the rows, boxes and arrows that
// did not change alone. On a tenant of thousands of accounts an edit then
// touches only what it changed. The diagram's boxes and the editor's list
// leave their events to their container; the route picker keeps the
// planner in an unexported field, which go-app never copies or compares,
// to act on its own.

// diagramNode is one box of the diagram. The diagram's svg element handles
// the clicks and keys of every box (onDiagramClick, onDiagramKey). A box
// stays elements, not markup like the arrows: an edit changes the plan of
// many boxes at once, and go-app updates an attribute and two texts of
// each, where markup would be parsed again whole (on 3,000 accounts that
// made an edit 40 ms slower).
type diagramNode struct {
	app.Compo
	ID, Name, Sub, Plan, PlanShort, Desc string
	X, Y, W, H                           float64
	Selected                             bool
}

// Render draws the box: name, type and number, and the plan as a word
// (colour is never the only signal).
func (c *diagramNode) Render() app.UI {
	class := "node plan-" + c.Plan
	if c.Selected {
		class += " selected"
	}
	return svg("g").ID("node-"+c.ID).Class(class).DataSet("account", c.ID).DataSet("plan", c.Plan).
		Attr("transform", "translate("+px(c.X)+" "+px(c.Y)+")").
		TabIndex(0).Role("button").
		Body(
			svg("desc").Text(c.Desc),
			svg("rect").Class("node-box").Attr("width", px(c.W)).Attr("height", px(c.H)).Attr("rx", "8"),
			svg("rect").Class("node-band").Attr("width", "6").Attr("height", px(c.H)).Attr("rx", "3"),
			// The whole name, clipped to the box: the page reads it in full.
			svg("text").Class("node-name").Attr("x", "14").Attr("y", "22").Attr("clip-path", "url(#node-clip)").Text(c.Name),
			svg("text").Class("node-sub").Attr("x", "14").Attr("y", "40").Text(c.Sub),
			svg("text").Class("node-plan").Attr("x", "14").Attr("y", "56").Text(c.PlanShort),
		)
}

// edgeView is one arrow of the diagram.
type edgeView struct{ D, Class string }

// edgeLayer draws all the arrows of the diagram, as one piece of markup
// (see app/markup): they change only with the layout.
type edgeLayer struct {
	app.Compo
	Edges []edgeView
}

// Render draws the arrows.
func (c *edgeLayer) Render() app.UI {
	var m markup.Builder
	m.Open("svg", "overflow", "visible").Open("g", "class", "edges")
	for _, e := range c.Edges {
		m.Elem("path", "", "class", e.Class, "d", e.D, "marker-end", "url(#arrow)")
	}
	return app.Raw(m.Close("g").Close("svg").String())
}

// planRow is one row of the per-account table.
type planRow struct {
	app.Compo
	ID, Name, Type, Number, Holds, Plan, PlanLabel, Why string
	Labels                                              [5]string
}

// Render draws the row.
func (c *planRow) Render() app.UI {
	return el.Tr().DataSet("row", c.ID).Body(
		el.Th().Attr("scope", "row").Text(c.Name),
		el.Td().DataSet("label", c.Labels[0]).Text(c.Type),
		el.Td().DataSet("label", c.Labels[1]).Class("nowrap").Text(c.Number),
		el.Td().DataSet("label", c.Labels[2]).Text(c.Holds),
		el.Td().DataSet("label", c.Labels[3]).Body(el.Span().Class("plan-badge plan-"+c.Plan).Text(c.PlanLabel)),
		el.Td().DataSet("label", c.Labels[4]).Class("why").Text(c.Why),
	)
}

// accountItem is one entry of the call-flow editor's list, drawn as one
// piece of markup (see app/markup): each entry was a dozen elements,
// attributes and texts that go-app mounted one call from Go into
// JavaScript at a time. The list handles the clicks (onPickAccount).
type accountItem struct {
	app.Compo
	ID, Type, Kind, Name, Number string
	Current                      bool
}

// Render draws the entry as a button that opens the account.
func (c *accountItem) Render() app.UI {
	var m markup.Builder
	m.Open("li").
		Open("button", "type", "button", "class", "account-item", "id", "pick-"+c.ID, "data-pick", c.ID,
			"aria-current", strconv.FormatBool(c.Current)).
		Elem("span", c.Kind, "class", "kind kind-"+c.Type).
		Elem("span", c.Name, "class", "account-item-name")
	if c.Number != "" {
		m.Elem("span", c.Number, "class", "account-item-number")
	}
	return app.Raw(m.Close("button").Close("li").String())
}

// accountOf returns the account id held in attribute attr of the element
// the event e happened in or of its nearest ancestor with it, or "": the
// diagram's nodes carry data-account, the list's entries data-pick.
func accountOf(e app.Event, attr string) string {
	var id string
	guard(func() {
		if n := e.Get("target").Call("closest", "["+attr+"]"); n.Truthy() {
			id = n.Call("getAttribute", attr).String()
		}
	})
	return id
}

// onPickAccount opens the account of the list entry clicked.
func (p *Planner) onPickAccount(ctx app.Context, e app.Event) {
	id := accountOf(e, "data-pick")
	if id == "" || p.indexOf(id) < 0 {
		ctx.PreventUpdate()
		return
	}
	p.selected = id
}

// onDiagramClick opens the account of the diagram node clicked.
func (p *Planner) onDiagramClick(ctx app.Context, e app.Event) {
	id := accountOf(e, "data-account")
	if id == "" || p.indexOf(id) < 0 {
		ctx.PreventUpdate()
		return
	}
	p.selectAccount(ctx, id)
}

// onDiagramKey opens the focused node's account with Enter or Space, and
// moves the focus to the nearest node with the arrow keys.
func (p *Planner) onDiagramKey(ctx app.Context, e app.Event) {
	id := accountOf(e, "data-account")
	i := p.indexOf(id)
	if id == "" || i < 0 {
		ctx.PreventUpdate()
		return
	}
	switch key := e.Get("key").String(); key {
	case "Enter", " ":
		e.PreventDefault()
		p.selectAccount(ctx, id)
	case "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown":
		e.PreventDefault()
		if j := neighbour(p.layout.Nodes, i, key); j >= 0 && j < len(p.doc.Accounts) {
			focus(ctx, "node-"+p.doc.Accounts[j].ID)
		}
		ctx.PreventUpdate() // the focus moves, nothing else
	default:
		ctx.PreventUpdate()
	}
}

// selectAccount opens the account with the given id in the editor.
func (p *Planner) selectAccount(ctx app.Context, id string) {
	p.selected = id
	ctx.ScrollTo("editor")
	focus(ctx, "account-name")
}

// option is one choice of a select.
type option struct{ Value, Text string }

// routeSelect picks an account for the account From to route to. On a
// large tenant it holds thousands of options: unchanged, they are not rebuilt.
type routeSelect struct {
	app.Compo
	From, Choose string
	Options      []option
	p            *Planner
}

// Render draws the select.
func (c *routeSelect) Render() app.UI {
	return el.Select().ID("add-route").Body(
		el.Option().Attr("value", "").Text(c.Choose).Attr("selected", true),
		app.Range(c.Options).Slice(func(i int) app.UI {
			return el.Option().Attr("value", c.Options[i].Value).Text(c.Options[i].Text)
		}),
	).OnChange(func(ctx app.Context, e app.Event) {
		to := ctx.JSSrc().Get("value").String()
		ctx.JSSrc().Set("value", "")
		c.p.addRoute(ctx, c.From, to)
	})
}

// addRoute makes account from route calls to account to.
func (p *Planner) addRoute(ctx app.Context, from, to string) {
	if to == "" || p.indexOf(to) < 0 {
		return
	}
	p.apply(ctx, func(d *scenario.Document) {
		if j := p.indexOf(from); j >= 0 && !slices.Contains(d.Accounts[j].RoutesTo, to) {
			d.Accounts[j].RoutesTo = append(slices.Clone(d.Accounts[j].RoutesTo), to)
		}
	})
}

// routeOptions lists the accounts that account i could route to.
func (p *Planner) routeOptions(i int, targets []int) []option {
	out := make([]option, len(targets))
	for k, j := range targets {
		b := p.doc.Accounts[j]
		text := p.t("routes.option", p.accountName(j), p.typeLabel(b.Type))
		if j == i {
			text = p.t("routes.itself", text)
		}
		out[k] = option{Value: b.ID, Text: text}
	}
	return out
}
