// Command build generates RA Planner's static site, or serves it.
//
//	go run ./build -out dist [-prefix REPO] [-wasm dist/web/app.wasm]
//	go run ./build -serve -dir dist -addr 127.0.0.1:8080
//
// Generation prerenders every page into dist/ (index.html, app.js,
// app-worker.js, wasm_exec.js, manifest.webmanifest); the Makefile builds
// web/app.wasm and copies the web/ assets. With -prefix the site is made for
// a GitHub Pages project site (https://user.github.io/REPO/). Serving answers
// like GitHub Pages does (/x → x.html, unknown → 404).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/ui"
	"github.com/raplanner/raplanner/build/pages"
)

func main() {
	out := flag.String("out", "dist", "directory to write the site into")
	prefix := flag.String("prefix", "", "GitHub Pages project name the site is served under (empty: the root)")
	wasm := flag.String("wasm", "", "path of the built app.wasm, to announce its size (default OUT/web/app.wasm)")
	version := flag.String("version", "", "the site's version, which names the service worker's cache (default: a new one at each generation, from the time)")
	serve := flag.Bool("serve", false, "serve -dir instead of generating")
	dir := flag.String("dir", "dist", "directory to serve, with -serve")
	addr := flag.String("addr", "127.0.0.1:8080", "address to serve on, with -serve")
	flag.Parse()

	if *serve {
		log.Printf("serving %s at http://%s/", *dir, *addr)
		log.Fatal(http.ListenAndServe(*addr, pages.Handler(*dir, *prefix, 0)))
	}

	ui.Routes()
	app.RunWhenOnBrowser() // returns at once natively
	if *wasm == "" {
		*wasm = *out + "/web/app.wasm"
	}
	size := ""
	if st, err := os.Stat(*wasm); err == nil {
		size = strconv.FormatInt(st.Size(), 10)
	} else {
		log.Printf("warning: %v: the loader will not show progress", err)
	}
	h := ui.Handler(*prefix, size)
	h.Version = *version
	if err := app.GenerateStaticWebsite(*out, h); err != nil {
		fmt.Fprintln(os.Stderr, "generating the site:", err)
		os.Exit(1)
	}
	if err := fixManifest(*out, *prefix); err != nil {
		fmt.Fprintln(os.Stderr, "generating the site:", err)
		os.Exit(1)
	}
}

// fixManifest points the manifest of a project site at "/REPO/". go-app
// writes start_url "/REPO" and scope "/": an installed app opens start_url,
// and "/REPO" is outside the service worker's scope "/REPO/", so offline,
// once the browser no longer has GitHub Pages' redirect to "/REPO/" in its
// HTTP cache, the installed app does not start. Scope "/" would also claim
// the owner's other project sites for the app's window.
func fixManifest(out, prefix string) error {
	prefix = strings.Trim(prefix, "/")
	if prefix == "" {
		return nil
	}
	name := filepath.Join(out, "manifest.webmanifest")
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	root := "/" + prefix + "/"
	if m["start_url"] == strings.TrimSuffix(root, "/") {
		m["start_url"] = root
	}
	m["scope"] = root
	b, err = json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}
