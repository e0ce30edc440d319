package ui

import (
	"errors"
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/scenario"
)

// renderEditor draws the call-flow editor: the list of auto attendants and
// call queues, and the fields of the selected one.
func (p *Planner) renderEditor() app.UI {
	sel := p.indexOf(p.selected)
	return app.Section().ID("editor").Class("card").Body(
		app.Div().Class("card-head").Body(
			app.H2().Text(p.t("editor.title")),
			app.Div().Class("actions").Body(
				app.Button().Type("button").ID("add-auto-attendant").Class("btn").Text(p.t("editor.add-auto-attendant")).
					OnClick(func(ctx app.Context, e app.Event) { p.addAccount(ctx, scenario.AutoAttendant) }),
				app.Button().Type("button").ID("add-call-queue").Class("btn").Text(p.t("editor.add-call-queue")).
					OnClick(func(ctx app.Context, e app.Event) { p.addAccount(ctx, scenario.CallQueue) }),
			),
		),
		app.If(p.undo != nil, func() app.UI {
			return app.Div().Class("undo-bar").Body(
				app.Span().Text(p.t("editor.deleted", p.undoName())),
				app.Button().Type("button").ID("undo-delete").Class("btn btn-small").Text(p.t("editor.undo")).OnClick(p.onUndo),
			)
		}),
		app.Div().Class("editor").Body(
			app.Nav().Class("account-list").Aria("label", p.t("editor.list")).Body(
				app.Ul().Body(
					app.Range(p.doc.Accounts[:p.shownRows()]).Slice(func(i int) app.UI {
						a := p.doc.Accounts[i]
						return &accountItem{
							ID: a.ID, Type: string(a.Type), Kind: p.typeShort(a.Type), Name: p.accountName(i),
							Number: a.PhoneNumber, Current: a.ID == p.selected, p: p,
						}
					}),
				),
				p.renderShowAll("show-all-accounts"),
			),
			app.If(sel >= 0, func() app.UI { return p.renderAccountForm(sel) }).
				Else(func() app.UI {
					return app.P().Class("empty").Text(p.t("editor.empty"))
				}),
		),
	)
}

// indexOf returns the index of the account with the given id, or -1.
func (p *Planner) indexOf(id string) int {
	for i, a := range p.doc.Accounts {
		if a.ID == id {
			return i
		}
	}
	return -1
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
	return app.Form().Class("account-form").Aria("label", p.t("editor.form", p.accountName(i))).
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
		app.Div().Class("form-grid").Body(
			p.textField("account-name", p.t("field.name"), key("name"), a.Name, p.t("field.name.placeholder"), func(ctx app.Context, text string) error {
				if err := scenario.ValidateName(text); err != nil {
					return p.fieldErr("name", err)
				}
				edit(ctx, func(a *scenario.Account) { a.Name = text })
				return nil
			}),
			app.Div().Class("field").Body(
				app.Label().For("account-type").Text(p.t("field.type")),
				app.Select().ID("account-type").Body(
					app.Option().Value(string(scenario.AutoAttendant)).Text(p.t("type.auto-attendant")).Selected(a.Type == scenario.AutoAttendant),
					app.Option().Value(string(scenario.CallQueue)).Text(p.t("type.call-queue")).Selected(a.Type == scenario.CallQueue),
				).OnChange(func(ctx app.Context, e app.Event) {
					t := scenario.AccountType(ctx.JSSrc().Get("value").String())
					if t.Valid() {
						edit(ctx, func(a *scenario.Account) { a.Type = t })
					}
				}, app.EventScope(id)),
			),
			p.textField("account-number", p.t("field.number"), key("phone"), a.PhoneNumber, "+14255550100", func(ctx app.Context, text string) error {
				n, err := scenario.NormalizePhoneNumber(text)
				if err != nil {
					return p.fieldErr("number", err)
				}
				edit(ctx, func(a *scenario.Account) { a.PhoneNumber = n })
				return nil
			}),
			app.Div().Class("field").Body(
				app.Label().For("account-license").Text(p.t("field.license")),
				app.Select().ID("account-license").Body(
					app.Option().Value(string(scenario.NoLicense)).Text(p.t("holds.none")).Selected(a.LicenseOrDefault() == scenario.NoLicense),
					app.Option().Value(string(scenario.VirtualUser)).Text(p.t("field.license.virtual-user")).Selected(a.License == scenario.VirtualUser),
					app.Option().Value(string(scenario.PhoneSystem)).Text(p.t("holds.phone-system")).Selected(a.License == scenario.PhoneSystem),
				).OnChange(func(ctx app.Context, e app.Event) {
					l := scenario.License(ctx.JSSrc().Get("value").String())
					if l.Valid() {
						edit(ctx, func(a *scenario.Account) { a.License = l })
					}
				}, app.EventScope(id)),
			),
			p.textField("account-upn", p.t("field.upn"), key("upn"), a.UPN, "ra-main@contoso.com", func(ctx app.Context, text string) error {
				u, err := scenario.NormalizeUPN(text)
				if err != nil {
					return p.fieldErr("upn", err)
				}
				edit(ctx, func(a *scenario.Account) { a.UPN = u })
				return nil
			}),
			p.textField("account-id", p.t("field.id"), key("id"), a.ID, "main", func(ctx app.Context, text string) error {
				return p.renameAccount(ctx, id, text)
			}),
		),
		app.P().Class("plan-line").Body(
			app.Span().Class("plan-badge plan-"+string(plan.Planned)).Text(p.planLabel(plan.Planned, p.result.Edition)),
			app.Text(" "+p.whyText(plan, p.result.Edition)),
		),
		p.renderRoutes(i, reachedFrom, edit),
		app.Div().Class("form-actions").Body(
			app.Button().Type("button").ID("delete-account").Class("btn btn-danger").Text(p.t("editor.delete", p.accountName(i))).
				OnClick(func(ctx app.Context, e app.Event) { p.deleteAccount(ctx, id) }, app.EventScope(id)),
		),
	)
}

// textField draws a labelled text input whose text is validated and applied
// by apply as the user types; an error stays next to the field with the text.
func (p *Planner) textField(id, label, key, value, placeholder string, apply func(ctx app.Context, text string) error) app.UI {
	problem := p.problems[key]
	return app.Div().Class("field").Body(
		app.Label().For(id).Text(label),
		app.Input().Type("text").ID(id).Value(p.fieldText(key, value)).Placeholder(placeholder).
			AutoComplete(false).Spellcheck(false).
			Aria("invalid", problem != "").Aria("describedby", id+"-error").
			OnInput(func(ctx app.Context, e app.Event) {
				text := ctx.JSSrc().Get("value").String()
				p.typed(key, text, apply(ctx, text))
			}, app.EventScope(key)).
			OnChange(func(ctx app.Context, e app.Event) { p.settle(key) }, app.EventScope(key)),
		app.Div().ID(id+"-error").Class("field-error").Text(problem),
	)
}

// renderRoutes draws where account i sends calls, with a picker to add a
// route, and which accounts send calls to it.
func (p *Planner) renderRoutes(i int, reachedFrom []int, edit func(app.Context, func(*scenario.Account))) app.UI {
	a := p.doc.Accounts[i]
	// The accounts it could route to: those it does not route to yet.
	var targets []int
	for j, b := range p.doc.Accounts {
		if !slices.Contains(a.RoutesTo, b.ID) {
			targets = append(targets, j)
		}
	}
	return app.Div().Class("routes").Body(
		app.H3().ID("routes-title").Text(p.t("routes.title")),
		app.If(len(a.RoutesTo) == 0, func() app.UI {
			return app.P().Class("hint").Text(p.t("routes.none"))
		}),
		app.Ul().Class("route-list").Aria("labelledby", "routes-title").Body(
			app.Range(a.RoutesTo).Slice(func(k int) app.UI {
				to := a.RoutesTo[k]
				name := to
				if j := p.indexOf(to); j >= 0 {
					name = p.accountName(j)
					if j == i {
						name = p.t("routes.itself", name)
					}
				} else {
					name = p.t("routes.unknown", name)
				}
				return app.Li().DataSet("route", to).Body(
					app.Span().Text(name),
					app.Button().Type("button").Class("btn btn-small").ID("unroute-"+to).
						Aria("label", p.t("routes.remove-label", name)).Text(p.t("routes.remove")).
						OnClick(func(ctx app.Context, e app.Event) {
							edit(ctx, func(a *scenario.Account) {
								a.RoutesTo = slices.DeleteFunc(slices.Clone(a.RoutesTo), func(s string) bool { return s == to })
							})
						}, app.EventScope(a.ID, to)),
				)
			}),
		),
		app.Div().Class("field field-inline").Body(
			app.Label().For("add-route").Text(p.t("routes.add")),
			&routeSelect{From: a.ID, Choose: p.t("routes.choose"), Options: p.routeOptions(i, targets), p: p},
		),
		app.If(len(reachedFrom) > 0, func() app.UI {
			names := ""
			for k, j := range reachedFrom {
				if k > 0 {
					names += ", "
				}
				names += p.accountName(j)
			}
			return app.P().Class("hint").Text(p.t("routes.reached-from", names))
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

// renameAccount changes an account's id and every route that names it.
func (p *Planner) renameAccount(ctx app.Context, old, text string) error {
	if text == old {
		return nil
	}
	if err := scenario.ValidateID(text); err != nil {
		return p.fieldErr("id", err)
	}
	if p.indexOf(text) >= 0 {
		return errors.New(p.t("editor.id-taken", strconv.Quote(text)))
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
	return nil
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
