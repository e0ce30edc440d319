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
	return el.Section().ID("edition").Class("card").Body(
		el.FieldSet().Class("editions").Body(
			el.Legend().Text(p.t("edition.legend")),
			app.Range(scenario.Editions).Slice(func(i int) app.UI {
				e := scenario.Editions[i]
				key := "edition." + string(e)
				id := "edition-" + string(e)
				return el.Label().Attr("for", id).Class("edition").Body(
					flag(el.Input().Attr("type", "radio").Attr("name", "edition").ID(id).Attr("value", string(e)), "checked", e == current).
						OnChange(func(ctx app.Context, _ app.Event) {
							p.apply(ctx, func(d *scenario.Document) { d.Edition = e })
						}, app.EventScope(e)),
					el.Span().Class("edition-text").Body(
						el.Strong().Text(p.t(i18n.Key(key+".title"))),
						el.Span().Class("edition-dates").Text(p.t(i18n.Key(key+".dates"))),
						el.Span().Class("edition-summary").Text(p.t(i18n.Key(key+".summary"))),
					),
				)
			}),
		),
	)
}
