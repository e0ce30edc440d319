//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
)

// sizes are the byte counts of one app.wasm.
type sizes struct {
	Raw    int64
	Gzip   int64 // compress/gzip at BestCompression (gzip -9)
	Brotli int64 // brotli -q 11, or -1 when the brotli CLI is missing or fails
}

// measureSizes reads the wasm file at path and compresses it.
func measureSizes(path string) (sizes, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return sizes{}, err
	}
	s := sizes{Raw: int64(len(b)), Brotli: -1}
	var cw countWriter
	zw, err := gzip.NewWriterLevel(&cw, gzip.BestCompression)
	if err != nil {
		return sizes{}, err
	}
	if _, err := zw.Write(b); err != nil {
		return sizes{}, err
	}
	if err := zw.Close(); err != nil {
		return sizes{}, err
	}
	s.Gzip = cw.n
	if exe, err := exec.LookPath("brotli"); err == nil {
		var out countWriter
		var stderr bytes.Buffer
		cmd := exec.Command(exe, "-c", "-q", "11", path)
		cmd.Stdout, cmd.Stderr = &out, &stderr
		if err := cmd.Run(); err != nil {
			// Brotli is informative only: say so and report n/a.
			fmt.Fprintf(os.Stderr, "bench: brotli %s: %v: %s (reported as n/a)\n", path, err, bytes.TrimSpace(stderr.Bytes()))
		} else {
			s.Brotli = out.n
		}
	}
	return s, nil
}

// countWriter counts the bytes written to it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
