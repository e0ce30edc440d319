package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/export"
)

// renderExports draws the downloads of the plan: the per-account plan as
// CSV, the diagram as SVG, and the call flow as a Mermaid flowchart.
func (p *Planner) renderExports() app.UI {
	return app.Div().Class("exports").Role("group").Aria("label", "Export the plan").Body(
		app.Button().Type("button").ID("export-csv").Class("btn").Text("Plan .csv").OnClick(p.onExportCSV),
		app.Button().Type("button").ID("export-svg").Class("btn").Text("Diagram .svg").OnClick(p.onExportSVG),
		app.Button().Type("button").ID("export-mermaid").Class("btn").Text("Mermaid .mmd").OnClick(p.onExportMermaid),
		app.Button().Type("button").ID("copy-mermaid").Class("btn").Text("Copy Mermaid").OnClick(p.onCopyMermaid),
	)
}

func (p *Planner) offer(name, mime string, data []byte) {
	if err := download(name, mime, data); err != nil {
		p.alert = "Export failed: " + err.Error()
		return
	}
	p.status = "Exported " + name + "."
}

func (p *Planner) onExportCSV(ctx app.Context, e app.Event) {
	p.offer("ra-planner-plan.csv", "text/csv", export.CSV(p.doc, p.result, export.EnglishLabels()))
}

func (p *Planner) onExportSVG(ctx app.Context, e app.Event) {
	p.offer("ra-planner-diagram.svg", "image/svg+xml", export.SVG(p.doc, p.result, p.layout, export.EnglishLabels()))
}

func (p *Planner) onExportMermaid(ctx app.Context, e app.Event) {
	p.offer("ra-planner-call-flow.mmd", "text/plain", []byte(export.Mermaid(p.doc, p.result, export.EnglishLabels())))
}

func (p *Planner) onCopyMermaid(ctx app.Context, e app.Event) {
	copyText(ctx, export.Mermaid(p.doc, p.result, export.EnglishLabels()), func(ctx app.Context, ok bool) {
		if ok {
			p.status = "Mermaid flowchart copied: paste it into a wiki page or a Markdown ```mermaid block."
		} else {
			p.status = "This browser did not allow copying: use Mermaid .mmd instead."
		}
	})
}
