package ui

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/export"
)

// renderExports draws the downloads of the plan: the per-account plan as
// CSV, the diagram as SVG, and the call flow as a Mermaid flowchart.
func (p *Planner) renderExports() app.UI {
	return el.Div().Class("exports").Role("group").Aria("label", p.t("export.label")).Body(
		el.Button().Attr("type", "button").ID("export-csv").Class("btn").Text(p.t("export.csv")).OnClick(p.onExportCSV),
		el.Button().Attr("type", "button").ID("export-svg").Class("btn").Text(p.t("export.svg")).OnClick(p.onExportSVG),
		el.Button().Attr("type", "button").ID("export-mermaid").Class("btn").Text(p.t("export.mermaid")).OnClick(p.onExportMermaid),
		el.Button().Attr("type", "button").ID("copy-mermaid").Class("btn").Text(p.t("export.copy-mermaid")).OnClick(p.onCopyMermaid),
	)
}

func (p *Planner) offer(name, mime string, data []byte) {
	if err := download(name, mime, data); err != nil {
		p.alert = p.t("export.failed", err.Error())
		return
	}
	p.status = p.t("status.exported", name)
}

func (p *Planner) onExportCSV(ctx app.Context, e app.Event) {
	p.offer("ra-planner-plan.csv", "text/csv", export.CSV(p.doc, p.result, p.exportLabels()))
}

func (p *Planner) onExportSVG(ctx app.Context, e app.Event) {
	p.offer("ra-planner-diagram.svg", "image/svg+xml", export.SVG(p.doc, p.result, p.layout, p.exportLabels()))
}

func (p *Planner) onExportMermaid(ctx app.Context, e app.Event) {
	p.offer("ra-planner-call-flow.mmd", "text/plain", []byte(export.Mermaid(p.doc, p.result, p.exportLabels())))
}

func (p *Planner) onCopyMermaid(ctx app.Context, e app.Event) {
	copyText(ctx, export.Mermaid(p.doc, p.result, p.exportLabels()), func(ctx app.Context, ok bool) {
		if ok {
			p.status = p.t("status.mermaid-copied")
		} else {
			p.status = p.t("status.mermaid-not-copied")
		}
	})
}

// exportLabels words the exports in the page's language.
func (p *Planner) exportLabels() export.Labels {
	return export.Labels{
		ColumnID:           p.t("csv.id"),
		ColumnName:         p.t("table.name"),
		ColumnType:         p.t("table.type"),
		ColumnUPN:          p.t("csv.upn"),
		ColumnPhoneNumber:  p.t("table.number"),
		ColumnHolds:        p.t("table.holds"),
		ColumnPlanned:      p.t("table.planned"),
		ColumnReason:       p.t("csv.reason"),
		ColumnWhy:          p.t("table.why"),
		AutoAttendant:      p.t("type.auto-attendant"),
		CallQueue:          p.t("type.call-queue"),
		AutoAttendantShort: p.t("type.short.auto-attendant"),
		CallQueueShort:     p.t("type.short.call-queue"),
		PlanFree:           p.t("plan.short.free"),
		PlanPaid:           p.t("plan.short.paid"),
		PlanNone:           p.t("plan.short.none"),
		PlanNoAccount:      p.t("plan.short.no-account"),
		LegendFree:         p.t("legend.free"),
		LegendPaid:         p.t("legend.paid"),
		LegendNone:         p.t("legend.none"),
		LegendNoAccount:    p.t("legend.no-account"),
		LegendRoute:        p.t("legend.route"),
		LegendBack:         p.t("legend.back"),
		WhyPhoneNumber:     p.t("why.phone-number"),
		WhyEveryAccount:    p.t("why.every-account"),
		WhyEntryPoint:      p.t("why.entry-point"),
		WhyNested:          p.t("why.nested-no-number"),
		WhyNestedNoAccount: p.t("why.nested-no-account"),
		WhyNoNumber:        p.t("why.no-number"),
		Title:              p.t("diagram.title"),
		Empty:              p.t("diagram.empty"),
		Entry:              p.t("csv.entry"),
	}
}

// errText words an error of the browser glue in the page's language.
func (p *Planner) errText(err error) string {
	switch {
	case errors.Is(err, errFileTooLarge):
		return p.t("file.too-large")
	case errors.Is(err, errFileUnread):
		return p.t("file.unreadable")
	}
	return err.Error()
}
