package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/i18n"
	"github.com/raplanner/raplanner/app/scenario"
)

// renderHeader draws the title and the toolbar: examples, file import and
// export, the share link, printing and the language.
func (p *Planner) renderHeader() app.UI {
	return el.Header().Class("masthead").Body(
		el.Div().Class("brand").Body(
			el.Img().Attr("src", "/web/icon.svg").Attr("alt", p.t("app.logo")).Attr("width", 40).Attr("height", 40),
			el.Div().Body(
				el.H1().Text(p.t("app.name")),
				el.P().Class("tagline").Text(p.t("app.tagline")),
			),
		),
		el.Nav().Class("toolbar").Aria("label", p.t("toolbar.label")).Body(
			el.Div().Class("examples").Role("group").Aria("labelledby", "examples-label").Body(
				el.Span().ID("examples-label").Class("toolbar-label").Text(p.t("toolbar.examples")),
				app.Range(examples.All).Slice(func(i int) app.UI {
					e := examples.All[i]
					return el.Button().Attr("type", "button").ID("example-"+e.Name).Class("btn").
						Title(p.t(i18n.Key("example."+e.Name+".title"))).Text(p.t(i18n.Key("example."+e.Name))).
						OnClick(func(ctx app.Context, _ app.Event) { p.loadExample(ctx, e) }, app.EventScope(e.Name))
				}),
			),
			el.Div().Class("actions").Body(
				el.Label().Class("btn").Attr("for", "import-file").Text(p.t("toolbar.import")),
				el.Input().Attr("type", "file").ID("import-file").Class("visually-hidden").
					Attr("accept", ".json,application/json").
					OnChange(p.onImport),
				el.Button().Attr("type", "button").ID("export-json").Class("btn").Text(p.t("toolbar.export")).OnClick(p.onExport),
				el.Button().Attr("type", "button").ID("copy-link").Class("btn btn-primary").Text(p.t("toolbar.copy-link")).OnClick(p.onCopyLink),
				el.Button().Attr("type", "button").ID("print").Class("btn").Text(p.t("toolbar.print")).OnClick(func(app.Context, app.Event) { printPage() }),
				el.Label().Attr("for", "lang").Class("visually-hidden").Text(p.t("toolbar.language")),
				el.Select().ID("lang").Class("lang").Body(
					app.Range(i18n.Langs).Slice(func(i int) app.UI {
						l := i18n.Langs[i]
						return flag(el.Option().Attr("value", string(l)).Lang(string(l)).Text(l.Name()), "selected", l == p.lang)
					}),
				).OnChange(func(ctx app.Context, e app.Event) {
					if l, ok := i18n.Parse(ctx.JSSrc().Get("value").String()); ok {
						p.setLang(ctx, l, true)
					}
				}),
			),
		),
	)
}

func (p *Planner) loadExample(ctx app.Context, e examples.Example) {
	p.alert = ""
	p.replace(e.Build())
	p.status = p.t("status.example-loaded", p.t(i18n.Key("example."+e.Name+".title")))
	p.save(ctx)
}

func (p *Planner) onImport(ctx app.Context, e app.Event) {
	readFile(ctx, ctx.JSSrc(), scenario.MaxDocumentBytes, func(ctx app.Context, text string, err error) {
		if err != nil {
			p.alert = p.t("import.failed", p.errText(err))
			return
		}
		d, err := scenario.Decode([]byte(text))
		if err != nil {
			p.alert = p.t("import.failed-unchanged", err.Error())
			return
		}
		p.alert = ""
		p.replace(d)
		p.status = p.t("status.imported")
		p.save(ctx)
	})
}

func (p *Planner) onExport(ctx app.Context, e app.Event) {
	data, err := scenario.EncodeIndent(p.doc)
	if err != nil {
		p.alert = p.t("export.failed", err.Error())
		return
	}
	p.offer("ra-planner-scenario.json", "application/json", data)
}

func (p *Planner) onCopyLink(ctx app.Context, e app.Event) {
	p.writeURL() // an edit may still be on its way to the address bar
	if len(p.fragment) > maxLink {
		p.status = p.t("status.link-too-long")
		return
	}
	link := ctx.Page().URL().String()
	copyText(ctx, link, func(ctx app.Context, ok bool) {
		if ok {
			p.status = p.t("status.link-copied")
		} else {
			p.status = p.t("status.link-not-copied")
		}
	})
}

// maxLink is the longest #plan= a browser opens (Chromium refuses links
// over 2 MiB); a larger scenario travels as a file.
const maxLink = 2 << 20

// renderAlerts draws the alert region (errors) and the polite status region.
func (p *Planner) renderAlerts() app.UI {
	return el.Div().Class("notices").Body(
		el.Div().ID("alert").Role("alert").Class("alert").Hidden(p.alert == "").Body(
			app.If(p.alert != "", func() app.UI {
				return el.Div().Class("alert-body").Body(
					el.P().Text(p.alert),
					el.Button().Attr("type", "button").Class("btn btn-small").Text(p.t("alert.dismiss")).
						OnClick(func(ctx app.Context, e app.Event) { p.alert = "" }),
				)
			}),
		),
		el.P().ID("status").Class("status").Role("status").Aria("live", "polite").Text(p.status),
		app.If(p.linkTooLong, func() app.UI {
			return el.P().ID("link-note").Class("hint link-note").Text(p.t("link.too-long", p.megabytes(len(p.fragment))))
		}),
		app.If(p.update, func() app.UI {
			return el.Div().ID("update-ready").Class("update").Role("status").Body(
				el.Span().Text(p.t("update.ready")),
				el.Button().Attr("type", "button").ID("update-reload").Class("btn btn-small btn-primary").Text(p.t("update.reload")).
					OnClick(func(ctx app.Context, e app.Event) {
						p.writeSaved()
						ctx.Reload()
					}),
			)
		}),
	)
}

// OnAppUpdate tells the user that a new version of the planner is ready:
// the service worker has installed it, and the next reload runs it.
func (p *Planner) OnAppUpdate(ctx app.Context) {
	p.update = ctx.AppUpdateAvailable()
}

func (p *Planner) renderFooter() app.UI {
	return el.Footer().Class("footer").Body(
		el.P().Text(p.t("footer.text")),
	)
}
