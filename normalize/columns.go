package normalize

import (
	"regexp"
	"strings"
)

// The canonical fields a printed column header can mean.
const (
	FieldNumber         = "number"
	FieldRecommendation = "recommendation"
	FieldScope          = "scope"
	FieldAction         = "action"
	FieldLeadAgency     = "lead_agency"
	FieldLeadOfficer    = "lead_officer"
	FieldMilestone      = "milestone"
	FieldTargetDate     = "target_date"
	FieldOutcome        = "outcome"
	FieldUpdate         = "update"
	FieldStatus         = "status"
	FieldCompletion     = "completion_date"
	FieldEvidence       = "evidence"
	FieldRAG            = "rag"
	FieldTheme          = "theme"
	FieldPriority       = "priority"
)

// headerRules map a header, lower-cased with punctuation as spaces, to a
// field. The first rule that matches wins, so the order settles headers
// that name two things: "Scope of recommendation" is scope, "Key
// milestones achieved in enacting recommendation" a milestone, "Date of
// completion and outcome" the completion cell, "Target completion date" a
// target, "RAG Status" a colour, "Person responsible" an officer. "Agency
// response" is read as an update: it is the agency's account of what it did.
var headerRules = []struct {
	field string
	re    *regexp.Regexp
}{
	{FieldNumber, regexp.MustCompile(`^(|no|number|ref|reference|rec no|rec|#|item)$|^(action|rec|recommendation|item) (no|number|ref)$`)},
	{FieldTheme, regexp.MustCompile(`^(key )?themes?$|^(theme|area) of (learning|practice)$`)},
	{FieldPriority, regexp.MustCompile(`^priority( rating| level)?$`)},
	{FieldScope, regexp.MustCompile(`\bscope\b|\blocal (or |and )?(regional|national)\b|\bsingle (or )?multi\b|^level$`)},
	{FieldRAG, regexp.MustCompile(`\brag\b|\bred amber green\b|progress indicator|\brating\b`)},
	{FieldAction, regexp.MustCompile(`^actions? (and|&) (key )?milestones?$`)},
	{FieldMilestone, regexp.MustCompile(`\bmilestones?\b`)},
	{FieldTargetDate, regexp.MustCompile(`\btarget\b|\btimescales?\b|\bdeadline\b|\bby when\b|\btime ?frame\b|\bdue\b|^date$|^when$|^by$`)},
	{FieldCompletion, regexp.MustCompile(`date (of )?complet|complet\w* date|date complet|date achieved|date closed`)},
	{FieldStatus, regexp.MustCompile(`\bstatus\b|complete[d]? y ?n|^(implemented|done|achieved|met)\??$|^(progress |status |rag )?codes?$|complete\?|completed\?|^complete$|^completed$|open closed|^closed$`)},
	{FieldUpdate, regexp.MustCompile(`\bupdates?\b|progress|where (we are|are we)|\bcomments?\b|agency response|position statement|current position|^position (at|as at|on)\b`)},
	{FieldEvidence, regexp.MustCompile(`\bevidence\b|\bassurance\b|\bverification\b`)},
	{FieldOutcome, regexp.MustCompile(`\bhow (will|do|would) (we|you) know\b|\boutcomes?\b|success (measure|criteria)|\bmeasures? of success|\bimpact\b|expected result`)},
	{FieldLeadOfficer, regexp.MustCompile(`\bperson\b|\bofficer\b|\bowner\b|\bname\b|\blead role\b|\bresponsible (manager|lead)\b|^named lead$|^(executive|clinical|senior|service|accountable) lead$`)},
	// A header that ends with the action, or says what a body will do, is
	// the action whoever it names ("Multi-agency action", "What the agency
	// will do").
	{FieldAction, regexp.MustCompile(`(^|\s)actions?$|\bwill do\b`)},
	{FieldLeadAgency, regexp.MustCompile(`\bagenc(y|ies)\b|\borgani[sz]ations?\b|^lead$|^responsibility$|\bresponsible\b|\blead partner\b|\bwho\b|\baddressed\b|\baddressees?\b|\bbod(y|ies)\b|\brecipients?\b|^partners?$|\bpartners? involved\b|^by whom$`)},
	{FieldAction, regexp.MustCompile(`\bactions?\b|\bsteps\b|\bhow\b|\bactivity\b|\btasks?\b|\bwe (will|shall) do\b|\b(will|shall) we do\b|\bwill be done\b`)},
	{FieldRecommendation, regexp.MustCompile(`recommend|\bissues?\b|\blearning\b|\bfindings?\b|\bwhat\b`)},
}

var headerPunct = regexp.MustCompile(`[^\pL\pN#?]+`)

// headerKey lower-cases a header and turns punctuation into single spaces.
func headerKey(h string) string {
	h = strings.ToLower(strings.ReplaceAll(Clean(h), "/", " "))
	return strings.TrimSpace(headerPunct.ReplaceAllString(h, " "))
}

// ColumnField returns the canonical field a printed header means, or ""
// for a header we do not know (its cells stay in Record.Cells under the
// header as printed). asOf is the date a dated update header carries
// ("Update October 2024" gives "2024-10").
func ColumnField(header string) (field, asOf string) {
	k := headerKey(header)
	for _, r := range headerRules {
		if r.re.MatchString(k) {
			field = r.field
			break
		}
	}
	if field == FieldUpdate || field == FieldStatus || field == FieldRAG {
		if d := ParseDate(header); d.Precision == "day" || d.Precision == "month" {
			asOf = d.ISO
		}
	}
	return field, asOf
}
