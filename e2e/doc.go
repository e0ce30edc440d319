// Package e2e holds RA Planner's browser tests (build tag e2e): they open the
// built site in dist/, served on loopback the way GitHub Pages serves it, in
// headless Chromium. Run them with `make e2e` (or `make test`).
package e2e
