package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/scenario"
)

// renderEditor draws the call-flow editor: the list of auto attendants and
// call queues, and the fields of the selected one.
func (p *Planner) renderEditor() app.UI {
	sel := p.indexOf(p.selected)
	return el.Section().ID("editor").Class("card").Body(
		el.Div().Class("card-head").Body(
			el.H2().Text(p.t("editor.title")),
			el.Div().Class("actions").Body(
				el.Button().Attr("type", "button").ID("add-auto-attendant").Class("btn").Text(p.t("editor.add-auto-attendant")).
					OnClick(func(ctx app.Context, e app.Event) { p.addAccount(ctx, scenario.AutoAttendant) }),
				el.Button().Attr("type", "button").ID("add-call-queue").Class("btn").Text(p.t("editor.add-call-queue")).
					OnClick(func(ctx app.Context, e app.Event) { p.addAccount(ctx, scenario.CallQueue) }),
			),
		),
		app.If(p.undo != nil, func() app.UI {
			return el.Div().Class("undo-bar").Body(
				el.Span().Text(p.t("editor.deleted", p.undoName())),
				el.Button().Attr("type", "button").ID("undo-delete").Class("btn btn-small").Text(p.t("editor.undo")).OnClick(p.onUndo),
			)
		}),
		el.Div().Class("editor").Body(
			el.Nav().Class("account-list").Aria("label", p.t("editor.list")).Body(
				el.Ul().OnClick(p.onPickAccount).Body(
					app.Range(p.doc.Accounts[:p.shownRows()]).Slice(func(i int) app.UI {
						a := p.doc.Accounts[i]
						return &accountItem{
							ID: a.ID, Type: string(a.Type), Kind: p.typeShort(a.Type), Name: p.accountName(i),
							Number: a.PhoneNumber, Current: a.ID == p.selected,
						}
					}),
				),
				p.renderShowAll("show-all-accounts"),
			),
			app.If(sel >= 0, func() app.UI { return p.renderAccountForm(sel) }).
				Else(func() app.UI {
					return el.P().Class("empty").Text(p.t("editor.empty"))
				}),
		),
	)
}

// indexOf returns the index of the account with the given id, or -1. It
// looks the id up in p.ids, which it rebuilds from the document when an id
// is missing or misplaced there (edits change the document in place), so a
// tenant of thousands of accounts with an account routing to thousands
// renders its routes in linear time.
func (p *Planner) indexOf(id string) int {
	for {
		if j, ok := p.ids[id]; ok && j < len(p.doc.Accounts) && p.doc.Accounts[j].ID == id {
			return j
		}
		if p.idsFresh {
			return -1
		}
		p.ids = make(map[string]int, len(p.doc.Accounts))
		for i := len(p.doc.Accounts) - 1; i >= 0; i-- {
			p.ids[p.doc.Accounts[i].ID] = i // the first account with an id wins
		}
		p.idsFresh = true
	}
}

// renderAccountForm draws the fields of account i.
func (p *Planner) renderAccountForm(i int) app.UI {
	a := p.doc.Accounts[i]
	plan := p.result.Accounts[i]
	id := a.ID
	key := func(f string) string { return "acct/" + id + "/" + f }
	// edit applies fn to the selected account, found again by id: the
	// index may have moved since this render.
	edit := func(ctx app.Context, fn func(a *scenario.Account)) {
		p.apply(ctx, func(d *scenario.Document) {
			if j := p.indexOf(id); j >= 0 {
				fn(&d.Accounts[j])
			}
		})
	}
	var reachedFrom []int
	for j, b := range p.doc.Accounts {
		if j != i && slices.Contains(b.RoutesTo, id) {
			reachedFrom = append(reachedFrom, j)
		}
	}
	return el.Form().Class("account-form").Aria("label", p.t("editor.form", p.accountName(i))).
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
		el.Div().Class("form-grid").Body(
			p.textField(field{id: "account-name", label: p.t("field.name"), key: key("name"), value: a.Name, placeholder: p.t("field.name.placeholder"),
				get:   func(a *scenario.Account) string { return a.Name },
				check: func(text string) error { return p.fieldErr("name", scenario.ValidateName(text)) },
				apply: func(ctx app.Context, text string) { edit(ctx, func(a *scenario.Account) { a.Name = text }) },
			}, id),
			el.Div().Class("field").Body(
				el.Label().Attr("for", "account-type").Text(p.t("field.type")),
				el.Select().ID("account-type").Body(
					flag(el.Option().Attr("value", string(scenario.AutoAttendant)).Text(p.t("type.auto-attendant")), "selected", a.Type == scenario.AutoAttendant),
					flag(el.Option().Attr("value", string(scenario.CallQueue)).Text(p.t("type.call-queue")), "selected", a.Type == scenario.CallQueue),
				).OnChange(func(ctx app.Context, e app.Event) {
					t := scenario.AccountType(ctx.JSSrc().Get("value").String())
					if t.Valid() {
						edit(ctx, func(a *scenario.Account) { a.Type = t })
					}
				}, app.EventScope(id)),
			),
			p.textField(field{id: "account-number", label: p.t("field.number"), key: key("phone"), value: a.PhoneNumber, placeholder: "+14255550100",
				get: func(a *scenario.Account) string { return a.PhoneNumber },
				check: func(text string) error {
					_, err := scenario.NormalizePhoneNumber(text)
					return p.fieldErr("number", err)
				},
				apply: func(ctx app.Context, text string) {
					n, _ := scenario.NormalizePhoneNumber(text)
					edit(ctx, func(a *scenario.Account) { a.PhoneNumber = n })
				},
			}, id),
			el.Div().Class("field").Body(
				el.Label().Attr("for", "account-license").Text(p.t("field.license")),
				el.Select().ID("account-license").Body(
					flag(el.Option().Attr("value", string(scenario.NoLicense)).Text(p.t("holds.none")), "selected", a.LicenseOrDefault() == scenario.NoLicense),
					flag(el.Option().Attr("value", string(scenario.VirtualUser)).Text(p.t("field.license.virtual-user")), "selected", a.License == scenario.VirtualUser),
					flag(el.Option().Attr("value", string(scenario.PhoneSystem)).Text(p.t("holds.phone-system")), "selected", a.License == scenario.PhoneSystem),
				).OnChange(func(ctx app.Context, e app.Event) {
					l := scenario.License(ctx.JSSrc().Get("value").String())
					if l.Valid() {
						edit(ctx, func(a *scenario.Account) { a.License = l })
					}
				}, app.EventScope(id)),
			),
			p.textField(field{id: "account-upn", label: p.t("field.upn"), key: key("upn"), value: a.UPN, placeholder: "ra-main@contoso.com",
				get: func(a *scenario.Account) string { return a.UPN },
				check: func(text string) error {
					_, err := scenario.NormalizeUPN(text)
					return p.fieldErr("upn", err)
				},
				apply: func(ctx app.Context, text string) {
					u, _ := scenario.NormalizeUPN(text)
					edit(ctx, func(a *scenario.Account) { a.UPN = u })
				},
			}, id),
			// The id is applied when the field is left: renaming on every
			// keystroke would rename the account to each prefix typed.
			p.textField(field{id: "account-id", label: p.t("field.id"), key: key("id"), value: a.ID, placeholder: "main", onChange: true,
				get:   func(a *scenario.Account) string { return a.ID },
				check: func(text string) error { return p.checkID(id, text) },
				apply: func(ctx app.Context, text string) { p.renameAccount(ctx, id, text) },
			}, id),
		),
		el.P().Class("plan-line").Body(
			el.Span().Class("plan-badge plan-"+plan.Planned.String()).Text(p.planLabel(plan.Planned, p.result.Edition)),
			app.Text(" "+p.whyText(plan, p.result.Edition)),
		),
		p.renderRoutes(i, reachedFrom, edit),
		el.Div().Class("form-actions").Body(
			el.Button().Attr("type", "button").ID("delete-account").Class("btn btn-danger").Text(p.t("editor.delete", p.accountName(i))).
				OnClick(func(ctx app.Context, e app.Event) { p.deleteAccount(ctx, id) }, app.EventScope(id)),
		),
	)
}

// field describes a text field of the account form.
type field struct {
	id, label, key, value, placeholder string
	// get reads the field's value from the account.
	get func(a *scenario.Account) string
	// check says what is wrong with a text, or nil.
	check func(text string) error
	// apply puts a valid text into the scenario.
	apply func(ctx app.Context, text string)
	// onChange applies the text when the field is left, not as it is typed.
	onChange bool
}

// textField draws a labelled text input of account acct. A valid text is
// applied as it is typed (or when the field is left, with onChange); an
// invalid one stays in the field with its message next to it, and the
// scenario keeps the value the field had before typing began: a half-typed
// "2.5" never leaves 2 in the plan.
func (p *Planner) textField(f field, acct string) app.UI {
	problem := p.problems[f.key]
	current := func() (string, bool) {
		if j := p.indexOf(acct); j >= 0 {
			return f.get(&p.doc.Accounts[j]), true
		}
		return "", false
	}
	return el.Div().Class("field").Body(
		el.Label().Attr("for", f.id).Text(f.label),
		el.Input().Attr("type", "text").ID(f.id).Attr("value", p.fieldText(f.key, f.value)).Attr("placeholder", f.placeholder).
			Attr("autocomplete", "off").Spellcheck(false).
			Aria("invalid", problem != "").Aria("describedby", f.id+"-error").
			OnInput(func(ctx app.Context, e app.Event) {
				text := ctx.JSSrc().Get("value").String()
				if _, typing := p.drafts[f.key]; !typing {
					if v, ok := current(); ok {
						p.origins[f.key] = v
					}
				}
				err := f.check(text)
				p.typed(f.key, text, err)
				if f.onChange {
					return
				}
				v, ok := current()
				switch {
				case !ok:
				case err == nil && text != v:
					f.apply(ctx, text)
				case err != nil && p.origins[f.key] != v:
					f.apply(ctx, p.origins[f.key])
				}
			}, app.EventScope(f.key)).
			OnChange(func(ctx app.Context, e app.Event) {
				text := ctx.JSSrc().Get("value").String()
				if v, ok := current(); f.onChange && ok && p.problems[f.key] == "" && text != v {
					f.apply(ctx, text)
				}
				p.settle(f.key)
			}, app.EventScope(f.key)).
			// Focusing or selecting the text starts an edit: the value to
			// keep while the text is not a valid one.
			On("focus", func(ctx app.Context, e app.Event) {
				ctx.PreventUpdate() // nothing on screen changes

				if v, ok := current(); ok {
					p.origins[f.key] = v
				}
			}, app.EventScope(f.key)).
			On("select", func(ctx app.Context, e app.Event) {
				ctx.PreventUpdate() // nothing on screen changes

				if v, ok := current(); ok {
					p.origins[f.key] = v
				}
			}, app.EventScope(f.key)),
		el.Div().ID(f.id+"-error").Class("field-error").Text(problem),
	)
}

// renderRoutes draws where account i sends calls, with a picker to add a
// route, and which accounts send calls to it.
// routesPage is how many routes of an account the editor lists before
// "Show all".
const routesPage = 100

// maxRouteChoices is the most accounts the route picker lists; past it the
// admin types the id: a list of tens of thousands of options took the page
// minutes to build, and nobody scrolls it.
const maxRouteChoices = 1000

// renderRouteByID lets the admin of a large tenant add a route by typing the
// target's id.
func (p *Planner) renderRouteByID(from string, accounts int) app.UI {
	const key = "route/add"
	return el.Div().Class("field").Body(
		el.Label().Attr("for", "add-route").Text(p.t("routes.add")),
		el.Input().Attr("type", "text").ID("add-route").Attr("value", p.fieldText(key, "")).
			Attr("placeholder", p.t("routes.by-id.placeholder")).Attr("autocomplete", "off").Spellcheck(false).
			Aria("invalid", p.problems[key] != "").Aria("describedby", "add-route-note").
			OnChange(func(ctx app.Context, e app.Event) {
				text := ctx.JSSrc().Get("value").String()
				id := strings.TrimSpace(text)
				switch {
				case id == "":
					p.typed(key, text, nil)
				case p.indexOf(id) < 0:
					p.typed(key, text, errors.New(p.t("routes.by-id.unknown", id)))
				default:
					p.typed(key, "", nil)
					ctx.JSSrc().Set("value", "") // the attribute stays "": clear what was typed
					p.addRoute(ctx, from, id)
				}
				p.settle(key)
			}, app.EventScope(from)),
		el.Div().ID("add-route-note").Class("field-note").Body(
			app.If(p.problems[key] != "", func() app.UI {
				return el.Span().Class("field-error").Text(p.problems[key])
			}).Else(func() app.UI {
				return el.Span().Text(p.t("routes.by-id.hint", p.int(int64(accounts))))
			}),
		),
	)
}

func (p *Planner) renderRoutes(i int, reachedFrom []int, edit func(app.Context, func(*scenario.Account))) app.UI {
	a := p.doc.Accounts[i]
	// The accounts it could route to: those it does not route to yet.
	routed := make(map[string]bool, len(a.RoutesTo))
	for _, to := range a.RoutesTo {
		routed[to] = true
	}
	var targets []int
	for j, b := range p.doc.Accounts {
		if !routed[b.ID] {
			targets = append(targets, j)
		}
	}
	// An account routing to thousands lists the first routesPage of them.
	shown := a.RoutesTo
	if len(shown) > routesPage && p.allRoutesOf != a.ID {
		shown = shown[:routesPage]
	}
	return el.Div().Class("routes").Body(
		el.H3().ID("routes-title").Text(p.t("routes.title")),
		app.If(len(a.RoutesTo) == 0, func() app.UI {
			return el.P().Class("hint").Text(p.t("routes.none"))
		}),
		el.Ul().Class("route-list").Aria("labelledby", "routes-title").Body(
			app.Range(shown).Slice(func(k int) app.UI {
				to := shown[k]
				name := to
				if j := p.indexOf(to); j >= 0 {
					name = p.accountName(j)
					if j == i {
						name = p.t("routes.itself", name)
					}
				} else {
					name = p.t("routes.unknown", name)
				}
				return el.Li().DataSet("route", to).Body(
					el.Span().Text(name),
					el.Button().Attr("type", "button").Class("btn btn-small").ID("unroute-"+to).
						Aria("label", p.t("routes.remove-label", name)).Text(p.t("routes.remove")).
						OnClick(func(ctx app.Context, e app.Event) {
							edit(ctx, func(a *scenario.Account) {
								a.RoutesTo = slices.DeleteFunc(slices.Clone(a.RoutesTo), func(s string) bool { return s == to })
							})
						}, app.EventScope(a.ID, to)),
				)
			}),
		),
		app.If(len(shown) < len(a.RoutesTo), func() app.UI {
			return el.Button().Attr("type", "button").ID("show-all-routes").Class("btn btn-small show-all").
				Text(p.t("rows.show-all", p.int(int64(len(shown))), p.int(int64(len(a.RoutesTo))))).
				OnClick(func(ctx app.Context, e app.Event) { p.allRoutesOf = a.ID }, app.EventScope(a.ID))
		}),
		app.If(len(targets) <= maxRouteChoices, func() app.UI {
			return el.Div().Class("field field-inline").Body(
				el.Label().Attr("for", "add-route").Text(p.t("routes.add")),
				&routeSelect{From: a.ID, Choose: p.t("routes.choose"), Options: p.routeOptions(i, targets), p: p},
			)
		}).Else(func() app.UI { return p.renderRouteByID(a.ID, len(p.doc.Accounts)) }),
		app.If(len(reachedFrom) > 0, func() app.UI {
			names := ""
			for k, j := range reachedFrom {
				if k > 0 {
					names += ", "
				}
				names += p.accountName(j)
			}
			return el.P().Class("hint").Text(p.t("routes.reached-from", names))
		}),
	)
}

// addAccount adds a new auto attendant or call queue and opens it.
func (p *Planner) addAccount(ctx app.Context, t scenario.AccountType) {
	if len(p.doc.Accounts) >= scenario.MaxAccounts {
		p.alert = p.t("editor.too-many", p.int(scenario.MaxAccounts))
		return
	}
	prefix, name := "aa-", p.t("editor.new-auto-attendant")
	if t == scenario.CallQueue {
		prefix, name = "cq-", p.t("editor.new-call-queue")
	}
	id := ""
	for n := len(p.doc.Accounts) + 1; ; n++ {
		if id = prefix + strconv.Itoa(n); p.indexOf(id) < 0 {
			break
		}
	}
	p.apply(ctx, func(d *scenario.Document) {
		d.Accounts = append(d.Accounts, scenario.Account{ID: id, Name: name, Type: t})
	})
	p.selected = id
	p.status = p.t("status.added", name)
	focus(ctx, "account-name")
}

// checkID says what is wrong with text as the new id of account old.
func (p *Planner) checkID(old, text string) error {
	if text == old {
		return nil
	}
	if err := scenario.ValidateID(text); err != nil {
		return p.fieldErr("id", err)
	}
	if p.indexOf(text) >= 0 {
		return errors.New(p.t("editor.id-taken", strconv.Quote(text)))
	}
	return nil
}

// renameAccount changes an account's id and every route that names it.
func (p *Planner) renameAccount(ctx app.Context, old, text string) {
	if p.checkID(old, text) != nil || text == old || p.indexOf(old) < 0 {
		return
	}
	p.apply(ctx, func(d *scenario.Document) {
		for j := range d.Accounts {
			a := &d.Accounts[j]
			if a.ID == old {
				a.ID = text
			}
			for k, to := range a.RoutesTo {
				if to == old {
					a.RoutesTo[k] = text
				}
			}
		}
	})
	p.clearDrafts("acct/" + old + "/")
	p.selected = text
}

// deleteAccount removes an account and the routes to it, keeping what is
// needed to undo.
func (p *Planner) deleteAccount(ctx app.Context, id string) {
	i := p.indexOf(id)
	if i < 0 {
		return
	}
	del := &deletion{index: i, account: p.doc.Accounts[i]}
	p.apply(ctx, func(d *scenario.Document) {
		for j := range d.Accounts {
			a := &d.Accounts[j]
			if j == i {
				continue
			}
			for k, to := range a.RoutesTo {
				if to == id {
					del.from = append(del.from, routeRef{account: a.ID, pos: k})
				}
			}
			if slices.Contains(a.RoutesTo, id) {
				a.RoutesTo = slices.DeleteFunc(slices.Clone(a.RoutesTo), func(s string) bool { return s == id })
			}
		}
		d.Accounts = slices.Delete(slices.Clone(d.Accounts), i, i+1)
	})
	p.clearDrafts("acct/" + id + "/")
	p.undo = del
	p.selected = ""
	if n := len(p.doc.Accounts); n > 0 {
		p.selected = p.doc.Accounts[min(i, n-1)].ID
	}
	p.status = p.t("status.deleted", p.undoName())
	focus(ctx, "undo-delete")
}

func (p *Planner) undoName() string {
	if p.undo == nil {
		return ""
	}
	if p.undo.account.Name != "" {
		return p.undo.account.Name
	}
	return p.undo.account.ID
}

// onUndo restores the last deleted account and the routes to it.
func (p *Planner) onUndo(ctx app.Context, e app.Event) {
	u := p.undo
	if u == nil {
		return
	}
	if p.indexOf(u.account.ID) >= 0 {
		p.alert = p.t("editor.cannot-undo", strconv.Quote(u.account.ID))
		p.undo = nil
		return
	}
	p.apply(ctx, func(d *scenario.Document) {
		at := min(u.index, len(d.Accounts))
		d.Accounts = slices.Insert(slices.Clone(d.Accounts), at, u.account)
		for _, ref := range u.from {
			j := p.indexOf(ref.account)
			if j < 0 || slices.Contains(d.Accounts[j].RoutesTo, u.account.ID) {
				continue
			}
			routes := slices.Clone(d.Accounts[j].RoutesTo)
			d.Accounts[j].RoutesTo = slices.Insert(routes, min(ref.pos, len(routes)), u.account.ID)
		}
	})
	p.selected = u.account.ID
	p.status = p.t("status.restored", p.undoName())
	p.undo = nil
}
