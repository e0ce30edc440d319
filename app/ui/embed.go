package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderEmbedHeader is the header of the compact layout (?embed=1) for an
// iframe in documentation: the name, and a link that opens the scenario on
// screen in the full planner.
func (p *Planner) renderEmbedHeader() app.UI {
	return el.Header().Class("embed-head").Body(
		el.Strong().Text(p.t("app.name")),
		el.A().ID("open-full").Attr("href", p.fullLink()).Attr("target", "_blank").Attr("rel", "noopener").Text(p.t("embed.open")),
	)
}

// fullLink is the address of the full planner with the scenario on screen.
func (p *Planner) fullLink() string {
	w := app.Window().URL()
	if w == nil {
		return "./"
	}
	u, err := url.Parse(w.String())
	if err != nil {
		return "./"
	}
	q := u.Query()
	q.Del("embed")
	q.Del("example")
	u.RawQuery = q.Encode()
	u.Fragment = p.fragment
	u.RawFragment = ""
	return u.String()
}
