// Package pages serves a static site the way GitHub Pages does: /x is
// answered with x.html when there is no file x, /dir/ with dir/index.html,
// and anything else with 404 (404.html when the site has one). A site can
// be served under a project prefix ("/ra-planner/"), as a project site is.
package pages

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Handler serves the directory dir under prefix ("" or "/" for the root).
// maxAge, when positive, is sent as Cache-Control: max-age (GitHub Pages
// sends 600).
func Handler(dir, prefix string, maxAge int) http.Handler {
	prefix = "/" + strings.Trim(prefix, "/")
	if prefix != "/" {
		prefix += "/"
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := r.URL.Path
		if p+"/" == prefix {
			http.Redirect(w, r, prefix, http.StatusMovedPermanently)
			return
		}
		if !strings.HasPrefix(p, prefix) {
			notFound(w, r, dir)
			return
		}
		rel := path.Clean("/" + strings.TrimPrefix(p, prefix))
		if maxAge > 0 {
			w.Header().Set("Cache-Control", "max-age="+strconv.Itoa(maxAge))
		}
		name, ok := resolve(dir, rel, strings.HasSuffix(p, "/"))
		if !ok {
			notFound(w, r, dir)
			return
		}
		http.ServeFile(w, r, name)
	})
}

// resolve maps a clean site path to a file: the file itself, name.html, or
// dir/index.html.
func resolve(dir, rel string, slash bool) (string, bool) {
	base := filepath.Join(dir, filepath.FromSlash(rel))
	candidates := []string{base, base + ".html"}
	if slash || rel == "/" {
		candidates = []string{filepath.Join(base, "index.html")}
	}
	for _, c := range candidates {
		if st, err := os.Stat(c); err == nil && !st.IsDir() {
			return c, true
		}
	}
	if st, err := os.Stat(filepath.Join(base, "index.html")); err == nil && !st.IsDir() && !slash {
		return filepath.Join(base, "index.html"), true
	}
	return "", false
}

func notFound(w http.ResponseWriter, r *http.Request, dir string) {
	if b, err := os.ReadFile(filepath.Join(dir, "404.html")); err == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(b)
		return
	}
	http.NotFound(w, r)
}
