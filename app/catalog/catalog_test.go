package catalog

import (
	"fmt"
	"regexp"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		in       string
		known    bool
		kind     Kind
		phoneSys bool
	}{
		{"SPE_E5", true, PhoneSystemUser, true},
		{" spe_e5 ", true, PhoneSystemUser, true},
		{"MCOEV", true, PhoneSystemUser, true},
		{"MCOTEAMS_ESSENTIALS", true, PhoneSystemUser, true},
		{"MCOCAP", true, SharedDevice, true},
		{"PHONESYSTEM_VIRTUALUSER", true, ResourceAccount, false},
		{"SPE_E3", true, NoPhoneSystem, false},
		{"Microsoft_Teams_Rooms_Pro", true, Rooms, true},
		{"CONTOSO_CUSTOM", false, Unknown, false},
		{"", false, Unknown, false},
	}
	for _, tt := range tests {
		s, ok := Lookup(tt.in)
		if ok != tt.known || s.Kind != tt.kind || s.IncludesPhoneSystem() != tt.phoneSys {
			t.Errorf("Lookup(%q) = %+v, %v; want known=%v kind=%v phoneSystem=%v", tt.in, s, ok, tt.known, tt.kind, tt.phoneSys)
		}
	}
}

func TestCatalogIntegrity(t *testing.T) {
	guid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for _, s := range All() {
		if seen[s.PartNumber] {
			t.Errorf("%s listed twice", s.PartNumber)
		}
		seen[s.PartNumber] = true
		if s.ID != "" && !guid.MatchString(s.ID) {
			t.Errorf("%s: skuId %q is not a GUID", s.PartNumber, s.ID)
		}
		if s.Name == "" {
			t.Errorf("%s has no name", s.PartNumber)
		}
	}
	// The SKUs named in the domain notes' table must carry their skuId.
	for _, p := range []string{"PHONESYSTEM_VIRTUALUSER", "MCOEV", "MCOTEAMS_ESSENTIALS", "MCOCAP", "SPE_E5", "ENTERPRISEPREMIUM", "SPE_E3", "ENTERPRISEPACK", "STANDARDPACK"} {
		if s, _ := Lookup(p); s.ID == "" {
			t.Errorf("%s has no skuId", p)
		}
	}
}

func TestSearch(t *testing.T) {
	tests := []struct {
		q    string
		want string // a part number that must be in the result
		n    int    // exact count, or -1
	}{
		{"", "SPE_E5", len(All())},
		{"virtual user", "PHONESYSTEM_VIRTUALUSER", -1},
		{"e5 office", "ENTERPRISEPREMIUM", -1},
		{"mcoev", "MCOEV", -1},
		{"no such product", "", 0},
	}
	for _, tt := range tests {
		got := Search(tt.q)
		if tt.n >= 0 && len(got) != tt.n {
			t.Errorf("Search(%q) returned %d SKUs, want %d", tt.q, len(got), tt.n)
		}
		if tt.want != "" {
			found := false
			for _, s := range got {
				found = found || s.PartNumber == tt.want
			}
			if !found {
				t.Errorf("Search(%q) lacks %s", tt.q, tt.want)
			}
		}
	}
}

func ExampleLookup() {
	s, ok := Lookup("SPE_E5")
	fmt.Println(s.Name, ok, s.IncludesPhoneSystem())
	// Output: Microsoft 365 E5 true true
}
