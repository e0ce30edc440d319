package export

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/raplanner/raplanner/app/diagram"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// Sizes of the SVG drawing around the layout, in SVG user units.
const (
	svgMargin    = diagram.DefaultNodeGap // left margin of the legend, as around the layout
	legendRow    = 22                     // height of one legend row
	swatchWidth  = 88                     // narrowest plan swatch in the legend
	swatchGap    = 10                     // between a swatch and its text
	charWidth    = 7                      // average width of a character of 12.5px text, to size the legend
	wordWidth    = 7.5                    // same for the bold, spaced 10.5px plan words
	minSVGWidth  = 320                    // narrowest drawing
	nameMaxChars = 24                     // longer names end in an ellipsis inside a node
	subMaxChars  = 28                     // same for the "AA · number" line
)

// svgStyle is the look of the page's diagram (web/app.css), with the colours
// written out: the file has no stylesheet and no font of its own.
const svgStyle = `
svg{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.bg{fill:#fbfbfe}
text{font-size:12.5px;fill:#1d1d2c}
.edge{fill:none;stroke:#6b6c80;stroke-width:1.6}
.edge-back{stroke-dasharray:6 4}
.arrow-head{fill:#6b6c80}
.node-box{fill:#fff;stroke:#55566b;stroke-width:1.5}
.node-band{fill:#55566b}
.node-name{font-weight:700;font-size:13.5px}
.node-sub{fill:#55566b}
.node-plan,.swatch-word{font-size:10.5px;font-weight:700;letter-spacing:.04em;fill:#55566b}
.swatch{stroke-width:1}
.plan-free .node-box,.swatch.plan-free{fill:#e3f4ea;stroke:#1f7a4d}
.plan-free .node-band,.plan-free .node-plan,.swatch-word.plan-free{fill:#1f7a4d}
.plan-paid .node-box,.swatch.plan-paid{fill:#fde9cf;stroke:#9a4b00}
.plan-paid .node-band,.plan-paid .node-plan,.swatch-word.plan-paid{fill:#9a4b00}
.plan-none .node-box,.swatch.plan-none{fill:#e6ebf5;stroke:#3d4f7a}
.plan-none .node-band,.plan-none .node-plan,.swatch-word.plan-none{fill:#3d4f7a}
.plan-no-account .node-box,.swatch.plan-no-account{fill:#efefef;stroke:#5c5c5c;stroke-dasharray:5 4}
.plan-no-account .node-band,.plan-no-account .node-plan,.swatch-word.plan-no-account{fill:#5c5c5c}
`

// legendPlans are the plans of the legend, in its order.
var legendPlans = []licensing.Plan{licensing.PlanFree, licensing.PlanPaid, licensing.PlanNone, licensing.PlanNoAccount}

// SVG draws the diagram of d as a standalone SVG file that looks like the
// page's diagram: one box per account with a colour band, its name (cut with
// an ellipsis after 24 characters), its type and number and its plan as a
// word, with the full text as a tooltip (<title>); an arrow per route, dashed
// for a route back up to an earlier menu; and a legend below.
//
// l is the layout of the accounts, diagram.Layered(diagram.Accounts(d, r), …);
// when it has not one box per account, SVG lays the accounts out itself with
// the default options. r is the plan of d; when it is nil or belongs to
// another document, SVG computes it.
//
// The file has an embedded stylesheet and refers to nothing outside itself
// (no fonts, no links). Each node is a <g> element with data-account (the
// account id) and data-plan attributes. All text is escaped for XML.
func SVG(d *scenario.Document, r *licensing.Result, l diagram.Layout, labels Labels) []byte {
	d, r = plans(d, r)
	lb := labels.filled()
	if len(l.Nodes) != len(d.Accounts) {
		l = diagram.Layered(diagram.Accounts(d, r), diagram.Options{})
	}

	// The legend goes below the layout, or below the "empty" line.
	top := l.Height
	if len(d.Accounts) == 0 {
		top = svgMargin + 2*legendRow
	}
	legendTexts := []string{lb.LegendFree, lb.LegendPaid, lb.LegendNone, lb.LegendNoAccount, lb.LegendRoute, lb.LegendBack}
	swatch := float64(swatchWidth)
	for _, p := range legendPlans {
		swatch = math.Max(swatch, math.Ceil(float64(utf8.RuneCountInString(lb.planWord(p)))*wordWidth+14))
	}
	width := math.Max(l.Width, minSVGWidth)
	for _, t := range legendTexts {
		width = math.Max(width, svgMargin+swatch+swatchGap+float64(utf8.RuneCountInString(t))*charWidth+svgMargin)
	}
	if len(d.Accounts) == 0 {
		width = math.Max(width, 2*svgMargin+float64(utf8.RuneCountInString(lb.Empty))*charWidth)
	}
	height := top + float64(len(legendTexts))*legendRow + svgMargin

	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="diagram" width="` + px(width) + `" height="` + px(height) +
		`" viewBox="0 0 ` + px(width) + ` ` + px(height) + `">` + "\n")
	b.WriteString("<title>")
	escape(&b, oneLine(lb.Title))
	b.WriteString("</title>\n<style>")
	b.WriteString(svgStyle)
	b.WriteString("</style>\n")
	b.WriteString(`<defs><marker id="ra-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">` +
		`<path class="arrow-head" d="M0 0L10 5L0 10z"/></marker></defs>` + "\n")
	b.WriteString(`<rect class="bg" width="` + px(width) + `" height="` + px(height) + `"/>` + "\n")

	if len(d.Accounts) == 0 {
		b.WriteString(`<text class="empty" x="` + px(svgMargin) + `" y="` + px(svgMargin+14) + `">`)
		escape(&b, oneLine(lb.Empty))
		b.WriteString("</text>\n")
	}

	b.WriteString(`<g class="edges">` + "\n")
	for _, e := range l.Edges {
		if e.From < 0 || e.From >= len(d.Accounts) || e.To < 0 || e.To >= len(d.Accounts) {
			continue
		}
		path := e.Path()
		if path == "" {
			continue
		}
		class := "edge"
		if e.Back {
			class += " edge-back"
		}
		if e.Self {
			class += " edge-self"
		}
		b.WriteString(`<path class="` + class + `" fill="none" d="`)
		escape(&b, path)
		b.WriteString(`" marker-end="url(#ra-arrow)"/>` + "\n")
	}
	b.WriteString("</g>\n")

	b.WriteString(`<g class="nodes">` + "\n")
	for i := range d.Accounts {
		writeNode(&b, &d.Accounts[i], r.Accounts[i].Planned, l.Nodes[i], &lb)
	}
	b.WriteString("</g>\n")

	writeLegend(&b, top, swatch, legendTexts, &lb)
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// writeNode draws one account: its box, band, name, type and number, and plan.
func writeNode(b *strings.Builder, a *scenario.Account, plan licensing.Plan, box diagram.Box, lb *Labels) {
	name := oneLine(displayName(a))
	number := oneLine(a.PhoneNumber)
	sub := lb.typeShort(a.Type)
	if number != "" {
		sub += " · " + number
	}
	title := name + ", " + lb.typeName(a.Type)
	if number != "" {
		title += ", " + number
	}
	title += ": " + lb.planText(plan)

	class := "node"
	if plan != 0 {
		class += " plan-" + plan.String()
	}
	b.WriteString(`<g class="`)
	escape(b, class)
	b.WriteString(`" data-account="`)
	escape(b, a.ID)
	b.WriteString(`" data-plan="`)
	escape(b, plan.String())
	b.WriteString(`" transform="translate(` + px(box.X) + " " + px(box.Y) + `)">`)
	b.WriteString("<title>")
	escape(b, title)
	b.WriteString("</title>")
	b.WriteString(`<rect class="node-box" width="` + px(box.W) + `" height="` + px(box.H) + `" rx="8"/>`)
	b.WriteString(`<rect class="node-band" width="6" height="` + px(box.H) + `" rx="3"/>`)
	b.WriteString(`<text class="node-name" x="14" y="22">`)
	escape(b, ellipsis(name, nameMaxChars))
	b.WriteString(`</text><text class="node-sub" x="14" y="40">`)
	escape(b, ellipsis(sub, subMaxChars))
	b.WriteString(`</text><text class="node-plan" x="14" y="56">`)
	escape(b, oneLine(lb.planWord(plan)))
	b.WriteString("</text></g>\n")
}

// writeLegend draws the legend from y = top: a swatch per plan, then a solid
// and a dashed arrow, each sw wide and followed by its text.
func writeLegend(b *strings.Builder, top, sw float64, texts []string, lb *Labels) {
	b.WriteString(`<g class="legend">` + "\n")
	for i, t := range texts {
		y := top + float64(i)*legendRow
		mid := y + legendRow/2
		if i < len(legendPlans) {
			p := legendPlans[i].String()
			b.WriteString(`<rect class="swatch plan-` + p + `" x="` + px(svgMargin) + `" y="` + px(mid-8) +
				`" width="` + px(sw) + `" height="16" rx="4"/>`)
			b.WriteString(`<text class="swatch-word plan-` + p + `" x="` + px(svgMargin+sw/2) + `" y="` + px(mid+4) +
				`" text-anchor="middle">`)
			escape(b, oneLine(lb.planWord(legendPlans[i])))
			b.WriteString("</text>")
		} else {
			class := "edge"
			if i == len(texts)-1 {
				class += " edge-back"
			}
			b.WriteString(`<path class="` + class + `" fill="none" d="M` + px(svgMargin) + " " + px(mid) + "L" + px(svgMargin+sw-2) + " " + px(mid) +
				`" marker-end="url(#ra-arrow)"/>`)
		}
		b.WriteString(`<text x="` + px(svgMargin+sw+swatchGap) + `" y="` + px(mid+4) + `">`)
		escape(b, oneLine(t))
		b.WriteString("</text>\n")
	}
	b.WriteString("</g>\n")
}

// escape writes s escaped for XML text and attribute values alike, as
// encoding/xml's EscapeText does (without its weight in the WebAssembly):
// it replaces invalid UTF-8 and characters XML forbids with U+FFFD.
func escape(b *strings.Builder, s string) {
	for i, r := range s {
		switch {
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\t':
			b.WriteString("&#x9;")
		case r == '\n':
			b.WriteString("&#xA;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"), !xmlChar(r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// oneLine replaces line breaks, tabs and other control characters with
// spaces, so that a text stays on one line.
func oneLine(s string) string {
	if strings.IndexFunc(s, isBreak) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBreak(r) {
			return ' '
		}
		return r
	}, s)
}

// isBreak reports whether r is a control character or a line or paragraph separator.
func isBreak(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// ellipsis shortens s to at most n characters, the last of which is "…".
func ellipsis(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// px writes a coordinate with at most one decimal, as the page does.
func px(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
