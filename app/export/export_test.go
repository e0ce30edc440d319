package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/raplanner/raplanner/app/diagram"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/export"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w []byte
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if !bytes.Equal(g, w) {
				t.Errorf("%s differs from the golden file at line %d:\n got: %q\nwant: %q\n(run go test -update if the change is intended)", name, i+1, g, w)
				return
			}
		}
	}
}

// loop is a menu that loops: the main menu routes to a submenu, which routes
// to a queue that sends overflow calls back to the main menu; the submenu
// also routes to itself ("repeat the options").
func loop() *scenario.Document {
	return &scenario.Document{
		Format:        scenario.Format,
		Edition:       scenario.ResourceAccount2022,
		Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 0}},
		Accounts: []scenario.Account{
			{ID: "main", Name: "Main menu", Type: scenario.AutoAttendant, PhoneNumber: "+390212345600", RoutesTo: []string{"sub"}},
			{ID: "sub", Name: "Submenu", Type: scenario.AutoAttendant, RoutesTo: []string{"queue", "sub", "queue", "ghost"}},
			{ID: "queue", Name: "Overflow queue", Type: scenario.CallQueue, RoutesTo: []string{"main"}},
		},
	}
}

// hostile has names, ids and numbers that try to break out of every format.
func hostile() *scenario.Document {
	return &scenario.Document{
		Format:        scenario.Format,
		Edition:       scenario.ResourceAccount2024,
		Subscriptions: []scenario.Subscription{{SKU: "SPE_E5", Units: 10}},
		Accounts: []scenario.Account{
			{ID: "end", Name: `<script>alert("x")</script>`, Type: scenario.AutoAttendant, PhoneNumber: "+14255550100",
				RoutesTo: []string{"-->", "graph", "%%"}},
			{ID: "-->", Name: `Tom & Jerry's "best" ]]> menu`, Type: scenario.CallQueue, UPN: "=cmd|' /C calc'!A0"},
			{ID: "graph", Name: "end", Type: scenario.AutoAttendant, PhoneNumber: "+1 425 555 0102", RoutesTo: []string{"end"}},
			{ID: "%%", Name: "%%{init: {'theme':'dark'}}%% <b>bold</b> --> x", Type: scenario.CallQueue, PhoneNumber: "=1+2"},
			{ID: "style", Name: "line 1\nline 2\r\nline 3\u2028line 4\ttab", Type: scenario.CallQueue},
			{ID: "md", Name: "`markdown` #quot; #35; style:#x; ﬂ°lt¶ß", Type: scenario.AutoAttendant, RoutesTo: []string{"md"}},
			{ID: "formula", Name: "=SUM(A1:A9)", Type: scenario.CallQueue, UPN: "@evil", PhoneNumber: "-14255550100"},
			{ID: "bad-utf8", Name: "bad \xff\x00 bytes \uFFFE and a name longer than twenty-four characters", Type: scenario.CallQueue},
			{ID: "+1", Name: "+14255550199", Type: scenario.CallQueue, UPN: "\ttab@x"},
		},
	}
}

// goldenCases are the scenarios of the golden files.
var goldenCases = []struct {
	name string
	doc  func() *scenario.Document
}{
	{"docdiagram", examples.DocDiagram},
	{"docdiagram-2024", func() *scenario.Document {
		d := examples.DocDiagram()
		d.Edition = scenario.ResourceAccount2024
		return d
	}},
	{"fabrikam", examples.Default},
	{"loop", loop},
	{"hostile", hostile},
	{"empty", func() *scenario.Document { return &scenario.Document{Format: scenario.Format} }},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.doc()
			r := licensing.Compute(d)
			l := diagram.Layered(diagram.Accounts(d, r), diagram.Options{})
			golden(t, tc.name+".csv", export.CSV(d, r, export.EnglishLabels()))
			golden(t, tc.name+".svg", export.SVG(d, r, l, export.EnglishLabels()))
			golden(t, tc.name+".mmd", []byte(export.Mermaid(d, r, export.EnglishLabels())))
		})
	}
}

// readCSV checks the BOM and the line ends and parses the records.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	s, ok := strings.CutPrefix(string(b), "\uFEFF")
	if !ok {
		t.Fatalf("CSV does not start with a byte order mark: %q", b[:min(len(b), 8)])
	}
	if strings.Count(s, "\n") != strings.Count(s, "\r\n") || !strings.HasSuffix(s, "\r\n") {
		t.Errorf("CSV has a line end other than CRLF")
	}
	rd := csv.NewReader(strings.NewReader(s))
	rd.FieldsPerRecord = 9
	recs, err := rd.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	return recs
}

func TestCSVContoso(t *testing.T) {
	d := examples.Contoso()
	b := export.CSV(d, licensing.Compute(d), export.EnglishLabels())
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	if len(lines) != 91 {
		t.Errorf("Contoso CSV has %d lines, want 91 (a header and 90 accounts)", len(lines))
	}
	recs := readCSV(t, b)
	if len(recs) != 91 {
		t.Fatalf("Contoso CSV has %d records, want 91", len(recs))
	}
	paid := 0
	for _, rec := range recs[1:] {
		if rec[6] == licensing.PlanPaid.String() {
			paid++
		}
		if !strings.HasPrefix(rec[4], "+1425555") {
			t.Errorf("phone number %q was altered", rec[4])
		}
	}
	if paid != 5 {
		t.Errorf("Contoso CSV plans %d paid licenses, want 5", paid)
	}
}

func TestCSVColumns(t *testing.T) {
	d := examples.DocDiagram()
	recs := readCSV(t, export.CSV(d, licensing.Compute(d), export.EnglishLabels()))
	want := [][]string{
		{"ID", "Name", "Type", "UPN", "Phone number", "Holds today", "Planned", "Reason code", "Why"},
		{"ra1", "Main auto attendant", "auto-attendant", "ra1@contoso.com", "+14255550100", "none", "free", "phone-number",
			"Has a phone number: needs a license before the number can be assigned."},
		{"ra2", "Auto attendant 2", "auto-attendant", "ra2@contoso.com", "", "none", "none", "nested-no-number",
			"Nested without a phone number: no license needed."},
	}
	for i, w := range want {
		if strings.Join(recs[i], "|") != strings.Join(w, "|") {
			t.Errorf("record %d = %q, want %q", i, recs[i], w)
		}
	}
}

// TestCSVInjection checks every column that comes from the document, and the
// header: a cell a spreadsheet would run gets an apostrophe; an E.164 phone
// number does not.
func TestCSVInjection(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Sales", "Sales"},
		{"empty", "", ""},
		{"equals", "=SUM(A1:A9)", "'=SUM(A1:A9)"},
		{"plus", "+1+2", "'+1+2"},
		{"minus", "-2+3", "'-2+3"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\t=1", "'\t=1"},
		// encoding/csv drops a lone CR in CRLF mode; the apostrophe stays first.
		{"carriage return", "\r=1", "'=1"},
		{"dde", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"inner equals", "a=b", "a=b"},
		{"leading space", " =1", " =1"},
		{"quote", `"=1"`, `"=1"`},
		{"phone-like name", "+14255550100", "'+14255550100"},
		{"invalid UTF-8 and NUL", "=\xff\x00", "'=\uFFFD\uFFFD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &scenario.Document{Accounts: []scenario.Account{
				{ID: "a", Name: tc.in, Type: scenario.AutoAttendant, UPN: tc.in},
			}}
			labels := export.EnglishLabels()
			labels.ColumnWhy = tc.in
			recs := readCSV(t, export.CSV(d, nil, labels))
			if got := recs[1][1]; got != tc.want {
				t.Errorf("name cell = %q, want %q", got, tc.want)
			}
			if got := recs[1][3]; got != tc.want {
				t.Errorf("UPN cell = %q, want %q", got, tc.want)
			}
			want := tc.want
			if tc.in == "" {
				want = "Why" // an empty label takes its English value
			}
			if got := recs[0][8]; got != want {
				t.Errorf("header cell = %q, want %q", got, want)
			}
		})
	}
}

func TestCSVPhoneColumn(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"+14255550100", "+14255550100"}, // E.164: kept raw
		{"+390212345600", "+390212345600"},
		{"+1", "+1"},
		{"", ""},
		{"+", "'+"},
		{"+1 425 555 0100", "'+1 425 555 0100"},
		{"+1425=1+1", "'+1425=1+1"},
		{"+1425\n=1", "'+1425\n=1"},
		{"=1+2", "'=1+2"},
		{"-14255550100", "'-14255550100"},
		{"@1", "'@1"},
		{"14255550100", "14255550100"},
		{"+١٢٣", "'+١٢٣"}, // not ASCII digits
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d := &scenario.Document{Accounts: []scenario.Account{{ID: "a", Type: scenario.CallQueue, PhoneNumber: tc.in}}}
			recs := readCSV(t, export.CSV(d, nil, export.EnglishLabels()))
			if got := recs[1][4]; got != tc.want {
				t.Errorf("phone cell = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCSVResultMismatch(t *testing.T) {
	d := examples.DocDiagram()
	stale := licensing.Compute(examples.Default()) // 7 accounts, not 5
	for _, r := range []*licensing.Result{nil, stale} {
		recs := readCSV(t, export.CSV(d, r, export.Labels{}))
		if len(recs) != 6 || recs[1][6] != "free" || recs[2][6] != "none" {
			t.Errorf("CSV with plan %v: %q", r != nil, recs)
		}
	}
	if recs := readCSV(t, export.CSV(nil, nil, export.Labels{})); len(recs) != 1 {
		t.Errorf("CSV of a nil document has %d records, want the header alone", len(recs))
	}
}

// svgInfo is what a test reads back from an SVG file.
type svgInfo struct {
	root      xml.StartElement
	nodes     []map[string]string // attributes of each <g data-account>
	titles    []string            // the <title> of each node
	names     []string            // the node-name text of each node
	edges     []string            // the class of each edge path
	hasStyle  bool
	attrValue []string // every attribute value, to look for external references
}

// parseSVG decodes b strictly, as XML, and collects what the tests check.
func parseSVG(t *testing.T, b []byte) svgInfo {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	var info svgInfo
	var stack []xml.StartElement
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse as XML: %v\n%s", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				info.root = tok.Copy()
			}
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Name.Local] = a.Value
				info.attrValue = append(info.attrValue, a.Value)
			}
			switch {
			case tok.Name.Local == "g" && hasAttr(tok, "data-account"):
				info.nodes = append(info.nodes, attrs)
			case tok.Name.Local == "style":
				info.hasStyle = true
			case tok.Name.Local == "path" && strings.HasPrefix(attrs["class"], "edge") && len(stack) > 0 && stack[len(stack)-1].Name.Local == "g" && attrOf(stack[len(stack)-1], "class") == "edges":
				info.edges = append(info.edges, attrs["class"])
			}
			stack = append(stack, tok.Copy())
			text.Reset()
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			inNode := len(stack) > 0 && hasAttr(stack[len(stack)-1], "data-account")
			switch {
			case inNode && top.Name.Local == "title":
				info.titles = append(info.titles, text.String())
			case inNode && attrOf(top, "class") == "node-name":
				info.names = append(info.names, text.String())
			}
			text.Reset()
		}
	}
	return info
}

func hasAttr(e xml.StartElement, name string) bool {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return true
		}
	}
	return false
}

func attrOf(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// xmlClean is s as an XML file can hold it: invalid UTF-8 and characters
// outside XML's range become U+FFFD.
func xmlClean(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") ||
			!(r == 0x9 || r == 0xA || r == 0xD || 0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// checkSVG runs the checks every SVG file must pass.
func checkSVG(t *testing.T, d *scenario.Document, b []byte) svgInfo {
	t.Helper()
	info := parseSVG(t, b)
	if info.root.Name.Local != "svg" || info.root.Name.Space != "http://www.w3.org/2000/svg" {
		t.Errorf("root element is %v, want svg in the SVG namespace", info.root.Name)
	}
	for _, a := range []string{"width", "height", "viewBox"} {
		if attrOf(info.root, a) == "" {
			t.Errorf("root element has no %s", a)
		}
	}
	if !info.hasStyle {
		t.Error("SVG has no <style>")
	}
	if len(info.nodes) != len(d.Accounts) {
		t.Errorf("SVG has %d <g data-account>, want %d", len(info.nodes), len(d.Accounts))
	}
	for i, n := range info.nodes {
		if i < len(d.Accounts) && n["data-account"] != xmlClean(d.Accounts[i].ID) {
			t.Errorf("node %d has data-account %q, want %q", i, n["data-account"], d.Accounts[i].ID)
		}
	}
	// Nothing outside the file: no links, no imports, no fonts, no URLs
	// other than the arrow marker and the namespace.
	s := string(b)
	for _, bad := range []string{"href", "@import", "@font-face", "<script", "<foreignObject", "<image", "javascript:"} {
		if strings.Contains(s, bad) {
			t.Errorf("SVG contains %q", bad)
		}
	}
	if n := strings.Count(s, "http"); n != 1 || !strings.Contains(s, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Errorf("SVG mentions http %d times, want once (the namespace)", n)
	}
	if n, m := strings.Count(s, "url("), strings.Count(s, "url(#ra-arrow)"); n != m {
		t.Errorf("SVG has %d url() references other than the arrow marker", n-m)
	}
	return info
}

func TestSVGContoso(t *testing.T) {
	d := examples.Contoso()
	r := licensing.Compute(d)
	l := diagram.Layered(diagram.Accounts(d, r), diagram.Options{})
	info := checkSVG(t, d, export.SVG(d, r, l, export.EnglishLabels()))
	if len(info.nodes) != 90 {
		t.Errorf("Contoso SVG has %d nodes, want 90", len(info.nodes))
	}
	if len(info.edges) != len(l.Edges) {
		t.Errorf("Contoso SVG has %d edges, want %d", len(info.edges), len(l.Edges))
	}
}

func TestSVGNodes(t *testing.T) {
	d := hostile()
	r := licensing.Compute(d)
	l := diagram.Layered(diagram.Accounts(d, r), diagram.Options{})
	b := export.SVG(d, r, l, export.EnglishLabels())
	info := checkSVG(t, d, b)
	for _, raw := range []string{"<script>", "<b>", "]]>", `"best"`, "& Jerry"} {
		if bytes.Contains(b, []byte(raw)) {
			t.Errorf("SVG contains %q unescaped", raw)
		}
	}
	tests := []struct {
		i           int
		title, name string
	}{
		{0, `<script>alert("x")</script>, Auto attendant, +14255550100: Free license`, `<script>alert("x")</scr…`},
		// Nested without a number under the 2024 rule; the name is cut after 23 characters.
		{1, `Tom & Jerry's "best" ]]> menu, Call queue: No resource account needed`, `Tom & Jerry's "best" ]]…`},
		// Line breaks and tabs become spaces.
		{4, "line 1 line 2  line 3 line 4 tab, Call queue: Free license", "line 1 line 2  line 3 l…"},
		// Invalid UTF-8, NUL and U+FFFE become U+FFFD or a space.
		{7, "bad \uFFFD  bytes \uFFFD and a name longer than twenty-four characters, Call queue: Free license", "bad \uFFFD  bytes \uFFFD and a na…"},
	}
	for _, tc := range tests {
		if info.titles[tc.i] != tc.title {
			t.Errorf("node %d title = %q, want %q", tc.i, info.titles[tc.i], tc.title)
		}
		if info.names[tc.i] != tc.name {
			t.Errorf("node %d name = %q, want %q", tc.i, info.names[tc.i], tc.name)
		}
	}
	for i, p := range r.Accounts {
		if got := info.nodes[i]["data-plan"]; got != p.Planned.String() {
			t.Errorf("node %d data-plan = %q, want %q", i, got, p.Planned)
		}
		if got, want := info.nodes[i]["class"], "node plan-"+p.Planned.String(); got != want {
			t.Errorf("node %d class = %q, want %q", i, got, want)
		}
	}
}

func TestSVGEdgesAndLayout(t *testing.T) {
	d := loop()
	r := licensing.Compute(d)
	l := diagram.Layered(diagram.Accounts(d, r), diagram.Options{})
	info := checkSVG(t, d, export.SVG(d, r, l, export.EnglishLabels()))
	if len(info.edges) != len(l.Edges) {
		t.Fatalf("SVG has %d edges, want %d", len(info.edges), len(l.Edges))
	}
	for i, e := range l.Edges {
		if back := strings.Contains(info.edges[i], "edge-back"); back != e.Back {
			t.Errorf("edge %d→%d: class %q, back = %v", e.From, e.To, info.edges[i], e.Back)
		}
	}
	// A layout that does not fit the document is recomputed.
	for _, bad := range []diagram.Layout{{}, docLayout()} {
		got := export.SVG(d, r, bad, export.EnglishLabels())
		if !bytes.Equal(got, export.SVG(d, r, l, export.EnglishLabels())) {
			t.Errorf("SVG with a layout of %d nodes differs from the SVG with the right layout", len(bad.Nodes))
		}
	}
}

// docLayout is the layout of the documentation's diagram.
func docLayout() diagram.Layout {
	d := examples.DocDiagram()
	return diagram.Layered(diagram.Accounts(d, licensing.Compute(d)), diagram.Options{})
}

func TestSVGLabels(t *testing.T) {
	d := examples.DocDiagram()
	labels := export.Labels{PlanFree: "GRATUITA", PlanNone: "NESSUNA LICENZA", Title: "Account risorsa", LegendFree: "Licenza gratuita"}
	b := export.SVG(d, nil, diagram.Layout{}, labels)
	checkSVG(t, d, b)
	for _, want := range []string{">GRATUITA<", ">NESSUNA LICENZA<", "<title>Account risorsa</title>", ">Licenza gratuita<", ">PAID<"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

// mermaidLine matches every line Mermaid may write; labels hold no quote and
// no line break.
var mermaidLine = regexp.MustCompile(`^(flowchart TD` +
	`|  pstn\(\("([^"\n]*)"\)\)` +
	`|  n\d+\["([^"\n]*)"\]` +
	`|  n\d+\(\["([^"\n]*)"\]\)` +
	`|  (pstn|n\d+) --> n\d+` +
	`|  classDef (entry|free|paid|nolicense|noaccount) [a-z0-9:#,\- ]+` +
	`|  class (pstn|n\d+(,n\d+)*) (entry|free|paid|nolicense|noaccount))$`)

// mermaidEntity matches the entity codes the labels may hold.
var mermaidEntity = regexp.MustCompile(`#(quot|lt|gt|amp|\d+);`)

// checkMermaid checks the shape of every line, and that each label holds
// nothing Mermaid or HTML would read but <br/> and entity codes.
func checkMermaid(t *testing.T, m string) {
	t.Helper()
	if !strings.HasSuffix(m, "\n") {
		t.Errorf("Mermaid output does not end with a line break")
	}
	for _, line := range strings.Split(strings.TrimSuffix(m, "\n"), "\n") {
		sub := mermaidLine.FindStringSubmatch(line)
		if sub == nil {
			t.Errorf("bad Mermaid line %q", line)
			continue
		}
		label := sub[2] + sub[3] + sub[4]
		rest := mermaidEntity.ReplaceAllString(strings.ReplaceAll(label, "<br/>", ""), "")
		if i := strings.IndexAny(rest, "\"<>#&%:`\r\n\u2028\u2029"); i >= 0 {
			t.Errorf("Mermaid label %q holds %q", label, rest[i:])
		}
	}
}

func TestMermaid(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.doc()
			m := export.Mermaid(d, nil, export.EnglishLabels())
			checkMermaid(t, m)
			if m2 := export.Mermaid(d, nil, export.EnglishLabels()); m2 != m {
				t.Error("Mermaid is not deterministic")
			}
			nodes := strings.Count(m, `["`)
			if nodes != len(d.Accounts) {
				t.Errorf("Mermaid has %d account nodes, want %d", nodes, len(d.Accounts))
			}
		})
	}
}

func TestMermaidLabels(t *testing.T) {
	tests := []struct {
		name, label string
	}{
		{`Sales`, `Sales`},
		{`"quoted"`, `#quot;quoted#quot;`},
		{`<b>bold</b>`, `#lt;b#gt;bold#lt;/b#gt;`},
		{`a --> b`, `a --#gt; b`},
		{`end`, `end`},
		{`%% comment`, `#37;#37; comment`},
		{"two\nlines\r\nthree", `two lines  three`},
		{"`code`", `#96;code#96;`},
		{`#quot; & #35;`, `#35;quot; #amp; #35;35;`},
		{`style:#fff;`, `style#58;#35;fff;`},
		{"ﬂ°lt¶ß", `#64258;°lt#182;ß`},
		{"bad \xff byte", "bad \uFFFD byte"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &scenario.Document{Accounts: []scenario.Account{{ID: "x", Name: tc.name, Type: scenario.AutoAttendant}}}
			m := export.Mermaid(d, nil, export.EnglishLabels())
			want := "  n0[\"" + tc.label + "<br/>AA<br/>NO LICENSE\"]\n"
			if !strings.Contains(m, want) {
				t.Errorf("Mermaid =\n%s\nwant the line %q", m, want)
			}
			checkMermaid(t, m)
		})
	}
}

func TestMermaidEntry(t *testing.T) {
	d := examples.DocDiagram()
	m := export.Mermaid(d, nil, export.EnglishLabels())
	for _, want := range []string{"  pstn((\"PSTN\"))\n", "  pstn --> n0\n", "  pstn --> n2\n", "  pstn --> n4\n", "  class pstn entry\n"} {
		if !strings.Contains(m, want) {
			t.Errorf("Mermaid lacks %q", want)
		}
	}
	if strings.Contains(m, "pstn --> n1") {
		t.Error("the PSTN routes to an account without a number")
	}
	labels := export.EnglishLabels()
	labels.NoEntry = true
	if m := export.Mermaid(d, nil, labels); strings.Contains(m, "pstn") {
		t.Errorf("NoEntry still draws the entry:\n%s", m)
	}
	labels = export.Labels{Entry: `Rete "fissa"`}
	if m := export.Mermaid(d, nil, labels); !strings.Contains(m, "  pstn((\"Rete #quot;fissa#quot;\"))\n") {
		t.Errorf("entry label not escaped:\n%s", m)
	}
	noNumbers := &scenario.Document{Accounts: []scenario.Account{{ID: "a", Type: scenario.CallQueue}}}
	if m := export.Mermaid(noNumbers, nil, export.EnglishLabels()); strings.Contains(m, "pstn") {
		t.Errorf("an entry with no numbered account:\n%s", m)
	}
}

func TestMermaidRoutes(t *testing.T) {
	m := export.Mermaid(loop(), nil, export.EnglishLabels())
	var edges []string
	for _, line := range strings.Split(m, "\n") {
		if strings.Contains(line, "-->") {
			edges = append(edges, strings.TrimSpace(line))
		}
	}
	// Repeated routes and the route to an unknown id are left out; the loop
	// and the self-loop stay.
	want := []string{"pstn --> n0", "n0 --> n1", "n1 --> n2", "n1 --> n1", "n2 --> n0"}
	if strings.Join(edges, "; ") != strings.Join(want, "; ") {
		t.Errorf("edges = %q, want %q", edges, want)
	}
}

func TestEmpty(t *testing.T) {
	for _, d := range []*scenario.Document{nil, {}} {
		if m := export.Mermaid(d, nil, export.Labels{}); m != "flowchart TD\n" {
			t.Errorf("Mermaid of an empty scenario = %q", m)
		}
		b := export.SVG(d, nil, diagram.Layout{}, export.Labels{})
		checkSVG(t, &scenario.Document{}, b)
		if !bytes.Contains(b, []byte(">No auto attendant or call queue.<")) {
			t.Errorf("empty SVG does not say it is empty:\n%s", b)
		}
	}
}

// TestRandomNames is a property test: whatever the names, ids and numbers,
// the SVG parses with one node per account, the CSV parses with each cell
// either as it was or neutralised, and no Mermaid label holds a quote or a
// line break.
func TestRandomNames(t *testing.T) {
	pieces := []string{
		"a", "Z", "0", " ", "\"", "'", "<", ">", "&", ";", "#", "%", ":", "`", "]]>", "<![CDATA[", "-->", "end", "graph",
		"\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\xff", "\xc3", "é", "€", "😀", "\u2028", "\u2029", "\uFEFF", "\uFFFE",
		"ﬂ°", "¶ß", "=", "+", "-", "@", "<br/>", "#quot;", "&amp;", "%%{init:", "}%%", "[", "]", "(", ")", "{", "}", "|",
	}
	rng := rand.New(rand.NewPCG(2024, 11))
	text := func(max int) string {
		var b strings.Builder
		for n := rng.IntN(max + 1); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	types := []scenario.AccountType{scenario.AutoAttendant, scenario.CallQueue, "", "weird"}
	for iter := 0; iter < 300; iter++ {
		d := &scenario.Document{Edition: scenario.Editions[rng.IntN(len(scenario.Editions))],
			Subscriptions: []scenario.Subscription{{SKU: "SPE_E5", Units: int64(rng.IntN(3))}}}
		n := rng.IntN(8)
		for i := 0; i < n; i++ {
			a := scenario.Account{ID: text(3), Name: text(12), Type: types[rng.IntN(len(types))], UPN: text(4)}
			if rng.IntN(2) == 0 {
				a.PhoneNumber = text(3)
			} else if rng.IntN(2) == 0 {
				a.PhoneNumber = fmt.Sprintf("+%d", rng.Int64())
			}
			d.Accounts = append(d.Accounts, a)
		}
		for i := range d.Accounts {
			for k := rng.IntN(3); k > 0 && n > 0; k-- {
				d.Accounts[i].RoutesTo = append(d.Accounts[i].RoutesTo, d.Accounts[rng.IntN(n)].ID)
			}
		}
		r := licensing.Compute(d)
		l := diagram.Layered(diagram.Accounts(d, r), diagram.Options{})

		checkSVG(t, d, export.SVG(d, r, l, export.EnglishLabels()))
		checkMermaid(t, export.Mermaid(d, r, export.EnglishLabels()))

		recs := readCSV(t, export.CSV(d, r, export.EnglishLabels()))
		if len(recs) != n+1 {
			t.Fatalf("CSV has %d records, want %d", len(recs), n+1)
		}
		for i, a := range d.Accounts {
			for col, in := range map[int]string{0: a.ID, 1: a.Name, 3: a.UPN, 4: a.PhoneNumber} {
				got := recs[i+1][col]
				if strings.ContainsAny(got, "\r\n") || strings.ContainsAny(in, "\r\n") {
					continue // encoding/csv rewrites line ends inside cells
				}
				in = strings.ReplaceAll(strings.ToValidUTF8(in, "\uFFFD"), "\x00", "\uFFFD")
				if got != in && got != "'"+in {
					t.Errorf("cell %q became %q", in, got)
				}
				if got != "" && strings.ContainsRune("=+-@\t\r", rune(got[0])) && !(col == 4 && regexp.MustCompile(`^\+[0-9]+$`).MatchString(got)) {
					t.Errorf("cell %q starts a formula", got)
				}
			}
		}
		if t.Failed() {
			t.Fatalf("failed on document %#v", d)
		}
	}
}
