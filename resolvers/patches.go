package resolvers

import (
	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
)

// The apply functions write the fields a client gave in a patch; the store
// validates the result in the same transaction.

type organisationPatch model.OrganisationPatch

func (p organisationPatch) apply(o *buurtnet.Organisation) {
	set(&o.Name, p.Name)
	set(&o.Acronym, p.Acronym)
	set(&o.Kind, p.Kind)
	if p.Sectors != nil {
		o.Sectors = p.Sectors
	}
	set(&o.LanguageCommunity, p.LanguageCommunity)
	set(&o.Line, p.Line)
	set(&o.Care, p.Care)
	set(&o.EnterpriseNumber, p.EnterpriseNumber)
	set(&o.SocialMapID, p.SocialMapID)
	set(&o.Website, p.Website)
	set(&o.Description, p.Description)
	set(&o.Source, p.Source)
}

type projectPatch model.ProjectPatch

func (p projectPatch) apply(x *buurtnet.Project) {
	set(&x.Name, p.Name)
	set(&x.Description, p.Description)
	set(&x.Status, p.Status)
	set(&x.LanguageCommunity, p.LanguageCommunity)
	if p.Period != nil {
		x.Period = p.Period.Apply(x.Period)
	}
	set(&x.Website, p.Website)
	set(&x.Source, p.Source)
}

type territoryPatch model.TerritoryPatch

func (p territoryPatch) apply(t *buurtnet.Territory) {
	set(&t.Name, p.Name)
	set(&t.Kind, p.Kind)
	set(&t.Code, p.Code)
	set(&t.Note, p.Note)
	set(&t.Source, p.Source)
}

type funderPatch model.FunderPatch

func (p funderPatch) apply(f *buurtnet.Funder) {
	set(&f.Name, p.Name)
	set(&f.Acronym, p.Acronym)
	set(&f.Level, p.Level)
	set(&f.Website, p.Website)
	set(&f.Source, p.Source)
}

type termPatch model.TermPatch

func (p termPatch) apply(t *buurtnet.Term) {
	set(&t.Name, p.Name)
	set(&t.Description, p.Description)
	set(&t.Source, p.Source)
}

type functionPatch model.FunctionPatch

func (p functionPatch) apply(t *buurtnet.Term) {
	set(&t.Name, p.Name)
	set(&t.Description, p.Description)
	set(&t.Framework, p.Framework)
	set(&t.Number, p.Number)
	set(&t.Pillar, p.Pillar)
	set(&t.Approach, p.Approach)
	set(&t.Source, p.Source)
}

type personPatch model.PersonPatch

func (p personPatch) apply(x *buurtnet.Person) {
	set(&x.Name, p.Name)
	set(&x.Function, p.Function)
	set(&x.Email, p.Email)
	set(&x.Phone, p.Phone)
	set(&x.Source, p.Source)
}
