//go:build e2e

package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
)

// TestEmbedDemo loads the static demo page that embeds the planner in an
// iframe, reads the metrics inside the frame, and checks that the frame was
// sized to its content and left the user's own autosave alone.
func TestEmbedDemo(t *testing.T) {
	ctx := newTab(t)
	do(t, ctx, chromedp.Navigate(serverURL+"/web/embed-demo.html"))
	const inFrame = `document.getElementById("ra-planner-frame").contentDocument`
	sctx, cancel := step(ctx)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](`(() => { const d = `+inFrame+`; return !!d && !!d.querySelector('[data-ready="true"]'); })()`)); err != nil {
		t.Fatalf("the embedded planner did not become ready: %s", stepErr(err))
	}
	want := engineMetrics(licensing.Compute(examples.Contoso()))
	got := evalJS[map[string]string](t, ctx, `Object.fromEntries([...`+inFrame+`.querySelectorAll("[data-metric]")].map(e => [e.dataset.metric, e.dataset.value]))`)
	for name, v := range want {
		if got[name] != strconv.FormatInt(v, 10) {
			t.Errorf("in the frame %s = %q, the engine computes %d for ?example=contoso", name, got[name], v)
		}
	}
	// The compact layout: no editor, no PowerShell, no footer.
	if n := evalJS[int](t, ctx, inFrame+`.querySelectorAll("#editor, #powershell, .footer, .toolbar").length`); n != 0 {
		t.Errorf("the embedded layout shows %d parts of the full page", n)
	}
	// The frame is as tall as its content, told by postMessage.
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](`(() => {
		const f = document.getElementById("ra-planner-frame");
		const h = parseInt(f.style.height, 10);
		const content = f.contentDocument.getElementById("ra-planner").getBoundingClientRect().height;
		return h > 0 && Math.abs(h - content) < 40;
	})()`)); err != nil {
		h := evalJS[string](t, ctx, `document.getElementById("ra-planner-frame").style.height`)
		t.Errorf("the frame's height %q does not follow its content: %s", h, stepErr(err))
	}
	if saved := evalJS[bool](t, ctx, `localStorage.getItem("ra-planner.scenario") !== null`); saved {
		t.Error("the embedded planner wrote the user's autosaved scenario")
	}
}
