package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/scenario"
)

// renderHeader draws the title and the toolbar: examples, file import and
// export, the share link and printing.
func (p *Planner) renderHeader() app.UI {
	return app.Header().Class("masthead").Body(
		app.Div().Class("brand").Body(
			app.Img().Src("/web/icon.svg").Alt("RA Planner logo").Width(40).Height(40),
			app.Div().Body(
				app.H1().Text("RA Planner"),
				app.P().Class("tagline").Text("Licenses for the resource accounts of Teams auto attendants and call queues. Everything stays in your browser."),
			),
		),
		app.Nav().Class("toolbar").Aria("label", "Scenario").Body(
			app.Div().Class("examples").Role("group").Aria("label", "Examples").Body(
				app.Span().Class("toolbar-label").Text("Examples:"),
				app.Range(examples.All).Slice(func(i int) app.UI {
					e := examples.All[i]
					return app.Button().Type("button").ID("example-"+e.Name).Class("btn").
						Title(e.Title).Text(exampleLabel(e.Name)).
						OnClick(func(ctx app.Context, _ app.Event) { p.loadExample(ctx, e) }, app.EventScope(e.Name))
				}),
			),
			app.Div().Class("actions").Body(
				app.Label().Class("btn").For("import-file").Text("Import .json"),
				app.Input().Type("file").ID("import-file").Class("visually-hidden").
					Accept(".json,application/json").
					OnChange(p.onImport),
				app.Button().Type("button").ID("export-json").Class("btn").Text("Export .json").OnClick(p.onExport),
				app.Button().Type("button").ID("copy-link").Class("btn btn-primary").Text("Copy link").OnClick(p.onCopyLink),
				app.Button().Type("button").ID("print").Class("btn").Text("Print").OnClick(func(app.Context, app.Event) { printPage() }),
			),
		),
	)
}

func exampleLabel(name string) string {
	switch name {
	case "default":
		return "Small tenant"
	case "contoso":
		return "Contoso (90 numbers)"
	case "doc-diagram":
		return "Docs diagram (5 accounts)"
	}
	return name
}

func (p *Planner) loadExample(ctx app.Context, e examples.Example) {
	p.alert = ""
	p.replace(e.Build())
	p.status = "Loaded the example: " + e.Title + "."
	p.save(ctx)
}

func (p *Planner) onImport(ctx app.Context, e app.Event) {
	readFile(ctx, ctx.JSSrc(), scenario.MaxDocumentBytes, func(ctx app.Context, text string, err error) {
		if err != nil {
			p.alert = "Import failed: " + err.Error()
			return
		}
		d, err := scenario.Decode([]byte(text))
		if err != nil {
			p.alert = "Import failed, the scenario on screen is unchanged: " + err.Error()
			return
		}
		p.alert = ""
		p.replace(d)
		p.status = "Imported the scenario file."
		p.save(ctx)
	})
}

func (p *Planner) onExport(ctx app.Context, e app.Event) {
	data, err := scenario.EncodeIndent(p.doc)
	if err == nil {
		err = download("ra-planner-scenario.json", "application/json", data)
	}
	if err != nil {
		p.alert = "Export failed: " + err.Error()
		return
	}
	p.status = "Exported the scenario as ra-planner-scenario.json."
}

func (p *Planner) onCopyLink(ctx app.Context, e app.Event) {
	link := ctx.Page().URL().String()
	copyText(ctx, link, func(ctx app.Context, ok bool) {
		if ok {
			p.status = "Link copied. Anyone who opens it sees this scenario; nothing is sent to a server."
		} else {
			p.status = "Copy the link from the address bar: this browser did not allow copying."
		}
	})
}

// renderAlerts draws the alert region (errors) and the polite status region.
func (p *Planner) renderAlerts() app.UI {
	return app.Div().Class("notices").Body(
		app.Div().ID("alert").Role("alert").Class("alert").Hidden(p.alert == "").Body(
			app.If(p.alert != "", func() app.UI {
				return app.Div().Class("alert-body").Body(
					app.P().Text(p.alert),
					app.Button().Type("button").Class("btn btn-small").Text("Dismiss").
						OnClick(func(ctx app.Context, e app.Event) { p.alert = "" }),
				)
			}),
		),
		app.P().ID("status").Class("status").Role("status").Aria("live", "polite").Text(p.status),
	)
}

func (p *Planner) renderFooter() app.UI {
	return app.Footer().Class("footer").Body(
		app.P().Text("RA Planner follows Microsoft's published rules for resource account licensing. It never asserts a price: enter your own. No tenant data leaves this page."),
	)
}
