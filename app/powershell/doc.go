// Package powershell connects RA Planner to the PowerShell an administrator
// runs against a Microsoft 365 tenant, in both directions.
//
// Out: Script writes a PowerShell script (ra-plan.ps1) that applies a plan's
// license changes with Microsoft Graph PowerShell: a dry run by default, one
// Set-MgUserLicense call per resource account (add and remove in the same
// license activity, as Microsoft's documentation demands), every piece of
// user text quoted so that it can never run as code.
//
// In: decoders for what the administrator pastes or uploads:
//
//	Get-MgSubscribedSku -All | ConvertTo-Json -Depth 5       ParseSubscribedSkus
//	Get-CsOnlineApplicationInstance | ConvertTo-Json         ParseApplicationInstances
//	Get-CsOnlineApplicationInstance | Export-Csv -Path x.csv ParseApplicationInstances
//	Get-CsAutoAttendant | ConvertTo-Json -Depth 10           ParseAutoAttendants
//	Get-CsCallQueue | ConvertTo-Json -Depth 10               ParseCallQueues
//
// Every decoder accepts one object, an array or a Graph {"value": […]}
// wrapper, a UTF-8 or UTF-16 byte order mark, and console noise (WARNING
// lines) before the JSON. It ignores fields it does not know, matches field
// names without regard to case (Graph PowerShell writes PascalCase, Graph REST
// camelCase), never panics, and reports what it skipped or could not read as
// Notes with a path or line. It returns an error only when nothing at all can
// be read. What it returns passes the scenario package's validation.
//
// Merge folds the decoded data into a copy of a scenario document and returns
// a Preview of what it added, changed and ignored, for the UI to show and
// undo.
package powershell
