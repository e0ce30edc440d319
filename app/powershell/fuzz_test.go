package powershell_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

// addSeeds adds every fixture in testdata/dir and a few odd inputs.
func addSeeds(f *testing.F, dir string) {
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no fixtures in %s: %v", dir, err)
	}
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		// Compact JSON seeds: smaller inputs minimize faster, which leaves
		// more of a short fuzzing run for new inputs.
		var compact bytes.Buffer
		if json.Compact(&compact, b) == nil {
			b = compact.Bytes()
		}
		f.Add(b)
	}
	f.Add(utf16LE(`[{"SkuPartNumber":"MCOEV","PrepaidUnits":{"Enabled":7},"ObjectId":"x","ApplicationId":"y","Identity":"z"}]`, true))
	for _, s := range []string{"", "{}", "[]", "null", "[null]", `{"value":[]}`, `{"value":{}}`, "[1,\"x\",[],{}]",
		"WARNING: x\n[{", "#TYPE x\n", "\xEF\xBB\xBF[", "\xFF\xFE[\x00", "a,b\n\"", `[{"ObjectId":"x"}]{"a":`} {
		f.Add([]byte(s))
	}
}

// checkNotesShape checks the notes of any decoder: at most MaxNotes and a summary.
func checkNotesShape(t *testing.T, notes []powershell.Note) {
	t.Helper()
	if len(notes) > powershell.MaxNotes+1 {
		t.Fatalf("%d notes", len(notes))
	}
	for _, n := range notes {
		if n.Message == "" {
			t.Fatalf("a note without a message: %+v", n)
		}
	}
}

func FuzzParseSubscribedSkus(f *testing.F) {
	addSeeds(f, "skus")
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, notes, err := powershell.ParseSubscribedSkus(data)
		if err != nil {
			if subs != nil {
				t.Fatal("subscriptions and an error")
			}
			return
		}
		checkNotesShape(t, notes)
		checkValid(t, &scenario.Document{Subscriptions: subs})
		got, _ := powershell.Merge(examples.Default(), powershell.Import{Subscriptions: subs})
		checkValid(t, got)
	})
}

func FuzzParseApplicationInstances(f *testing.F) {
	addSeeds(f, "instances")
	f.Fuzz(func(t *testing.T, data []byte) {
		accts, objectIDs, notes, err := powershell.ParseApplicationInstances(data)
		if err != nil {
			if accts != nil {
				t.Fatal("accounts and an error")
			}
			return
		}
		checkNotesShape(t, notes)
		checkValid(t, &scenario.Document{Accounts: accts})
		ids := map[string]bool{}
		for _, a := range accts {
			ids[a.ID] = true
		}
		for oid, id := range objectIDs {
			if !ids[id] {
				t.Fatalf("ObjectId %q maps to %q, which is no account", oid, id)
			}
		}
		got, _ := powershell.Merge(examples.Default(), powershell.Import{Accounts: accts, ObjectIDs: objectIDs, Flows: contosoFlows(t)})
		checkValid(t, got)
		_ = powershell.Script(got, licensing.Compute(got), powershell.ScriptOptions{})
	})
}

// fuzzFlows checks flows from any input: routes resolve to known ids only
// and merge into a valid document.
func fuzzFlows(t *testing.T, fl powershell.Flows, notes []powershell.Note) {
	checkNotesShape(t, notes)
	accts, objectIDs, _, err := powershell.ParseApplicationInstances(readFixture(t, "instances/array.json"))
	if err != nil {
		t.Fatal(err)
	}
	routes, _ := fl.Routes(objectIDs)
	known := map[string]bool{}
	for _, id := range objectIDs {
		known[id] = true
	}
	for from, to := range routes {
		if !known[from] {
			t.Fatalf("routes from unknown %q", from)
		}
		for _, id := range to {
			if !known[id] || id == from {
				t.Fatalf("%q routes to %q", from, id)
			}
		}
	}
	got, _ := powershell.Merge(nil, powershell.Import{Accounts: accts, ObjectIDs: objectIDs, Flows: fl})
	checkValid(t, got)
	got, _ = powershell.Merge(examples.Default(), powershell.Import{Flows: fl})
	checkValid(t, got)
}

func FuzzParseAutoAttendants(f *testing.F) {
	addSeeds(f, "autoattendants")
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, notes, err := powershell.ParseAutoAttendants(data)
		if err != nil {
			if fl.VoiceApps != nil {
				t.Fatal("voice apps and an error")
			}
			return
		}
		for _, v := range fl.VoiceApps {
			if v.Type != scenario.AutoAttendant {
				t.Fatalf("type %q", v.Type)
			}
		}
		fuzzFlows(t, fl, notes)
	})
}

func FuzzParseCallQueues(f *testing.F) {
	addSeeds(f, "callqueues")
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, notes, err := powershell.ParseCallQueues(data)
		if err != nil {
			if fl.VoiceApps != nil {
				t.Fatal("voice apps and an error")
			}
			return
		}
		for _, v := range fl.VoiceApps {
			if v.Type != scenario.CallQueue {
				t.Fatalf("type %q", v.Type)
			}
		}
		fuzzFlows(t, fl, notes)
	})
}
