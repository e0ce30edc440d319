// Command baseline is the bench's yardstick: a minimal go-app v10 page that
// renders "Hello" and marks its root data-ready="true" once mounted, built
// with the same flags as RA Planner. `make bench` builds it and compares the
// planner against it (see e2e/bench). Like build/main.go, the one main runs
// in the browser (GOOS=js GOARCH=wasm) or, natively, generates the static
// site; it imports nothing but go-app and os, so that its wasm is go-app's
// floor:
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o OUT/web/app.wasm ./build/baseline
//	go run ./build/baseline -out OUT
package main

import (
	"os"
	"path/filepath"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// hello is the whole app.
type hello struct {
	app.Compo
	ready bool
}

// OnMount runs in the browser only: the page is ready once it has rendered.
func (h *hello) OnMount(ctx app.Context) { h.ready = true }

func (h *hello) Render() app.UI {
	root := app.Div().ID("baseline")
	if h.ready {
		root = root.DataSet("ready", "true")
	}
	return root.Body(app.H1().Text("Hello"))
}

func main() {
	if app.IsClient {
		// As RA Planner's main does: the bench reads this mark.
		app.Window().Get("performance").Call("mark", "go:main")
	}
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser() // never returns in the browser; at once natively

	if len(os.Args) != 3 || os.Args[1] != "-out" || os.Args[2] == "" {
		os.Stderr.WriteString("usage: go run ./build/baseline -out DIR\n")
		os.Exit(2)
	}
	if err := generate(os.Args[2]); err != nil {
		os.Stderr.WriteString("baseline: " + err.Error() + "\n")
		os.Exit(1)
	}
}

// generate writes the site into out, whose web/app.wasm is built already.
// The icons are local files, like the planner's: go-app's default icons are
// on the internet, which the bench's browser cannot reach.
func generate(out string) error {
	size := ""
	if st, err := os.Stat(filepath.Join(out, "web", "app.wasm")); err == nil {
		size = strconv.FormatInt(st.Size(), 10)
	}
	h := &app.Handler{
		Name:              "Baseline",
		Title:             "Baseline",
		Icon:              app.Icon{Default: "/web/icon.png", Large: "/web/icon.png", SVG: "/web/icon.svg"},
		WasmContentLength: size,
	}
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(out, "web"), 0o755); err != nil {
		return err
	}
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#3b3a8f"/></svg>`
	if err := os.WriteFile(filepath.Join(out, "web", "icon.svg"), []byte(svg), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "web", "icon.png"), iconPNG, 0o644)
}

// iconPNG is a 1×1 PNG of the colour of icon.svg.
var iconPNG = []byte{
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
	0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xb0, 0xb6, 0xea, 0x07,
	0x00, 0x01, 0xb8, 0x01, 0x05, 0x47, 0x72, 0xc5, 0x16, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
	0x44, 0xae, 0x42, 0x60, 0x82,
}
