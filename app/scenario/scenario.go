// Package scenario defines the RA Planner scenario document (format
// "ra-planner/v1"): a tenant's subscriptions and its auto attendants and call
// queues with the resource accounts behind them. Links, files, autosave and the
// licensing engine all share this one document.
package scenario

// Format is the value of the "format" field of every document this package writes.
const Format = "ra-planner/v1"

// Limits beyond which a document is rejected as absurd.
const (
	// MaxUnits is the largest unit count accepted for one subscription.
	MaxUnits = 10_000_000
	// MaxAccounts is the largest number of accounts accepted in one document.
	MaxAccounts = 100_000
	// MaxNameLength is the longest account name accepted, in characters.
	MaxNameLength = 256
	// MaxSubscriptions is the largest number of subscription rows accepted.
	MaxSubscriptions = 1_000
	// MaxMonthlyPrice is the largest price per license and month accepted.
	MaxMonthlyPrice = 1_000_000
)

// Edition names the licensing rule a plan is computed under.
type Edition string

// The editions of the resource account licensing rule.
const (
	// VirtualUser2020 is the "Microsoft 365 Phone System – Virtual User" rule
	// (July 2019 – August 2022): only resource accounts with a phone number need
	// a license; a shortfall is covered with paid Phone System licenses.
	VirtualUser2020 Edition = "virtual-user-2020"
	// ResourceAccount2022 is the "Teams Phone Resource Account" rule (30 August
	// 2022 – November 2024): every resource account needs a license; a shortfall
	// is covered with paid Resource Account licenses.
	ResourceAccount2022 Edition = "resource-account-2022"
	// ResourceAccount2024 is the rule in force since November 2024: every
	// resource account is licensed, but nested auto attendants and call queues
	// that answer no calls directly need no resource account at all.
	ResourceAccount2024 Edition = "resource-account-2024"
)

// DefaultEdition is the edition of a document that names none.
const DefaultEdition = VirtualUser2020

// Editions lists every edition, oldest first.
var Editions = []Edition{VirtualUser2020, ResourceAccount2022, ResourceAccount2024}

// Valid reports whether e is one of Editions.
func (e Edition) Valid() bool {
	for _, x := range Editions {
		if e == x {
			return true
		}
	}
	return false
}

// AccountType says whether an account is an auto attendant or a call queue.
type AccountType string

// The account types.
const (
	AutoAttendant AccountType = "auto-attendant"
	CallQueue     AccountType = "call-queue"
)

// License is the license a resource account holds today.
type License string

// The licenses a resource account can hold.
const (
	// NoLicense is the default: the account holds no license.
	NoLicense License = "none"
	// VirtualUser is the free Phone System – Virtual User license, since renamed
	// Teams Phone Resource Account (SKU PHONESYSTEM_VIRTUALUSER).
	VirtualUser License = "virtual-user"
	// PhoneSystem is a paid Phone System (Teams Phone Standard) user license.
	PhoneSystem License = "phone-system"
)

// Document is one tenant scenario. The zero value is an empty 2020 scenario.
type Document struct {
	Format        string         `json:"format"`
	Edition       Edition        `json:"edition,omitempty"`
	Subscriptions []Subscription `json:"subscriptions"`
	Accounts      []Account      `json:"accounts"`
	Price         *Price         `json:"price,omitempty"`
}

// Subscription is a number of purchased units of one SKU.
type Subscription struct {
	// SKU is the skuPartNumber, such as "SPE_E5" or "PHONESYSTEM_VIRTUALUSER".
	SKU string `json:"sku"`
	// Units is the number of purchased (prepaid, enabled) units.
	Units int64 `json:"units"`
	// Includes declares, for a SKU the catalog does not know, what its
	// service plans make it; empty for catalog SKUs and for unknown SKUs
	// that do not matter. The catalog wins for the SKUs it knows.
	Includes Includes `json:"includes,omitempty"`
}

// Includes says what an unknown SKU's service plans make it.
type Includes string

// The declarations an unknown SKU can carry.
const (
	// IncludesPhoneSystem: the SKU includes Phone System (service plan MCOEV,
	// MCOEV_GOV or MCOEVSMB), so its units count toward the free licenses.
	IncludesPhoneSystem Includes = "phone-system"
	// IncludesResourceAccount: the SKU is a resource account license
	// (service plan MCOEV_VIRTUALUSER or MCOEV_VIRTUALUSER_GOV).
	IncludesResourceAccount Includes = "resource-account"
)

// Valid reports whether i is empty or one of the declarations.
func (i Includes) Valid() bool {
	return i == "" || i == IncludesPhoneSystem || i == IncludesResourceAccount
}

// Account is an auto attendant or call queue and the resource account behind it.
type Account struct {
	// ID identifies the account within the document: [A-Za-z0-9_.-]{1,64}.
	ID string `json:"id"`
	// Name is the display name, any text up to MaxNameLength characters.
	Name string `json:"name,omitempty"`
	// Type is AutoAttendant or CallQueue.
	Type AccountType `json:"type"`
	// UPN is the resource account's user principal name, if known.
	UPN string `json:"upn,omitempty"`
	// PhoneNumber is the number assigned to the resource account in E.164
	// form ("+14255550100"), or empty.
	PhoneNumber string `json:"phoneNumber,omitempty"`
	// License is the license the resource account holds today; empty means NoLicense.
	License License `json:"license,omitempty"`
	// RoutesTo lists the ids of the accounts this one transfers calls to.
	RoutesTo []string `json:"routesTo,omitempty"`
}

// Price is the user's own figure for one paid license per month.
type Price struct {
	Monthly  float64 `json:"monthly"`
	Currency string  `json:"currency,omitempty"`
}

// EditionOrDefault returns the document's edition, or DefaultEdition when it names none.
func (d *Document) EditionOrDefault() Edition {
	if d.Edition == "" {
		return DefaultEdition
	}
	return d.Edition
}

// LicenseOrDefault returns the account's license, or NoLicense when it names none.
func (a *Account) LicenseOrDefault() License {
	if a.License == "" {
		return NoLicense
	}
	return a.License
}
