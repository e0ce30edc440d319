package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// renderSubscriptions draws the subscriptions form: a row per SKU with its
// units, the live count of qualifying licenses and the allotment formula.
func (p *Planner) renderSubscriptions() app.UI {
	r := p.result
	return app.Section().ID("subscriptions").Class("card").Body(
		app.H2().Text("Subscriptions"),
		app.P().Class("hint").Text("Purchased units of each license (Microsoft 365 admin center › Billing › Your products, or Get-MgSubscribedSku)."),
		app.DataList().ID("sku-options").Body(
			app.Range(catalog.All()).Slice(func(i int) app.UI {
				s := catalog.All()[i]
				return app.Option().Value(s.PartNumber).Label(s.Name)
			}),
		),
		app.Table().Class("subs").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("License (SKU)"),
				app.Th().Scope("col").Class("num").Text("Units"),
				app.Th().Scope("col").Body(app.Span().Class("visually-hidden").Text("Remove")),
			)),
			app.TBody().Body(
				app.Range(p.doc.Subscriptions).Slice(func(i int) app.UI { return p.renderSubscription(i) }),
			),
		),
		app.Button().Type("button").ID("add-subscription").Class("btn").Text("+ Add subscription").
			OnClick(func(ctx app.Context, e app.Event) {
				p.apply(ctx, func(d *scenario.Document) {
					d.Subscriptions = append(d.Subscriptions, scenario.Subscription{SKU: catalog.PhoneSystemPartNumber})
				})
				focus(ctx, "sub-sku-"+strconv.Itoa(len(p.doc.Subscriptions)-1))
			}),
		app.Div().Class("allotment").Body(
			app.P().Body(
				app.Strong().Text(formatInt(r.Qualifying)),
				app.Text(" qualifying Phone System licenses"),
			),
			app.P().Class("formula").Text(allotmentFormula(r)),
			app.P().Class("hint").Text(nextFreeText(r)),
		),
	)
}

func (p *Planner) renderSubscription(i int) app.UI {
	s := p.doc.Subscriptions[i]
	row := p.result.SKUs[i]
	n := strconv.Itoa(i)
	skuKey, unitsKey := "sub/"+n+"/sku", "sub/"+n+"/units"
	skuID, unitsID := "sub-sku-"+n, "sub-units-"+n
	return app.Tr().DataSet("subscription", i).Body(
		app.Td().Body(
			app.Label().For(skuID).Class("visually-hidden").Text("License (SKU) of row "+strconv.Itoa(i+1)),
			app.Input().Type("text").ID(skuID).Class("sku-input").List("sku-options").
				Value(p.fieldText(skuKey, s.SKU)).AutoComplete(false).Spellcheck(false).
				Aria("invalid", p.problems[skuKey] != "").Aria("describedby", skuID+"-note").
				OnChange(func(ctx app.Context, e app.Event) {
					text := ctx.JSSrc().Get("value").String()
					sku, err := scenario.NormalizeSKU(text)
					p.typed(skuKey, text, err)
					p.settle(skuKey)
					if err != nil {
						return
					}
					if known, ok := catalog.Lookup(sku); ok {
						sku = known.PartNumber
					}
					p.apply(ctx, func(d *scenario.Document) { d.Subscriptions[i].SKU = sku })
				}, app.EventScope(i)),
			app.Div().ID(skuID+"-note").Class("field-note").Body(
				app.If(p.problems[skuKey] != "", func() app.UI {
					return app.Span().Class("field-error").Text(p.problems[skuKey])
				}).Else(func() app.UI {
					return app.Span().Body(countsBadge(row), app.Text(" "+skuNote(row)))
				}),
			),
			app.If(!row.Known, func() app.UI { return p.renderIncludes(i, s) }),
		),
		app.Td().Class("num").Body(
			app.Label().For(unitsID).Class("visually-hidden").Text("Units of "+s.SKU),
			app.Input().Type("text").ID(unitsID).Class("units-input").Attr("inputmode", "numeric").
				Value(p.fieldText(unitsKey, strconv.FormatInt(s.Units, 10))).
				Aria("invalid", p.problems[unitsKey] != "").Aria("describedby", unitsID+"-error").
				OnInput(func(ctx app.Context, e app.Event) {
					text := ctx.JSSrc().Get("value").String()
					units, err := scenario.ParseUnits(text)
					p.typed(unitsKey, text, err)
					if err == nil {
						p.apply(ctx, func(d *scenario.Document) { d.Subscriptions[i].Units = units })
					}
				}, app.EventScope(i)).
				OnChange(func(ctx app.Context, e app.Event) { p.settle(unitsKey) }, app.EventScope(i)),
			app.Div().ID(unitsID+"-error").Class("field-error").Text(p.problems[unitsKey]),
		),
		app.Td().Body(
			app.Button().Type("button").Class("btn btn-icon").ID("remove-subscription-"+n).
				Aria("label", "Remove "+s.SKU).Text("×").
				OnClick(func(ctx app.Context, e app.Event) {
					p.clearDrafts("sub/")
					p.apply(ctx, func(d *scenario.Document) {
						d.Subscriptions = append(d.Subscriptions[:i:i], d.Subscriptions[i+1:]...)
					})
				}, app.EventScope(i)),
		),
	)
}

// clearDrafts forgets the drafts whose key starts with prefix (rows moved).
func (p *Planner) clearDrafts(prefix string) {
	for k := range p.drafts {
		if len(k) >= len(prefix) && k[:len(prefix)] == prefix {
			delete(p.drafts, k)
			delete(p.problems, k)
		}
	}
}

// renderIncludes lets the user declare what an unknown SKU includes.
func (p *Planner) renderIncludes(i int, s scenario.Subscription) app.UI {
	id := "sub-includes-" + strconv.Itoa(i)
	opts := []struct {
		v    scenario.Includes
		text string
	}{
		{"", "Neither Phone System nor a resource account license"},
		{scenario.IncludesPhoneSystem, "Includes Phone System (counts)"},
		{scenario.IncludesResourceAccount, "Is a resource account license"},
	}
	return app.Div().Class("includes").Body(
		app.Label().For(id).Class("visually-hidden").Text("What "+s.SKU+" includes"),
		app.Select().ID(id).Body(
			app.Range(opts).Slice(func(k int) app.UI {
				return app.Option().Value(string(opts[k].v)).Text(opts[k].text).Selected(opts[k].v == s.Includes)
			}),
		).OnChange(func(ctx app.Context, e app.Event) {
			v := scenario.Includes(ctx.JSSrc().Get("value").String())
			if v.Valid() {
				p.apply(ctx, func(d *scenario.Document) { d.Subscriptions[i].Includes = v })
			}
		}, app.EventScope(i)),
	)
}

func skuNote(row licensing.SKUCount) string {
	if !row.Known {
		switch row.SKU.Kind {
		case catalog.PhoneSystemUser:
			return "Not in the catalog; declared to include Phone System"
		case catalog.ResourceAccount:
			return "Not in the catalog; declared a resource account license"
		}
		return "Unknown SKU: kept, not counted. If its service plans include Phone System (MCOEV), say so below."
	}
	if row.SKU.Note != "" {
		return row.SKU.Name + " · " + row.SKU.Note
	}
	return row.SKU.Name
}

func countsBadge(row licensing.SKUCount) app.UI {
	switch {
	case row.Counted:
		return app.Span().Class("badge badge-yes").Text("Counts")
	case row.SKU.Kind == catalog.ResourceAccount:
		return app.Span().Class("badge").Text("Resource account license")
	case !row.Known:
		return app.Span().Class("badge badge-warn").Text("Unknown")
	default:
		return app.Span().Class("badge badge-no").Text("Does not count")
	}
}
