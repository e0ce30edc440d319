package powershell

import (
	"strconv"
	"strings"

	"github.com/raplanner/raplanner/app/scenario"
)

// Import is what an administrator imported, as the decoders return it. Any
// part may be empty.
type Import struct {
	// Subscriptions, from ParseSubscribedSkus.
	Subscriptions []scenario.Subscription
	// Accounts, from ParseApplicationInstances. Their RoutesTo is ignored:
	// routes come from Flows.
	Accounts []scenario.Account
	// ObjectIDs maps resource account ObjectIds to the ids of Accounts, from
	// ParseApplicationInstances.
	ObjectIDs map[string]string
	// Flows, from ParseAutoAttendants and ParseCallQueues (see JoinFlows).
	Flows Flows
}

// Preview lists what Merge added, changed and ignored, for the user to
// review before keeping the merged document.
type Preview struct {
	// Added lists the subscriptions and accounts added.
	Added []Change
	// Changed lists each changed field of a subscription or account.
	Changed []Change
	// Ignored lists what was not imported, each with its reason.
	Ignored []Change
}

// The things a Change is about.
const (
	WhatSubscription = "subscription"
	WhatAccount      = "account"
	WhatRoute        = "route"
)

// Change is one entry of a Preview.
type Change struct {
	// What is WhatSubscription, WhatAccount or WhatRoute.
	What string
	// Key is the subscription's SKU or the account's id (in the merged
	// document); for an ignored route, where it was found.
	Key string
	// Name is the account's name, if any.
	Name string
	// Field names the changed field, as in the scenario's JSON: "units",
	// "name", "type", "upn", "phoneNumber" or "routesTo".
	Field string
	// Old and New are the field's values before and after, as text.
	Old, New string
	// Reason says why an item was ignored, or what an added one is.
	Reason string
}

// String describes the change on one line.
func (c Change) String() string {
	var b strings.Builder
	b.WriteString(c.What)
	if c.Key != "" {
		b.WriteString(" " + c.Key)
	}
	if c.Name != "" && c.Name != c.Key {
		b.WriteString(" (" + strconv.Quote(c.Name) + ")")
	}
	if c.Field != "" {
		b.WriteString(": " + c.Field + " " + orNone(c.Old) + " → " + orNone(c.New))
	} else if c.New != "" {
		b.WriteString(": " + c.New)
	}
	if c.Reason != "" {
		b.WriteString(": " + c.Reason)
	}
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// Empty reports whether the merge added and changed nothing.
func (p Preview) Empty() bool {
	return len(p.Added) == 0 && len(p.Changed) == 0
}

// String lists the preview one change a line: "+ " added, "~ " changed,
// "- " ignored.
func (p Preview) String() string {
	var b strings.Builder
	for _, l := range []struct {
		mark string
		cs   []Change
	}{{"+ ", p.Added}, {"~ ", p.Changed}, {"- ", p.Ignored}} {
		for _, c := range l.cs {
			b.WriteString(l.mark + c.String() + "\n")
		}
	}
	return b.String()
}

// Merge folds in into a copy of current and returns the copy and what
// changed. current is not modified (nil is an empty scenario), and nothing
// of in is shared with the result.
//
//   - Subscriptions: an imported SKU replaces the units of the same SKU
//     (case-insensitive) or is added. Subscriptions not imported are kept.
//   - Accounts: an imported account updates the account with the same UPN
//     (case-insensitive), else the account with the same id that has no
//     UPN: its name (when the import has one), type, UPN (when it had none)
//     and phone number (an imported account without a number clears it: the
//     import is the tenant as it is). Its id and license are kept. Other
//     imported accounts are added, with a unique id.
//   - Routes: each account that is a resource account of an imported auto
//     attendant or call queue gets the routesTo that Flows.Routes finds for
//     it; other accounts keep theirs. An auto attendant or call queue that
//     has no resource account at all (it is reached only directly) is added
//     as an account without UPN, so that its routes are part of the plan.
//
// Anything that is not valid for the scenario is ignored, with its reason in
// the preview. When current passes Validate, so does the result.
func Merge(current *scenario.Document, in Import) (*scenario.Document, Preview) {
	d := current.Clone()
	if d == nil {
		d = &scenario.Document{}
	}
	d.Format = scenario.Format
	if d.Subscriptions == nil {
		d.Subscriptions = []scenario.Subscription{}
	}
	if d.Accounts == nil {
		d.Accounts = []scenario.Account{}
	}
	m := merger{d: d, idMap: make(map[string]string), matched: make(map[int]bool), taken: make(map[string]bool),
		byUPN: make(map[string]int), byID: make(map[string]int)}
	for i, a := range d.Accounts {
		m.index(i, a)
	}
	m.subscriptions(in.Subscriptions)
	for _, a := range in.Accounts {
		m.account(a)
	}
	if len(in.Flows.VoiceApps) > 0 {
		m.routes(in)
	}
	return d, m.p
}

type merger struct {
	d       *scenario.Document
	p       Preview
	idMap   map[string]string // imported id → id in d
	matched map[int]bool      // indexes of d.Accounts already updated by the import
	taken   map[string]bool   // ids in d
	byUPN   map[string]int    // lower-case UPN → index in d.Accounts
	byID    map[string]int    // id → index in d.Accounts
}

func (m *merger) index(i int, a scenario.Account) {
	m.taken[a.ID] = true
	if _, dup := m.byID[a.ID]; !dup {
		m.byID[a.ID] = i
	}
	if a.UPN != "" {
		if _, dup := m.byUPN[strings.ToLower(a.UPN)]; !dup {
			m.byUPN[strings.ToLower(a.UPN)] = i
		}
	}
}

func (m *merger) ignore(what, key, name, reason string) {
	m.p.Ignored = append(m.p.Ignored, Change{What: what, Key: key, Name: name, Reason: reason})
}

func (m *merger) subscriptions(subs []scenario.Subscription) {
	seen := make(map[string]bool)
	for _, s := range subs {
		sku, err := scenario.NormalizeSKU(s.SKU)
		if err != nil {
			m.ignore(WhatSubscription, s.SKU, "", "SKU "+err.Error())
			continue
		}
		if err := scenario.ValidateUnits(s.Units); err != nil {
			m.ignore(WhatSubscription, sku, "", "units "+err.Error())
			continue
		}
		if seen[strings.ToUpper(sku)] {
			m.ignore(WhatSubscription, sku, "", "listed twice in the import; the first is used")
			continue
		}
		seen[strings.ToUpper(sku)] = true
		found := false
		for i := range m.d.Subscriptions {
			cur := &m.d.Subscriptions[i]
			if !strings.EqualFold(cur.SKU, sku) {
				continue
			}
			found = true
			if cur.Units != s.Units {
				m.p.Changed = append(m.p.Changed, Change{What: WhatSubscription, Key: cur.SKU, Field: "units",
					Old: strconv.FormatInt(cur.Units, 10), New: strconv.FormatInt(s.Units, 10)})
				cur.Units = s.Units
			}
			break
		}
		if found {
			continue
		}
		if len(m.d.Subscriptions) >= scenario.MaxSubscriptions {
			m.ignore(WhatSubscription, sku, "", "the plan already has the most subscriptions it can hold")
			continue
		}
		m.d.Subscriptions = append(m.d.Subscriptions, scenario.Subscription{SKU: sku, Units: s.Units})
		m.p.Added = append(m.p.Added, Change{What: WhatSubscription, Key: sku, New: strconv.FormatInt(s.Units, 10) + " units"})
	}
}

// account merges one imported account.
func (m *merger) account(a scenario.Account) {
	label := a.ID
	if a.UPN != "" {
		label = a.UPN
	}
	if !a.Type.Valid() {
		m.ignore(WhatAccount, label, a.Name, "its type "+strconv.Quote(string(a.Type))+" is neither auto-attendant nor call-queue")
		return
	}
	upn, err := scenario.NormalizeUPN(a.UPN)
	if err != nil {
		m.ignore(WhatAccount, label, a.Name, "UPN "+err.Error())
		return
	}
	phone, err := scenario.NormalizePhoneNumber(a.PhoneNumber)
	if err != nil {
		m.ignore(WhatAccount, label, a.Name, "phone number "+err.Error())
		return
	}
	name, _ := cleanName(a.Name, scenario.MaxNameLength)
	if scenario.ValidateName(a.Name) == nil && strings.ToValidUTF8(a.Name, "") == a.Name {
		name = a.Name
	}
	if a.ID != "" {
		if _, dup := m.idMap[a.ID]; dup {
			m.ignore(WhatAccount, label, name, "its id "+strconv.Quote(a.ID)+" is listed twice in the import")
			return
		}
	}
	j := -1
	if upn != "" {
		if k, ok := m.byUPN[strings.ToLower(upn)]; ok {
			j = k
		}
	}
	if j < 0 && scenario.ValidID(a.ID) {
		if k, ok := m.byID[a.ID]; ok && m.d.Accounts[k].UPN == "" {
			j = k
		}
	}
	if j >= 0 && m.matched[j] {
		m.ignore(WhatAccount, label, name, "account "+m.d.Accounts[j].ID+" was already updated by an earlier imported account")
		return
	}
	if j >= 0 {
		m.matched[j] = true
		cur := &m.d.Accounts[j]
		if a.ID != "" {
			m.idMap[a.ID] = cur.ID
		}
		if name != "" && name != cur.Name {
			m.changed(cur, "name", cur.Name, name)
			cur.Name = name
		}
		if a.Type != cur.Type {
			m.changed(cur, "type", string(cur.Type), string(a.Type))
			cur.Type = a.Type
		}
		if cur.UPN == "" && upn != "" {
			m.changed(cur, "upn", "", upn)
			cur.UPN = upn
			m.byUPN[strings.ToLower(upn)] = j
		}
		if phone != cur.PhoneNumber {
			m.changed(cur, "phoneNumber", cur.PhoneNumber, phone)
			cur.PhoneNumber = phone
		}
		return
	}
	if len(m.d.Accounts) >= scenario.MaxAccounts {
		m.ignore(WhatAccount, label, name, "the plan already has the most accounts it can hold")
		return
	}
	base := ""
	if scenario.ValidID(a.ID) {
		base = a.ID
	} else if upn != "" {
		local, _, _ := strings.Cut(upn, "@")
		base = idFrom(local)
	}
	if base == "" {
		base = idFrom(name)
	}
	if base == "" {
		base = "ra"
	}
	id := uniqueID(base, func(s string) bool { return m.taken[s] })
	lic := a.License
	if lic != "" && !lic.Valid() {
		lic = ""
	}
	na := scenario.Account{ID: id, Name: name, Type: a.Type, UPN: upn, PhoneNumber: phone, License: lic}
	m.d.Accounts = append(m.d.Accounts, na)
	m.index(len(m.d.Accounts)-1, na)
	m.matched[len(m.d.Accounts)-1] = true
	if a.ID != "" {
		m.idMap[a.ID] = id
	}
	m.p.Added = append(m.p.Added, Change{What: WhatAccount, Key: id, Name: name, New: describeAccount(na)})
}

func (m *merger) changed(a *scenario.Account, field, old, new string) {
	m.p.Changed = append(m.p.Changed, Change{What: WhatAccount, Key: a.ID, Name: a.Name, Field: field, Old: old, New: new})
}

// describeAccount says what an added account is: "call queue, ra@x, +1…".
func describeAccount(a scenario.Account) string {
	parts := []string{typeName(a.Type)}
	if a.UPN != "" {
		parts = append(parts, a.UPN)
	}
	if a.PhoneNumber != "" {
		parts = append(parts, a.PhoneNumber)
	}
	return strings.Join(parts, ", ")
}

func typeName(t scenario.AccountType) string {
	if t == scenario.CallQueue {
		return "call queue"
	}
	return "auto attendant"
}

// routes fills routesTo from the imported flows.
func (m *merger) routes(in Import) {
	ids := make(map[string]string)
	for oid, imported := range in.ObjectIDs {
		if id, ok := m.idMap[imported]; ok {
			ids[normalizeGUID(oid)] = id
		}
	}
	for _, v := range in.Flows.VoiceApps {
		if !v.InstancesListed || len(v.ResourceAccounts) > 0 || v.Identity == "" || !v.Type.Valid() {
			continue
		}
		if _, done := ids[v.Identity]; done {
			continue
		}
		if id, ok := m.voiceAppWithoutAccount(v); ok {
			ids[v.Identity] = id
		}
	}
	routes, notes := in.Flows.Routes(ids)
	for _, n := range notes {
		m.ignore(WhatRoute, n.Path, "", n.Message)
	}
	for i := range m.d.Accounts {
		a := &m.d.Accounts[i]
		r, ok := routes[a.ID]
		if !ok {
			continue
		}
		var next []string
		for _, to := range r {
			if to != a.ID && scenario.ValidID(to) {
				next = append(next, to)
			}
		}
		if strings.Join(next, "\x00") != strings.Join(a.RoutesTo, "\x00") {
			m.changed(a, "routesTo", strings.Join(a.RoutesTo, ", "), strings.Join(next, ", "))
			a.RoutesTo = next
		}
	}
}

// voiceAppWithoutAccount finds or adds the account of an auto attendant or
// call queue that has no resource account.
func (m *merger) voiceAppWithoutAccount(v VoiceApp) (string, bool) {
	name, _ := cleanName(v.Name, scenario.MaxNameLength)
	base := idFrom(name)
	if base == "" {
		base = idFrom(v.Identity)
	}
	if base == "" {
		base = "voice-app"
	}
	if k, ok := m.byID[base]; ok && m.d.Accounts[k].UPN == "" && !m.matched[k] {
		m.matched[k] = true
		cur := &m.d.Accounts[k]
		if name != "" && name != cur.Name {
			m.changed(cur, "name", cur.Name, name)
			cur.Name = name
		}
		if v.Type != cur.Type {
			m.changed(cur, "type", string(cur.Type), string(v.Type))
			cur.Type = v.Type
		}
		return cur.ID, true
	}
	if len(m.d.Accounts) >= scenario.MaxAccounts {
		m.ignore(WhatAccount, base, name, "the plan already has the most accounts it can hold")
		return "", false
	}
	id := uniqueID(base, func(s string) bool { return m.taken[s] })
	na := scenario.Account{ID: id, Name: name, Type: v.Type}
	m.d.Accounts = append(m.d.Accounts, na)
	m.index(len(m.d.Accounts)-1, na)
	m.matched[len(m.d.Accounts)-1] = true
	m.p.Added = append(m.p.Added, Change{What: WhatAccount, Key: id, Name: name,
		New: typeName(v.Type), Reason: "it has no resource account: it is reached only directly"})
	return id, true
}
