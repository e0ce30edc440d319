package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/scenario"
)

// editionInfo is what the edition picker says of each edition.
var editionInfo = map[scenario.Edition]struct{ title, dates, summary string }{
	scenario.VirtualUser2020: {"Phone System – Virtual User", "July 2019 – August 2022",
		"Only resource accounts with a phone number need a license; a shortfall is covered with paid Phone System licenses."},
	scenario.ResourceAccount2022: {"Teams Phone Resource Account", "August 2022 – November 2024",
		"Every resource account needs a license; a shortfall is covered with paid Resource Account licenses."},
	scenario.ResourceAccount2024: {"Resource Account, first answer only", "November 2024 – today",
		"License the first auto attendant or call queue that receives the call; nested ones without a number need no resource account."},
}

// renderEditions draws the edition picker.
func (p *Planner) renderEditions() app.UI {
	current := p.doc.EditionOrDefault()
	return app.Section().ID("edition").Class("card").Body(
		app.FieldSet().Class("editions").Body(
			app.Legend().Text("Licensing rule"),
			app.Range(scenario.Editions).Slice(func(i int) app.UI {
				e := scenario.Editions[i]
				info := editionInfo[e]
				id := "edition-" + string(e)
				return app.Label().For(id).Class("edition").Body(
					app.Input().Type("radio").Name("edition").ID(id).Value(string(e)).
						Checked(e == current).
						OnChange(func(ctx app.Context, _ app.Event) {
							p.apply(ctx, func(d *scenario.Document) { d.Edition = e })
						}, app.EventScope(e)),
					app.Span().Class("edition-text").Body(
						app.Strong().Text(info.title),
						app.Span().Class("edition-dates").Text(info.dates),
						app.Span().Class("edition-summary").Text(info.summary),
					),
				)
			}),
		),
	)
}
