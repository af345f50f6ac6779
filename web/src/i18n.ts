// The explorer's texts in Dutch, French and English. The chosen language is
// remembered in localStorage and also asked of the API (names, reasons).
export type Lang = 'nl' | 'fr' | 'en'
export const langs: Lang[] = ['nl', 'fr', 'en']

const storageKey = 'buurtnet.lang'

function initial(): Lang {
  const saved = localStorage.getItem(storageKey)
  if (saved === 'nl' || saved === 'fr' || saved === 'en') return saved
  for (const l of navigator.languages ?? []) {
    const short = l.slice(0, 2).toLowerCase()
    if (short === 'nl' || short === 'fr' || short === 'en') return short
  }
  return 'nl'
}

let current: Lang = initial()

export function lang(): Lang {
  return current
}

export function setLang(l: Lang): void {
  current = l
  localStorage.setItem(storageKey, l)
  document.documentElement.lang = l
}

type Texts = Record<string, string>

const nl: Texts = {
  'project.notes': 'Toelichting bij de partners', 'project.noteRef': 'toelichting {n}',
  'nav.consultations': 'Overleg', 'kind.consultation': 'Overleg', 'kind1.consultation': 'Overleg', 'kind1.meeting': 'Bijeenkomst',
  'consult.title': 'Overleg', 'consult.intro': 'Overleggen van mensen uit verschillende projecten, met hun jaarlijkse cycli, vaste deelnemers en bijeenkomsten. Een overleg is geen project: het telt niet mee in overlappingen, synergieën of hiaten.',
  'consult.none': 'Nog geen overleg bekend.', 'consult.more': '{shown} van {n} getoond.', 'consult.moderators': 'Georganiseerd en gemodereerd door', 'consult.territories': 'Gehouden voor',
  'consult.cycles': 'Jaarlijkse cycli', 'consult.noCycles': 'Nog geen cyclus bekend.', 'consult.participants': 'Vaste deelnemers', 'consult.noParticipants': 'Geen deelnemers bekend.',
  'consult.contacts': 'Contactpersonen van de cyclus', 'consult.meetings': 'Bijeenkomsten', 'consult.noMeetings': 'Nog geen bijeenkomst bekend.',
  'meeting.number': 'Nr.', 'meeting.date': 'Datum', 'meeting.noDate': 'geen datum opgegeven', 'meeting.theme': 'Thema', 'meeting.noTheme': 'geen thema opgegeven',
  'meeting.territory': 'Gebied', 'meeting.heldFor': '(waarvoor het overleg gehouden wordt)', 'meeting.cycle': 'Cyclus', 'meeting.of': '{n} van {total}', 'meeting.siblings': 'Andere bijeenkomsten van de cyclus',
  'meeting.agenda': 'Agenda', 'meeting.noAgenda': 'Geen agenda opgegeven.', 'meeting.decisions': 'Beslissingen', 'meeting.noDecisions': 'Geen beslissingen genoteerd.',
  'meeting.actions': 'Acties', 'meeting.noActions': 'Geen acties genoteerd.', 'meeting.action': 'Actie', 'meeting.owner': 'Wie', 'meeting.due': 'Tegen', 'meeting.noDue': 'geen datum',
  'meeting.ownerHidden': 'een contactpersoon (zichtbaar na aanmelden)', 'meeting.signals': 'Signalen', 'meeting.noSignals': 'Geen signalen genoteerd.', 'meeting.signal': 'Signaal', 'meeting.to': 'Aan wie',
  'meeting.previous': 'Uit de vorige bijeenkomst', 'meeting.first': 'Dit is de eerste bijeenkomst van de cyclus.', 'meeting.previousNothing': 'De vorige bijeenkomst noteerde geen beslissingen, acties of signalen.',
  'meeting.briefing': 'Briefing van deze bijeenkomst', 'meeting.briefingIntro': 'De briefing komt uit de bijeenkomst zelf: haar thema en gebied, de deelnemers van de cyclus, de uitkomsten van de vorige bijeenkomst en wat sindsdien veranderde.',
  'meeting.downloadMd': 'Briefing downloaden (Markdown)', 'meeting.downloadJson': 'Briefing downloaden (JSON)',
  'sector.HEALTH_CARE': 'Gezondheidszorg', 'sector.MENTAL_HEALTH': 'Geestelijke gezondheid', 'sector.HOME_CARE': 'Thuiszorg', 'sector.PHARMACY': 'Apotheek', 'sector.HOSPITAL': 'Ziekenhuis', 'sector.WELFARE': 'Welzijn', 'sector.SOCIAL_SERVICES': 'Sociale dienstverlening', 'sector.ELDERLY_CARE': 'Ouderenzorg', 'sector.INSURANCE': 'Ziekenfonds', 'sector.EDUCATION': 'Onderwijs', 'sector.RESEARCH': 'Onderzoek', 'sector.HOUSING': 'Wonen', 'sector.SPORT': 'Sport', 'sector.CULTURE': 'Cultuur', 'sector.COMMUNITY': 'Gemeenschap', 'sector.PUBLIC_ADMINISTRATION': 'Overheid', 'sector.PATIENT_RIGHTS': 'Patiëntenrechten', 'sector.YOUTH': 'Jeugd', 'sector.WORK': 'Werk', 'sector.SOCIAL_ECONOMY': 'Sociale economie', 'sector.SPATIAL_PLANNING': 'Ruimtelijke ordening', 'sector.NONE': 'Sector onbekend',
  'territoryKind.REGION': 'Gewest', 'territoryKind.PROVINCE': 'Provincie', 'territoryKind.MUNICIPALITY': 'Gemeente', 'territoryKind.FORMER_MUNICIPALITY': 'Deelgemeente', 'territoryKind.NEIGHBOURHOOD': 'Wijk', 'territoryKind.ZONE': 'Zone', 'territoryKind.STATISTICAL_SECTOR': 'Statistische sector', 'territoryKind.STREET': 'Straat', 'territoryKind.SITE': 'Locatie', 'territoryKind.PRIMARY_CARE_ZONE': 'Eerstelijnszone',
  'orgKind.CARE_PROVIDER': 'Zorgaanbieder', 'orgKind.WELFARE_SERVICE': 'Welzijnsdienst', 'orgKind.PUBLIC_SERVICE': 'Openbare dienst', 'orgKind.MUTUAL_INSURER': 'Ziekenfonds', 'orgKind.HOSPITAL': 'Ziekenhuis', 'orgKind.SCHOOL': 'School', 'orgKind.ASSOCIATION': 'Vereniging', 'orgKind.SHOP': 'Winkel', 'orgKind.RESIDENTS_GROUP': 'Bewonersgroep', 'orgKind.KNOWLEDGE_CENTRE': 'Kenniscentrum', 'orgKind.NETWORK': 'Netwerk', 'orgKind.PROJECT_TEAM': 'Projectteam', 'orgKind.OTHER': 'Andere',
  'funderLevel.EUROPEAN': 'Europees', 'funderLevel.FEDERAL': 'Federaal', 'funderLevel.REGIONAL': 'Gewestelijk', 'funderLevel.COMMUNITY': 'Gemeenschap', 'funderLevel.COMMUNITY_COMMISSION': 'Gemeenschapscommissie', 'funderLevel.PROVINCIAL': 'Provinciaal', 'funderLevel.MUNICIPAL': 'Gemeentelijk', 'funderLevel.PRIVATE': 'Privé',
  'community.NL': 'Nederlandstalig', 'community.FR': 'Franstalig', 'community.BILINGUAL': 'Tweetalig',
  'app.name': 'buurtnet', 'app.tagline': 'Wie werkt met wie, waar, waaraan en met welke financiering',
  'nav.search': 'Zoeken', 'nav.import': 'Importeren', 'nav.new': 'Nieuw', 'nav.playground': 'GraphQL-playground',
  'nav.main': 'Hoofdnavigatie', 'nav.skip': 'Naar de inhoud',
  'lang.label': 'Taal', 'loading': 'Laden…', 'none': 'geen', 'unknown': 'onbekend', 'open': 'open',
  'search.label': 'Zoek een organisatie, project, gebied, financier of thema', 'search.button': 'Zoeken',
  'search.placeholder': 'bv. brabant, sante, boost', 'search.results': 'Resultaten voor “{q}”', 'search.nothing': 'Niets gevonden voor “{q}”.',
  'home.title': 'De buurtnetwerken verkennen', 'home.intro': 'Zoek een gebied om te zien welke projecten er werken, waar ze elkaar overlappen, welke functies niemand opneemt en welke synergieën het bespreken waard zijn.',
  'home.start': 'Om te beginnen',
  'kind.territory': 'Gebieden', 'kind.project': 'Projecten', 'kind.organisation': 'Organisaties', 'kind.funder': 'Financiers', 'kind.theme': 'Thema’s',
  'kind.targetgroup': 'Doelgroep', 'kind.targetgroups': 'Doelgroepen', 'kind.functions': 'Functies en bouwstenen', 'kind.function': 'Functie',
  'kind1.territory': 'Gebied', 'kind1.project': 'Project', 'kind1.organisation': 'Organisatie', 'kind1.funder': 'Financier', 'kind1.theme': 'Thema',
  'notfound.title': 'Niet gevonden', 'notfound.text': 'Deze pagina bestaat niet (meer). Zoek hierboven.',
  'error.title': 'Er ging iets mis', 'error.network': 'De dienst is niet bereikbaar.',
  'territory.breadcrumb': 'Ligging', 'territory.alsoPartOf': 'Ook deel van', 'territory.overlaps': 'Overlapt gedeeltelijk met',
  'territory.parts': 'Delen', 'territory.projects': 'Projecten die hier werken', 'territory.on': 'Op dag', 'territory.onAny': 'elke dag',
  'territory.show': 'Tonen', 'territory.gaps': 'Hiaten: functies en bouwstenen', 'territory.gapsIntro': 'Welke projecten de acht functies (VVSG) en de acht bouwstenen (zorgzame buurten) hier opnemen. Wat niemand opneemt is gemarkeerd.',
  'territory.gap': 'hiaat', 'territory.covered': 'opgenomen door', 'territory.themes': 'Thema’s', 'territory.missingThemes': 'Thema’s die niemand hier opneemt',
  'territory.coveredThemes': 'Opgenomen thema’s', 'territory.synergies': 'Synergieën', 'territory.noSynergies': 'Geen overlappende projecten hier.',
  'synergyKind.INTRODUCTION': 'kennismaking', 'synergyKind.STRENGTHEN': 'samenwerking versterken',
  'territory.score': 'score {n}', 'territory.points': '{n} p.', 'territory.noProjects': 'Geen project werkt hier op die dag.',
  'territory.partlyPresent': 'Deels aanwezig', 'territory.partlyIntro': 'Deze projecten werken op grond die dit gebied maar gedeeltelijk deelt: misschien hier, misschien ernaast.',
  'territory.priorities': 'Prioriteiten van de buurt', 'territory.prioritiesIntro': 'Wat dit gebied na zijn analyse koos, en wie er hier aan werkt.',
  'territory.network': 'Netwerk van dit gebied', 'territory.kind': 'Soort', 'territory.code': 'NIS-code',
  'net.title': 'Netwerkanalyse', 'net.intro': 'Wie het netwerk samenhoudt, wie apart staat en wie elkaar kan voorstellen: de projecten die hier werken en hun partners, op de gekozen dag.',
  'net.brokers': 'Verbinders', 'net.brokersIntro': 'Organisaties waarlangs de meeste verbindingen tussen partners en projecten lopen.', 'net.noBrokers': 'Geen organisatie verbindt hier projecten.',
  'net.clusters': 'Clusters', 'net.clustersIntro': 'Groepen organisaties die vooral met elkaar samenwerken.', 'net.noClusters': 'Geen clusters: hier werken geen partners samen.',
  'net.modularity': 'Modulariteit {q} (boven ongeveer 0,3 zijn de clusters duidelijk meer intern dan onderling verbonden).', 'net.cluster': 'Cluster {n}',
  'net.unlinked': 'door niemand verbonden', 'net.members': 'Leden', 'net.projects': 'Projecten', 'net.linked': 'Verbonden met cluster {list} via',
  'net.isolation': 'Geïsoleerd en aan de rand', 'net.isolationIntro': 'Projecten die geen partner delen met een ander project hier, of met slechts één; organisaties die hier gevestigd zijn of hier werken maar aan geen project deelnemen.',
  'net.isolated': 'Geïsoleerde projecten', 'net.peripheral': 'Projecten aan de rand (partners gedeeld met één ander project)', 'net.absent': 'Aanwezige organisaties zonder project',
  'net.bridges.LANGUAGE': 'Bruggen over de taalgrens', 'net.bridges.HEALTH_WELFARE': 'Bruggen tussen zorg en welzijn',
  'net.bridges.organisations': 'organisaties', 'net.bridges.projects': 'projecten',
  'net.noBridges.organisations': 'Geen organisatie is hier de tussenpersoon van partners die elkaar anders niet ontmoeten.', 'net.noBridges.projects': 'Geen project brengt hier beide kanten samen.',
  'net.sideA.LANGUAGE': 'Nederlandstalige partners', 'net.sideB.LANGUAGE': 'Franstalige partners', 'net.sideA.HEALTH_WELFARE': 'Zorgpartners', 'net.sideB.HEALTH_WELFARE': 'Welzijnspartners', 'net.pairs': 'Paren',
  'intro.title': 'Voorstellen', 'intro.help': 'Zoek een andere organisatie om de kortste ketens van gedeelde projecten van {name} naar haar te zien.',
  'intro.other': 'Andere organisatie', 'intro.maxLength': 'Hoogstens zoveel projecten', 'intro.to': 'Van hier naar {name}', 'intro.none': 'Geen keten van gedeelde projecten binnen deze lengte.',
  'intro.length': '{n} project(en):', 'intro.choose': 'Ketens naar {name}',
  'briefing.title': 'Vergadering voorbereiden', 'briefing.intro': 'Download de briefing voor dit gebied.', 'briefing.theme': 'Thema',
  'briefing.anyTheme': 'alle thema’s', 'briefing.on': 'Op dag', 'briefing.since': 'Wijzigingen sinds', 'briefing.format': 'Formaat',
  'briefing.download': 'Briefing downloaden',
  'format.xlsx': 'Excel (XLSX)', 'format.csv': 'CSV voor Belgische spreadsheets (ZIP)', 'format.csv-rfc4180': 'CSV (RFC 4180, ZIP)', 'format.html': 'Webpagina (HTML, afdrukbaar)',
  'format.md': 'Markdown', 'format.json': 'JSON', 'format.pdf': 'PDF', 'format.graphml': 'GraphML (yEd)', 'format.gexf': 'GEXF (Gephi)', 'format.yaml': 'YAML',
  'project.period': 'Periode', 'project.status': 'Status', 'project.website': 'Website', 'project.source': 'Bron',
  'project.partners': 'Partners', 'project.territories': 'Gebieden', 'project.funders': 'Financiers', 'project.themes': 'Thema’s',
  'project.targetGroups': 'Doelgroepen', 'project.functions': 'Functies en bouwstenen', 'project.stakeholders': 'Stakeholderkaart',
  'project.stakeholdersIntro': 'De partners per niveau van betrokkenheid (buiten informeren, binnen mee beslissen), gekleurd per sector.',
  'project.unassessed': 'Nog niet ingeschat', 'project.overlaps': 'Overlappingen', 'project.noOverlaps': 'Geen ander project werkt op hetzelfde terrein.',
  'project.places': 'Ontmoetingsplaatsen', 'project.here': 'Hier', 'project.there': 'Daar', 'project.relation': 'Verhouding',
  'project.sharedPartners': 'Gedeelde partners', 'project.sharedThemes': 'Gedeelde thema’s', 'project.ourFunders': 'Financiers van dit project',
  'project.theirFunders': 'Financiers van het andere', 'project.collaborations': 'Samenwerkingen', 'project.network': 'Netwerk rond dit project',
  'project.amount': 'Bedrag', 'project.coverage': 'Dekking', 'project.role': 'Rol', 'project.level': 'Niveau', 'project.organisation': 'Organisatie',
  'project.edit': 'Bewerken', 'project.description': 'Beschrijving',
  'contacts.title': 'Contactpersonen', 'contacts.name': 'Naam', 'contacts.none': 'Geen contactpersonen bekend.', 'contacts.function': 'Functie', 'contacts.email': 'E-mail', 'contacts.phone': 'Telefoon',
  'contacts.signin': 'Contactpersonen zijn zichtbaar na aanmelden.',
  'org.kind': 'Soort', 'org.sectors': 'Sectoren', 'org.community': 'Taalgemeenschap', 'org.enterprise': 'Ondernemingsnummer', 'org.projects': 'Projecten',
  'org.locatedIn': 'Gevestigd in', 'org.serves': 'Bedient', 'org.territories': 'Gebieden van de projecten',
  'funder.level': 'Niveau', 'funder.fundings': 'Gefinancierde projecten', 'funder.territories': 'Gebieden van de projecten',
  'term.projects': 'Projecten', 'term.framework': 'Kader',
  'network.title': 'Netwerk rond {name}', 'network.theme': 'Thema', 'network.function': 'Functie', 'network.all': 'alle',
  'network.png': 'PNG exporteren', 'network.svg': 'SVG exporteren', 'network.export': 'Netwerk downloaden', 'network.list': 'Dezelfde gegevens als lijst',
  'network.legend': 'Projecten, organisaties en gebieden; klik op een knoop om de pagina te openen.', 'network.empty': 'Niets om te tonen met deze filter.',
  'auth.signin': 'Aanmelden', 'auth.signout': 'Afmelden', 'auth.token': 'Toegangssleutel (token)', 'auth.as': 'Aangemeld als {name} ({role})',
  'auth.help': 'Plak de sleutel die je beheerder je gaf. Ze blijft alleen in dit browsertabblad bewaard.', 'auth.bad': 'Deze sleutel wordt niet aanvaard.',
  'auth.needEditor': 'Aanmelden met een sleutel met rol EDITOR is nodig om te bewerken.',
  'edit.new': 'Nieuw: {kind}', 'edit.edit': 'Bewerken: {name}', 'edit.save': 'Opslaan', 'edit.saved': 'Opgeslagen.', 'edit.created': 'Aangemaakt.',
  'edit.conflict': 'Iemand anders heeft dit intussen gewijzigd. Herlaad de pagina om hun versie te zien; je wijzigingen zijn niet opgeslagen.',
  'edit.reload': 'Herladen', 'edit.fix': 'Verbeter de gemarkeerde velden.', 'edit.nameNl': 'Naam (Nederlands)', 'edit.nameFr': 'Naam (Frans)', 'edit.nameEn': 'Naam (Engels)',
  'edit.descNl': 'Beschrijving (Nederlands)', 'edit.descFr': 'Beschrijving (Frans)', 'edit.descEn': 'Beschrijving (Engels)', 'edit.start': 'Begin', 'edit.end': 'Einde',
  'edit.acronym': 'Afkorting', 'edit.code': 'Code', 'edit.note': 'Opmerking', 'edit.socialMap': 'Id in de sociale kaart', 'edit.id': 'Id (optioneel)',
  'edit.links': 'Verbinden', 'edit.current': 'Verbindingen', 'edit.otherEnd': 'Met', 'edit.detail': 'Details', 'edit.remove': 'Verwijderen', 'edit.cancel': 'Annuleren', 'edit.linkKind': 'Soort verbinding', 'edit.other': 'Ander uiteinde (id of zoekterm)', 'edit.link': 'Verbinden', 'edit.linked': 'Verbonden.',
  'edit.choose': '— kies —', 'edit.view': 'Pagina bekijken', 'edit.amount': 'Bedrag (euro)',
  'import.title': 'Spreadsheet importeren', 'import.intro': 'Een XLSX-werkmap met één blad per soort, een CSV-bestand genoemd naar zijn blad, of een JSON/YAML-netwerk. Eerst zie je wat er zou gebeuren; pas na bevestiging wordt er geschreven.',
  'import.file': 'Bestand', 'import.validOnly': 'Enkel de goede rijen importeren', 'import.check': 'Controleren (proefdraai)', 'import.confirm': 'Bevestigen en importeren',
  'import.report': 'Verslag', 'import.created': 'nieuw', 'import.updated': 'gewijzigd', 'import.unchanged': 'ongewijzigd', 'import.skipped': 'overgeslagen',
  'import.problems': 'Problemen', 'import.sheet': 'Blad', 'import.row': 'Rij', 'import.column': 'Kolom', 'import.reason': 'Reden',
  'import.noProblems': 'Geen problemen.', 'import.blocked': 'Het bestand heeft problemen: er wordt niets geschreven tenzij je enkel de goede rijen importeert.', 'import.done': 'Geïmporteerd.',
  'relation.SAME': 'hetzelfde gebied', 'relation.CONTAINS': 'bevat het andere', 'relation.WITHIN': 'ligt in het andere', 'relation.PARTIAL': 'gedeeltelijke overlapping',
  'level.INFORM': 'Informeren', 'level.CONSULT': 'Raadplegen', 'level.CO_CREATE': 'Mee vormgeven', 'level.CO_DECIDE': 'Mee beslissen',
  'role.COORDINATOR': 'coördinator', 'role.PARTNER': 'partner', 'role.ASSOCIATE': 'geassocieerd',
  'status.CONCEPTUALISATION': 'concept', 'status.IN_DEVELOPMENT': 'in ontwikkeling', 'status.PILOT': 'pilot', 'status.IMPLEMENTATION': 'in uitvoering', 'status.ENDED': 'afgelopen',
  'coverage.WHOLE': 'heel het gebied', 'coverage.PART': 'een deel',
  'framework.VVSG_FUNCTIONS': 'Functies (VVSG)', 'framework.CARING_NEIGHBOURHOODS': 'Bouwstenen (zorgzame buurten)',
}

const fr: Texts = {
  'project.notes': 'Remarques sur les partenaires', 'project.noteRef': 'remarque {n}',
  'nav.consultations': 'Concertations', 'kind.consultation': 'Concertations', 'kind1.consultation': 'Concertation', 'kind1.meeting': 'Réunion',
  'consult.title': 'Concertations', 'consult.intro': 'Les concertations entre personnes de plusieurs projets, avec leurs cycles annuels, leurs participants fixes et leurs réunions. Une concertation n’est pas un projet : elle ne compte ni dans les recouvrements, ni dans les synergies, ni dans les lacunes.',
  'consult.none': 'Aucune concertation connue.', 'consult.more': '{shown} sur {n} affichées.', 'consult.moderators': 'Organisée et modérée par', 'consult.territories': 'Tenue pour',
  'consult.cycles': 'Cycles annuels', 'consult.noCycles': 'Aucun cycle connu.', 'consult.participants': 'Participants fixes', 'consult.noParticipants': 'Aucun participant connu.',
  'consult.contacts': 'Personnes de contact du cycle', 'consult.meetings': 'Réunions', 'consult.noMeetings': 'Aucune réunion connue.',
  'meeting.number': 'N°', 'meeting.date': 'Date', 'meeting.noDate': 'pas de date indiquée', 'meeting.theme': 'Thème', 'meeting.noTheme': 'pas de thème indiqué',
  'meeting.territory': 'Territoire', 'meeting.heldFor': '(pour lequel la concertation est tenue)', 'meeting.cycle': 'Cycle', 'meeting.of': '{n} sur {total}', 'meeting.siblings': 'Autres réunions du cycle',
  'meeting.agenda': 'Ordre du jour', 'meeting.noAgenda': 'Pas d’ordre du jour indiqué.', 'meeting.decisions': 'Décisions', 'meeting.noDecisions': 'Aucune décision notée.',
  'meeting.actions': 'Actions', 'meeting.noActions': 'Aucune action notée.', 'meeting.action': 'Action', 'meeting.owner': 'Qui', 'meeting.due': 'Pour le', 'meeting.noDue': 'pas de date',
  'meeting.ownerHidden': 'une personne de contact (visible après connexion)', 'meeting.signals': 'Signaux', 'meeting.noSignals': 'Aucun signal noté.', 'meeting.signal': 'Signal', 'meeting.to': 'À qui',
  'meeting.previous': 'De la réunion précédente', 'meeting.first': 'C’est la première réunion du cycle.', 'meeting.previousNothing': 'La réunion précédente n’a noté ni décision, ni action, ni signal.',
  'meeting.briefing': 'Briefing de cette réunion', 'meeting.briefingIntro': 'Le briefing vient de la réunion elle-même : son thème et son territoire, les participants du cycle, les résultats de la réunion précédente et ce qui a changé depuis.',
  'meeting.downloadMd': 'Télécharger le briefing (Markdown)', 'meeting.downloadJson': 'Télécharger le briefing (JSON)',
  'sector.HEALTH_CARE': 'Soins de santé', 'sector.MENTAL_HEALTH': 'Santé mentale', 'sector.HOME_CARE': 'Soins à domicile', 'sector.PHARMACY': 'Pharmacie', 'sector.HOSPITAL': 'Hôpital', 'sector.WELFARE': 'Bien-être', 'sector.SOCIAL_SERVICES': 'Services sociaux', 'sector.ELDERLY_CARE': 'Soins aux aînés', 'sector.INSURANCE': 'Mutualité', 'sector.EDUCATION': 'Enseignement', 'sector.RESEARCH': 'Recherche', 'sector.HOUSING': 'Logement', 'sector.SPORT': 'Sport', 'sector.CULTURE': 'Culture', 'sector.COMMUNITY': 'Communauté', 'sector.PUBLIC_ADMINISTRATION': 'Administration publique', 'sector.PATIENT_RIGHTS': 'Droits des patients', 'sector.YOUTH': 'Jeunesse', 'sector.WORK': 'Emploi', 'sector.SOCIAL_ECONOMY': 'Économie sociale', 'sector.SPATIAL_PLANNING': 'Aménagement du territoire', 'sector.NONE': 'Secteur inconnu',
  'territoryKind.REGION': 'Région', 'territoryKind.PROVINCE': 'Province', 'territoryKind.MUNICIPALITY': 'Commune', 'territoryKind.FORMER_MUNICIPALITY': 'Ancienne commune', 'territoryKind.NEIGHBOURHOOD': 'Quartier', 'territoryKind.ZONE': 'Zone', 'territoryKind.STATISTICAL_SECTOR': 'Secteur statistique', 'territoryKind.STREET': 'Rue', 'territoryKind.SITE': 'Site', 'territoryKind.PRIMARY_CARE_ZONE': 'Zone de première ligne',
  'orgKind.CARE_PROVIDER': 'Prestataire de soins', 'orgKind.WELFARE_SERVICE': 'Service social', 'orgKind.PUBLIC_SERVICE': 'Service public', 'orgKind.MUTUAL_INSURER': 'Mutualité', 'orgKind.HOSPITAL': 'Hôpital', 'orgKind.SCHOOL': 'École', 'orgKind.ASSOCIATION': 'Association', 'orgKind.SHOP': 'Commerce', 'orgKind.RESIDENTS_GROUP': 'Groupe d’habitants', 'orgKind.KNOWLEDGE_CENTRE': 'Centre d’expertise', 'orgKind.NETWORK': 'Réseau', 'orgKind.PROJECT_TEAM': 'Équipe de projet', 'orgKind.OTHER': 'Autre',
  'funderLevel.EUROPEAN': 'Européen', 'funderLevel.FEDERAL': 'Fédéral', 'funderLevel.REGIONAL': 'Régional', 'funderLevel.COMMUNITY': 'Communautaire', 'funderLevel.COMMUNITY_COMMISSION': 'Commission communautaire', 'funderLevel.PROVINCIAL': 'Provincial', 'funderLevel.MUNICIPAL': 'Communal', 'funderLevel.PRIVATE': 'Privé',
  'community.NL': 'Néerlandophone', 'community.FR': 'Francophone', 'community.BILINGUAL': 'Bilingue',
  'app.name': 'buurtnet', 'app.tagline': 'Qui travaille avec qui, où, sur quoi et avec quel financement',
  'nav.search': 'Rechercher', 'nav.import': 'Importer', 'nav.new': 'Nouveau', 'nav.playground': 'Playground GraphQL',
  'nav.main': 'Navigation principale', 'nav.skip': 'Aller au contenu',
  'lang.label': 'Langue', 'loading': 'Chargement…', 'none': 'aucun', 'unknown': 'inconnu', 'open': 'ouvert',
  'search.label': 'Rechercher une organisation, un projet, un territoire, un financeur ou un thème', 'search.button': 'Rechercher',
  'search.placeholder': 'p. ex. brabant, santé, boost', 'search.results': 'Résultats pour « {q} »', 'search.nothing': 'Rien trouvé pour « {q} ».',
  'home.title': 'Explorer les réseaux de quartier', 'home.intro': 'Cherchez un territoire pour voir quels projets y travaillent, où ils se recouvrent, quelles fonctions personne n’assure et quelles synergies valent la peine d’être discutées.',
  'home.start': 'Pour commencer',
  'kind.territory': 'Territoires', 'kind.project': 'Projets', 'kind.organisation': 'Organisations', 'kind.funder': 'Financeurs', 'kind.theme': 'Thèmes',
  'kind.targetgroup': 'Public cible', 'kind.targetgroups': 'Publics cibles', 'kind.functions': 'Fonctions et briques', 'kind.function': 'Fonction',
  'kind1.territory': 'Territoire', 'kind1.project': 'Projet', 'kind1.organisation': 'Organisation', 'kind1.funder': 'Financeur', 'kind1.theme': 'Thème',
  'notfound.title': 'Introuvable', 'notfound.text': 'Cette page n’existe pas (ou plus). Cherchez ci-dessus.',
  'error.title': 'Un problème est survenu', 'error.network': 'Le service est injoignable.',
  'territory.breadcrumb': 'Situation', 'territory.alsoPartOf': 'Fait aussi partie de', 'territory.overlaps': 'Recouvre en partie',
  'territory.parts': 'Parties', 'territory.projects': 'Projets qui y travaillent', 'territory.on': 'Au jour', 'territory.onAny': 'tous les jours',
  'territory.show': 'Afficher', 'territory.gaps': 'Lacunes : fonctions et briques', 'territory.gapsIntro': 'Quels projets assurent ici les huit fonctions (VVSG) et les huit briques (quartiers solidaires). Ce que personne n’assure est signalé.',
  'territory.gap': 'lacune', 'territory.covered': 'assuré par', 'territory.themes': 'Thèmes', 'territory.missingThemes': 'Thèmes que personne n’aborde ici',
  'territory.coveredThemes': 'Thèmes abordés', 'territory.synergies': 'Synergies', 'territory.noSynergies': 'Aucun projet ne se recouvre ici.',
  'synergyKind.INTRODUCTION': 'mise en relation', 'synergyKind.STRENGTHEN': 'collaboration à renforcer',
  'territory.score': 'score {n}', 'territory.points': '{n} pt', 'territory.noProjects': 'Aucun projet ne travaille ici ce jour-là.',
  'territory.partlyPresent': 'Présence partielle', 'territory.partlyIntro': 'Ces projets travaillent sur un territoire que celui-ci ne partage qu’en partie : peut-être ici, peut-être à côté.',
  'territory.priorities': 'Priorités du quartier', 'territory.prioritiesIntro': 'Ce que ce territoire a choisi après son analyse, et qui y travaille ici.',
  'territory.network': 'Réseau de ce territoire', 'territory.kind': 'Type', 'territory.code': 'Code INS',
  'net.title': 'Analyse du réseau', 'net.intro': 'Qui tient le réseau ensemble, qui reste à l’écart et qui peut présenter qui : les projets qui travaillent ici et leurs partenaires, au jour choisi.',
  'net.brokers': 'Courtiers', 'net.brokersIntro': 'Les organisations par lesquelles passent le plus de liens entre partenaires et projets.', 'net.noBrokers': 'Aucune organisation ne relie des projets ici.',
  'net.clusters': 'Groupes', 'net.clustersIntro': 'Des groupes d’organisations qui travaillent surtout entre elles.', 'net.noClusters': 'Aucun groupe : aucun partenaire ne collabore ici.',
  'net.modularity': 'Modularité {q} (au-delà d’environ 0,3, les groupes sont nettement plus liés en interne qu’entre eux).', 'net.cluster': 'Groupe {n}',
  'net.unlinked': 'relié par personne', 'net.members': 'Membres', 'net.projects': 'Projets', 'net.linked': 'Relié au groupe {list} par',
  'net.isolation': 'Isolés et en marge', 'net.isolationIntro': 'Les projets qui ne partagent aucun partenaire avec un autre projet ici, ou avec un seul ; les organisations établies ici ou qui y travaillent sans participer à aucun projet.',
  'net.isolated': 'Projets isolés', 'net.peripheral': 'Projets en marge (partenaires partagés avec un seul autre projet)', 'net.absent': 'Organisations présentes sans projet',
  'net.bridges.LANGUAGE': 'Ponts par-delà la frontière linguistique', 'net.bridges.HEALTH_WELFARE': 'Ponts entre santé et social',
  'net.bridges.organisations': 'organisations', 'net.bridges.projects': 'projets',
  'net.noBridges.organisations': 'Aucune organisation n’est ici l’intermédiaire de partenaires qui ne se rencontrent pas autrement.', 'net.noBridges.projects': 'Aucun projet ne réunit ici les deux côtés.',
  'net.sideA.LANGUAGE': 'Partenaires néerlandophones', 'net.sideB.LANGUAGE': 'Partenaires francophones', 'net.sideA.HEALTH_WELFARE': 'Partenaires santé', 'net.sideB.HEALTH_WELFARE': 'Partenaires social', 'net.pairs': 'Paires',
  'intro.title': 'Présentations', 'intro.help': 'Cherchez une autre organisation pour voir les plus courtes chaînes de projets communs de {name} jusqu’à elle.',
  'intro.other': 'Autre organisation', 'intro.maxLength': 'Au plus ce nombre de projets', 'intro.to': 'D’ici à {name}', 'intro.none': 'Aucune chaîne de projets communs dans cette longueur.',
  'intro.length': '{n} projet(s) :', 'intro.choose': 'Chaînes vers {name}',
  'briefing.title': 'Préparer la réunion', 'briefing.intro': 'Téléchargez le dossier de ce territoire.', 'briefing.theme': 'Thème',
  'briefing.anyTheme': 'tous les thèmes', 'briefing.on': 'Au jour', 'briefing.since': 'Changements depuis', 'briefing.format': 'Format',
  'briefing.download': 'Télécharger le dossier',
  'format.xlsx': 'Excel (XLSX)', 'format.csv': 'CSV pour tableurs belges (ZIP)', 'format.csv-rfc4180': 'CSV (RFC 4180, ZIP)', 'format.html': 'Page web (HTML, imprimable)',
  'format.md': 'Markdown', 'format.json': 'JSON', 'format.pdf': 'PDF', 'format.graphml': 'GraphML (yEd)', 'format.gexf': 'GEXF (Gephi)', 'format.yaml': 'YAML',
  'project.period': 'Période', 'project.status': 'Statut', 'project.website': 'Site web', 'project.source': 'Source',
  'project.partners': 'Partenaires', 'project.territories': 'Territoires', 'project.funders': 'Financeurs', 'project.themes': 'Thèmes',
  'project.targetGroups': 'Publics cibles', 'project.functions': 'Fonctions et briques', 'project.stakeholders': 'Carte des parties prenantes',
  'project.stakeholdersIntro': 'Les partenaires par niveau d’implication (à l’extérieur informer, au centre codécider), colorés par secteur.',
  'project.unassessed': 'Pas encore évalués', 'project.overlaps': 'Recouvrements', 'project.noOverlaps': 'Aucun autre projet ne travaille sur le même terrain.',
  'project.places': 'Lieux de rencontre', 'project.here': 'Ici', 'project.there': 'Là', 'project.relation': 'Relation',
  'project.sharedPartners': 'Partenaires communs', 'project.sharedThemes': 'Thèmes communs', 'project.ourFunders': 'Financeurs de ce projet',
  'project.theirFunders': 'Financeurs de l’autre', 'project.collaborations': 'Collaborations', 'project.network': 'Réseau autour de ce projet',
  'project.amount': 'Montant', 'project.coverage': 'Couverture', 'project.role': 'Rôle', 'project.level': 'Niveau', 'project.organisation': 'Organisation',
  'project.edit': 'Modifier', 'project.description': 'Description',
  'contacts.title': 'Personnes de contact', 'contacts.name': 'Nom', 'contacts.none': 'Aucune personne de contact connue.', 'contacts.function': 'Fonction', 'contacts.email': 'E-mail', 'contacts.phone': 'Téléphone',
  'contacts.signin': 'Les personnes de contact sont visibles après connexion.',
  'org.kind': 'Type', 'org.sectors': 'Secteurs', 'org.community': 'Communauté linguistique', 'org.enterprise': 'Numéro d’entreprise', 'org.projects': 'Projets',
  'org.locatedIn': 'Située à', 'org.serves': 'Dessert', 'org.territories': 'Territoires des projets',
  'funder.level': 'Niveau', 'funder.fundings': 'Projets financés', 'funder.territories': 'Territoires des projets',
  'term.projects': 'Projets', 'term.framework': 'Cadre',
  'network.title': 'Réseau autour de {name}', 'network.theme': 'Thème', 'network.function': 'Fonction', 'network.all': 'tous',
  'network.png': 'Exporter en PNG', 'network.svg': 'Exporter en SVG', 'network.export': 'Télécharger le réseau', 'network.list': 'Les mêmes données en liste',
  'network.legend': 'Projets, organisations et territoires ; cliquez sur un nœud pour ouvrir sa page.', 'network.empty': 'Rien à montrer avec ce filtre.',
  'auth.signin': 'Se connecter', 'auth.signout': 'Se déconnecter', 'auth.token': 'Clé d’accès (token)', 'auth.as': 'Connecté en tant que {name} ({role})',
  'auth.help': 'Collez la clé reçue de votre administrateur. Elle n’est gardée que dans cet onglet.', 'auth.bad': 'Cette clé n’est pas acceptée.',
  'auth.needEditor': 'Il faut se connecter avec une clé de rôle EDITOR pour modifier.',
  'edit.new': 'Nouveau : {kind}', 'edit.edit': 'Modifier : {name}', 'edit.save': 'Enregistrer', 'edit.saved': 'Enregistré.', 'edit.created': 'Créé.',
  'edit.conflict': 'Quelqu’un d’autre l’a modifié entre-temps. Rechargez la page pour voir sa version ; vos changements n’ont pas été enregistrés.',
  'edit.reload': 'Recharger', 'edit.fix': 'Corrigez les champs signalés.', 'edit.nameNl': 'Nom (néerlandais)', 'edit.nameFr': 'Nom (français)', 'edit.nameEn': 'Nom (anglais)',
  'edit.descNl': 'Description (néerlandais)', 'edit.descFr': 'Description (français)', 'edit.descEn': 'Description (anglais)', 'edit.start': 'Début', 'edit.end': 'Fin',
  'edit.acronym': 'Sigle', 'edit.code': 'Code', 'edit.note': 'Remarque', 'edit.socialMap': 'Id dans la carte sociale', 'edit.id': 'Id (facultatif)',
  'edit.links': 'Relier', 'edit.current': 'Relations', 'edit.otherEnd': 'Avec', 'edit.detail': 'Détails', 'edit.remove': 'Supprimer', 'edit.cancel': 'Annuler', 'edit.linkKind': 'Type de relation', 'edit.other': 'Autre extrémité (id ou recherche)', 'edit.link': 'Relier', 'edit.linked': 'Relié.',
  'edit.choose': '— choisir —', 'edit.view': 'Voir la page', 'edit.amount': 'Montant (euro)',
  'import.title': 'Importer un tableur', 'import.intro': 'Un classeur XLSX avec une feuille par type, un fichier CSV nommé d’après sa feuille, ou un réseau JSON/YAML. Vous voyez d’abord ce qui se passerait ; rien n’est écrit avant confirmation.',
  'import.file': 'Fichier', 'import.validOnly': 'N’importer que les lignes correctes', 'import.check': 'Vérifier (essai à blanc)', 'import.confirm': 'Confirmer et importer',
  'import.report': 'Rapport', 'import.created': 'nouveaux', 'import.updated': 'modifiés', 'import.unchanged': 'inchangés', 'import.skipped': 'ignorés',
  'import.problems': 'Problèmes', 'import.sheet': 'Feuille', 'import.row': 'Ligne', 'import.column': 'Colonne', 'import.reason': 'Raison',
  'import.noProblems': 'Aucun problème.', 'import.blocked': 'Le fichier a des problèmes : rien n’est écrit, sauf si vous n’importez que les lignes correctes.', 'import.done': 'Importé.',
  'relation.SAME': 'même territoire', 'relation.CONTAINS': 'contient l’autre', 'relation.WITHIN': 'se trouve dans l’autre', 'relation.PARTIAL': 'recouvrement partiel',
  'level.INFORM': 'Informer', 'level.CONSULT': 'Consulter', 'level.CO_CREATE': 'Co-construire', 'level.CO_DECIDE': 'Codécider',
  'role.COORDINATOR': 'coordinateur', 'role.PARTNER': 'partenaire', 'role.ASSOCIATE': 'associé',
  'status.CONCEPTUALISATION': 'conception', 'status.IN_DEVELOPMENT': 'en développement', 'status.PILOT': 'pilote', 'status.IMPLEMENTATION': 'en cours', 'status.ENDED': 'terminé',
  'coverage.WHOLE': 'tout le territoire', 'coverage.PART': 'une partie',
  'framework.VVSG_FUNCTIONS': 'Fonctions (VVSG)', 'framework.CARING_NEIGHBOURHOODS': 'Briques (quartiers solidaires)',
}

const en: Texts = {
  'project.notes': 'Notes on the partners', 'project.noteRef': 'note {n}',
  'nav.consultations': 'Consultations', 'kind.consultation': 'Consultations', 'kind1.consultation': 'Consultation', 'kind1.meeting': 'Meeting',
  'consult.title': 'Consultations', 'consult.intro': 'Consultations of people from several projects, with their yearly cycles, fixed participants and meetings. A consultation is not a project: it does not count in overlaps, synergies or gaps.',
  'consult.none': 'No consultation known yet.', 'consult.more': '{shown} of {n} shown.', 'consult.moderators': 'Organised and moderated by', 'consult.territories': 'Held for',
  'consult.cycles': 'Yearly cycles', 'consult.noCycles': 'No cycle known yet.', 'consult.participants': 'Fixed participants', 'consult.noParticipants': 'No participants known.',
  'consult.contacts': 'Contact persons of the cycle', 'consult.meetings': 'Meetings', 'consult.noMeetings': 'No meeting known yet.',
  'meeting.number': 'No.', 'meeting.date': 'Date', 'meeting.noDate': 'no date given', 'meeting.theme': 'Theme', 'meeting.noTheme': 'no theme given',
  'meeting.territory': 'Territory', 'meeting.heldFor': '(the consultation is held for it)', 'meeting.cycle': 'Cycle', 'meeting.of': '{n} of {total}', 'meeting.siblings': 'Other meetings of the cycle',
  'meeting.agenda': 'Agenda', 'meeting.noAgenda': 'No agenda given.', 'meeting.decisions': 'Decisions', 'meeting.noDecisions': 'No decisions recorded.',
  'meeting.actions': 'Actions', 'meeting.noActions': 'No actions recorded.', 'meeting.action': 'Action', 'meeting.owner': 'Owner', 'meeting.due': 'Due', 'meeting.noDue': 'no date',
  'meeting.ownerHidden': 'a contact person (visible when signed in)', 'meeting.signals': 'Signals', 'meeting.noSignals': 'No signals recorded.', 'meeting.signal': 'Signal', 'meeting.to': 'To whom',
  'meeting.previous': 'From the previous meeting', 'meeting.first': 'This is the first meeting of the cycle.', 'meeting.previousNothing': 'The previous meeting recorded no decisions, actions or signals.',
  'meeting.briefing': 'Briefing of this meeting', 'meeting.briefingIntro': 'The briefing comes from the meeting itself: its theme and territory, the cycle’s participants, the previous meeting’s outcomes and what changed since.',
  'meeting.downloadMd': 'Download the briefing (Markdown)', 'meeting.downloadJson': 'Download the briefing (JSON)',
  'sector.HEALTH_CARE': 'Health care', 'sector.MENTAL_HEALTH': 'Mental health', 'sector.HOME_CARE': 'Home care', 'sector.PHARMACY': 'Pharmacy', 'sector.HOSPITAL': 'Hospital', 'sector.WELFARE': 'Welfare', 'sector.SOCIAL_SERVICES': 'Social services', 'sector.ELDERLY_CARE': 'Elderly care', 'sector.INSURANCE': 'Insurance', 'sector.EDUCATION': 'Education', 'sector.RESEARCH': 'Research', 'sector.HOUSING': 'Housing', 'sector.SPORT': 'Sport', 'sector.CULTURE': 'Culture', 'sector.COMMUNITY': 'Community', 'sector.PUBLIC_ADMINISTRATION': 'Public administration', 'sector.PATIENT_RIGHTS': 'Patient rights', 'sector.YOUTH': 'Youth', 'sector.WORK': 'Work', 'sector.SOCIAL_ECONOMY': 'Social economy', 'sector.SPATIAL_PLANNING': 'Spatial planning', 'sector.NONE': 'Sector unknown',
  'territoryKind.REGION': 'Region', 'territoryKind.PROVINCE': 'Province', 'territoryKind.MUNICIPALITY': 'Municipality', 'territoryKind.FORMER_MUNICIPALITY': 'Former municipality', 'territoryKind.NEIGHBOURHOOD': 'Neighbourhood', 'territoryKind.ZONE': 'Zone', 'territoryKind.STATISTICAL_SECTOR': 'Statistical sector', 'territoryKind.STREET': 'Street', 'territoryKind.SITE': 'Site', 'territoryKind.PRIMARY_CARE_ZONE': 'Primary care zone',
  'orgKind.CARE_PROVIDER': 'Care provider', 'orgKind.WELFARE_SERVICE': 'Welfare service', 'orgKind.PUBLIC_SERVICE': 'Public service', 'orgKind.MUTUAL_INSURER': 'Mutual insurer', 'orgKind.HOSPITAL': 'Hospital', 'orgKind.SCHOOL': 'School', 'orgKind.ASSOCIATION': 'Association', 'orgKind.SHOP': 'Shop', 'orgKind.RESIDENTS_GROUP': 'Residents’ group', 'orgKind.KNOWLEDGE_CENTRE': 'Knowledge centre', 'orgKind.NETWORK': 'Network', 'orgKind.PROJECT_TEAM': 'Project team', 'orgKind.OTHER': 'Other',
  'funderLevel.EUROPEAN': 'European', 'funderLevel.FEDERAL': 'Federal', 'funderLevel.REGIONAL': 'Regional', 'funderLevel.COMMUNITY': 'Community', 'funderLevel.COMMUNITY_COMMISSION': 'Community commission', 'funderLevel.PROVINCIAL': 'Provincial', 'funderLevel.MUNICIPAL': 'Municipal', 'funderLevel.PRIVATE': 'Private',
  'community.NL': 'Dutch-speaking', 'community.FR': 'French-speaking', 'community.BILINGUAL': 'Bilingual',
  'app.name': 'buurtnet', 'app.tagline': 'Who works with whom, where, on what, funded by whom',
  'nav.search': 'Search', 'nav.import': 'Import', 'nav.new': 'New', 'nav.playground': 'GraphQL playground',
  'nav.main': 'Main navigation', 'nav.skip': 'Skip to content',
  'lang.label': 'Language', 'loading': 'Loading…', 'none': 'none', 'unknown': 'unknown', 'open': 'open',
  'search.label': 'Find an organisation, project, territory, funder or theme', 'search.button': 'Search',
  'search.placeholder': 'e.g. brabant, sante, boost', 'search.results': 'Results for “{q}”', 'search.nothing': 'Nothing found for “{q}”.',
  'home.title': 'Explore the neighbourhood networks', 'home.intro': 'Find a territory to see which projects work there, where they overlap, which functions nobody covers and which synergies are worth raising.',
  'home.start': 'To start with',
  'kind.territory': 'Territories', 'kind.project': 'Projects', 'kind.organisation': 'Organisations', 'kind.funder': 'Funders', 'kind.theme': 'Themes',
  'kind.targetgroup': 'Target group', 'kind.targetgroups': 'Target groups', 'kind.functions': 'Functions and building blocks', 'kind.function': 'Function',
  'kind1.territory': 'Territory', 'kind1.project': 'Project', 'kind1.organisation': 'Organisation', 'kind1.funder': 'Funder', 'kind1.theme': 'Theme',
  'notfound.title': 'Not found', 'notfound.text': 'This page does not exist (any more). Search above.',
  'error.title': 'Something went wrong', 'error.network': 'The service cannot be reached.',
  'territory.breadcrumb': 'Where it lies', 'territory.alsoPartOf': 'Also part of', 'territory.overlaps': 'Partly overlaps',
  'territory.parts': 'Parts', 'territory.projects': 'Projects working here', 'territory.on': 'On', 'territory.onAny': 'any day',
  'territory.show': 'Show', 'territory.gaps': 'Gaps: functions and building blocks', 'territory.gapsIntro': 'Which projects cover the eight functions (VVSG) and the eight building blocks (caring neighbourhoods) here. What nobody covers is marked.',
  'territory.gap': 'gap', 'territory.covered': 'covered by', 'territory.themes': 'Themes', 'territory.missingThemes': 'Themes nobody covers here',
  'territory.coveredThemes': 'Covered themes', 'territory.synergies': 'Synergies', 'territory.noSynergies': 'No overlapping projects here.',
  'synergyKind.INTRODUCTION': 'introduction', 'synergyKind.STRENGTHEN': 'collaboration to strengthen',
  'territory.score': 'score {n}', 'territory.points': '{n} pt', 'territory.noProjects': 'No project works here on that day.',
  'territory.partlyPresent': 'Partly present', 'territory.partlyIntro': 'These projects work on ground this territory only partly shares: perhaps here, perhaps next door.',
  'territory.priorities': 'Neighbourhood priorities', 'territory.prioritiesIntro': 'What this territory chose after its analysis, and who works on it here.',
  'territory.network': 'Network of this territory', 'territory.kind': 'Kind', 'territory.code': 'NIS code',
  'net.title': 'Network analysis', 'net.intro': 'Who holds the network together, who stands apart and who can introduce whom: the projects working here and their partners, on the chosen day.',
  'net.brokers': 'Brokers', 'net.brokersIntro': 'The organisations through which most connections between partners and projects run.', 'net.noBrokers': 'No organisation connects projects here.',
  'net.clusters': 'Clusters', 'net.clustersIntro': 'Groups of organisations that work mostly together.', 'net.noClusters': 'No clusters: no partners work together here.',
  'net.modularity': 'Modularity {q} (above about 0.3 the clusters are clearly more tied inside than between).', 'net.cluster': 'Cluster {n}',
  'net.unlinked': 'linked by nobody', 'net.members': 'Members', 'net.projects': 'Projects', 'net.linked': 'Linked with cluster {list} through',
  'net.isolation': 'Isolated and peripheral', 'net.isolationIntro': 'Projects that share no partner with another project here, or with one only; organisations located in or serving the territory that take part in no project.',
  'net.isolated': 'Isolated projects', 'net.peripheral': 'Peripheral projects (partners shared with one other project)', 'net.absent': 'Present organisations without a project',
  'net.bridges.LANGUAGE': 'Bridges across the language line', 'net.bridges.HEALTH_WELFARE': 'Bridges between health and welfare',
  'net.bridges.organisations': 'organisations', 'net.bridges.projects': 'projects',
  'net.noBridges.organisations': 'No organisation is here the go-between of partners who do not meet otherwise.', 'net.noBridges.projects': 'No project brings both sides together here.',
  'net.sideA.LANGUAGE': 'Dutch-speaking partners', 'net.sideB.LANGUAGE': 'French-speaking partners', 'net.sideA.HEALTH_WELFARE': 'Health partners', 'net.sideB.HEALTH_WELFARE': 'Welfare partners', 'net.pairs': 'Pairs',
  'intro.title': 'Introductions', 'intro.help': 'Search another organisation to see the shortest chains of shared projects from {name} to it.',
  'intro.other': 'Other organisation', 'intro.maxLength': 'At most this many projects', 'intro.to': 'From here to {name}', 'intro.none': 'No chain of shared projects within this length.',
  'intro.length': '{n} project(s):', 'intro.choose': 'Chains to {name}',
  'briefing.title': 'Prepare the meeting', 'briefing.intro': 'Download the briefing for this territory.', 'briefing.theme': 'Theme',
  'briefing.anyTheme': 'all themes', 'briefing.on': 'On', 'briefing.since': 'Changes since', 'briefing.format': 'Format',
  'briefing.download': 'Download the briefing',
  'format.xlsx': 'Excel (XLSX)', 'format.csv': 'CSV for Belgian spreadsheets (ZIP)', 'format.csv-rfc4180': 'CSV (RFC 4180, ZIP)', 'format.html': 'Web page (HTML, printable)',
  'format.md': 'Markdown', 'format.json': 'JSON', 'format.pdf': 'PDF', 'format.graphml': 'GraphML (yEd)', 'format.gexf': 'GEXF (Gephi)', 'format.yaml': 'YAML',
  'project.period': 'Period', 'project.status': 'Status', 'project.website': 'Website', 'project.source': 'Source',
  'project.partners': 'Partners', 'project.territories': 'Territories', 'project.funders': 'Funders', 'project.themes': 'Themes',
  'project.targetGroups': 'Target groups', 'project.functions': 'Functions and building blocks', 'project.stakeholders': 'Stakeholder map',
  'project.stakeholdersIntro': 'The partners by level of involvement (outside inform, centre co-decide), coloured by sector.',
  'project.unassessed': 'Not yet assessed', 'project.overlaps': 'Overlaps', 'project.noOverlaps': 'No other project works on the same ground.',
  'project.places': 'Meeting places', 'project.here': 'Here', 'project.there': 'There', 'project.relation': 'Relation',
  'project.sharedPartners': 'Shared partners', 'project.sharedThemes': 'Shared themes', 'project.ourFunders': 'Funders of this project',
  'project.theirFunders': 'Funders of the other', 'project.collaborations': 'Collaborations', 'project.network': 'Network around this project',
  'project.amount': 'Amount', 'project.coverage': 'Coverage', 'project.role': 'Role', 'project.level': 'Level', 'project.organisation': 'Organisation',
  'project.edit': 'Edit', 'project.description': 'Description',
  'contacts.title': 'Contact persons', 'contacts.name': 'Name', 'contacts.none': 'No contact persons known.', 'contacts.function': 'Function', 'contacts.email': 'E-mail', 'contacts.phone': 'Phone',
  'contacts.signin': 'Contact persons are shown after signing in.',
  'org.kind': 'Kind', 'org.sectors': 'Sectors', 'org.community': 'Language community', 'org.enterprise': 'Enterprise number', 'org.projects': 'Projects',
  'org.locatedIn': 'Located in', 'org.serves': 'Serves', 'org.territories': 'Territories of its projects',
  'funder.level': 'Level', 'funder.fundings': 'Funded projects', 'funder.territories': 'Territories of the projects',
  'term.projects': 'Projects', 'term.framework': 'Framework',
  'network.title': 'Network around {name}', 'network.theme': 'Theme', 'network.function': 'Function', 'network.all': 'all',
  'network.png': 'Export PNG', 'network.svg': 'Export SVG', 'network.export': 'Download the network', 'network.list': 'The same data as a list',
  'network.legend': 'Projects, organisations and territories; click a node to open its page.', 'network.empty': 'Nothing to show with this filter.',
  'auth.signin': 'Sign in', 'auth.signout': 'Sign out', 'auth.token': 'Access token', 'auth.as': 'Signed in as {name} ({role})',
  'auth.help': 'Paste the token your administrator gave you. It is kept in this browser tab only.', 'auth.bad': 'This token is not accepted.',
  'auth.needEditor': 'Sign in with a token of role EDITOR to edit.',
  'edit.new': 'New: {kind}', 'edit.edit': 'Edit: {name}', 'edit.save': 'Save', 'edit.saved': 'Saved.', 'edit.created': 'Created.',
  'edit.conflict': 'Someone else changed this meanwhile. Reload the page to see their version; your changes were not saved.',
  'edit.reload': 'Reload', 'edit.fix': 'Correct the marked fields.', 'edit.nameNl': 'Name (Dutch)', 'edit.nameFr': 'Name (French)', 'edit.nameEn': 'Name (English)',
  'edit.descNl': 'Description (Dutch)', 'edit.descFr': 'Description (French)', 'edit.descEn': 'Description (English)', 'edit.start': 'Start', 'edit.end': 'End',
  'edit.acronym': 'Acronym', 'edit.code': 'Code', 'edit.note': 'Note', 'edit.socialMap': 'Id in the social map', 'edit.id': 'Id (optional)',
  'edit.links': 'Link', 'edit.current': 'Links', 'edit.otherEnd': 'With', 'edit.detail': 'Details', 'edit.remove': 'Remove', 'edit.cancel': 'Cancel', 'edit.linkKind': 'Kind of link', 'edit.other': 'Other end (id or search)', 'edit.link': 'Link', 'edit.linked': 'Linked.',
  'edit.choose': '— choose —', 'edit.view': 'View the page', 'edit.amount': 'Amount (euro)',
  'import.title': 'Import a spreadsheet', 'import.intro': 'An XLSX workbook with one sheet per kind, a CSV file named after its sheet, or a JSON/YAML network. You first see what would happen; nothing is written before you confirm.',
  'import.file': 'File', 'import.validOnly': 'Import only the good rows', 'import.check': 'Check (dry run)', 'import.confirm': 'Confirm and import',
  'import.report': 'Report', 'import.created': 'created', 'import.updated': 'updated', 'import.unchanged': 'unchanged', 'import.skipped': 'skipped',
  'import.problems': 'Problems', 'import.sheet': 'Sheet', 'import.row': 'Row', 'import.column': 'Column', 'import.reason': 'Reason',
  'import.noProblems': 'No problems.', 'import.blocked': 'The file has problems: nothing is written unless you import only the good rows.', 'import.done': 'Imported.',
  'relation.SAME': 'same territory', 'relation.CONTAINS': 'contains the other', 'relation.WITHIN': 'lies within the other', 'relation.PARTIAL': 'partial overlap',
  'level.INFORM': 'Inform', 'level.CONSULT': 'Consult', 'level.CO_CREATE': 'Co-create', 'level.CO_DECIDE': 'Co-decide',
  'role.COORDINATOR': 'coordinator', 'role.PARTNER': 'partner', 'role.ASSOCIATE': 'associate',
  'status.CONCEPTUALISATION': 'concept', 'status.IN_DEVELOPMENT': 'in development', 'status.PILOT': 'pilot', 'status.IMPLEMENTATION': 'running', 'status.ENDED': 'ended',
  'coverage.WHOLE': 'the whole territory', 'coverage.PART': 'part of it',
  'framework.VVSG_FUNCTIONS': 'Functions (VVSG)', 'framework.CARING_NEIGHBOURHOODS': 'Building blocks (caring neighbourhoods)',
}

const dictionaries: Record<Lang, Texts> = { nl, fr, en }

// t looks a text up in the current language; {name} placeholders are
// filled from vars. A key missing in one language falls back to English,
// then to the key itself, so a gap shows instead of breaking the page.
export function t(key: string, vars: Record<string, string | number> = {}): string {
  const text = dictionaries[current][key] ?? en[key] ?? key
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''))
}

// enumText names an API enum value (SECTOR, ORG kind …): the dictionary's
// word where there is one, else the value made readable.
export function enumText(group: string, value: string | null | undefined): string {
  if (!value) return t('unknown')
  const key = `${group}.${value}`
  if (dictionaries[current][key] ?? en[key]) return t(key)
  const words = value.toLowerCase().replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function missingKeys(): string[] {
  const all = new Set([...Object.keys(nl), ...Object.keys(fr), ...Object.keys(en)])
  return [...all].filter((k) => !(k in nl && k in fr && k in en))
}

export function formatDate(d: string | null | undefined): string {
  if (!d) return ''
  const [y, m, day] = d.split('-').map(Number)
  return new Intl.DateTimeFormat(current === 'en' ? 'en-GB' : current === 'fr' ? 'fr-BE' : 'nl-BE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, day)))
}

export function formatPeriod(p: { start?: string | null; end?: string | null } | null | undefined): string {
  if (!p || (!p.start && !p.end)) return t('open')
  return `${p.start ? formatDate(p.start) : '…'} – ${p.end ? formatDate(p.end) : '…'}`
}

export function formatMoney(amount: number | null | undefined): string {
  if (amount == null) return ''
  return new Intl.NumberFormat(current === 'en' ? 'en-GB' : current === 'fr' ? 'fr-BE' : 'nl-BE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount)
}
