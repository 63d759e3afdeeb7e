package app

import "golang.org/x/text/unicode/norm"

// NormalizeText rewrites every free text of p (its name, the person, the
// goal, the band names and each KPI's texts) in Unicode NFC, so Vietnamese
// typed composed or decomposed (as some input methods send it) is stored,
// searched and compared one way.
func (p *Plan) NormalizeText() {
	nfc(&p.Name, &p.Person.Name, &p.Person.Department, &p.Person.Position, &p.Goal.Text)
	for i := range p.Rules.Bands {
		nfc(&p.Rules.Bands[i].Name)
	}
	for i := range p.KPIs {
		k := &p.KPIs[i]
		nfc(&k.Name, &k.Description, &k.Rationale, &k.DataSource, &k.Owner, &k.Note, &k.Exempt)
		for j := range k.Actuals {
			nfc(&k.Actuals[j].Comment)
		}
	}
}

// nfc rewrites each string in NFC.
func nfc(ss ...*string) {
	for _, s := range ss {
		if !norm.NFC.IsNormalString(*s) {
			*s = norm.NFC.String(*s)
		}
	}
}

// NFC returns s in Unicode NFC.
func NFC(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}
