// Package ui holds the go-app components of RA Planner. They only render the
// engine's results and dispatch the user's edits: every rule lives in the
// pure packages (scenario, licensing, diagram).
package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Routes registers the pages of the app. Both the browser entry (wasm) and
// the static site generator (build) call it, so they agree on the pages.
func Routes() {
	app.Route("/", func() app.Composer { return &Planner{} })
	// The Italian page: the same planner, prerendered in Italian.
	app.Route("/it", func() app.Composer { return &Planner{} })
}

// ContentSecurityPolicy is the policy every page carries in a meta tag: the
// page may load and connect to its own origin only (blob: and data: for
// downloads and images it makes itself), and run WebAssembly. Tenant data
// cannot leave the page, even through a script injected by a hostile name.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data: blob:; connect-src 'self' blob:; worker-src 'self'; manifest-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'none'"

// Handler returns the go-app handler that describes the page: title, local
// icons and styles. prefix is the GitHub Pages project name ("" for a site
// served from the root); wasmSize is the uncompressed size of app.wasm.
func Handler(prefix, wasmSize string) *app.Handler {
	h := &app.Handler{
		Name:        "RA Planner",
		ShortName:   "RA Planner",
		Title:       "RA Planner – Teams resource account licenses",
		Description: "Plan the licenses of the resource accounts behind Microsoft Teams auto attendants and call queues: free Virtual User allotment, what to buy, and what a redesign saves. Runs entirely in your browser.",
		Lang:        "en",
		Icon: app.Icon{
			Default: "/web/icon-192.png",
			Large:   "/web/icon-512.png",
			SVG:     "/web/icon.svg",
		},
		BackgroundColor: "#ffffff",
		ThemeColor:      "#3b3a8f",
		LoadingLabel:    "Loading RA Planner…",
		Styles:          []string{"/web/app.css"},
		// Runs before the wasm: see web/urlguard.js.
		Scripts:           []string{"/web/urlguard.js", "/web/embed.js"},
		WasmContentLength: wasmSize,
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy + `">`,
		},
	}
	if prefix != "" {
		h.Resources = app.GitHubPages(prefix)
	}
	return h
}
