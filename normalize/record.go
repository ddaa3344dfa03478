package normalize

// Record is one action row, in the shape of the action record of the
// interface (export --what actions, inspect --format jsonl). Keys beyond the
// documented ones may be added; consumers ignore keys they do not know.
type Record struct {
	File           string            `json:"file"`
	SHA256         string            `json:"sha256"`
	ReviewType     string            `json:"review_type"`
	Reference      string            `json:"reference"`
	Area           string            `json:"area"`
	Pseudonym      string            `json:"pseudonym"`
	Seq            int               `json:"seq"`
	Number         string            `json:"number"`
	Recommendation string            `json:"recommendation"`
	Scope          string            `json:"scope"`
	Action         string            `json:"action"`
	LeadAgency     string            `json:"lead_agency"`
	Agencies       []string          `json:"agencies"`
	Milestone      string            `json:"milestone"`
	TargetDate     string            `json:"target_date"`
	Outcome        string            `json:"outcome"`
	Update         string            `json:"update"`
	Status         string            `json:"status"`
	PageFirst      int               `json:"page_first"`
	PageLast       int               `json:"page_last"`
	Cells          map[string]string `json:"cells"`
	// CellList is Cells in column order, each with its header (for the
	// store, which keeps the order).
	CellList []Cell `json:"-"`

	// Further keys.
	Table int    `json:"table"` // 0-based index of the table in the document
	Group int    `json:"group"` // rows of one merged recommendation share it
	Theme string `json:"theme"` // theme sub-heading above the row, or the theme column
	// RecommendationNumber is the number of the recommendation a band row
	// above the row states ("Recommendation 3: ..." over actions 3.1, 3.2),
	// or of the row's own recommendation where it prints one.
	RecommendationNumber string   `json:"recommendation_number"`
	Priority             string   `json:"priority"`              // a priority column as printed ("A", "High")
	ScopePrinted         string   `json:"scope_printed"`         // the scope cell as printed
	LeadOfficer          string   `json:"lead_officer"`          // a person or role
	TargetDateISO        string   `json:"target_date_iso"`       // "2023-03-31", "2022-03", "2024-Q2", "2025"
	TargetDatePrec       string   `json:"target_date_precision"` // day, month, quarter, financial_year, year or ""
	CompletionDate       string   `json:"completion_date"`       // the completion cell as printed
	CompletionISO        string   `json:"completion_date_iso"`   // the first date it prints, ISO to its precision
	Evidence             string   `json:"evidence"`
	StatusPrinted        string   `json:"status_printed"` // the text the status was read from
	StatusSource         string   `json:"status_source"`  // the column it was read from
	StatusDate           string   `json:"status_date"`    // ISO date printed with the status
	RAG                  string   `json:"rag"`            // red, amber, green, blue, yellow or ""
	AsOf                 string   `json:"as_of"`          // the plan's "as of" date from a dated update header
	AgencyDetail         []Agency `json:"agency_detail"`  // each agency with its sector and whether it matched
}

// Agency is one body named in a lead-agency cell.
type Agency struct {
	Printed   string `json:"printed"`   // the part of the cell that named it
	Canonical string `json:"canonical"` // the registry's name, or the cleaned printed form
	Sector    string `json:"sector"`    // police, pcc, probation, ... or ""
	Matched   bool   `json:"matched"`   // false when the name is not in the registry
	Unit      string `json:"unit"`      // the service or team named, when the canonical body is its parent ("Knowsley Children's Services")
	Former    string `json:"former"`    // the abolished body named (a CCG, a CRC), whose duties the canonical body took on, or the former name printed ("National Probation Service")
	// MatchedName is the registry name (canonical or alias) the printed
	// name matched, after the plan's area was put before it where that was
	// needed ("Knowsley Police" for "Police"); "" when unmatched.
	MatchedName string `json:"matched_name,omitempty"`
}

// Review is the metadata of the review a document belongs to, each value
// with where it came from ("title", "first_page", "pdf_title", "file_name").
type Review struct {
	Type            string `json:"type"`
	TypeSource      string `json:"type_source"`
	Reference       string `json:"reference"`
	ReferenceSource string `json:"reference_source"`
	Area            string `json:"area"`
	AreaSource      string `json:"area_source"`
	Pseudonym       string `json:"pseudonym"`
	PseudonymSource string `json:"pseudonym_source"`
	AreaCode        string `json:"area_code"` // the area's ONS local authority code ("E08000011"), "" for a wider area
	PlanDate        string `json:"plan_date"` // the plan's own date, ISO month ("2020-11")
	PlanDateSource  string `json:"plan_date_source"`
	PlanDateKind    string `json:"plan_date_kind"` // as_at, updated, version, dated or update_column: what dated it (review_date.go)
	Version         string `json:"version"`        // the version number the title prints ("4" from "Version 4 - October 2023")
	AsOf            string `json:"as_of"`          // the date the statuses speak for: a title's "as at"/"updated" date or the latest dated update column, whichever is later
}
