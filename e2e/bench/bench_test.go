//go:build !js

package main

import (
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/licensing"
)

func TestParseBench(t *testing.T) {
	out := `goos: linux
goarch: amd64
pkg: github.com/raplanner/raplanner/app/licensing
cpu: Some CPU @ 2.0GHz
BenchmarkCompute/1000-2         	   10000	    104527 ns/op	       104.5 ns/account	   98426 B/op	      14 allocs/op
BenchmarkCompute/1000-2         	   10000	    204527 ns/op	       204.5 ns/account	   98426 B/op	      14 allocs/op
BenchmarkCompute/100000-2       	      87	  13452118 ns/op	       134.5 ns/account	 9830553 B/op	      22 allocs/op
PASS
ok  	github.com/raplanner/raplanner/app/licensing	3.1s
pkg: github.com/raplanner/raplanner/app/diagram
BenchmarkLayered/n=300-2        	     500	   2000000 ns/op	  500000 B/op	    3000 allocs/op
FAIL: go test -bench BenchmarkLayered
`
	lines, cpu, fails := parseBench(strings.NewReader(out))
	if cpu != "Some CPU @ 2.0GHz" || len(lines) != 4 || len(fails) != 1 {
		t.Fatalf("cpu %q, %d lines, failures %q", cpu, len(lines), fails)
	}
	res := bestRuns(lines)
	if len(res) != 3 || res[0].Runs != 2 || res[0].Metrics["ns/op"] != 104527 {
		t.Fatalf("bestRuns = %+v", res)
	}
	big, ok := findBench(res, "BenchmarkCompute/100000")
	if !ok || big.N != 87 || big.Metrics["ns/op"] != 13452118 || big.Metrics["ns/account"] != 134.5 || big.Metrics["allocs/op"] != 22 {
		t.Errorf("BenchmarkCompute/100000 = %+v", big)
	}
	if res[2].Pkg != "github.com/raplanner/raplanner/app/diagram" || unitsOf(res[2].Name) != 300 {
		t.Errorf("Layered = %+v, size %d", res[2], unitsOf(res[2].Name))
	}
}

func TestHistoryRows(t *testing.T) {
	prev := "# x\n\n" + historyHeading + "\n\ntext\n\n| date | a |\n| --- | ---: |\n| d1 | 1 |\n| d2 | 2 |\n"
	got := historyRows(prev)
	if len(got) != 2 || got[0] != "| d1 | 1 |" || got[1] != "| d2 | 2 |" {
		t.Errorf("historyRows = %q", got)
	}
	if historyRows("no history") != nil {
		t.Error("rows from a report without history")
	}
	// A report written by report() reads back with its new line.
	r := &run{}
	rep := r.report([]string{"| old |"})
	if rows := historyRows(rep); len(rows) != 2 || rows[0] != "| old |" {
		t.Errorf("history of a new report = %q", rows)
	}
	if len(r.failed()) == 0 {
		t.Error("an empty run passes its budgets")
	}
}

func TestSummarize(t *testing.T) {
	if s := summarize([]float64{5, 1, 3}); s.Median != 3 || s.Min != 1 || s.Max != 5 {
		t.Errorf("odd: %+v", s)
	}
	if s := summarize([]float64{4, 1, 3, 2}); s.Median != 2.5 {
		t.Errorf("even: %+v", s)
	}
}

func TestTenantAndEdits(t *testing.T) {
	for _, n := range []int{10, 300, 3000} {
		d := tenant(n)
		if err := d.Validate(); err != nil {
			t.Fatalf("tenant(%d): %v", n, err)
		}
		if len(d.Accounts) != n {
			t.Fatalf("tenant(%d) has %d accounts", n, len(d.Accounts))
		}
		es := edits(d, 24)
		prev := licensing.Compute(d).Qualifying
		moved := false
		for _, e := range es {
			if e.Qualifying == prev {
				t.Fatalf("tenant(%d): an edit to %d units leaves qualifying at %d", n, e.Units, prev)
			}
			prev = e.Qualifying
			moved = moved || e.Free != es[0].Free
		}
		if n >= 300 && !moved {
			t.Errorf("tenant(%d): the edits never change the free assignments", n)
		}
	}
}
