package powershell

import (
	"fmt"
	"strings"

	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// ScriptFileName is the file name the script's instructions use.
const ScriptFileName = "ra-plan.ps1"

// DefaultUsageLocation is the usage location Script sets when
// ScriptOptions.UsageLocation is empty.
const DefaultUsageLocation = "US"

// GraphScopes are the Microsoft Graph permissions the script asks for:
// Set-MgUserLicense, Update-MgUser and Get-MgUser need User.ReadWrite.All,
// Get-MgSubscribedSku needs Organization.Read.All.
var GraphScopes = []string{"User.ReadWrite.All", "Organization.Read.All"}

// ScriptOptions tunes Script.
type ScriptOptions struct {
	// Date, when not empty, is written in the header as the date of the
	// plan, such as "2025-06-01". It is left out by default, so that the
	// same plan always gives the same script.
	Date string
	// UsageLocation is the two-letter country code (ISO 3166) the script
	// sets on resource accounts that have no usage location before it
	// licenses them; DefaultUsageLocation when empty. A value that is not
	// two letters makes the script stop before it changes anything.
	UsageLocation string
}

// Script writes a PowerShell script that applies the plan r of document d to
// the tenant with Microsoft Graph PowerShell. r must be the plan of d
// (licensing.Compute(d)); when it is nil or belongs to another document,
// Script computes it.
//
// The script is a dry run unless it is run with -Apply: every change goes
// through one function that only prints it (like -WhatIf) unless -Apply is
// given, and the script stops at the first error. It signs in with
// Connect-MgGraph (GraphScopes), looks the SKUs up with Get-MgSubscribedSku
// and stops with a clear message when one is missing, then for each resource
// account whose license changes it sets the usage location where it is
// missing and makes exactly one Set-MgUserLicense call that adds the planned
// license and removes the held one together: the single license activity
// that Microsoft's documentation demands for switching a resource account
// from Phone System to Virtual User. Licenses are removed before others are
// added, so that freed units can be reused.
//
// Accounts whose license does not change, accounts without a UPN and
// accounts that need no resource account at all (2024 rule) are listed as
// comments only: the script never deletes a resource account.
//
// The script is plain ASCII, so that Windows PowerShell 5.1 reads it right
// whatever encoding the file is saved in. Names are user input: in comments
// they are reduced to printable ASCII, one line; where text reaches code it
// is a single-quoted literal with every quote character doubled and every
// other character outside printable ASCII written as [char]0x…, so that no
// name or UPN can ever run as code.
func Script(d *scenario.Document, r *licensing.Result, opt ScriptOptions) string {
	if d == nil {
		d = &scenario.Document{}
	}
	if r == nil || len(r.Accounts) != len(d.Accounts) {
		r = licensing.Compute(d)
	}
	g := newGenerator(d, r, opt)
	return g.script()
}

// change is the license change of one account.
type change struct {
	account scenario.Account
	plan    licensing.AccountPlan
	add     string // part number to add, or ""
	remove  string // part number to remove, or ""
}

// order sorts changes: removals first (they free units), then switches,
// then additions.
func (c change) order() int {
	switch {
	case c.add == "":
		return 0
	case c.remove != "":
		return 1
	}
	return 2
}

type generator struct {
	d        *scenario.Document
	r        *licensing.Result
	opt      ScriptOptions
	edition  scenario.Edition
	vuPart   string // the Virtual User (Resource Account) SKU of the tenant
	psPart   string // the Phone System SKU of the tenant
	usage    string
	usageBad bool
	kept     []string // comment lines: accounts whose license stays
	byHand   []string // comment lines: accounts the admin must handle
	changes  []change
	b        strings.Builder
}

func newGenerator(d *scenario.Document, r *licensing.Result, opt ScriptOptions) *generator {
	g := &generator{d: d, r: r, opt: opt, edition: r.Edition}
	if !g.edition.Valid() {
		g.edition = d.EditionOrDefault()
	}
	g.vuPart = tenantPart(d, catalog.ResourceAccount, catalog.VirtualUserPartNumber)
	g.psPart = tenantPart(d, catalog.PhoneSystemUser, catalog.PhoneSystemPartNumber, "MCOEV_GOV")
	g.usage = strings.ToUpper(strings.TrimSpace(opt.UsageLocation))
	if g.usage == "" {
		g.usage = DefaultUsageLocation
	}
	if len(g.usage) != 2 || !isUpper(g.usage[0]) || !isUpper(g.usage[1]) {
		g.usageBad = true // the script stops at once; see script
		g.usage = DefaultUsageLocation
	}
	g.plan()
	return g
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// tenantPart picks the part number the tenant uses for a license: def when
// the document lists it or lists no alternative, else the first alternative
// it lists (such as PHONESYSTEM_VIRTUALUSER_GOV). For Phone System only the
// given alternatives count, not every suite that includes it.
func tenantPart(d *scenario.Document, kind catalog.Kind, def string, alternatives ...string) string {
	var found []string
	for _, s := range d.Subscriptions {
		sku, known := catalog.Lookup(s.SKU)
		if !known || sku.Kind != kind {
			continue
		}
		if strings.EqualFold(sku.PartNumber, def) {
			return def
		}
		if kind == catalog.ResourceAccount {
			found = append(found, sku.PartNumber)
			continue
		}
		for _, a := range alternatives {
			if strings.EqualFold(sku.PartNumber, a) {
				found = append(found, sku.PartNumber)
			}
		}
	}
	if len(found) > 0 {
		return found[0]
	}
	return def
}

// held is the part number of the license an account holds.
func (g *generator) held(l scenario.License) string {
	switch l {
	case scenario.VirtualUser:
		return g.vuPart
	case scenario.PhoneSystem:
		return g.psPart
	}
	return ""
}

// planned is the part number of the license an account is planned to hold.
func (g *generator) planned(p licensing.Plan) string {
	switch p {
	case licensing.PlanFree:
		return g.vuPart
	case licensing.PlanPaid:
		if g.edition == scenario.VirtualUser2020 {
			return g.psPart
		}
		return g.vuPart
	}
	return ""
}

// licenseName names a license for people: "Virtual User (PHONESYSTEM_VIRTUALUSER)".
func (g *generator) licenseName(part string) string {
	switch part {
	case "":
		return "no license"
	case g.vuPart:
		if g.edition == scenario.VirtualUser2020 {
			return "Virtual User (" + part + ")"
		}
		return "Resource Account (" + part + ")"
	case g.psPart:
		return "Phone System (" + part + ")"
	}
	return part
}

// planName names a plan: the license and whether it is free or paid.
func (g *generator) planName(p licensing.AccountPlan) string {
	switch p.Planned {
	case licensing.PlanFree:
		return g.licenseName(g.planned(p.Planned)) + ", free"
	case licensing.PlanPaid:
		return g.licenseName(g.planned(p.Planned)) + ", paid"
	case licensing.PlanNoAccount:
		return "no resource account"
	}
	return "no license"
}

// why says why an account needs a license or not.
func why(p licensing.AccountPlan) string {
	switch p.Reason {
	case licensing.ReasonPhoneNumber:
		return "it has a phone number"
	case licensing.ReasonEveryAccount:
		return "every resource account is licensed"
	case licensing.ReasonEntryPoint:
		return "it answers calls directly"
	case licensing.ReasonNestedNoNumber:
		return "nested, no phone number"
	case licensing.ReasonNoNumber:
		return "no phone number"
	}
	return ""
}

// plan sorts the accounts into kept, by hand and changes.
func (g *generator) plan() {
	upns := make(map[string]string)
	for i, a := range g.d.Accounts {
		p := g.r.Accounts[i]
		who := commentText(a.Name)
		if a.UPN != "" {
			who += " (" + commentText(a.UPN) + ")"
		} else {
			who += " (id " + commentText(a.ID) + ")"
		}
		from, to := g.held(p.Holds()), g.planned(p.Planned)
		reason := why(p)
		if reason != "" {
			reason = "; " + reason
		}
		if a.UPN != "" {
			key := strings.ToLower(a.UPN)
			if first, dup := upns[key]; dup {
				g.byHand = append(g.byHand, "TODO "+who+": same UPN as account "+first+"; left alone; planned: "+g.planName(p))
				continue
			}
			upns[key] = commentText(a.ID)
		}
		switch {
		case p.Planned == licensing.PlanNoAccount:
			lic := ""
			if from != "" {
				lic = ", which frees its " + g.licenseName(from)
			}
			g.byHand = append(g.byHand,
				"BY HAND: "+who+" needs no resource account under this rule ("+strings.TrimPrefix(reason, "; ")+").",
				"  First make the auto attendants and call queues that transfer to it transfer to it directly",
				"  (to the "+typeName(a.Type)+" itself, not to its resource account), then remove the resource account"+lic+".")
		case from == to:
			g.kept = append(g.kept, who+": keeps "+g.keptName(p, from)+reason)
		case a.UPN == "":
			g.byHand = append(g.byHand, "TODO "+who+": no UPN in the scenario; planned: "+g.planName(p)+
				"; holds: "+g.licenseName(from)+reason)
		default:
			g.changes = append(g.changes, change{account: a, plan: p, add: to, remove: from})
		}
	}
	// Stable sort by order, keeping document order within each group.
	var sorted []change
	for o := 0; o < 3; o++ {
		for _, c := range g.changes {
			if c.order() == o {
				sorted = append(sorted, c)
			}
		}
	}
	g.changes = sorted
}

// keptName names the license an account keeps.
func (g *generator) keptName(p licensing.AccountPlan, part string) string {
	if part == "" {
		return "no license"
	}
	if p.Planned == licensing.PlanFree || p.Planned == licensing.PlanPaid {
		return g.planName(p)
	}
	return g.licenseName(part)
}

func (g *generator) line(s string) {
	g.b.WriteString(s)
	g.b.WriteString("\n")
}

func (g *generator) linef(format string, args ...any) {
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteString("\n")
}

// comment writes text as a comment line; text must already be safe (see
// commentText).
func (g *generator) comment(text string) {
	if text == "" {
		g.line("#")
		return
	}
	g.line("# " + text)
}

// editionTitle names an edition of the rule in the header.
func editionTitle(e scenario.Edition) string {
	switch e {
	case scenario.ResourceAccount2022:
		return "Teams Phone Resource Account rule, August 2022 - November 2024"
	case scenario.ResourceAccount2024:
		return "Teams Phone Resource Account rule, since November 2024"
	}
	return "Microsoft 365 Phone System - Virtual User rule, July 2019 - August 2022"
}

func (g *generator) script() string {
	g.header()
	g.line("param([switch]$Apply)")
	g.line("")
	g.line("$ErrorActionPreference = 'Stop'")
	g.line("Set-StrictMode -Version Latest")
	g.line("")
	if g.usageBad {
		g.linef("throw %s", psLiteral("RA Planner was given the usage location "+commentText(g.opt.UsageLocation)+
			", which is not a two-letter country code such as US. Make the script again with a valid one."))
		g.line("")
	}
	g.lists()
	if len(g.changes) == 0 {
		g.line("Write-Host 'Nothing to change: every resource account with a UPN already holds its planned license.'")
		g.reminder("")
		return g.b.String()
	}
	g.functions()
	g.connect()
	g.body()
	return g.b.String()
}

func (g *generator) header() {
	g.comment(ScriptFileName + " - generated by RA Planner: licenses for the resource accounts of")
	g.comment("Microsoft Teams auto attendants and call queues.")
	g.comment("Rule: " + editionTitle(g.edition) + " (" + string(g.edition) + ")")
	if date := commentText(g.opt.Date); g.opt.Date != "" && date != "" {
		g.comment("Plan of: " + date)
	}
	g.comment("")
	g.comment("What it does:")
	n := len(g.changes)
	g.comment(fmt.Sprintf("  - %d license %s. Each is ONE Set-MgUserLicense call that adds the new", n, plural(n, "change", "changes")))
	g.comment("    license and removes the old one together: Microsoft requires a resource account")
	g.comment("    to switch licenses in one license activity; two separate changes can break it.")
	g.comment("  - Before it adds a license it sets the usage location (" + commentText(g.usage) + ") where none is set.")
	g.comment("  - It creates, deletes and renumbers nothing, and stops at the first error.")
	if len(g.byHand) > 0 {
		g.comment("  - Some accounts need you: see the TODO and BY HAND comments below.")
	}
	g.comment("")
	g.comment("How to run it: PowerShell 7 or Windows PowerShell 5.1 with the Microsoft.Graph module")
	g.comment("(Install-Module Microsoft.Graph -Scope CurrentUser), signed in as a License")
	g.comment("Administrator or User Administrator:")
	g.comment("  .\\" + ScriptFileName + "          dry run: shows what it would change, changes nothing")
	g.comment("  .\\" + ScriptFileName + " -Apply   makes the changes")
	g.line("")
}

// lists writes the accounts that keep their license and those to handle by hand.
func (g *generator) lists() {
	if len(g.kept) > 0 {
		g.comment("Accounts whose license does not change:")
		for _, k := range g.kept {
			g.comment(k)
		}
		g.line("")
	}
	if len(g.byHand) > 0 {
		g.comment("To do by hand:")
		for _, k := range g.byHand {
			g.comment(k)
		}
		g.line("")
	}
}

func (g *generator) functions() {
	g.linef("$usageLocation = %s", psLiteral(g.usage))
	g.line("$script:planned = 0")
	g.line("$script:applied = 0")
	g.line("$finished = $false")
	g.line("")
	g.line(`# Start-Change counts a change and prints it. Without -Apply it changes nothing
# (a dry run, like -WhatIf) and returns $false; with -Apply it returns $true.
function Start-Change([string]$Description) {
    $script:planned++
    if (-not $Apply) {
        Write-Host "What if: $Description"
        return $false
    }
    Write-Host "Changing: $Description"
    return $true
}

# Complete-Change counts a change that was made.
function Complete-Change {
    $script:applied++
}

# Set-UsageLocationIfMissing sets the usage location of an account that has
# none: Microsoft 365 assigns no license without one.
function Set-UsageLocationIfMissing([string]$upn) {
    $current = (Get-MgUser -UserId $upn -Property UsageLocation).UsageLocation
    if (-not [string]::IsNullOrEmpty($current)) {
        return
    }
    if (Start-Change "set the usage location of $upn to $usageLocation") {
        Update-MgUser -UserId $upn -UsageLocation $usageLocation
        Complete-Change
    }
}

# Assert-FreeUnits warns (dry run) or stops (-Apply) when a subscription has
# fewer free units than this script assigns.
function Assert-FreeUnits($Sku, [int]$Add, [int]$Remove) {
    $free = $Sku.PrepaidUnits.Enabled - $Sku.ConsumedUnits + $Remove
    if ($free -ge $Add) {
        return
    }
    $message = "$($Sku.SkuPartNumber): this script assigns $Add, but only $free units are free. Buy more units first."
    if ($Apply) {
        throw $message
    }
    Write-Warning $message
}
`)
}

// skuVar is the script variable that holds a SKU.
func (g *generator) skuVar(part string) string {
	if part == g.psPart {
		return "$ps"
	}
	return "$vu"
}

func (g *generator) connect() {
	var scopes []string
	for _, s := range GraphScopes {
		scopes = append(scopes, psLiteral(s))
	}
	g.linef("Connect-MgGraph -Scopes %s -NoWelcome", strings.Join(scopes, ","))
	g.line("")
	g.line("$skus = Get-MgSubscribedSku -All")
	adds := map[string]int{}
	removes := map[string]int{}
	for _, c := range g.changes {
		if c.add != "" {
			adds[c.add]++
		}
		if c.remove != "" {
			removes[c.remove]++
		}
	}
	for _, part := range []string{g.vuPart, g.psPart} {
		if adds[part] == 0 && removes[part] == 0 {
			continue
		}
		v := g.skuVar(part)
		g.linef("%s = $skus | Where-Object SkuPartNumber -eq %s | Select-Object -First 1", v, psLiteral(part))
		g.linef("if (-not %s) {", v)
		g.linef("    throw %s", psLiteral(missingSKU(part, part == g.vuPart)))
		g.line("}")
	}
	for _, part := range []string{g.vuPart, g.psPart} {
		if adds[part] > 0 {
			g.linef("Assert-FreeUnits %s %d %d", g.skuVar(part), adds[part], removes[part])
		}
	}
	g.line("")
}

// missingSKU is the message the script stops with when the tenant lacks a SKU.
func missingSKU(part string, virtualUser bool) string {
	if virtualUser {
		return "This tenant has no " + part + " subscription (Microsoft Teams Phone Resource Account, formerly " +
			"Microsoft 365 Phone System - Virtual User). It costs nothing, but it must be bought first: Microsoft 365 " +
			"admin center > Billing > Purchase services > Add-ons > Microsoft Teams Phone Resource Account > Buy. Then run this script again."
	}
	return "This tenant has no " + part + " subscription (Microsoft Teams Phone Standard, formerly Phone System), " +
		"which this plan assigns or removes. Buy it in the Microsoft 365 admin center > Billing > Purchase services, " +
		"or check the plan's licenses. Then run this script again."
}

func (g *generator) body() {
	g.line("try {")
	for i, c := range g.changes {
		if i > 0 {
			g.line("")
		}
		a := c.account
		who := commentText(a.Name) + " (" + commentText(a.UPN) + ")"
		reason := why(c.plan)
		if reason != "" {
			reason = "; " + reason
		}
		g.linef("    # %s: %s -> %s%s", who, g.licenseName(c.remove), g.planName(c.plan), reason)
		upn := psLiteral(a.UPN)
		var what string
		switch {
		case c.add == "":
			what = "remove " + g.licenseName(c.remove)
		case c.remove == "":
			what = "add " + g.licenseName(c.add)
		default:
			what = "add " + g.licenseName(c.add) + " and remove " + g.licenseName(c.remove) + " in one license change"
		}
		if c.add != "" {
			g.linef("    Set-UsageLocationIfMissing %s", upn)
		}
		g.linef("    if (Start-Change %s) {", psLiteral(who+": "+what))
		add, remove := "@()", "@()"
		if c.add != "" {
			add = "@(@{SkuId = " + g.skuVar(c.add) + ".SkuId})"
		}
		if c.remove != "" {
			remove = "@(" + g.skuVar(c.remove) + ".SkuId)"
		}
		g.linef("        Set-MgUserLicense -UserId %s -AddLicenses %s -RemoveLicenses %s | Out-Null", upn, add, remove)
		g.line("        Complete-Change")
		g.line("    }")
	}
	g.line("    $finished = $true")
	g.line("} finally {")
	g.line("    if (-not $finished) {")
	g.line("        Write-Host 'Stopped at the first error.'")
	g.line("    }")
	g.line("    if ($Apply) {")
	g.line(`        Write-Host ("Changes applied: {0} of {1}." -f $script:applied, $script:planned)`)
	g.line("    } else {")
	g.line(`        Write-Host ("Dry run: {0} changes planned, none applied. Run the script again with -Apply to make them." -f $script:planned)`)
	g.line("    }")
	g.reminder("    ")
	g.line("}")
}

// reminder prints, at run time, how many accounts are left to do by hand.
func (g *generator) reminder(indent string) {
	n := 0
	for _, l := range g.byHand {
		if strings.HasPrefix(l, "TODO") || strings.HasPrefix(l, "BY HAND") {
			n++
		}
	}
	if n == 0 {
		return
	}
	g.linef("%sWrite-Host %s", indent, psLiteral(fmt.Sprintf("Left to do by hand: %d %s (see the TODO and BY HAND comments in the script).",
		n, plural(n, "account", "accounts"))))
}

// psLiteral returns a PowerShell expression whose value is exactly s, made of
// printable ASCII only: a single-quoted string with each "'" doubled, joined
// with [char]0x… for every other character (so that no quote character of
// any kind, no control character and no non-ASCII byte reaches the script).
func psLiteral(s string) string {
	var parts []string
	var lit strings.Builder
	open := false
	flush := func() {
		if open {
			parts = append(parts, "'"+lit.String()+"'")
			lit.Reset()
			open = false
		}
	}
	for _, r := range s {
		if r >= 0x20 && r < 0x7F {
			open = true
			lit.WriteRune(r)
			if r == '\'' {
				lit.WriteRune(r)
			}
			continue
		}
		flush()
		if r > 0xFFFF {
			r -= 0x10000
			parts = append(parts, fmt.Sprintf("[char]0x%04X", 0xD800+(r>>10)), fmt.Sprintf("[char]0x%04X", 0xDC00+(r&0x3FF)))
			continue
		}
		parts = append(parts, fmt.Sprintf("[char]0x%04X", r))
	}
	flush()
	switch {
	case len(parts) == 0:
		return "''"
	case len(parts) == 1 && strings.HasPrefix(parts[0], "'"):
		return parts[0]
	}
	if !strings.HasPrefix(parts[0], "'") {
		parts = append([]string{"''"}, parts...)
	}
	return "(" + strings.Join(parts, " + ") + ")"
}

// maxComment is the longest user text written in one comment.
const maxComment = 80

// commentText makes user text safe and short for a comment or a message: one
// line of printable ASCII (runs of spaces and control characters become one
// space; other characters "?"), at most maxComment characters.
func commentText(s string) string {
	var b strings.Builder
	space := false
	n := 0
	for _, r := range s {
		if n >= maxComment {
			b.WriteString("...")
			break
		}
		switch {
		case r <= 0x20 || r == 0x7F || r == 0x85 || r == 0xA0 || r == 0x2028 || r == 0x2029:
			space = true
			continue
		case r > 0x7F:
			r = '?'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			n++
		}
		space = false
		b.WriteRune(r)
		n++
	}
	if b.Len() == 0 {
		return "(no name)"
	}
	// A line comment ends only at the end of the line, but keep user text
	// from even looking like a block comment's <# or #>.
	out := strings.ReplaceAll(b.String(), "<#", "< #")
	return strings.ReplaceAll(out, "#>", "# >")
}
