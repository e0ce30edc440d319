// Command wasm is the browser entry of RA Planner, built with
// GOOS=js GOARCH=wasm into web/app.wasm.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/ui"
)

func main() {
	// The bench (e2e/bench) reads this mark: how long the browser took to
	// compile the wasm and start the Go runtime.
	app.Window().Get("performance").Call("mark", "go:main")
	ui.Routes()
	app.RunWhenOnBrowser()
}
