package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/advice"
	"github.com/raplanner/raplanner/app/diagram"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/i18n"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

// The localStorage keys of the autosaved scenario and the chosen language.
const (
	storageKey = "ra-planner.scenario"
	langKey    = "ra-planner.lang"
)

// Planner is the page. It owns the scenario document; every edit goes
// through apply, which reruns the engine and the diagram layout once, saves
// the scenario to the URL and localStorage, and lets Render draw the result.
type Planner struct {
	app.Compo

	lang   i18n.Lang // the page's language
	doc    *scenario.Document
	result *licensing.Result
	layout diagram.Layout
	edges  []edgeView // the arrows of layout, drawn
	advice *advice.Advice

	whatIf       map[string]bool   // redesign candidates the user dropped the number of, by id
	whatIfResult *licensing.Result // the engine's plan of that what-if, or nil

	imp           importState    // the PowerShell import box
	showScript    bool           // the PowerShell script is shown
	ids           map[string]int // account ids to indexes, for indexOf
	idsFresh      bool           // ids was built from the document as it is
	allRoutesOf   string         // the account whose routes are all listed
	linkTooLong   bool           // the scenario's link is longer than browsers open
	script        string         // the shown script, built only while shown
	usageLocation string         // the usage location the script sets

	embed   bool // ?embed=1: the compact layout for an iframe in documentation
	allRows bool // the table and the editor's list show every account
	update  bool // a new version is installed: the next reload runs it

	prerendered bool              // the page is being written as static HTML: its summary only
	selected    string            // id of the account open in the editor
	drafts      map[string]string // field key → text the user typed that is not (yet) valid
	problems    map[string]string // field key → what is wrong with the draft
	origins     map[string]string // field key → the value the field had when typing began
	alert       string            // an error the user must see (role="alert")
	status      string            // a polite status message ("Link copied")
	undo        *deletion         // the last deleted account, until undone or replaced
	zoom        float64           // diagram zoom factor, 1 = natural size
	fragment    string            // the URL fragment the page last wrote or read
	saveGen     int               // counts saves, so that only the last one writes the URL
	unsaved     bool              // an edit is not in localStorage yet
}

// deletion remembers a deleted account and the routes that pointed to it.
type deletion struct {
	index   int
	account scenario.Account
	from    []routeRef
}

type routeRef struct {
	account string // id of the account that routed to the deleted one
	pos     int    // position of the route in its routesTo
}

// OnInit loads the scenario. The prerendered page shows the built-in
// default. In the browser the scenario comes from the link, an example, the
// autosave or the default, before go-app's first render: the planner is
// then drawn whole the first time, with no empty frame and no second pass.
func (p *Planner) OnInit() {
	p.zoom = 1
	p.usageLocation = powershell.DefaultUsageLocation
	if app.IsServer {
		p.replace(examples.Default())
		return
	}
	p.load(app.Window().URL())
}

// load picks the language and the scenario of the page opened at u, in the
// browser.
func (p *Planner) load(u *url.URL) {
	p.lang = pickLang(u)
	query := u.Query()
	p.embed = query.Get("embed") == "1"
	d, err := fromLink(u)
	switch {
	case err == nil:
		p.replace(d)
		p.fragment = u.Fragment // on screen: OnNav has nothing to reload
	case errors.Is(err, scenario.ErrNoPlan):
		if e, ok := examples.Named(query.Get("example")); ok {
			p.replace(e.Build())
		} else if saved := p.fromStorage(); saved != nil {
			p.replace(saved)
		}
	default:
		p.alert = p.t("link.broken", err.Error())
		if saved := p.fromStorage(); saved != nil {
			p.replace(saved)
		}
	}
	if p.doc == nil {
		p.replace(examples.Default())
	}
	// The address bar and the autosave hold the plan on screen from the
	// start, written once the browser has painted it (see OnMount).
	p.unsaved = true
}

// OnPreRender picks the language of the prerendered page from its path
// (/it is the Italian page), so that its HTML has the right lang and title.
func (p *Planner) OnPreRender(ctx app.Context) {
	p.setLang(ctx, langOfPath(ctx.Page().URL().Path), false)
	p.prerendered = true
}

// langOfPath returns IT for the /it page (under any prefix), else EN.
func langOfPath(path string) i18n.Lang {
	if strings.HasSuffix(strings.TrimSuffix(path, "/"), "/it") {
		return i18n.IT
	}
	return i18n.EN
}

// pickLang chooses the language of the page opened at u: ?lang= forces
// it, then the /it page, then the language the user chose before, then the
// browser's.
func pickLang(u *url.URL) i18n.Lang {
	if l, ok := i18n.Parse(u.Query().Get("lang")); ok {
		return l
	}
	if langOfPath(u.Path) == i18n.IT {
		return i18n.IT
	}
	var saved string
	// Stored by setLang through go-app's storage, which writes JSON.
	if guard(func() {
		if v := app.Window().Get("localStorage").Call("getItem", langKey); v.Truthy() {
			json.Unmarshal([]byte(v.String()), &saved)
		}
	}) == nil {
		if l, ok := i18n.Parse(saved); ok && saved != "" {
			return l
		}
	}
	var tags []string
	guard(func() {
		nav := app.Window().Get("navigator")
		if langs := nav.Get("languages"); langs.Truthy() {
			for i := 0; i < langs.Length(); i++ {
				tags = append(tags, langs.Index(i).String())
			}
		} else if l := nav.Get("language"); l.Truthy() {
			tags = append(tags, l.String())
		}
	})
	return i18n.Preferred(tags)
}

// setLang switches the page's language; remember stores the choice.
func (p *Planner) setLang(ctx app.Context, l i18n.Lang, remember bool) {
	p.lang = l
	ctx.Page().SetLang(string(l))
	ctx.Page().SetTitle("%s", p.t("app.title"))
	ctx.Page().SetDescription("%s", p.t("app.description"))
	if remember {
		guard(func() { ctx.LocalStorage().Set(langKey, string(l)) })
	}
	// A status already on screen was written in the previous language.
	p.status = ""
}

// OnMount gives the document the page's language and title, and writes
// the address bar and the autosave once the browser has painted the page:
// encoding the scenario is not worth delaying the first screen for.
func (p *Planner) OnMount(ctx app.Context) {
	p.setLang(ctx, p.lang, false)
	ctx.PreventUpdate() // OnInit's scenario is on screen already
	afterPaint(ctx, func(ctx app.Context) {
		tellWorkerReady()
		if !p.unsaved || !p.writeSaved() {
			ctx.PreventUpdate() // nothing on screen changed
		}
	})
	p.watchLeave()
}

// OnNav reloads the scenario when the user opens another #plan= link in the
// same tab. A link that cannot be read keeps the scenario on screen.
func (p *Planner) OnNav(ctx app.Context) {
	frag := ctx.Page().URL().Fragment
	if frag == p.fragment {
		ctx.PreventUpdate() // the scenario of this link is on screen
		return
	}
	d, err := scenario.DecodeFragment(frag)
	switch {
	case errors.Is(err, scenario.ErrNoPlan):
		ctx.PreventUpdate()
		return
	case err != nil:
		p.alert = p.t("link.broken", err.Error())
		p.fragment = frag
		return
	}
	p.alert = ""
	p.replace(d)
	p.save(ctx)
}

// fromLink decodes the scenario of a #plan= link.
func fromLink(u *url.URL) (*scenario.Document, error) {
	frag := u.Fragment
	if strings.TrimSpace(frag) == "" {
		return nil, scenario.ErrNoPlan
	}
	return scenario.DecodeFragment(frag)
}

// fromStorage reads the autosaved scenario, or returns nil.
func (p *Planner) fromStorage() (d *scenario.Document) {
	if p.embed {
		return nil // a frame in documentation neither reads nor replaces the user's own scenario
	}
	var saved string
	// Storage can throw in sandboxed frames: then start from the default.
	if guard(func() {
		if v := app.Window().Get("localStorage").Call("getItem", storageKey); v.Truthy() {
			saved = v.String()
		}
	}) != nil || saved == "" {
		return nil
	}
	d, err := scenario.Decode([]byte(saved))
	if err != nil {
		return nil
	}
	return d
}

// replace puts a whole new document on screen (example, link, file).
func (p *Planner) replace(d *scenario.Document) {
	p.doc = d
	p.drafts = map[string]string{}
	p.problems = map[string]string{}
	p.origins = map[string]string{}
	p.undo = nil
	p.whatIf = map[string]bool{}
	p.selected = ""
	if len(d.Accounts) > 0 {
		p.selected = d.Accounts[0].ID
	}
	p.recompute()
}

// recompute runs the engine and the layout for the current document.
func (p *Planner) recompute() {
	p.idsFresh = false // the document changed: indexOf checks its ids again
	p.result = licensing.Compute(p.doc)
	p.layout = diagram.Layout{}
	if len(p.doc.Accounts) <= maxDiagram {
		p.layout = diagram.Layered(diagram.Accounts(p.doc, p.result), diagram.Options{})
	}
	p.edges = edgeViews(p.layout)
	p.advice = advice.Advise(p.doc, p.result)
	p.recomputeWhatIf()
	p.recomputeScript()
	if p.imp.pending() {
		_, p.imp.preview = powershell.Merge(p.doc, p.imp.in)
	}
}

// apply runs an edit on the document, then recomputes and saves. The edit
// must leave a valid document: fields are validated before they are applied.
// A panic in the edit or the engine does not kill the page: the scenario goes
// back to what it was and the alert says what happened.
func (p *Planner) apply(ctx app.Context, edit func(d *scenario.Document)) {
	if err := p.applyEdit(edit); err != nil {
		p.alert = err.Error()
		return
	}
	p.save(ctx)
}

// applyEdit runs edit and recomputes; on a panic it restores the last good
// scenario and returns an error.
func (p *Planner) applyEdit(edit func(d *scenario.Document)) (err error) {
	last := p.doc.Clone()
	p.idsFresh = false // the edit changes the document in place
	defer func() {
		if r := recover(); r != nil {
			p.doc = last
			p.recompute()
			err = errors.New(p.t("edit.panic", fmt.Sprint(r)))
		}
	}()
	edit(p.doc)
	p.recompute()
	return nil
}

// quickSave is the largest tenant whose scenario is written on every edit.
const quickSave = 100

// urlDelay is how long after the last edit the address bar follows the
// scenario: writing a long #plan= costs tens of milliseconds on a large
// tenant, so a burst of keystrokes writes it once, after the page has
// shown the new plan.
const urlDelay = 120 * time.Millisecond

// save keeps the scenario in the URL fragment (no reload) and in
// localStorage once edits pause; leaving the page writes at once, so
// nothing typed is lost (see watchLeave).
func (p *Planner) save(ctx app.Context) {
	if len(p.doc.Accounts) <= quickSave {
		// Cheap: the address bar follows at once, so a reload right after
		// an edit (which reloads the link) keeps it.
		p.unsaved = true
		p.writeSaved()
		return
	}
	p.saveGen++
	p.unsaved = true
	gen := p.saveGen
	ctx.After(urlDelay, func(ctx app.Context) {
		if gen != p.saveGen || !p.writeSaved() {
			ctx.PreventUpdate() // nothing on screen changes
		}
	})
}

// writeSaved writes the address bar and the autosave now, and reports
// whether that changed what the page shows (the alert, the link note).
func (p *Planner) writeSaved() (shown bool) {
	tooLong, alert := p.linkTooLong, p.alert
	p.writeURL()
	p.writeStorage()
	return p.linkTooLong != tooLong || p.alert != alert
}

// writeStorage autosaves the scenario in localStorage now.
func (p *Planner) writeStorage() {
	if !p.unsaved {
		return
	}
	p.unsaved = false
	if p.embed {
		return // a frame in documentation leaves the user's own scenario alone
	}
	if data, err := scenario.Encode(p.doc); err == nil {
		guard(func() { app.Window().Get("localStorage").Call("setItem", storageKey, string(data)) })
	}
}

// watchLeave writes a pending autosave when the page is hidden or left
// (a reload, a closed tab, a phone switching apps).
func (p *Planner) watchLeave() {
	guard(func() {
		flush := app.FuncOf(func(app.Value, []app.Value) any {
			p.writeStorage()
			return nil
		})
		w := app.Window()
		w.Call("addEventListener", "pagehide", flush)
		w.Get("document").Call("addEventListener", "visibilitychange", flush)
		// A tab left open asks for a new version when it comes back to view.
		w.Get("document").Call("addEventListener", "visibilitychange", app.FuncOf(func(app.Value, []app.Value) any {
			if w.Get("document").Get("visibilityState").String() == "visible" {
				app.TryUpdate()
			}
			return nil
		}))
	})
}

// writeURL puts the scenario in the URL fragment now.
func (p *Planner) writeURL() {
	frag, err := scenario.EncodeFragment(p.doc)
	if err != nil {
		p.alert = err.Error()
		return
	}
	p.saveGen++ // a pending write is now done
	if frag == p.fragment {
		return
	}
	p.fragment = frag
	// A link no browser opens is not worth keeping in the address bar (it
	// would also bring back an older plan on reload): the page says so.
	p.linkTooLong = len(frag) > maxLink
	if p.linkTooLong {
		frag = ""
	}
	replaceFragment(frag)
}

// typed records what the user typed into field key and, when err is not
// nil, what is wrong with it. The text stays in the field until it is
// settled, so a value the app normalises does not jump while typing.
func (p *Planner) typed(key, text string, err error) {
	p.drafts[key] = text
	if err != nil {
		p.problems[key] = err.Error()
	} else {
		delete(p.problems, key)
	}
}

// settle forgets the typed text of field key once the user leaves a valid
// field; an invalid one keeps its text and its message.
func (p *Planner) settle(key string) {
	if p.problems[key] == "" {
		delete(p.drafts, key)
		delete(p.problems, key)
		delete(p.origins, key)
	}
}

// fieldText returns the draft of field key if there is one, else value.
func (p *Planner) fieldText(key, value string) string {
	if t, ok := p.drafts[key]; ok {
		return t
	}
	return value
}

// Render draws the page.
func (p *Planner) Render() app.UI {
	root := el.Div().ID("ra-planner").Class("planner")
	if p.doc == nil {
		return root // never: OnInit always loads a scenario
	}
	if app.IsClient {
		// Only the browser app, which has loaded its scenario in OnInit,
		// is ready; the prerendered page is not.
		root = root.DataSet("ready", "true")
	}
	if p.prerendered {
		// The static HTML, read by search engines and shown under go-app's
		// loader until the app starts: what the planner says, kept small so
		// that the browser reaches the app sooner.
		return root.Body(
			p.renderHeader(),
			el.Main().Class("content").Body(p.renderColumns(false)),
			p.renderFooter(),
		)
	}
	if p.embed {
		return root.Class("embed").Body(
			p.renderEmbedHeader(),
			p.renderAlerts(),
			el.Main().Class("content").Body(
				p.renderColumns(true),
				p.renderDiagram(),
			),
		)
	}
	return root.Body(
		p.renderHeader(),
		p.renderAlerts(),
		el.Main().Class("content").Body(
			p.renderColumns(true),
			p.renderAdvice(),
			p.renderDiagram(),
			p.renderEditor(),
			p.renderTable(),
			p.renderPowerShell(),
		),
		p.renderFooter(),
	)
}

// renderColumns draws the top of every layout: the rule (and the
// subscriptions form) beside the plan.
func (p *Planner) renderColumns(subscriptions bool) app.UI {
	return el.Div().Class("columns").Body(
		el.Div().Class("col-inputs").Body(
			p.renderEditions(),
			app.If(subscriptions, func() app.UI { return p.renderSubscriptions() }),
		),
		el.Div().Class("col-results").Body(p.renderResults()),
	)
}
