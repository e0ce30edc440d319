package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// renderResults draws the totals, the sentence for a manager, the cost and
// the engine's warnings.
func (p *Planner) renderResults() app.UI {
	r := p.result
	t := r.Totals
	e := r.Edition
	return app.Section().ID("results").Class("card results").Aria("labelledby", "results-title").Body(
		app.H2().ID("results-title").Text("Plan"),
		app.P().ID("summary").Class("summary").Text(summary(r)),
		app.Div().Class("metrics").Body(
			metric("paid-needed", "To buy: "+paidName(e, t.PaidNeeded), t.PaidNeeded, "key"),
			metric("free-assigned", "Free "+freeName(e)+" licenses assigned", t.FreeAssigned, "key"),
			metric("free-allotment", "Free licenses allotted", r.Allotment, ""),
			metric("free-unused", "Free licenses left", t.FreeUnused, ""),
			metric("accounts-needing-license", "Resource accounts needing a license", int64(t.NeedingLicense), ""),
			metric("accounts", "Auto attendants and call queues", int64(t.Accounts), ""),
			metric("qualifying-licenses", "Qualifying Phone System licenses", r.Qualifying, ""),
		),
		p.renderCost(),
		app.If(len(r.Warnings) > 0, func() app.UI {
			return app.Ul().Class("warnings").Aria("label", "Warnings").Body(
				app.Range(r.Warnings).Slice(func(i int) app.UI {
					return app.Li().Text(p.warningText(r.Warnings[i]))
				}),
			)
		}),
	)
}

func metric(name, label string, v int64, class string) app.UI {
	return app.Div().Class("metric "+class).Body(
		app.Span().Class("metric-value").DataSet("metric", name).DataSet("value", v).Text(formatInt(v)),
		app.Span().Class("metric-label").Text(label),
	)
}

// renderCost draws the price field and, with a price, the monthly and
// annual cost of the paid licenses.
func (p *Planner) renderCost() app.UI {
	const key = "price/monthly"
	price := ""
	currency := "USD"
	if p.doc.Price != nil {
		price = strconv.FormatFloat(p.doc.Price.Monthly, 'f', -1, 64)
		if p.doc.Price.Currency != "" {
			currency = p.doc.Price.Currency
		}
	}
	cost := p.result.Cost
	return app.Div().Class("cost").Body(
		app.Div().Class("field field-inline").Body(
			app.Label().For("price").Text("Your price of one paid license per month"),
			app.Div().Class("price-row").Body(
				app.Input().Type("text").ID("price").Attr("inputmode", "decimal").Placeholder("e.g. 8").
					Value(p.fieldText(key, price)).
					Aria("invalid", p.problems[key] != "").Aria("describedby", "price-error").
					OnInput(func(ctx app.Context, e app.Event) {
						text := ctx.JSSrc().Get("value").String()
						if strings.TrimSpace(text) == "" {
							p.typed(key, text, nil)
							p.apply(ctx, func(d *scenario.Document) { d.Price = nil })
							return
						}
						v, err := scenario.ParseMonthlyPrice(text)
						p.typed(key, text, err)
						if err == nil {
							p.apply(ctx, func(d *scenario.Document) {
								d.Price = &scenario.Price{Monthly: v, Currency: currency}
							})
						}
					}, app.EventScope(currency)).
					OnChange(func(ctx app.Context, e app.Event) { p.settle(key) }),
				app.Label().For("currency").Class("visually-hidden").Text("Currency"),
				app.Select().ID("currency").Body(
					app.Range(currencies).Slice(func(i int) app.UI {
						c := currencies[i]
						return app.Option().Value(c).Text(c).Selected(c == currency)
					}),
				).OnChange(func(ctx app.Context, e app.Event) {
					c := ctx.JSSrc().Get("value").String()
					currency = c
					if p.doc.Price != nil {
						p.apply(ctx, func(d *scenario.Document) { d.Price.Currency = c })
					}
				}, app.EventScope(currency)),
			),
			app.Div().ID("price-error").Class("field-error").Text(p.problems[key]),
		),
		app.If(cost != nil, func() app.UI {
			return app.P().ID("cost").Class("cost-figures").Body(
				app.Strong().Text(formatMoney(cost.Monthly, cost.Currency)),
				app.Text(" per month · "),
				app.Strong().Text(formatMoney(cost.Annual, cost.Currency)),
				app.Text(" per year for the paid licenses."),
			)
		}),
	)
}

// currencies offered for the price; a document may name any ISO 4217 code.
var currencies = []string{"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN", "INR", "BRL"}

func (p *Planner) warningText(w licensing.Warning) string {
	switch w.Kind {
	case licensing.WarnUnknownSKU:
		return "Unknown SKU " + strconv.Quote(w.Value) + " (row " + strconv.Itoa(w.Subscription+1) + "): kept, but not counted toward the free licenses."
	case licensing.WarnUnknownRoute:
		return p.accountName(w.Account) + " routes to " + strconv.Quote(w.Value) + ", which is not in this scenario: that route is ignored."
	case licensing.WarnNotEligible:
		return "No license in the subscriptions includes Phone System, so the tenant gets no free licenses."
	}
	return string(w.Kind)
}

// accountName returns the display name of account i, or its id.
func (p *Planner) accountName(i int) string {
	if i < 0 || i >= len(p.doc.Accounts) {
		return ""
	}
	a := p.doc.Accounts[i]
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}
