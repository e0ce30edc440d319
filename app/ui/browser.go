package ui

import (
	"errors"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The browser glue: files, downloads, clipboard, printing and focus. Each
// call is guarded, so a browser that lacks an API gives an error message,
// never a panic that would kill the page.

// guard runs fn and turns a JavaScript exception (a Go panic in wasm) into an error.
func guard(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	fn()
	return nil
}

// File errors: the caller words them in the page's language.
var (
	errFileTooLarge = errors.New("file too large")
	errFileUnread   = errors.New("file unreadable")
)

// readFile reads the first file of an <input type=file> (or of a drop's
// dataTransfer) and calls done on the UI goroutine with its bytes, as they
// are (UTF-16 exports of Windows PowerShell included), or an error.
func readFile(ctx app.Context, input app.Value, maxBytes int, done func(ctx app.Context, text string, err error)) {
	err := guard(func() {
		files := input.Get("files")
		if files.Get("length").Int() == 0 {
			return
		}
		f := files.Index(0)
		if size := f.Get("size").Int(); size > maxBytes {
			done(ctx, "", errFileTooLarge)
			return
		}
		var onText, onErr app.Func
		release := func() { onText.Release(); onErr.Release() }
		onText = app.FuncOf(func(this app.Value, args []app.Value) any {
			arr := app.Window().Get("Uint8Array").New(args[0])
			data := make([]byte, arr.Get("length").Int())
			app.CopyBytesToGo(data, arr)
			ctx.Dispatch(func(ctx app.Context) { done(ctx, string(data), nil) })
			release()
			return nil
		})
		onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
			ctx.Dispatch(func(ctx app.Context) { done(ctx, "", errFileUnread) })
			release()
			return nil
		})
		f.Call("arrayBuffer").Call("then", onText, onErr)
		input.Set("value", "") // choosing the same file again fires change again
	})
	if err != nil {
		done(ctx, "", errFileUnread)
	}
}

// download offers data as a file named name.
func download(name, mime string, data []byte) error {
	return guard(func() {
		w := app.Window()
		arr := w.Get("Uint8Array").New(len(data))
		app.CopyBytesToJS(arr, data)
		blob := w.Get("Blob").New([]any{arr}, map[string]any{"type": mime})
		url := w.Get("URL").Call("createObjectURL", blob)
		doc := w.Get("document")
		a := doc.Call("createElement", "a")
		a.Set("href", url)
		a.Set("download", name)
		doc.Get("body").Call("appendChild", a)
		a.Call("click")
		a.Call("remove")
		w.Get("URL").Call("revokeObjectURL", url)
	})
}

// copyText puts text on the clipboard and calls done with the outcome.
func copyText(ctx app.Context, text string, done func(ctx app.Context, ok bool)) {
	err := guard(func() {
		clip := app.Window().Get("navigator").Get("clipboard")
		if !clip.Truthy() {
			done(ctx, false)
			return
		}
		var ok, fail app.Func
		ok = app.FuncOf(func(app.Value, []app.Value) any {
			ctx.Dispatch(func(ctx app.Context) { done(ctx, true) })
			ok.Release()
			fail.Release()
			return nil
		})
		fail = app.FuncOf(func(app.Value, []app.Value) any {
			ctx.Dispatch(func(ctx app.Context) { done(ctx, false) })
			ok.Release()
			fail.Release()
			return nil
		})
		clip.Call("writeText", text).Call("then", ok, fail)
	})
	if err != nil {
		done(ctx, false)
	}
}

// printPage opens the browser's print dialog.
func printPage() {
	guard(func() { app.Window().Call("print") })
}

// focus moves the keyboard focus to the element with the given id, after
// the next render.
func focus(ctx app.Context, id string) {
	ctx.Defer(func(ctx app.Context) {
		guard(func() {
			if e := app.Window().GetElementByID(id); e.Truthy() {
				e.Call("focus")
			}
		})
	})
}

// afterPaint dispatches fn once the browser has painted what the page
// shows now: after the next animation frame, or after 100 ms in a page
// that draws no frames (a hidden tab). A Defer would run fn before the
// browser gets the screen.
func afterPaint(ctx app.Context, fn func(app.Context)) {
	err := guard(func() {
		w := app.Window()
		var done app.Func
		done = app.FuncOf(func(app.Value, []app.Value) any {
			done.Release()
			ctx.Dispatch(fn)
			return nil
		})
		// The promise settles once, whichever timer fires first.
		executor := app.FuncOf(func(_ app.Value, args []app.Value) any {
			resolve := args[0]
			w.Call("requestAnimationFrame", w.Get("setTimeout").Call("bind", w, resolve, 0))
			w.Call("setTimeout", resolve, 100)
			return nil
		})
		defer executor.Release()
		w.Get("Promise").New(executor).Call("then", done)
	})
	if err != nil {
		ctx.Dispatch(fn)
	}
}

// replaceFragment puts frag in the address bar as the URL's fragment (no
// fragment when it is empty), without a history entry. go-app's
// Page().ReplaceURL parses the whole current URL three times and escapes the
// new one twice (and copies it into the og:url meta): with the 600 kB link
// of a 3,000-account tenant that was 50 ms of every save. A plan fragment
// is base64url and needs no escaping.
func replaceFragment(frag string) {
	guard(func() {
		w := app.Window()
		loc := w.Get("location")
		u := loc.Get("pathname").String() + loc.Get("search").String()
		if frag != "" {
			u += "#" + frag
		}
		w.Get("history").Call("replaceState", nil, "", u)
	})
}

// tellWorkerReady tells the service worker the page is ready: on a first
// visit it fills its cache only then (see ServiceWorker), so that caching
// the app does not compete with the page's own download of it.
func tellWorkerReady() {
	guard(func() {
		sw := app.Window().Get("navigator").Get("serviceWorker")
		if !sw.Truthy() {
			return
		}
		var post app.Func
		post = app.FuncOf(func(_ app.Value, args []app.Value) any {
			defer post.Release()
			if len(args) == 0 || !args[0].Truthy() {
				return nil
			}
			for _, state := range []string{"installing", "waiting", "active"} {
				if w := args[0].Get(state); w.Truthy() {
					w.Call("postMessage", PageReadyMessage)
				}
			}
			return nil
		})
		sw.Get("ready").Call("then", post)
	})
}
