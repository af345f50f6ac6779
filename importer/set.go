package importer

import (
	"strings"

	"github.com/buurtnet/buurtnet"
)

// newTarget returns an empty entity of the sheet's kind, or a link.
func (d *sheetDef) newTarget() any {
	switch d.kind {
	case buurtnet.KindOrganisation:
		return &buurtnet.Organisation{}
	case buurtnet.KindProject:
		return &buurtnet.Project{}
	case buurtnet.KindTerritory:
		return &buurtnet.Territory{}
	case buurtnet.KindFunder:
		return &buurtnet.Funder{}
	case "":
		return &buurtnet.Link{}
	}
	return &buurtnet.Term{Kind: d.kind}
}

// set puts a parsed cell (see parseCell) in the field of target it fills.
func set(target any, field string, v any) {
	s, _ := v.(string)
	if lang, ok := strings.CutPrefix(field, "name."); ok {
		setText(names(target), lang, s)
		return
	}
	if lang, ok := strings.CutPrefix(field, "description."); ok {
		setText(descriptions(target), lang, s)
		return
	}
	switch t := target.(type) {
	case *buurtnet.Organisation:
		setOrganisation(t, field, s, v)
	case *buurtnet.Project:
		switch field {
		case "id":
			t.ID = s
		case "status":
			t.Status = buurtnet.ProjectStatus(s)
		case "languageCommunity":
			t.LanguageCommunity = buurtnet.LanguageCommunity(s)
		case "period.start":
			t.Period.Start = v.(buurtnet.Date)
		case "period.end":
			t.Period.End = v.(buurtnet.Date)
		case "website":
			t.Website = s
		case "source":
			t.Source = s
		}
	case *buurtnet.Territory:
		switch field {
		case "id":
			t.ID = s
		case "kind":
			t.Kind = buurtnet.TerritoryKind(s)
		case "code":
			t.Code = s
		case "note":
			t.Note = s
		case "source":
			t.Source = s
		}
	case *buurtnet.Funder:
		switch field {
		case "id":
			t.ID = s
		case "acronym":
			t.Acronym = s
		case "level":
			t.Level = buurtnet.FunderLevel(s)
		case "website":
			t.Website = s
		case "source":
			t.Source = s
		}
	case *buurtnet.Term:
		switch field {
		case "id":
			t.ID = s
		case "framework":
			t.Framework = buurtnet.Framework(s)
		case "number":
			t.Number = v.(int)
		case "pillar":
			t.Pillar = s
		case "source":
			t.Source = s
		}
	case *buurtnet.Link:
		setLink(t, field, s, v)
	}
}

func setOrganisation(o *buurtnet.Organisation, field, s string, v any) {
	switch field {
	case "id":
		o.ID = s
	case "acronym":
		o.Acronym = s
	case "kind":
		o.Kind = buurtnet.OrganisationKind(s)
	case "sectors":
		for _, x := range v.([]string) {
			o.Sectors = append(o.Sectors, buurtnet.Sector(x))
		}
	case "languageCommunity":
		o.LanguageCommunity = buurtnet.LanguageCommunity(s)
	case "line":
		o.Line = buurtnet.CareLine(s)
	case "care":
		o.Care = buurtnet.CareForm(s)
	case "enterpriseNumber":
		o.EnterpriseNumber = s
	case "socialMapId":
		o.SocialMapID = s
	case "website":
		o.Website = s
	case "source":
		o.Source = s
	}
}

func setLink(l *buurtnet.Link, field, s string, v any) {
	switch field {
	case "kind":
		l.Kind = buurtnet.LinkKind(s)
	case "from":
		l.From = s
	case "to":
		l.To = s
	case "role":
		l.Role = buurtnet.Role(s)
	case "level":
		l.Level = buurtnet.StakeholderLevel(s)
	case "period.start":
		l.Period.Start = v.(buurtnet.Date)
	case "period.end":
		l.Period.End = v.(buurtnet.Date)
	case "amount":
		l.Amount = v.(*buurtnet.Money)
	case "coverage":
		l.Coverage = buurtnet.Coverage(s)
	case "note":
		l.Note = s
	case "source":
		l.Source = s
	}
}

func setText(t *buurtnet.Text, lang, s string) {
	if t == nil {
		return
	}
	switch lang {
	case "nl":
		t.NL = s
	case "fr":
		t.FR = s
	case "en":
		t.EN = s
	}
}

func names(target any) *buurtnet.Text {
	switch t := target.(type) {
	case *buurtnet.Organisation:
		return &t.Name
	case *buurtnet.Project:
		return &t.Name
	case *buurtnet.Territory:
		return &t.Name
	case *buurtnet.Funder:
		return &t.Name
	case *buurtnet.Term:
		return &t.Name
	}
	return nil
}

func descriptions(target any) *buurtnet.Text {
	switch t := target.(type) {
	case *buurtnet.Organisation:
		return &t.Description
	case *buurtnet.Project:
		return &t.Description
	case *buurtnet.Term:
		return &t.Description
	}
	return nil
}
