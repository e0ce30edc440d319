package powershell

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		in   string
		want Source
	}{
		{`{"format":"ra-planner/v1","accounts":[]}`, SourceScenario},
		{`[{"SkuPartNumber":"SPE_E5","PrepaidUnits":{"Enabled":600}}]`, SourceSubscribedSkus},
		{`{"value":[{"skuPartNumber":"MCOEV"}]}`, SourceSubscribedSkus},
		{`[{"ObjectId":"1","UserPrincipalName":"a@b.c","ApplicationId":"ce933385-9390-45d1-9512-c8d228074e07"}]`, SourceApplicationInstances},
		{"#TYPE x\r\n\"ObjectId\",\"UserPrincipalName\",\"ApplicationId\",\"PhoneNumber\"\r\n", SourceApplicationInstances},
		{`{"Identity":"x","DefaultCallFlow":{"Menu":{"MenuOptions":[]}}}`, SourceAutoAttendants},
		{`[{"Identity":"x","RoutingMethod":"Attendant","OverflowThreshold":50}]`, SourceCallQueues},
		{`{"hello":"world"}`, SourceUnknown},
		{``, SourceUnknown},
	}
	// Windows PowerShell 5.1's Out-File writes UTF-16 with a byte order mark.
	utf16 := []byte{0xFF, 0xFE}
	for _, c := range `[{"SkuPartNumber":"MCOEV"}]` {
		utf16 = append(utf16, byte(c), 0)
	}
	if got := Detect(utf16); got != SourceSubscribedSkus {
		t.Errorf("UTF-16 Get-MgSubscribedSku output detected as %q", got)
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.in)); got != tt.want {
			t.Errorf("Detect(%.40q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDetectFixtures checks that the hand-built fixtures of every decoder
// are recognised as what they are.
func TestDetectFixtures(t *testing.T) {
	dirs := map[string]Source{
		"skus":           SourceSubscribedSkus,
		"instances":      SourceApplicationInstances,
		"autoattendants": SourceAutoAttendants,
		"callqueues":     SourceCallQueues,
	}
	for dir, want := range dirs {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if got := Detect(data); got != want {
				t.Errorf("%s detected as %q, want %q", f, got, want)
			}
		}
	}
}
