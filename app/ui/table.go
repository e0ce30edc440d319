package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderTable draws the per-account plan: name, type, number, what it holds,
// what it is planned to hold, and why.
func (p *Planner) renderTable() app.UI {
	e := p.result.Edition
	cols := []string{p.t("table.name"), p.t("table.type"), p.t("table.number"), p.t("table.holds"), p.t("table.planned"), p.t("table.why")}
	return el.Section().ID("plan-table").Class("card").Body(
		el.Div().Class("card-head").Body(
			el.H2().Text(p.t("table.title")),
			p.renderExports(),
		),
		el.Div().Class("table-scroll").TabIndex(0).Role("region").Aria("label", p.t("table.title")).Body(
			el.Table().Class("plan").Body(
				el.THead().Body(el.Tr().Body(
					app.Range(cols).Slice(func(i int) app.UI { return el.Th().Attr("scope", "col").Text(cols[i]) }),
				)),
				el.TBody().Body(
					app.Range(p.result.Accounts[:p.shownRows()]).Slice(func(i int) app.UI {
						a := p.doc.Accounts[i]
						plan := p.result.Accounts[i]
						return &planRow{
							ID: a.ID, Name: p.accountName(i), Type: p.typeLabel(a.Type), Number: a.PhoneNumber,
							Holds: p.licenseLabel(a.LicenseOrDefault()), Plan: plan.Planned.String(),
							PlanLabel: p.planLabel(plan.Planned, e), Why: p.whyText(plan, e),
							Labels: [5]string{cols[1], cols[2], cols[3], cols[4], cols[5]},
						}
					}),
				),
			),
		),
		p.renderShowAll("show-all-rows"),
	)
}

// rowsPage is how many accounts the table and the editor's list show before
// "Show all": past it a tenant's edits stay quick, and the diagram, the
// exports and the advice still cover every account.
const rowsPage = 500

// shownRows is how many accounts the table and the list show.
func (p *Planner) shownRows() int {
	if p.allRows {
		return len(p.doc.Accounts)
	}
	return min(len(p.doc.Accounts), rowsPage)
}

// renderShowAll offers to show every account, when some are hidden.
func (p *Planner) renderShowAll(id string) app.UI {
	n := len(p.doc.Accounts)
	return app.If(p.shownRows() < n, func() app.UI {
		return el.Button().Attr("type", "button").ID(id).Class("btn btn-small show-all").
			Text(p.t("rows.show-all", p.int(int64(p.shownRows())), p.int(int64(n)))).
			OnClick(func(ctx app.Context, e app.Event) { p.allRows = true })
	})
}
