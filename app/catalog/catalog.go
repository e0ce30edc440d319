// Package catalog knows the Microsoft 365 SKUs that matter for resource
// account licensing: their display names, skuIds, and whether their units
// count toward the free Virtual User (Resource Account) allotment.
package catalog

import (
	"sort"
	"strings"
)

// Kind classifies a SKU by what it means for resource account licensing.
type Kind int

// The kinds of SKU.
const (
	// Unknown is a SKU the catalog does not know; it is never counted.
	Unknown Kind = iota
	// PhoneSystemUser is a user license that includes Phone System (the MCOEV
	// service plan), either on its own (Teams Phone Standard) or in a suite
	// (Microsoft 365 E5, Office 365 E5, Business Voice).
	PhoneSystemUser
	// SharedDevice is Teams Shared Devices: it carries Phone System and counts
	// toward the allotment from the 2022 rule on, not under the 2020 text.
	SharedDevice
	// Rooms is a Teams Rooms license: it carries Phone System but no
	// Microsoft document counts it toward the allotment, so RA Planner does not.
	Rooms
	// ResourceAccount is the Teams Phone Resource Account license, formerly
	// Phone System – Virtual User: the license resource accounts receive.
	ResourceAccount
	// NoPhoneSystem is a suite without Phone System (E1, E3): it needs the
	// Phone System add-on, whose units are what count.
	NoPhoneSystem
)

// SKU describes one subscription product.
type SKU struct {
	// PartNumber is the skuPartNumber, as Get-MgSubscribedSku returns it.
	PartNumber string
	// ID is the skuId (a GUID).
	ID string
	// Name is the product name Microsoft uses in its documentation.
	Name string
	// Kind says what the SKU means for resource account licensing.
	Kind Kind
	// Note names a short remark the page shows next to the SKU ("add-on",
	// "formerly-phone-system"…), worded in the page's language; or empty.
	Note string
}

// IncludesPhoneSystem reports whether units of the SKU carry the Phone System
// service plan (MCOEV and its variants).
func (s SKU) IncludesPhoneSystem() bool {
	return s.Kind == PhoneSystemUser || s.Kind == SharedDevice || s.Kind == Rooms
}

// The skuPartNumbers the planner refers to by name.
const (
	// VirtualUserPartNumber is the Teams Phone Resource Account license,
	// formerly Microsoft 365 Phone System – Virtual User.
	VirtualUserPartNumber = "PHONESYSTEM_VIRTUALUSER"
	// PhoneSystemPartNumber is Teams Phone Standard, formerly Phone System.
	PhoneSystemPartNumber = "MCOEV"
)

// skus is the catalog, in the order a picker shows it: the licenses a
// resource account receives first, then Phone System, then suites.
var skus = []SKU{
	{VirtualUserPartNumber, "440eaaa8-b3e0-484b-a8be-62870b9ba70a", "Microsoft Teams Phone Resource Account", ResourceAccount, "formerly-virtual-user"},
	{"PHONESYSTEM_VIRTUALUSER_GOV", "2cf22bcb-0c9e-4bc6-8daf-7e7654c0f285", "Microsoft Teams Phone Resource Account for GCC", ResourceAccount, ""},
	{"PHONESYSTEM_VIRTUALUSER_FACULTY", "0e142028-345e-45da-8d92-8bfd4093bbb9", "Microsoft Teams Phone Resource Account for Faculty", ResourceAccount, ""},
	{PhoneSystemPartNumber, "e43b5b99-8dfb-405f-9987-dc307f34bcbd", "Microsoft Teams Phone Standard", PhoneSystemUser, "formerly-phone-system"},
	{"MCOTEAMS_ESSENTIALS", "ae2343d1-0999-43f6-ae18-d816516f6e78", "Teams Phone with Calling Plan", PhoneSystemUser, ""},
	{"MCOCAP", "295a8eb0-f78d-45c7-8b5b-1eed5ed02dff", "Microsoft Teams Shared Devices", SharedDevice, "counts-from-2022"},
	{"SPE_E5", "06ebc4ee-1bb5-47dd-8120-11324bc54e06", "Microsoft 365 E5", PhoneSystemUser, "includes-phone-system"},
	{"ENTERPRISEPREMIUM", "c7df2760-2c81-4ef7-b578-5b5392b571df", "Office 365 E5", PhoneSystemUser, "includes-phone-system"},
	{"BUSINESS_VOICE_MED2", "a6051f20-9cbc-47d2-930d-419183bf6cf1", "Microsoft 365 Business Voice", PhoneSystemUser, "no-longer-sold"},
	{"BUSINESS_VOICE_DIRECTROUTING", "d52db95a-5ecb-46b6-beb0-190ab5cda4a8", "Microsoft 365 Business Voice (without Calling Plan)", PhoneSystemUser, ""},
	{"SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965", "Microsoft 365 E3", NoPhoneSystem, "add-on"},
	{"ENTERPRISEPACK", "6fd2c87f-b296-42f0-b197-1e91e994b900", "Office 365 E3", NoPhoneSystem, "add-on"},
	{"STANDARDPACK", "18181a46-0d4e-45cd-891e-60aabd171b4e", "Office 365 E1", NoPhoneSystem, "add-on"},
	// Other suites that carry the MCOEV service plan. Their skuIds are not
	// needed by the planner and are left empty.
	{"SPE_E5_NOPSTNCONF", "", "Microsoft 365 E5 (without Audio Conferencing)", PhoneSystemUser, "includes-phone-system"},
	{"SPE_E5_CALLINGMINUTES", "", "Microsoft 365 E5 with Calling Minutes", PhoneSystemUser, "includes-phone-system"},
	{"ENTERPRISEPREMIUM_NOPSTNCONF", "", "Office 365 E5 (without Audio Conferencing)", PhoneSystemUser, "includes-phone-system"},
	{"M365EDU_A5_FACULTY", "", "Microsoft 365 A5 for Faculty", PhoneSystemUser, "includes-phone-system"},
	{"M365EDU_A5_STUDENT", "", "Microsoft 365 A5 for Students", PhoneSystemUser, "includes-phone-system"},
	{"ENTERPRISEPREMIUM_FACULTY", "", "Office 365 A5 for Faculty", PhoneSystemUser, "includes-phone-system"},
	{"ENTERPRISEPREMIUM_STUDENT", "", "Office 365 A5 for Students", PhoneSystemUser, "includes-phone-system"},
	{"M365_G5_GCC", "", "Microsoft 365 G5 GCC", PhoneSystemUser, "includes-phone-system"},
	{"ENTERPRISEPREMIUM_GOV", "", "Office 365 G5 GCC", PhoneSystemUser, "includes-phone-system"},
	{"MCOEV_GOV", "", "Microsoft Teams Phone Standard for GCC", PhoneSystemUser, ""},
	{"Microsoft_Teams_Rooms_Pro", "", "Microsoft Teams Rooms Pro", Rooms, "rooms-not-counted"},
	{"MEETING_ROOM", "", "Microsoft Teams Rooms Standard", Rooms, "rooms-not-counted"},
	{"MTR_PREM", "", "Teams Rooms Premium", Rooms, "rooms-not-counted"},
}

var byPartNumber = func() map[string]int {
	m := make(map[string]int, len(skus))
	for i, s := range skus {
		m[strings.ToUpper(s.PartNumber)] = i
	}
	return m
}()

// Lookup returns the SKU with the given skuPartNumber (case-insensitive,
// surrounding spaces ignored) and whether the catalog knows it. An unknown
// part number comes back as a SKU of Kind Unknown named after itself.
func Lookup(partNumber string) (SKU, bool) {
	p := strings.TrimSpace(partNumber)
	if i, ok := byPartNumber[strings.ToUpper(p)]; ok {
		return skus[i], true
	}
	return SKU{PartNumber: p, Name: p, Kind: Unknown}, false
}

// All returns every SKU of the catalog, in picker order. The slice is a copy.
func All() []SKU {
	return append([]SKU(nil), skus...)
}

// Search returns the SKUs whose part number or name contains every word of
// query (case-insensitive), in picker order. An empty query returns All.
func Search(query string) []SKU {
	words := strings.Fields(strings.ToLower(query))
	var out []SKU
	for _, s := range skus {
		hay := strings.ToLower(s.PartNumber + " " + s.Name + " " + s.Note)
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, s)
		}
	}
	return out
}

// PartNumbers returns every known skuPartNumber, sorted.
func PartNumbers() []string {
	out := make([]string, len(skus))
	for i, s := range skus {
		out[i] = s.PartNumber
	}
	sort.Strings(out)
	return out
}
