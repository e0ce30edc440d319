// Package ui holds the go-app components of RA Planner. They only render the
// engine's results and dispatch the user's edits: every rule lives in the
// pure packages (scenario, licensing, diagram).
package ui

import (
	"strings"

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
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		BackgroundColor: "#ffffff",
		ThemeColor:      "#3b3a8f",
		LoadingLabel:    "Loading RA Planner…",
		Styles:          []string{"/web/app.css"},
		// Deferred, they run after app.js has started fetching the wasm and
		// before the wasm runs (see web/urlguard.js), without holding up the
		// page's parsing.
		Scripts:           []string{"/web/urlguard.js defer", "/web/embed.js defer"},
		WasmContentLength: wasmSize,
		// Cached for offline use besides what go-app caches by itself.
		CacheableResources:    []string{"/web/icon.svg", "/it"},
		ServiceWorkerTemplate: ServiceWorker(),
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy + `">`,
			// The wasm is fetched while the page is parsed, not once the
			// deferred app.js runs after the styles: its fetch (same URL,
			// mode cors, same-origin credentials) takes this response.
			`<link rel="preload" href="` + sitePath(prefix, "/web/app.wasm") + `" as="fetch" type="application/wasm" crossorigin>`,
		},
	}
	if prefix != "" {
		h.Resources = app.GitHubPages(prefix)
	}
	return h
}

// sitePath returns the URL path of the site's file p ("/web/app.wasm")
// under prefix, as app.GitHubPages resolves it.
func sitePath(prefix, p string) string {
	if prefix = strings.Trim(prefix, "/"); prefix != "" {
		return "/" + prefix + p
	}
	return p
}

// PageReadyMessage is what the page posts to its service worker once it is
// ready (see ServiceWorker).
const PageReadyMessage = "ra-planner:page-ready"

// workerPageReady, put before go-app's worker, resolves pageReady when a
// page posts PageReadyMessage, or after 10 s.
const workerPageReady = `let pageIsReady;
const pageReady = new Promise((resolve) => {
  pageIsReady = resolve;
  setTimeout(resolve, 10000);
});
self.addEventListener("message", (event) => {
  if (event.data === "` + PageReadyMessage + `") {
    pageIsReady();
  }
});

`

// The parts of go-app's service worker (app.DefaultAppWorkerJS) that
// ServiceWorker replaces. A test fails when go-app's template changes them.
const (
	// workerAddAll fills the new version's cache through the HTTP cache: under
	// GitHub Pages' Cache-Control: max-age=600 that stores the previous
	// version's app.wasm and app.js under the new version.
	workerAddAll = "  await cache.addAll(resourcesToCache);\n"
	// workerMatch answers a page only for its exact address: "/?lang=it" and,
	// under a project prefix, "/repo/" (cached as "/repo") fail offline.
	workerMatch = "  const cachedResponse = await caches.match(request);\n"
)

// ServiceWorker returns go-app's service worker with three fixes:
//   - The cache of a new version is filled with copies the server has
//     confirmed ({cache: "no-cache"}: a conditional request, answered 304
//     when the HTTP cache holds the current file), so an update never
//     serves stale files, and a file the page has just downloaded is not
//     downloaded again where the browser's HTTP cache kept it.
//   - On a first visit the cache is filled once the page says it is ready
//     (PageReadyMessage), or after 10 s: go-app's worker fetched every file
//     at once, a second app.wasm competing with the page's own download.
//   - Pages are found in the cache whatever their query and trailing slash
//     (a project site's start page "/repo/" is cached as "/repo", which
//     GitHub Pages redirects), so the app starts offline.
func ServiceWorker() string {
	s := workerPageReady + app.DefaultAppWorkerJS
	s = strings.Replace(s, workerAddAll, `  if ((await caches.keys()).every((key) => key === cacheName)) {
    await pageReady; // a first visit: let the page load first
  }
  await Promise.all(resourcesToCache.map(async (url) => {
    let response = await fetch(url, { cache: "no-cache" });
    if (!response.ok) {
      throw new Error("caching " + url + ": " + response.status);
    }
    if (response.redirected) {
      // "/repo" redirects to "/repo/": a page must not answer with a redirect.
      response = new Response(await response.blob(), {
        status: response.status, statusText: response.statusText, headers: response.headers,
      });
    }
    await cache.put(url, response);
  }));
`, 1)
	s = strings.Replace(s, workerMatch, `  const page = request.mode === "navigate";
  let cachedResponse = await caches.match(request, { ignoreSearch: page });
  if (!cachedResponse && page) {
    const url = new URL(request.url);
    if (url.pathname.endsWith("/") && url.pathname !== "/") {
      url.pathname = url.pathname.slice(0, -1);
      cachedResponse = await caches.match(url.href, { ignoreSearch: true });
    }
  }
`, 1)
	return s
}
