package ui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/i18n"
	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

// psCommands are the commands whose output the import box reads.
var psCommands = []struct{ what, cmd string }{
	{"ps.cmd.skus", powershell.SubscribedSkusCommand},
	{"ps.cmd.instances", powershell.ApplicationInstancesCommand},
	{"ps.cmd.auto-attendants", powershell.AutoAttendantsCommand},
	{"ps.cmd.call-queues", powershell.CallQueuesCommand},
}

// maxPreview is the number of preview lines shown per group.
const maxPreview = 40

// importState is what the PowerShell import box has read so far.
type importState struct {
	text    string             // what is in the box: never lost on an error
	in      powershell.Import  // what was read, waiting to be applied
	read    []string           // one line per text read: what it was and how much
	notes   []string           // what the decoders noticed
	preview powershell.Preview // Merge(doc, in) as of the last read
	undo    *scenario.Document // the scenario before the last applied import
}

func (s *importState) pending() bool { return len(s.read) > 0 }

// renderPowerShell draws the PowerShell section: the commands to run, the
// box that reads their output into the scenario after a preview, and the
// script that applies the plan.
func (p *Planner) renderPowerShell() app.UI {
	im := &p.imp
	return el.Section().ID("powershell").Class("card").Body(
		el.H2().Text(p.t("ps.title")),
		el.H3().Text(p.t("ps.in.title")),
		el.P().Class("hint").Text(p.t("ps.in.hint")),
		el.Ul().Class("commands").Body(
			app.Range(psCommands).Slice(func(i int) app.UI {
				c := psCommands[i]
				return el.Li().Body(
					el.Span().Class("command-what").Text(p.t(keyOf(c.what))),
					el.Code().Text(c.cmd),
					el.Button().Attr("type", "button").Class("btn btn-small").ID("copy-cmd-"+strconv.Itoa(i)).
						Aria("label", p.t("ps.copy-command", p.t(keyOf(c.what)))).Text(p.t("ps.copy")).
						OnClick(func(ctx app.Context, e app.Event) {
							copyText(ctx, c.cmd, func(ctx app.Context, ok bool) {
								if ok {
									p.status = p.t("status.command-copied")
								}
							})
						}, app.EventScope(i)),
				)
			}),
		),
		el.Div().Class("field").Body(
			el.Label().Attr("for", "ps-input").Text(p.t("ps.input")),
			el.Textarea().ID("ps-input").Attr("rows", 6).Spellcheck(false).Attr("value", im.text).
				Attr("placeholder", p.t("ps.input.placeholder")).
				OnInput(func(ctx app.Context, e app.Event) { im.text = ctx.JSSrc().Get("value").String() }).
				On("dragover", func(ctx app.Context, e app.Event) { e.PreventDefault() }).
				On("drop", func(ctx app.Context, e app.Event) {
					e.PreventDefault()
					readFile(ctx, e.Get("dataTransfer"), powershell.MaxInputBytes, p.onImportText)
				}),
		),
		el.Div().Class("actions").Body(
			el.Button().Attr("type", "button").ID("ps-read").Class("btn btn-primary").Text(p.t("ps.read")).
				OnClick(func(ctx app.Context, e app.Event) { p.onImportText(ctx, im.text, nil) }),
			el.Label().Class("btn").Attr("for", "ps-file").Text(p.t("ps.file")),
			el.Input().Attr("type", "file").ID("ps-file").Class("visually-hidden").Attr("accept", ".json,.csv,.txt,application/json,text/csv").
				OnChange(func(ctx app.Context, e app.Event) {
					readFile(ctx, ctx.JSSrc(), powershell.MaxInputBytes, p.onImportText)
				}),
			app.If(im.undo != nil, func() app.UI {
				return el.Button().Attr("type", "button").ID("ps-undo").Class("btn").Text(p.t("ps.undo")).OnClick(p.onImportUndo)
			}),
		),
		app.If(im.pending(), func() app.UI { return p.renderImportPreview() }),
		p.renderScript(),
	)
}

// onImportText reads a pasted or dropped text: a scenario replaces the one
// on screen (with undo), a command's output waits in the preview.
func (p *Planner) onImportText(ctx app.Context, text string, err error) {
	im := &p.imp
	if err != nil {
		p.alert = p.t("import.failed", p.errText(err))
		return
	}
	if strings.TrimSpace(text) == "" {
		p.alert = p.t("ps.empty")
		return
	}
	im.text = text
	data := []byte(text)
	var notes []powershell.Note
	var what string
	switch powershell.Detect(data) {
	case powershell.SourceScenario:
		d, err := scenario.Decode(data)
		if err != nil {
			p.alert = p.t("import.failed-unchanged", err.Error())
			return
		}
		im.undo = p.doc
		p.alert = ""
		p.replace(d)
		p.save(ctx)
		p.status = p.t("status.pasted-scenario")
		return
	case powershell.SourceSubscribedSkus:
		subs, n, err := powershell.ParseSubscribedSkus(data)
		if err != nil {
			p.alert = p.t("ps.unreadable", "Get-MgSubscribedSku", err.Error())
			return
		}
		im.in.Subscriptions = append(im.in.Subscriptions, subs...)
		notes, what = n, p.n("ps.read.skus", int64(len(subs)))
	case powershell.SourceApplicationInstances:
		accts, ids, n, err := powershell.ParseApplicationInstances(data)
		if err != nil {
			p.alert = p.t("ps.unreadable", "Get-CsOnlineApplicationInstance", err.Error())
			return
		}
		im.in.Accounts = append(im.in.Accounts, accts...)
		if im.in.ObjectIDs == nil {
			im.in.ObjectIDs = map[string]string{}
		}
		for k, v := range ids {
			im.in.ObjectIDs[k] = v
		}
		notes, what = n, p.n("ps.read.instances", int64(len(accts)))
	case powershell.SourceAutoAttendants:
		f, n, err := powershell.ParseAutoAttendants(data)
		if err != nil {
			p.alert = p.t("ps.unreadable", "Get-CsAutoAttendant", err.Error())
			return
		}
		im.in.Flows = powershell.JoinFlows(im.in.Flows, f)
		notes, what = n, p.n("ps.read.auto-attendants", int64(len(f.VoiceApps)))
	case powershell.SourceCallQueues:
		f, n, err := powershell.ParseCallQueues(data)
		if err != nil {
			p.alert = p.t("ps.unreadable", "Get-CsCallQueue", err.Error())
			return
		}
		im.in.Flows = powershell.JoinFlows(im.in.Flows, f)
		notes, what = n, p.n("ps.read.call-queues", int64(len(f.VoiceApps)))
	default:
		p.alert = p.t("ps.unknown")
		return
	}
	p.alert = ""
	im.read = append(im.read, what)
	for _, n := range notes {
		im.notes = append(im.notes, n.String())
	}
	im.text = ""
	_, im.preview = powershell.Merge(p.doc, im.in)
	p.status = p.t("status.ps-read", what)
}

// renderImportPreview lists what applying the import would add, change and
// ignore.
func (p *Planner) renderImportPreview() app.UI {
	im := &p.imp
	pv := im.preview
	group := func(id string, title i18n.Key, list []powershell.Change) app.UI {
		if len(list) == 0 {
			return nil
		}
		shown := list
		if len(shown) > maxPreview {
			shown = shown[:maxPreview]
		}
		return el.Div().ID(id).Class("preview-group").Body(
			el.H4().Text(p.t(title, p.int(int64(len(list))))),
			el.Ul().Body(
				app.Range(shown).Slice(func(i int) app.UI { return el.Li().Text(shown[i].String()) }),
				app.If(len(list) > maxPreview, func() app.UI {
					return el.Li().Text(p.t("ps.preview.more", p.int(int64(len(list)-maxPreview))))
				}),
			),
		)
	}
	return el.Div().ID("ps-preview").Class("preview").Aria("live", "polite").Body(
		el.H3().Text(p.t("ps.preview.title")),
		el.Ul().Class("read-list").Body(
			app.Range(im.read).Slice(func(i int) app.UI { return el.Li().Text(p.t("ps.preview.read", im.read[i])) }),
		),
		app.If(pv.Empty(), func() app.UI {
			return el.P().Text(p.t("ps.preview.nothing"))
		}),
		group("ps-added", "ps.preview.added", pv.Added),
		group("ps-changed", "ps.preview.changed", pv.Changed),
		group("ps-ignored", "ps.preview.ignored", pv.Ignored),
		app.If(len(im.notes) > 0, func() app.UI {
			return el.Details().Body(
				el.Summary().Text(p.t("ps.preview.notes", p.int(int64(len(im.notes))))),
				el.Ul().Body(app.Range(im.notes).Slice(func(i int) app.UI { return el.Li().Text(im.notes[i]) })),
			)
		}),
		el.Div().Class("actions").Body(
			flag(el.Button().Attr("type", "button").ID("ps-apply").Class("btn btn-primary").Text(p.t("ps.apply")), "disabled", pv.Empty()).OnClick(p.onImportApply),
			el.Button().Attr("type", "button").ID("ps-discard").Class("btn").Text(p.t("ps.discard")).OnClick(func(ctx app.Context, e app.Event) {
				undo := p.imp.undo
				p.imp = importState{undo: undo}
				p.status = p.t("status.discarded")
			}),
		),
	)
}

func (p *Planner) onImportApply(ctx app.Context, e app.Event) {
	merged, pv := powershell.Merge(p.doc, p.imp.in)
	if err := merged.Validate(); err != nil {
		p.alert = p.t("import.failed-unchanged", err.Error())
		return
	}
	prev := p.doc
	p.imp = importState{undo: prev}
	p.replace(merged)
	p.save(ctx)
	p.status = p.t("status.ps-applied", p.int(int64(len(pv.Added))), p.int(int64(len(pv.Changed))))
}

func (p *Planner) onImportUndo(ctx app.Context, e app.Event) {
	if p.imp.undo == nil {
		return
	}
	prev := p.imp.undo
	p.imp = importState{}
	p.replace(prev)
	p.save(ctx)
	p.status = p.t("status.import-undone")
}

// renderScript draws the PowerShell script that applies the plan.
func (p *Planner) renderScript() app.UI {
	const key = "usage-location"
	return el.Div().Class("script").Body(
		el.H3().Text(p.t("ps.out.title")),
		el.P().Class("hint").Text(p.t("ps.out.hint")),
		el.Div().Class("actions").Body(
			el.Button().Attr("type", "button").ID("show-script").Class("btn").
				Aria("expanded", p.showScript).Aria("controls", "ps-script").
				Text(p.t(map[bool]i18n.Key{true: "ps.hide-script", false: "ps.show-script"}[p.showScript])).
				OnClick(func(ctx app.Context, e app.Event) {
					p.showScript = !p.showScript
					p.recomputeScript()
				}),
			el.Button().Attr("type", "button").ID("copy-script").Class("btn").Text(p.t("ps.copy-script")).OnClick(func(ctx app.Context, e app.Event) {
				copyText(ctx, p.scriptText(), func(ctx app.Context, ok bool) {
					if ok {
						p.status = p.t("status.script-copied")
					} else {
						p.status = p.t("status.script-not-copied")
					}
				})
			}),
			el.Button().Attr("type", "button").ID("download-script").Class("btn").Text(p.t("ps.download-script", powershell.ScriptFileName)).OnClick(func(ctx app.Context, e app.Event) {
				p.offer(powershell.ScriptFileName, "text/plain", []byte(p.scriptText()))
			}),
			el.Label().Attr("for", key).Class("inline-label").Text(p.t("ps.usage-location")),
			el.Input().Attr("type", "text").ID(key).Class("usage-location").Attr("maxlength", 2).Attr("size", 3).
				Attr("value", p.fieldText(key, p.usageLocation)).Aria("describedby", key+"-error").
				OnInput(func(ctx app.Context, e app.Event) {
					text := strings.ToUpper(strings.TrimSpace(ctx.JSSrc().Get("value").String()))
					var err error
					if len(text) != 2 || text[0] < 'A' || text[0] > 'Z' || text[1] < 'A' || text[1] > 'Z' {
						err = errors.New(p.t("ps.usage-location.error"))
					} else {
						p.usageLocation = text
						p.recomputeScript()
					}
					p.typed(key, ctx.JSSrc().Get("value").String(), err)
				}).
				OnChange(func(ctx app.Context, e app.Event) { p.settle(key) }),
		),
		el.Div().ID(key+"-error").Class("field-error").Text(p.problems[key]),
		app.If(p.showScript, func() app.UI {
			return el.Pre().ID("ps-script").Class("code").TabIndex(0).Role("region").Aria("label", p.t("ps.out.title")).Body(el.Code().Text(p.script))
		}),
	)
}

// scriptText returns the script of the current plan.
func (p *Planner) scriptText() string {
	return powershell.Script(p.doc, p.result, powershell.ScriptOptions{UsageLocation: p.usageLocation})
}

// recomputeScript refreshes the shown script; it is only built while shown.
func (p *Planner) recomputeScript() {
	if p.showScript {
		p.script = p.scriptText()
	} else {
		p.script = ""
	}
}
