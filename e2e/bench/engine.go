//go:build !js

package main

import (
	"bufio"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// benchResult is one line of `go test -bench` output.
type benchResult struct {
	Pkg     string             // the "pkg:" line above it
	Name    string             // without the -GOMAXPROCS suffix: "BenchmarkCompute/1000"
	N       int64              // iterations
	Runs    int                // lines folded into it (bestRuns)
	Metrics map[string]float64 // unit → value: "ns/op", "B/op", "allocs/op", "ns/account"
}

var procSuffix = regexp.MustCompile(`-\d+$`)

// parseBench reads `go test -bench` output: the benchmark lines, the cpu
// line, and the lines that say a package failed.
func parseBench(r io.Reader) (results []benchResult, cpu string, failures []string) {
	sc := bufio.NewScanner(r)
	pkg := ""
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "pkg: "):
			pkg = strings.TrimPrefix(line, "pkg: ")
			continue
		case strings.HasPrefix(line, "cpu: "):
			cpu = strings.TrimPrefix(line, "cpu: ")
			continue
		case strings.HasPrefix(line, "FAIL"), strings.HasPrefix(line, "--- FAIL"), strings.HasPrefix(line, "panic:"):
			failures = append(failures, line)
			continue
		case !strings.HasPrefix(line, "Benchmark"):
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || len(f)%2 != 0 {
			continue
		}
		n, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			continue
		}
		res := benchResult{Pkg: pkg, Name: procSuffix.ReplaceAllString(f[0], ""), N: n, Metrics: map[string]float64{}}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			res.Metrics[f[i+1]] = v
		}
		results = append(results, res)
	}
	return results, cpu, failures
}

// bestRuns folds the repeated lines of a -count run into one result per
// benchmark, in first-seen order: the line with the least ns/op (noise from
// other work on the machine only ever adds time), with Runs the number of
// lines.
func bestRuns(results []benchResult) []benchResult {
	var out []benchResult
	at := map[string]int{}
	for _, r := range results {
		i, ok := at[r.Name]
		if !ok {
			at[r.Name] = len(out)
			r.Runs = 1
			out = append(out, r)
			continue
		}
		runs := out[i].Runs + 1
		if ns, ok := r.Metrics["ns/op"]; ok && ns < out[i].Metrics["ns/op"] {
			out[i] = r
		}
		out[i].Runs = runs
	}
	return out
}

// findBench returns the result named name, or false.
func findBench(results []benchResult, name string) (benchResult, bool) {
	for _, r := range results {
		if r.Name == name {
			return r, true
		}
	}
	return benchResult{}, false
}

// unitsOf returns the size n of a sub-benchmark named ".../1000" or
// ".../n=300", or 0.
func unitsOf(name string) int64 {
	i := strings.LastIndexByte(name, '/')
	if i < 0 {
		return 0
	}
	s := strings.TrimPrefix(name[i+1:], "n=")
	n, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 64)
	if err != nil {
		return 0
	}
	return n
}
