package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderTable draws the per-account plan: name, type, number, what it holds,
// what it is planned to hold, and why.
func (p *Planner) renderTable() app.UI {
	e := p.result.Edition
	return app.Section().ID("plan-table").Class("card").Body(
		app.Div().Class("card-head").Body(
			app.H2().Text("Per-account plan"),
			p.renderExports(),
		),
		app.Div().Class("table-scroll").Body(
			app.Table().Class("plan").Body(
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Name"),
					app.Th().Scope("col").Text("Type"),
					app.Th().Scope("col").Text("Phone number"),
					app.Th().Scope("col").Text("Holds today"),
					app.Th().Scope("col").Text("Planned"),
					app.Th().Scope("col").Text("Why"),
				)),
				app.TBody().Body(
					app.Range(p.result.Accounts).Slice(func(i int) app.UI {
						a := p.doc.Accounts[i]
						plan := p.result.Accounts[i]
						return app.Tr().DataSet("row", a.ID).Body(
							app.Th().Scope("row").Text(p.accountName(i)),
							app.Td().DataSet("label", "Type").Text(typeLabel(a.Type)),
							app.Td().DataSet("label", "Phone number").Class("nowrap").Text(a.PhoneNumber),
							app.Td().DataSet("label", "Holds today").Text(licenseLabel(a.LicenseOrDefault())),
							app.Td().DataSet("label", "Planned").Body(app.Span().Class("plan-badge plan-"+string(plan.Planned)).Text(planLabel(plan.Planned, e))),
							app.Td().DataSet("label", "Why").Class("why").Text(whyText(plan, e)),
						)
					}),
				),
			),
		),
	)
}
