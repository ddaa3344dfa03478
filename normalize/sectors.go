package normalize

import "regexp"

// The sectors analysts group agencies by.
var validSector = map[string]bool{
	"police": true, "pcc": true, "probation": true, "adult_social_care": true,
	"childrens_social_care": true, "housing": true, "primary_care": true,
	"acute_trust": true, "mental_health_trust": true, "nhs_commissioner": true,
	"public_health": true, "substance_misuse": true, "specialist_da_service": true,
	"victim_family_support": true, "education": true, "partnership": true,
	"national_government": true, "multi_agency": true, "local_authority": true,
}

// sectorGuesses give an unmatched name a sector from its words, so that a
// body not yet curated still counts in its sector. First match wins.
var sectorGuesses = []struct {
	sector string
	re     *regexp.Regexp
}{
	{"pcc", regexp.MustCompile(`(?i)crime commissioner|\bo?pf?cc\b`)},
	{"police", regexp.MustCompile(`(?i)\bpolice\b|constabulary`)},
	{"probation", regexp.MustCompile(`(?i)probation|\bcrc\b`)},
	{"partnership", regexp.MustCompile(`(?i)safeguarding (adults?|children)|partnership|\bboard\b|\bcsp\b|\bsab\b|\blscb\b`)},
	{"nhs_commissioner", regexp.MustCompile(`(?i)\bccg\b|\bicb\b|commissioning|integrated care`)},
	{"mental_health_trust", regexp.MustCompile(`(?i)mental health|\bcmht\b|psychiatr`)},
	{"acute_trust", regexp.MustCompile(`(?i)hospital|\bnhs\b.*\btrust\b|ambulance|\ba ?& ?e\b|emergency department`)},
	{"primary_care", regexp.MustCompile(`(?i)\bgps?\b|general practi|primary care|surgery`)},
	{"acute_trust", regexp.MustCompile(`(?i)midwi|maternity|paediatric|\bward\b`)},
	{"public_health", regexp.MustCompile(`(?i)health visit|school nurs|0-19|sexual health`)},
	{"childrens_social_care", regexp.MustCompile(`(?i)children|early help|family services`)},
	{"adult_social_care", regexp.MustCompile(`(?i)adult social|adult services|social care`)},
	{"public_health", regexp.MustCompile(`(?i)public health`)},
	{"substance_misuse", regexp.MustCompile(`(?i)substance|drugs?\b|alcohol`)},
	{"specialist_da_service", regexp.MustCompile(`(?i)\bidva|domestic (abuse|violence)|women'?s aid|refuge`)},
	{"victim_family_support", regexp.MustCompile(`(?i)victim|bereave|homicide service`)},
	{"housing", regexp.MustCompile(`(?i)housing|homes\b|landlord|homeless`)},
	{"education", regexp.MustCompile(`(?i)school|college|education|university|academy`)},
	{"national_government", regexp.MustCompile(`(?i)\bdepartment (for|of)\b|ministry|government`)},
	{"local_authority", regexp.MustCompile(`(?i)council|local authority`)},
}

// guessSector returns the sector a name's words suggest, or "".
func guessSector(name string) string {
	for _, g := range sectorGuesses {
		if g.re.MatchString(name) {
			return g.sector
		}
	}
	return ""
}
