package powershell

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/scenario"
)

// SubscribedSkusCommand is the command whose output ParseSubscribedSkus reads.
const SubscribedSkusCommand = "Get-MgSubscribedSku -All | ConvertTo-Json -Depth 5"

// Service plans that classify a SKU the catalog does not know.
var (
	phoneSystemPlans     = []string{"MCOEV", "MCOEV_GOV", "MCOEVSMB"}
	resourceAccountPlans = []string{"MCOEV_VIRTUALUSER", "MCOEV_VIRTUALUSER_GOV"}
)

// ParseSubscribedSkus reads the tenant's subscriptions from the output of
//
//	Get-MgSubscribedSku -All | ConvertTo-Json -Depth 5
//
// (PascalCase) or from Graph's GET /subscribedSkus response (camelCase,
// wrapped in {"value": […]}): for each SKU its SkuPartNumber and its
// purchased units, PrepaidUnits.Enabled.
//
// SKUs the catalog knows are returned in input order. A SKU it does not know
// is returned only when its ServicePlans say it matters: when they include
// Phone System (MCOEV, MCOEV_GOV or MCOEVSMB) or make it a resource account
// license (MCOEV_VIRTUALUSER, MCOEV_VIRTUALUSER_GOV). The licensing engine
// counts only catalog SKUs, so each such SKU gets a Note whose SKU and Kind
// fields carry the classification (see UnknownSKUKinds) for the caller to
// tell the user. Other unknown SKUs (Power BI, Exchange …) are left out and
// listed in one note. A SKU listed twice is kept once.
//
// Items without SkuPartNumber or PrepaidUnits.Enabled are skipped with a
// note. The error is non-nil only when the input holds no JSON at all or
// cannot be read.
func ParseSubscribedSkus(data []byte) ([]scenario.Subscription, []Note, error) {
	var c collector
	s, err := decodeText(data)
	if err != nil {
		return nil, nil, err
	}
	items, err := jsonItems(s, SubscribedSkusCommand, &c)
	if err != nil {
		return nil, c.result(), err
	}
	if len(items) > 0 && !anyHas(items, "SkuPartNumber") {
		return nil, c.result(), fmt.Errorf("%s SkuPartNumber: this is not the output of %s", noneHas(len(items)), SubscribedSkusCommand)
	}
	subs := []scenario.Subscription{}
	seen := make(map[string]string) // upper-case part number → path of its first item
	var leftOut []string
	for _, it := range items {
		o, ok := asObj(it.v, it.path)
		if !ok {
			c.at(it.path, "is %s, not a subscribed SKU; skipped", describe(it.v))
			continue
		}
		raw, st, ppath := c.text(o, "SkuPartNumber")
		if st == absent {
			c.at(ppath, "is missing; this item is skipped")
		}
		if st != present {
			continue
		}
		part, err := scenario.NormalizeSKU(raw)
		if err != nil {
			c.at(ppath, "%v; this item is skipped", err)
			continue
		}
		units, ok := prepaidUnits(o, part, &c)
		if !ok {
			continue
		}
		if first, dup := seen[strings.ToUpper(part)]; dup {
			c.at(o.path, "%s is listed again (first at %s); this copy is skipped", part, pathOrTop(first))
			continue
		}
		seen[strings.ToUpper(part)] = o.path
		sku, known := catalog.Lookup(part)
		if known {
			subs = append(subs, scenario.Subscription{SKU: sku.PartNumber, Units: units})
			continue
		}
		plans, complete := servicePlans(o, &c)
		kind := classify(plans)
		switch {
		case kind == catalog.PhoneSystemUser:
			c.add(Note{Path: o.sub("ServicePlans"), SKU: part, Kind: kind, Message: fmt.Sprintf(
				"%s is not in RA Planner's catalog, but it includes Phone System (%s): its %d units are counted toward the free licenses "+
					"(the import marks it \"includes\": \"phone-system\"); check that Microsoft counts this SKU",
				part, matching(plans, phoneSystemPlans), units)})
		case kind == catalog.ResourceAccount:
			c.add(Note{Path: o.sub("ServicePlans"), SKU: part, Kind: kind, Message: fmt.Sprintf(
				"%s is not in RA Planner's catalog; its service plan %s makes it a resource account license, like %s",
				part, matching(plans, resourceAccountPlans), catalog.VirtualUserPartNumber)})
		case !complete:
			c.at(o.path, "%s is not in RA Planner's catalog and its service plans are not in the input, "+
				"so whether it includes Phone System is unknown; it is left out (run %s to include them)", part, SubscribedSkusCommand)
			continue
		default:
			leftOut = append(leftOut, part)
			continue
		}
		sub := scenario.Subscription{SKU: part, Units: units, Includes: scenario.IncludesPhoneSystem}
		if kind == catalog.ResourceAccount {
			sub.Includes = scenario.IncludesResourceAccount
		}
		subs = append(subs, sub)
	}
	if len(leftOut) > 0 {
		c.at("", "left out %d %s: %s", len(leftOut),
			plural(len(leftOut), "SKU that neither includes Phone System nor licenses resource accounts",
				"SKUs that neither include Phone System nor license resource accounts"),
			strings.Join(leftOut, ", "))
	}
	if len(subs) > scenario.MaxSubscriptions {
		c.at("", "only the first %d of %d SKUs are kept", scenario.MaxSubscriptions, len(subs))
		subs = subs[:scenario.MaxSubscriptions]
	}
	return subs, c.result(), nil
}

// prepaidUnits reads PrepaidUnits.Enabled, also from the "@{Enabled=25; …}"
// text that ConvertTo-Json writes below its depth.
func prepaidUnits(o obj, part string, c *collector) (int64, bool) {
	key, v, ok := o.get("PrepaidUnits")
	path := o.sub(key)
	switch t := v.(type) {
	case nil:
		if ok {
			c.at(path, "is null; %s is skipped because its purchased units are unknown", part)
		} else {
			c.at(path, "is missing; %s is skipped because its purchased units are unknown", part)
		}
		return 0, false
	case map[string]any:
		po := obj{m: t, path: path}
		ekey, ev, ok := po.get("Enabled")
		epath := po.sub(ekey)
		var num string
		switch n := ev.(type) {
		case json.Number:
			num = n.String()
		case string:
			num = n
		case nil:
			if ok {
				c.at(epath, "is null; %s is skipped because its purchased units are unknown", part)
			} else {
				c.at(epath, "is missing; %s is skipped because its purchased units are unknown", part)
			}
			return 0, false
		default:
			c.at(epath, "must be a number, not %s; %s is skipped", describe(ev), part)
			return 0, false
		}
		u, err := scenario.ParseUnits(num)
		if err != nil {
			c.at(epath, "%v; %s is skipped", err, part)
			return 0, false
		}
		return u, true
	case string:
		if num, found := enabledFromText(t); found {
			if u, err := scenario.ParseUnits(num); err == nil {
				return u, true
			}
		}
		if isCut(t) {
			c.at(path, "was cut off by ConvertTo-Json; %s is skipped (run %s)", part, SubscribedSkusCommand)
		} else {
			c.at(path, "must be an object with Enabled, not %s; %s is skipped", describe(v), part)
		}
		return 0, false
	default:
		c.at(path, "must be an object with Enabled, not %s; %s is skipped", describe(v), part)
		return 0, false
	}
}

// enabledFromText finds N in "@{Enabled=N; LockedOut=0; …}".
func enabledFromText(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "@{") || !strings.HasSuffix(s, "}") {
		return "", false
	}
	for _, part := range strings.Split(s[2:len(s)-1], ";") {
		k, v, ok := strings.Cut(part, "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "Enabled") {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// servicePlans returns the ServicePlanName of each service plan, and whether
// the list was there and complete (not missing, not cut by the depth limit).
func servicePlans(o obj, c *collector) ([]string, bool) {
	key, v, _ := o.get("ServicePlans")
	l, ok := v.([]any)
	if !ok {
		return nil, false
	}
	var names []string
	complete := true
	for i, el := range l {
		p, ok := asObj(el, index(o.sub(key), i))
		if !ok {
			complete = false
			continue
		}
		if name, st, _ := c.text(p, "ServicePlanName"); st == present {
			names = append(names, strings.TrimSpace(name))
		} else {
			complete = false
		}
	}
	return names, complete
}

// classify says what a SKU with these service plans is: a resource account
// license, a license that includes Phone System, or neither (Unknown).
func classify(plans []string) catalog.Kind {
	if matching(plans, resourceAccountPlans) != "" {
		return catalog.ResourceAccount
	}
	if matching(plans, phoneSystemPlans) != "" {
		return catalog.PhoneSystemUser
	}
	return catalog.Unknown
}

// matching returns the first of plans that is one of want, or "".
func matching(plans, want []string) string {
	for _, p := range plans {
		for _, w := range want {
			if strings.EqualFold(p, w) {
				return w
			}
		}
	}
	return ""
}

func pathOrTop(p string) string {
	if p == "" {
		return "the top"
	}
	return p
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// anyHas reports whether any item is an object with one of the keys.
func anyHas(items []item, keys ...string) bool {
	for _, it := range items {
		o, ok := asObj(it.v, it.path)
		if !ok {
			continue
		}
		for _, k := range keys {
			if _, _, ok := o.get(k); ok {
				return true
			}
		}
	}
	return false
}

// noneHas starts a message saying that no item has a field.
func noneHas(n int) string {
	if n == 1 {
		return "the item has no"
	}
	return fmt.Sprintf("none of the %d items has a", n)
}
