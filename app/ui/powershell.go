package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

// psCommands are the commands whose output the import box reads.
var psCommands = []struct{ what, cmd string }{
	{"Subscriptions (Microsoft Graph PowerShell)", powershell.SubscribedSkusCommand},
	{"Resource accounts (Teams PowerShell)", powershell.ApplicationInstancesCommand},
	{"Auto attendants", powershell.AutoAttendantsCommand},
	{"Call queues", powershell.CallQueuesCommand},
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
	return app.Section().ID("powershell").Class("card").Body(
		app.H2().Text("PowerShell"),
		app.H3().Text("Bring your tenant in"),
		app.P().Class("hint").Text("Run any of these commands, then paste the output below or drop the file. Nothing leaves this page."),
		app.Ul().Class("commands").Body(
			app.Range(psCommands).Slice(func(i int) app.UI {
				c := psCommands[i]
				return app.Li().Body(
					app.Span().Class("command-what").Text(c.what),
					app.Code().Text(c.cmd),
					app.Button().Type("button").Class("btn btn-small").ID("copy-cmd-"+strconv.Itoa(i)).
						Aria("label", "Copy the command for "+c.what).Text("Copy").
						OnClick(func(ctx app.Context, e app.Event) {
							copyText(ctx, c.cmd, func(ctx app.Context, ok bool) {
								if ok {
									p.status = "Command copied."
								}
							})
						}, app.EventScope(i)),
				)
			}),
		),
		app.Div().Class("field").Body(
			app.Label().For("ps-input").Text("Output of a command (JSON or CSV)"),
			app.Textarea().ID("ps-input").Rows(6).Spellcheck(false).Text(im.text).
				Placeholder(`[ { "SkuPartNumber": "SPE_E5", "PrepaidUnits": { "Enabled": 600 } } ]`).
				OnInput(func(ctx app.Context, e app.Event) { im.text = ctx.JSSrc().Get("value").String() }).
				On("dragover", func(ctx app.Context, e app.Event) { e.PreventDefault() }).
				On("drop", func(ctx app.Context, e app.Event) {
					e.PreventDefault()
					readFile(ctx, e.Get("dataTransfer"), powershell.MaxInputBytes, p.onImportText)
				}),
		),
		app.Div().Class("actions").Body(
			app.Button().Type("button").ID("ps-read").Class("btn btn-primary").Text("Read").
				OnClick(func(ctx app.Context, e app.Event) { p.onImportText(ctx, im.text, nil) }),
			app.Label().Class("btn").For("ps-file").Text("Choose a file…"),
			app.Input().Type("file").ID("ps-file").Class("visually-hidden").Accept(".json,.csv,.txt,application/json,text/csv").
				OnChange(func(ctx app.Context, e app.Event) {
					readFile(ctx, ctx.JSSrc(), powershell.MaxInputBytes, p.onImportText)
				}),
			app.If(im.undo != nil, func() app.UI {
				return app.Button().Type("button").ID("ps-undo").Class("btn").Text("Undo the import").OnClick(p.onImportUndo)
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
		p.alert = "Import failed: " + err.Error()
		return
	}
	if strings.TrimSpace(text) == "" {
		p.alert = "Paste the output of one of the commands first."
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
			p.alert = "This RA Planner scenario cannot be read; nothing changed: " + err.Error()
			return
		}
		im.undo = p.doc
		p.alert = ""
		p.replace(d)
		p.save(ctx)
		p.status = "Loaded the pasted scenario. Undo the import brings the previous one back."
		return
	case powershell.SourceSubscribedSkus:
		subs, n, err := powershell.ParseSubscribedSkus(data)
		if err != nil {
			p.alert = "Get-MgSubscribedSku output cannot be read: " + err.Error()
			return
		}
		im.in.Subscriptions = append(im.in.Subscriptions, subs...)
		notes, what = n, formatInt(int64(len(subs)))+" subscriptions from Get-MgSubscribedSku"
	case powershell.SourceApplicationInstances:
		accts, ids, n, err := powershell.ParseApplicationInstances(data)
		if err != nil {
			p.alert = "Get-CsOnlineApplicationInstance output cannot be read: " + err.Error()
			return
		}
		im.in.Accounts = append(im.in.Accounts, accts...)
		if im.in.ObjectIDs == nil {
			im.in.ObjectIDs = map[string]string{}
		}
		for k, v := range ids {
			im.in.ObjectIDs[k] = v
		}
		notes, what = n, formatInt(int64(len(accts)))+" resource accounts from Get-CsOnlineApplicationInstance"
	case powershell.SourceAutoAttendants:
		f, n, err := powershell.ParseAutoAttendants(data)
		if err != nil {
			p.alert = "Get-CsAutoAttendant output cannot be read: " + err.Error()
			return
		}
		im.in.Flows = powershell.JoinFlows(im.in.Flows, f)
		notes, what = n, formatInt(int64(len(f.VoiceApps)))+" auto attendants from Get-CsAutoAttendant"
	case powershell.SourceCallQueues:
		f, n, err := powershell.ParseCallQueues(data)
		if err != nil {
			p.alert = "Get-CsCallQueue output cannot be read: " + err.Error()
			return
		}
		im.in.Flows = powershell.JoinFlows(im.in.Flows, f)
		notes, what = n, formatInt(int64(len(f.VoiceApps)))+" call queues from Get-CsCallQueue"
	default:
		p.alert = "This is not the output of one of the commands above (nor an RA Planner scenario): nothing was read."
		return
	}
	p.alert = ""
	im.read = append(im.read, what)
	for _, n := range notes {
		im.notes = append(im.notes, n.String())
	}
	im.text = ""
	_, im.preview = powershell.Merge(p.doc, im.in)
	p.status = "Read " + what + ". Check the preview, then apply."
}

// renderImportPreview lists what applying the import would add, change and
// ignore.
func (p *Planner) renderImportPreview() app.UI {
	im := &p.imp
	pv := im.preview
	group := func(id, title string, list []powershell.Change) app.UI {
		if len(list) == 0 {
			return nil
		}
		shown := list
		if len(shown) > maxPreview {
			shown = shown[:maxPreview]
		}
		return app.Div().ID(id).Class("preview-group").Body(
			app.H4().Text(title+" ("+formatInt(int64(len(list)))+")"),
			app.Ul().Body(
				app.Range(shown).Slice(func(i int) app.UI { return app.Li().Text(shown[i].String()) }),
				app.If(len(list) > maxPreview, func() app.UI {
					return app.Li().Text("and " + formatInt(int64(len(list)-maxPreview)) + " more")
				}),
			),
		)
	}
	return app.Div().ID("ps-preview").Class("preview").Aria("live", "polite").Body(
		app.H3().Text("Preview of the import"),
		app.Ul().Class("read-list").Body(
			app.Range(im.read).Slice(func(i int) app.UI { return app.Li().Text("Read " + im.read[i] + ".") }),
		),
		app.If(pv.Empty(), func() app.UI {
			return app.P().Text("Applying it would change nothing in the scenario.")
		}),
		group("ps-added", "Added", pv.Added),
		group("ps-changed", "Changed", pv.Changed),
		group("ps-ignored", "Ignored", pv.Ignored),
		app.If(len(im.notes) > 0, func() app.UI {
			return app.Details().Body(
				app.Summary().Text("Notes from reading ("+formatInt(int64(len(im.notes)))+")"),
				app.Ul().Body(app.Range(im.notes).Slice(func(i int) app.UI { return app.Li().Text(im.notes[i]) })),
			)
		}),
		app.Div().Class("actions").Body(
			app.Button().Type("button").ID("ps-apply").Class("btn btn-primary").Text("Apply the import").Disabled(pv.Empty()).OnClick(p.onImportApply),
			app.Button().Type("button").ID("ps-discard").Class("btn").Text("Discard").OnClick(func(ctx app.Context, e app.Event) {
				undo := p.imp.undo
				p.imp = importState{undo: undo}
				p.status = "Discarded what was read."
			}),
		),
	)
}

func (p *Planner) onImportApply(ctx app.Context, e app.Event) {
	merged, pv := powershell.Merge(p.doc, p.imp.in)
	if err := merged.Validate(); err != nil {
		p.alert = "The import cannot be applied; nothing changed: " + err.Error()
		return
	}
	prev := p.doc
	p.imp = importState{undo: prev}
	p.replace(merged)
	p.save(ctx)
	p.status = "Imported: " + formatInt(int64(len(pv.Added))) + " added, " + formatInt(int64(len(pv.Changed))) + " changed. Undo the import brings the previous scenario back."
}

func (p *Planner) onImportUndo(ctx app.Context, e app.Event) {
	if p.imp.undo == nil {
		return
	}
	prev := p.imp.undo
	p.imp = importState{}
	p.replace(prev)
	p.save(ctx)
	p.status = "The import was undone."
}

// renderScript draws the PowerShell script that applies the plan.
func (p *Planner) renderScript() app.UI {
	const key = "usage-location"
	return app.Div().Class("script").Body(
		app.H3().Text("Apply the plan with PowerShell"),
		app.P().Class("hint").Text("The script changes each resource account's license in one Set-MgUserLicense call (the single license activity Microsoft requires). It is a dry run unless you run it with -Apply."),
		app.Div().Class("actions").Body(
			app.Button().Type("button").ID("show-script").Class("btn").
				Aria("expanded", p.showScript).Aria("controls", "ps-script").
				Text(map[bool]string{true: "Hide the script", false: "Show the script"}[p.showScript]).
				OnClick(func(ctx app.Context, e app.Event) {
					p.showScript = !p.showScript
					p.recomputeScript()
				}),
			app.Button().Type("button").ID("copy-script").Class("btn").Text("Copy the script").OnClick(func(ctx app.Context, e app.Event) {
				copyText(ctx, p.scriptText(), func(ctx app.Context, ok bool) {
					if ok {
						p.status = "Script copied."
					} else {
						p.status = "This browser did not allow copying: download the script instead."
					}
				})
			}),
			app.Button().Type("button").ID("download-script").Class("btn").Text("Download "+powershell.ScriptFileName).OnClick(func(ctx app.Context, e app.Event) {
				p.offer(powershell.ScriptFileName, "text/plain", []byte(p.scriptText()))
			}),
			app.Label().For(key).Class("inline-label").Text("Usage location"),
			app.Input().Type("text").ID(key).Class("usage-location").MaxLength(2).Size(3).
				Value(p.fieldText(key, p.usageLocation)).Aria("describedby", key+"-error").
				OnInput(func(ctx app.Context, e app.Event) {
					text := strings.ToUpper(strings.TrimSpace(ctx.JSSrc().Get("value").String()))
					var err error
					if len(text) != 2 || text[0] < 'A' || text[0] > 'Z' || text[1] < 'A' || text[1] > 'Z' {
						err = errUsageLocation
					} else {
						p.usageLocation = text
						p.recomputeScript()
					}
					p.typed(key, ctx.JSSrc().Get("value").String(), err)
				}).
				OnChange(func(ctx app.Context, e app.Event) { p.settle(key) }),
		),
		app.Div().ID(key+"-error").Class("field-error").Text(p.problems[key]),
		app.If(p.showScript, func() app.UI {
			return app.Pre().ID("ps-script").Class("code").Body(app.Code().Text(p.script))
		}),
	)
}

type usageLocationError struct{}

func (usageLocationError) Error() string {
	return "a usage location is a two-letter country code, such as US, GB or IT"
}

var errUsageLocation = usageLocationError{}

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
