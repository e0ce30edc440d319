package export

import (
	"strconv"
	"strings"

	"github.com/raplanner/raplanner/app/diagram"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// mermaidClasses are the Mermaid classes of the plans, in output order, with
// the colours of the page.
var mermaidClasses = []struct {
	plan  licensing.Plan
	class string
	style string
}{
	{licensing.PlanFree, "free", "fill:#e3f4ea,stroke:#1f7a4d,color:#1d1d2c"},
	{licensing.PlanPaid, "paid", "fill:#fde9cf,stroke:#9a4b00,color:#1d1d2c"},
	{licensing.PlanNone, "nolicense", "fill:#e6ebf5,stroke:#3d4f7a,color:#1d1d2c"},
	{licensing.PlanNoAccount, "noaccount", "fill:#efefef,stroke:#5c5c5c,color:#1d1d2c,stroke-dasharray:5 4"},
}

// mermaidEntry is the node id of the public phone network.
const mermaidEntry = "pstn"

// Mermaid writes the call flow of d as a Mermaid flowchart ("flowchart TD"),
// the text admins paste into wikis that render Mermaid:
//
//   - one node per account, in document order, with the generated id n0, n1…
//     (never the account id, which could be a Mermaid keyword); an auto
//     attendant is a rectangle, a call queue a stadium;
//   - each label is the name, the type and number, and the plan word, as
//     "Name<br/>AA · +14255550100<br/>FREE";
//   - an entry node (labels.Entry, "PSTN") with an arrow to every account
//     that has a phone number, unless labels.NoEntry is set or no account
//     has a number;
//   - an arrow per route ("n0 --> n1"), loops included; routes to unknown
//     ids and repeated routes are left out;
//   - a class per plan with the page's colours (free, paid, nolicense,
//     noaccount), defined and assigned only when used.
//
// Labels are quoted, and the characters Mermaid or HTML would read ("
// # & < > % : ` and Mermaid's own entity markers) are written as Mermaid
// entity codes such as #quot; and #35;; line breaks and other control
// characters become spaces. r is the plan of d; when it is nil or belongs to
// another document, Mermaid computes it. A document without accounts gives
// the header line alone.
func Mermaid(d *scenario.Document, r *licensing.Result, labels Labels) string {
	d, r = plans(d, r)
	l := labels.filled()
	var b strings.Builder
	b.WriteString("flowchart TD\n")

	entry := false
	if !l.NoEntry {
		for i := range d.Accounts {
			if d.Accounts[i].PhoneNumber != "" {
				entry = true
				break
			}
		}
	}
	if entry {
		b.WriteString("  " + mermaidEntry + `(("` + mermaidText(l.Entry) + `"))` + "\n")
	}

	for i := range d.Accounts {
		a := &d.Accounts[i]
		open, close := `["`, `"]`
		if a.Type == scenario.CallQueue {
			open, close = `(["`, `"])`
		}
		sub := l.typeShort(a.Type)
		if a.PhoneNumber != "" {
			sub += " · " + a.PhoneNumber
		}
		label := mermaidText(displayName(a)) + "<br/>" + mermaidText(sub)
		if w := l.planWord(r.Accounts[i].Planned); w != "" {
			label += "<br/>" + mermaidText(w)
		}
		b.WriteString("  " + nodeID(i) + open + label + close + "\n")
	}

	if entry {
		for i := range d.Accounts {
			if d.Accounts[i].PhoneNumber != "" {
				b.WriteString("  " + mermaidEntry + " --> " + nodeID(i) + "\n")
			}
		}
	}
	nodes := diagram.Accounts(d, r)
	seen := make([]int, len(nodes)) // seen[j] == i+1: the route i → j is out already
	for i, n := range nodes {
		for _, j := range n.Out {
			if seen[j] == i+1 {
				continue
			}
			seen[j] = i + 1
			b.WriteString("  " + nodeID(i) + " --> " + nodeID(j) + "\n")
		}
	}

	if entry {
		b.WriteString("  classDef entry fill:#ffffff,stroke:#55566b,color:#1d1d2c\n")
		b.WriteString("  class " + mermaidEntry + " entry\n")
	}
	for _, c := range mermaidClasses {
		var ids []string
		for i, p := range r.Accounts {
			if p.Planned == c.plan {
				ids = append(ids, nodeID(i))
			}
		}
		if len(ids) == 0 {
			continue
		}
		b.WriteString("  classDef " + c.class + " " + c.style + "\n")
		b.WriteString("  class " + strings.Join(ids, ",") + " " + c.class + "\n")
	}
	return b.String()
}

// nodeID is the Mermaid id of account i.
func nodeID(i int) string { return "n" + strconv.Itoa(i) }

// mermaidText escapes s for a quoted Mermaid label. Mermaid turns "#name;"
// and "#123;" into the HTML entities "&name;" and "&#123;" before it parses
// the chart, so:
//   - " would end the label: #quot;
//   - # would start an entity code: #35;
//   - < > & are HTML: #lt; #gt; #amp;
//   - % could start a %%{init: …}%% directive, which Mermaid finds anywhere: #37;
//   - : would let Mermaid's "style …:…#…;" clean-up cut an entity code short: #58;
//   - ` would start a Markdown string: #96;
//   - ﬂ and ¶ are the markers Mermaid encodes entities with: #64258; #182;
//
// Line breaks, tabs and other control characters become spaces, and invalid
// UTF-8 becomes U+FFFD.
func mermaidText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString("#quot;")
		case r == '#':
			b.WriteString("#35;")
		case r == '<':
			b.WriteString("#lt;")
		case r == '>':
			b.WriteString("#gt;")
		case r == '&':
			b.WriteString("#amp;")
		case r == '%':
			b.WriteString("#37;")
		case r == ':':
			b.WriteString("#58;")
		case r == '`':
			b.WriteString("#96;")
		case r == 'ﬂ', r == '¶':
			b.WriteString("#" + strconv.Itoa(int(r)) + ";")
		case isBreak(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
