package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/i18n"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/markup"
	"github.com/raplanner/raplanner/app/scenario"
)

// keyOf makes a message key of a string built from identifiers.
func keyOf(s string) i18n.Key { return i18n.Key(s) }

// renderResults draws the totals, the sentence for a manager, the cost and
// the engine's warnings.
func (p *Planner) renderResults() app.UI {
	r := p.result
	t := r.Totals
	e := r.Edition
	return el.Section().ID("results").Class("card results").Aria("labelledby", "results-title").Body(
		el.H2().ID("results-title").Text(p.t("results.title")),
		el.P().ID("summary").Class("summary").Aria("live", "polite").Text(p.summary(r)),
		el.Div().Class("metrics").Body(
			p.metric("paid-needed", p.paidToBuyLabel(e), t.PaidNeeded, "key"),
			p.metric("free-assigned", p.t("metric.free-assigned", p.freeName(e)), t.FreeAssigned, "key"),
			p.metric("free-allotment", p.t("metric.free-allotment"), r.Allotment, ""),
			p.metric("free-unused", p.t("metric.free-unused"), t.FreeUnused, ""),
			p.metric("accounts-needing-license", p.t("metric.accounts-needing-license"), int64(t.NeedingLicense), ""),
			p.metric("accounts", p.t("metric.accounts"), int64(t.Accounts), ""),
			p.metric("qualifying-licenses", p.t("metric.qualifying-licenses"), r.Qualifying, ""),
		),
		p.renderCost(),
		app.If(len(r.Warnings) > 0, func() app.UI {
			return el.Ul().Class("warnings").Aria("label", p.t("results.warnings")).Body(
				app.Range(r.Warnings).Slice(func(i int) app.UI {
					return el.Li().Text(p.warningText(r.Warnings[i]))
				}),
			)
		}),
	)
}

// paidToBuyLabel labels the count of paid licenses to buy.
func (p *Planner) paidToBuyLabel(e scenario.Edition) string {
	if e == scenario.VirtualUser2020 {
		return p.t("metric.paid-needed.phone-system")
	}
	return p.t("metric.paid-needed.resource-account")
}

// metric draws one total with its page hook: data-metric and data-value
// (the plain integer, whatever the language). It is one piece of markup
// (see app/markup): a page shows a dozen of them.
func (p *Planner) metric(name, label string, v int64, class string) app.UI {
	if class != "" {
		class = " " + class
	}
	var m markup.Builder
	m.Open("div", "class", "metric"+class).
		Elem("span", p.int(v), "class", "metric-value", "data-metric", name, "data-value", strconv.FormatInt(v, 10)).
		Elem("span", label, "class", "metric-label").
		Close("div")
	return app.Raw(m.String())
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
	return el.Div().Class("cost").Body(
		el.Div().Class("field field-inline").Body(
			el.Label().Attr("for", "price").Text(p.t("price.label")),
			el.Div().Class("price-row").Body(
				el.Input().Attr("type", "text").ID("price").Attr("inputmode", "decimal").Attr("placeholder", p.t("price.placeholder")).
					Attr("value", p.fieldText(key, price)).
					Aria("invalid", p.problems[key] != "").Aria("describedby", "price-error").
					OnInput(func(ctx app.Context, e app.Event) {
						text := ctx.JSSrc().Get("value").String()
						if strings.TrimSpace(text) == "" {
							p.typed(key, text, nil)
							p.apply(ctx, func(d *scenario.Document) { d.Price = nil })
							return
						}
						if _, typing := p.drafts[key]; !typing && p.doc.Price != nil {
							p.origins[key] = strconv.FormatFloat(p.doc.Price.Monthly, 'f', -1, 64)
						}
						// Accept the decimal comma of the page's language.
						v, err := scenario.ParseMonthlyPrice(strings.Replace(text, ",", ".", 1))
						p.typed(key, text, p.fieldErr("price", err))
						if err != nil {
							// Keep the price the field had before typing began.
							if p.origins[key] == "" {
								p.apply(ctx, func(d *scenario.Document) { d.Price = nil })
								return
							}
							v, err = scenario.ParseMonthlyPrice(p.origins[key])
						}
						if err == nil {
							p.apply(ctx, func(d *scenario.Document) {
								d.Price = &scenario.Price{Monthly: v, Currency: currency}
							})
						}
					}, app.EventScope(currency)).
					OnChange(func(ctx app.Context, e app.Event) { p.settle(key) }).
					On("focus", func(ctx app.Context, e app.Event) {
						ctx.PreventUpdate() // nothing on screen changes
						p.beginPrice(key)
					}).
					On("select", func(ctx app.Context, e app.Event) {
						ctx.PreventUpdate() // nothing on screen changes
						p.beginPrice(key)
					}),
				el.Label().Attr("for", "currency").Class("visually-hidden").Text(p.t("price.currency")),
				el.Select().ID("currency").Body(
					app.Range(currencies).Slice(func(i int) app.UI {
						c := currencies[i]
						return flag(el.Option().Attr("value", c).Text(c), "selected", c == currency)
					}),
				).OnChange(func(ctx app.Context, e app.Event) {
					c := ctx.JSSrc().Get("value").String()
					if p.doc.Price != nil {
						p.apply(ctx, func(d *scenario.Document) { d.Price.Currency = c })
					}
				}, app.EventScope(currency)),
			),
			el.Div().ID("price-error").Class("field-error").Text(p.problems[key]),
		),
		app.If(cost != nil, func() app.UI {
			return el.P().ID("cost").Class("cost-figures").Text(
				p.t("price.cost", p.money(cost.Monthly, cost.Currency), p.money(cost.Annual, cost.Currency)))
		}),
	)
}

// currencies offered for the price; a document may name any ISO 4217 code.
var currencies = []string{"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN", "INR", "BRL"}

func (p *Planner) warningText(w licensing.Warning) string {
	switch w.Kind {
	case licensing.WarnUnknownSKU:
		return p.t("warning.unknown-sku", strconv.Quote(w.Value), strconv.Itoa(w.Subscription+1))
	case licensing.WarnUnknownRoute:
		return p.t("warning.unknown-route", p.accountName(w.Account), strconv.Quote(w.Value))
	case licensing.WarnNotEligible:
		return p.t("warning.not-eligible")
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

// beginPrice remembers the price as the one to keep while the field's text
// is not a valid price.
func (p *Planner) beginPrice(key string) {
	p.origins[key] = ""
	if p.doc.Price != nil {
		p.origins[key] = strconv.FormatFloat(p.doc.Price.Monthly, 'f', -1, 64)
	}
}
