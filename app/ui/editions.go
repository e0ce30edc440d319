package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/i18n"
	"github.com/raplanner/raplanner/app/scenario"
)

// renderEditions draws the edition picker: each edition with its dates and
// a one-line summary.
func (p *Planner) renderEditions() app.UI {
	current := p.doc.EditionOrDefault()
	return app.Section().ID("edition").Class("card").Body(
		app.FieldSet().Class("editions").Body(
			app.Legend().Text(p.t("edition.legend")),
			app.Range(scenario.Editions).Slice(func(i int) app.UI {
				e := scenario.Editions[i]
				key := "edition." + string(e)
				id := "edition-" + string(e)
				return app.Label().For(id).Class("edition").Body(
					app.Input().Type("radio").Name("edition").ID(id).Value(string(e)).
						Checked(e == current).
						OnChange(func(ctx app.Context, _ app.Event) {
							p.apply(ctx, func(d *scenario.Document) { d.Edition = e })
						}, app.EventScope(e)),
					app.Span().Class("edition-text").Body(
						app.Strong().Text(p.t(i18n.Key(key+".title"))),
						app.Span().Class("edition-dates").Text(p.t(i18n.Key(key+".dates"))),
						app.Span().Class("edition-summary").Text(p.t(i18n.Key(key+".summary"))),
					),
				)
			}),
		),
	)
}
