package export_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/diagram"
	"github.com/raplanner/raplanner/app/export"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
	"github.com/raplanner/raplanner/app/scenario/scenariotest"
)

// exportDocument makes a scenario document from the fuzzer's bytes: the one
// they encode when scenario.Decode accepts them, else one built from them,
// whose ids, names, UPNs and phone numbers are any bytes at all (the export
// functions promise to cope with any document, not only valid ones).
func exportDocument(data []byte) *scenario.Document {
	if d, err := scenario.Decode(data); err == nil {
		return d
	}
	types := []scenario.AccountType{scenario.AutoAttendant, scenario.CallQueue, "", "weird"}
	licenses := []scenario.License{"", scenario.NoLicense, scenario.VirtualUser, scenario.PhoneSystem}
	b := scenariotest.Bytes(data)
	d := &scenario.Document{
		Format:        scenario.Format,
		Edition:       []scenario.Edition{"", scenario.VirtualUser2020, scenario.ResourceAccount2022, scenario.ResourceAccount2024}[b.Next()%4],
		Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: int64(b.Next() % 40)}},
	}
	n := b.Next() % 12
	for i := range n {
		f := b.Next()
		a := scenario.Account{ID: fmt.Sprint("a", i), Type: types[f%4], License: licenses[(f>>2)%4]}
		if f&0x10 != 0 {
			a.ID = b.Text()
		}
		if f&0x20 != 0 {
			a.Name = b.Text()
		}
		switch f >> 6 {
		case 1:
			a.PhoneNumber = fmt.Sprintf("+1425555%04d", i)
		case 2:
			a.PhoneNumber = b.Text()
		case 3:
			a.UPN = b.Text()
		}
		d.Accounts = append(d.Accounts, a)
	}
	for i := range d.Accounts {
		for range b.Next() % 4 {
			switch c := b.Next(); {
			case c == 255:
				d.Accounts[i].RoutesTo = append(d.Accounts[i].RoutesTo, "ghost")
			default:
				d.Accounts[i].RoutesTo = append(d.Accounts[i].RoutesTo, d.Accounts[c%n].ID)
			}
		}
	}
	return d
}

func FuzzExport(f *testing.F) {
	f.Add([]byte(`{"accounts":[{"id":"a","name":"<b>\"M\" & 'c'","type":"auto-attendant","phoneNumber":"+1425","routesTo":["a","b","x"]},{"id":"b","name":"=1+2","type":"call-queue","upn":"@b@c","routesTo":["a"]}]}`), "", false)
	f.Add([]byte{3, 7, 3, 0x61, 5, 'a', '<', 'b', '>', 'c', 0x31, 4, '%', '%', '{', 'i', 0x92, 3, '+', '=', '1', 1, 0, 2, 1, 255}, "#quot; <br/> %%{init: x}%%", true)
	f.Add([]byte{1, 9, 2, 0xF3, 3, 0xff, 0xfe, 0x00, 4, '\n', '\r', '\t', 'x', 3, 0xe2, 0x80, 0xa8, 0x20, 2, 'e', 'n', 1, 1}, "=cmd|' /C calc'!A0\x00\xff", false)
	f.Fuzz(func(t *testing.T, data []byte, label string, noEntry bool) {
		d := exportDocument(data)
		r := licensing.Compute(d)
		lb := export.EnglishLabels()
		if label != "" {
			for _, p := range []*string{&lb.ColumnName, &lb.ColumnWhy, &lb.AutoAttendantShort, &lb.CallQueue, &lb.PlanFree, &lb.PlanPaid,
				&lb.PlanNone, &lb.PlanNoAccount, &lb.LegendBack, &lb.WhyPhoneNumber, &lb.WhyNoNumber, &lb.Title, &lb.Empty, &lb.Entry} {
				*p = label
			}
		}
		lb.NoEntry = noEntry

		// CSV: parses, one record per account, cells as they were or
		// neutralised, none that a spreadsheet would run.
		csvData := export.CSV(d, r, lb)
		if !bytes.Equal(csvData, export.CSV(d, r, lb)) {
			t.Fatal("CSV is not deterministic")
		}
		recs := readCSV(t, csvData)
		if len(recs) != len(d.Accounts)+1 {
			t.Fatalf("CSV has %d records for %d accounts", len(recs), len(d.Accounts))
		}
		checkCell(t, "header", 1, lb.ColumnName, recs[0][1])
		for i, a := range d.Accounts {
			for col, in := range map[int]string{0: a.ID, 1: a.Name, 3: a.UPN, 4: a.PhoneNumber} {
				checkCell(t, fmt.Sprint("account ", i), col, in, recs[i+1][col])
			}
			if recs[i+1][6] != r.Accounts[i].Planned.String() {
				t.Fatalf("account %d: CSV plans %q, the engine %q", i, recs[i+1][6], r.Accounts[i].Planned)
			}
		}

		// SVG: parses as XML, a node per account, and nothing but the
		// elements and attributes SVG writes: no text turned into markup.
		l := diagram.Layered(diagram.Accounts(d, r), diagram.Options{})
		svg := export.SVG(d, r, l, lb)
		if !bytes.Equal(svg, export.SVG(d, r, l, lb)) {
			t.Fatal("SVG is not deterministic")
		}
		checkFuzzSVG(t, d, svg)
		// A layout of another document: SVG lays the accounts out itself.
		checkFuzzSVG(t, d, export.SVG(d, nil, diagram.Layout{}, lb))

		// Mermaid: every line has the shape Mermaid reads, labels quoted.
		m := export.Mermaid(d, r, lb)
		if m != export.Mermaid(d, r, lb) {
			t.Fatal("Mermaid is not deterministic")
		}
		checkMermaid(t, m)
		if nodes := len(mermaidNode.FindAllString(m, -1)); nodes != len(d.Accounts) {
			t.Fatalf("Mermaid has %d account nodes for %d accounts", nodes, len(d.Accounts))
		}
		if t.Failed() {
			t.Fatalf("failed on the document %#v with the label %q", d, label)
		}
	})
}

// checkCell checks that a CSV cell holds what was written, made valid
// UTF-8 without NUL, and with an apostrophe before what a spreadsheet would
// read as a formula (a phone number in E.164 form excepted).
func checkCell(t *testing.T, row string, col int, in, got string) {
	t.Helper()
	if got != "" && strings.ContainsRune("=+-@\t\r", rune(got[0])) && !(col == 4 && e164.MatchString(got)) {
		t.Fatalf("%s, column %d: the cell %q starts a formula", row, col, got)
	}
	if strings.ContainsAny(got, "\r\n") || strings.ContainsAny(in, "\r\n") {
		return // encoding/csv rewrites line ends inside cells
	}
	in = strings.ReplaceAll(strings.ToValidUTF8(in, "\uFFFD"), "\x00", "\uFFFD")
	if got != in && got != "'"+in {
		t.Fatalf("%s, column %d: the cell %q became %q", row, col, in, got)
	}
}

var (
	e164        = regexp.MustCompile(`^\+[0-9]+$`)
	mermaidNode = regexp.MustCompile(`(?m)^  n\d+(\["|\(\[")`)
)

// svgElements and svgAttributes are all SVG writes.
var (
	svgElements   = map[string]bool{"svg": true, "title": true, "style": true, "defs": true, "marker": true, "path": true, "rect": true, "g": true, "text": true}
	svgAttributes = map[string]bool{"xmlns": true, "class": true, "width": true, "height": true, "viewBox": true, "id": true, "refX": true, "refY": true,
		"markerWidth": true, "markerHeight": true, "orient": true, "d": true, "fill": true, "marker-end": true, "data-account": true, "data-plan": true,
		"transform": true, "rx": true, "x": true, "y": true, "text-anchor": true}
)

// checkFuzzSVG checks that b parses as XML (strict), that it holds only
// the elements and attributes SVG writes, one <g data-account> per account
// with the account's id, and no number that is not finite.
func checkFuzzSVG(t *testing.T, d *scenario.Document, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	var ids []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse as XML: %v\n%s", err, b)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !svgElements[el.Name.Local] {
			t.Fatalf("SVG holds a <%s> element\n%s", el.Name.Local, b)
		}
		for _, a := range el.Attr {
			if !svgAttributes[a.Name.Local] || a.Name.Space != "" && a.Name.Local != "xmlns" {
				t.Fatalf("SVG holds an attribute %s:%s\n%s", a.Name.Space, a.Name.Local, b)
			}
			switch a.Name.Local {
			case "d", "transform", "x", "y", "width", "height", "viewBox":
				if strings.Contains(a.Value, "NaN") || strings.Contains(a.Value, "Inf") {
					t.Fatalf("SVG attribute %s=%q", a.Name.Local, a.Value)
				}
			case "data-account":
				ids = append(ids, a.Value)
			}
		}
	}
	if len(ids) != len(d.Accounts) {
		t.Fatalf("SVG has %d nodes for %d accounts", len(ids), len(d.Accounts))
	}
	for i, id := range ids {
		if id != xmlClean(d.Accounts[i].ID) {
			t.Fatalf("node %d has data-account %q, want %q", i, id, d.Accounts[i].ID)
		}
	}
}
