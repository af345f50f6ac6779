package buurtnet

// sectorLabels name the sectors in the sentences of the network questions.
var sectorLabels = map[Sector]Text{
	SectorHealthCare:     {NL: "gezondheidszorg", FR: "soins de santé", EN: "health care"},
	SectorMentalHealth:   {NL: "geestelijke gezondheid", FR: "santé mentale", EN: "mental health"},
	SectorHomeCare:       {NL: "thuiszorg", FR: "soins à domicile", EN: "home care"},
	SectorPharmacy:       {NL: "apotheek", FR: "pharmacie", EN: "pharmacy"},
	SectorHospital:       {NL: "ziekenhuis", FR: "hôpital", EN: "hospital"},
	SectorWelfare:        {NL: "welzijn", FR: "bien-être", EN: "welfare"},
	SectorSocialServices: {NL: "sociale diensten", FR: "services sociaux", EN: "social services"},
	SectorElderlyCare:    {NL: "ouderenzorg", FR: "aide aux personnes âgées", EN: "elderly care"},
	SectorInsurance:      {NL: "ziekenfonds", FR: "mutualité", EN: "health insurance"},
	SectorEducation:      {NL: "onderwijs", FR: "enseignement", EN: "education"},
	SectorResearch:       {NL: "onderzoek", FR: "recherche", EN: "research"},
	SectorHousing:        {NL: "wonen", FR: "logement", EN: "housing"},
	SectorSport:          {NL: "sport", FR: "sport", EN: "sport"},
	SectorCulture:        {NL: "cultuur", FR: "culture", EN: "culture"},
	SectorCommunity:      {NL: "buurtwerk", FR: "travail de quartier", EN: "community work"},
	SectorPublicAdmin:    {NL: "openbaar bestuur", FR: "administration publique", EN: "public administration"},
	SectorUserRights:     {NL: "patiëntenrechten", FR: "droits des patients", EN: "patient rights"},
}

// Label names the sector in lang.
func (s Sector) Label(lang Lang) string {
	if t, ok := sectorLabels[s]; ok {
		return t.In(lang)
	}
	return string(s)
}

var communityLabels = map[LanguageCommunity]Text{
	LangCommunityNL:        {NL: "Nederlandstalig", FR: "néerlandophone", EN: "Dutch-speaking"},
	LangCommunityFR:        {NL: "Franstalig", FR: "francophone", EN: "French-speaking"},
	LangCommunityBilingual: {NL: "tweetalig", FR: "bilingue", EN: "bilingual"},
}

// Label names the language community in lang.
func (c LanguageCommunity) Label(lang Lang) string {
	if t, ok := communityLabels[c]; ok {
		return t.In(lang)
	}
	return string(c)
}
