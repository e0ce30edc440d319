package ui

import (
	"html"
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// skuDatalist is the SKU picker's suggestions: the catalog, as static
// markup that the browser parses at once, where go-app would create its
// options and their attributes one call at a time.
var skuDatalist = sync.OnceValue(func() string {
	var b strings.Builder
	b.WriteString(`<datalist id="sku-options">`)
	for _, s := range catalog.All() {
		b.WriteString(`<option value="` + html.EscapeString(s.PartNumber) + `" label="` + html.EscapeString(s.Name) + `"></option>`)
	}
	b.WriteString(`</datalist>`)
	return b.String()
})

// renderSubscriptions draws the subscriptions form: a row per SKU with its
// units, the live count of qualifying licenses and the allotment formula.
func (p *Planner) renderSubscriptions() app.UI {
	r := p.result
	return el.Section().ID("subscriptions").Class("card").Body(
		el.H2().Text(p.t("subs.title")),
		el.P().Class("hint").Text(p.t("subs.hint")),
		app.Raw(skuDatalist()),
		el.Table().Class("subs").Body(
			el.THead().Body(el.Tr().Body(
				el.Th().Attr("scope", "col").Text(p.t("subs.sku")),
				el.Th().Attr("scope", "col").Class("num").Text(p.t("subs.units")),
				el.Th().Attr("scope", "col").Body(el.Span().Class("visually-hidden").Text(p.t("subs.remove-column"))),
			)),
			el.TBody().Body(
				app.Range(p.doc.Subscriptions).Slice(func(i int) app.UI { return p.renderSubscription(i) }),
			),
		),
		el.Button().Attr("type", "button").ID("add-subscription").Class("btn").Text(p.t("subs.add")).
			OnClick(func(ctx app.Context, e app.Event) {
				if len(p.doc.Subscriptions) >= scenario.MaxSubscriptions {
					p.alert = p.t("subs.too-many", p.int(scenario.MaxSubscriptions))
					return
				}
				p.apply(ctx, func(d *scenario.Document) {
					d.Subscriptions = append(d.Subscriptions, scenario.Subscription{SKU: catalog.PhoneSystemPartNumber})
				})
				focus(ctx, "sub-sku-"+strconv.Itoa(len(p.doc.Subscriptions)-1))
			}),
		el.Div().Class("allotment").Body(
			el.P().Body(
				el.Strong().Text(p.int(r.Qualifying)),
				app.Text(" "+p.n("subs.qualifying", r.Qualifying)),
			),
			el.P().Class("formula").Text(p.allotmentFormula(r)),
			el.P().Class("hint").Text(p.nextFreeText(r)),
		),
	)
}

func (p *Planner) renderSubscription(i int) app.UI {
	s := p.doc.Subscriptions[i]
	row := p.result.SKUs[i]
	n := strconv.Itoa(i)
	skuKey, unitsKey := "sub/"+n+"/sku", "sub/"+n+"/units"
	skuID, unitsID := "sub-sku-"+n, "sub-units-"+n
	return el.Tr().DataSet("subscription", i).Body(
		el.Td().Body(
			el.Label().Attr("for", skuID).Class("visually-hidden").Text(p.t("subs.sku-of-row", strconv.Itoa(i+1))),
			el.Input().Attr("type", "text").ID(skuID).Class("sku-input").Attr("list", "sku-options").
				Attr("value", p.fieldText(skuKey, s.SKU)).Attr("autocomplete", "off").Spellcheck(false).
				Aria("invalid", p.problems[skuKey] != "").Aria("describedby", skuID+"-note").
				OnChange(func(ctx app.Context, e app.Event) {
					text := ctx.JSSrc().Get("value").String()
					sku, err := scenario.NormalizeSKU(text)
					p.typed(skuKey, text, p.fieldErr("sku", err))
					p.settle(skuKey)
					if err != nil {
						return
					}
					if known, ok := catalog.Lookup(sku); ok {
						sku = known.PartNumber
					}
					p.apply(ctx, func(d *scenario.Document) { d.Subscriptions[i].SKU = sku })
				}, app.EventScope(i)),
			el.Div().ID(skuID+"-note").Class("field-note").Body(
				app.If(p.problems[skuKey] != "", func() app.UI {
					return el.Span().Class("field-error").Text(p.problems[skuKey])
				}).Else(func() app.UI {
					return el.Span().Body(p.countsBadge(row), app.Text(" "+p.skuNote(row)))
				}),
			),
			app.If(!row.Known, func() app.UI { return p.renderIncludes(i, s) }),
		),
		el.Td().Class("num").Body(
			el.Label().Attr("for", unitsID).Class("visually-hidden").Text(p.t("subs.units-of", s.SKU)),
			el.Input().Attr("type", "text").ID(unitsID).Class("units-input").Attr("inputmode", "numeric").
				Attr("value", p.fieldText(unitsKey, strconv.FormatInt(s.Units, 10))).
				Aria("invalid", p.problems[unitsKey] != "").Aria("describedby", unitsID+"-error").
				OnInput(func(ctx app.Context, e app.Event) {
					text := ctx.JSSrc().Get("value").String()
					if _, typing := p.drafts[unitsKey]; !typing && i < len(p.doc.Subscriptions) {
						p.origins[unitsKey] = strconv.FormatInt(p.doc.Subscriptions[i].Units, 10)
					}
					units, err := scenario.ParseUnits(text)
					p.typed(unitsKey, text, p.fieldErr("units", err))
					if err != nil {
						// Keep the count the field had before typing began.
						units, err = scenario.ParseUnits(p.origins[unitsKey])
					}
					if err == nil && i < len(p.doc.Subscriptions) && p.doc.Subscriptions[i].Units != units {
						p.apply(ctx, func(d *scenario.Document) { d.Subscriptions[i].Units = units })
					}
				}, app.EventScope(i)).
				OnChange(func(ctx app.Context, e app.Event) { p.settle(unitsKey) }, app.EventScope(i)).
				// Focusing or selecting the text starts an edit: the count
				// to keep while the text is not a valid one.
				On("focus", func(ctx app.Context, e app.Event) {
					ctx.PreventUpdate() // nothing on screen changes
					p.beginUnits(unitsKey, i)
				}, app.EventScope(i)).
				On("select", func(ctx app.Context, e app.Event) {
					ctx.PreventUpdate() // nothing on screen changes
					p.beginUnits(unitsKey, i)
				}, app.EventScope(i)),
			el.Div().ID(unitsID+"-error").Class("field-error").Text(p.problems[unitsKey]),
		),
		el.Td().Body(
			el.Button().Attr("type", "button").Class("btn btn-icon").ID("remove-subscription-"+n).
				Aria("label", p.t("subs.remove", s.SKU)).Text("×").
				OnClick(func(ctx app.Context, e app.Event) {
					p.clearDrafts("sub/")
					p.apply(ctx, func(d *scenario.Document) {
						d.Subscriptions = append(d.Subscriptions[:i:i], d.Subscriptions[i+1:]...)
					})
				}, app.EventScope(i)),
		),
	)
}

// renderIncludes lets the user declare what an unknown SKU includes.
func (p *Planner) renderIncludes(i int, s scenario.Subscription) app.UI {
	id := "sub-includes-" + strconv.Itoa(i)
	opts := []struct {
		v   scenario.Includes
		key string
	}{
		{"", "includes.nothing"},
		{scenario.IncludesPhoneSystem, "includes.phone-system"},
		{scenario.IncludesResourceAccount, "includes.resource-account"},
	}
	return el.Div().Class("includes").Body(
		el.Label().Attr("for", id).Class("visually-hidden").Text(p.t("includes.label", s.SKU)),
		el.Select().ID(id).Body(
			app.Range(opts).Slice(func(k int) app.UI {
				return flag(el.Option().Attr("value", string(opts[k].v)).Text(p.t(keyOf(opts[k].key))), "selected", opts[k].v == s.Includes)
			}),
		).OnChange(func(ctx app.Context, e app.Event) {
			v := scenario.Includes(ctx.JSSrc().Get("value").String())
			if v.Valid() {
				p.apply(ctx, func(d *scenario.Document) { d.Subscriptions[i].Includes = v })
			}
		}, app.EventScope(i)),
	)
}

// clearDrafts forgets the drafts whose key starts with prefix (rows moved).
func (p *Planner) clearDrafts(prefix string) {
	for k := range p.drafts {
		if strings.HasPrefix(k, prefix) {
			delete(p.drafts, k)
			delete(p.problems, k)
		}
	}
}

func (p *Planner) skuNote(row licensing.SKUCount) string {
	if !row.Known {
		switch row.SKU.Kind {
		case catalog.PhoneSystemUser:
			return p.t("sku.declared-phone-system")
		case catalog.ResourceAccount:
			return p.t("sku.declared-resource-account")
		}
		return p.t("sku.unknown")
	}
	if row.SKU.Note != "" {
		return row.SKU.Name + " · " + p.t(keyOf("sku.note."+row.SKU.Note))
	}
	return row.SKU.Name
}

func (p *Planner) countsBadge(row licensing.SKUCount) app.UI {
	switch {
	case row.Counted:
		return el.Span().Class("badge badge-yes").Text(p.t("badge.counts"))
	case row.SKU.Kind == catalog.ResourceAccount:
		return el.Span().Class("badge").Text(p.t("badge.resource-account"))
	case !row.Known:
		return el.Span().Class("badge badge-warn").Text(p.t("badge.unknown"))
	default:
		return el.Span().Class("badge badge-no").Text(p.t("badge.does-not-count"))
	}
}

// beginUnits remembers the units of subscription i as the count to keep
// while the field's text is not a valid count.
func (p *Planner) beginUnits(key string, i int) {
	if i < len(p.doc.Subscriptions) {
		p.origins[key] = strconv.FormatInt(p.doc.Subscriptions[i].Units, 10)
	}
}
