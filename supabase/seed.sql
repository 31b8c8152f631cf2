-- =============================================================================
-- Seed data for Buurtatlas: Amsterdam Nieuw-West and the LSA members elsewhere.
--
-- Sourced entries take their names, places and ties from public articles (see
-- `source`); descriptions are our own words. Entries with is_illustrative = true
-- are made up so that map and network are worth looking at; the app labels them.
-- Points with location_precision other than 'address' are approximate.
-- No private person's details are seeded: only role addresses and websites.
-- =============================================================================

-- ---------------------------------------------------------------------------
-- Areas: stadsdeel Nieuw-West and its wijken, with CBS wijk codes of the
-- CBS Wijk- en buurtkaart (indeling 2016-2021). No boundaries or populations
-- are seeded: we have no source for them here.
-- ---------------------------------------------------------------------------
insert into public.areas (id, level, name, cbs_code, parent_id, source) values
  ('F', 'stadsdeel', 'Nieuw-West', null, null, 'Gemeente Amsterdam, stadsdeelcode F');

insert into public.areas (id, level, name, cbs_code, parent_id, source)
select 'WK0363' || code, 'wijk', name, 'WK0363' || code, 'F', 'CBS Wijk- en buurtkaart, indeling 2016-2021'
from (values
  ('76', 'Slotermeer-Noordoost'),
  ('77', 'Slotermeer-Zuidwest'),
  ('78', 'Geuzenveld'),
  ('79', 'Eendracht'),
  ('80', 'Lutkemeer/Ookmeer'),
  ('81', 'Osdorp-Oost'),
  ('82', 'Osdorp-Midden'),
  ('83', 'De Punt'),
  ('84', 'Middelveldsche Akerpolder'),
  ('85', 'Slotervaart Noord'),
  ('86', 'Overtoomse Veld'),
  ('87', 'Westlandgracht'),
  ('88', 'Sloter-/Riekerpolder'),
  ('89', 'Slotervaart Zuid')
) as wijk (code, name);

-- ---------------------------------------------------------------------------
-- Organisations
-- ---------------------------------------------------------------------------
insert into public.organisations
  (slug, name, kind, status, lng, lat, location_precision, address, city, area_id, is_illustrative, source, description)
values
  -- Sourced: Wij Zijn Plein ’40-’45 (praktijkvoorbeeld GemeenteDelers, 2017)
  ('wij-zijn-plein-40-45', 'Wij Zijn Plein ’40-’45', 'buurtplatform', 'published', 4.8107, 52.3789, 'address',
    'Plein ’40-’45', 'Amsterdam', 'WK036376', false,
    'Praktijkvoorbeeld “Wij Zijn Plein ’40-’45”, inzending GemeenteDelers (2017)',
    'Buurtcoalitie waarin bewoners, ondernemers en het stadsdeel het plein samen als gemeengoed beheren. Elke partij houdt haar eigen rol, maar plannen en klussen worden gezamenlijk opgepakt. Met een grote online buurtgemeenschap, meertalige enquêtes en een eigen buurtredactie.'),
  ('buurtredactie-plein-40-45', 'Buurtredactie Plein ’40-’45', 'resident_initiative', 'published', 4.8114, 52.3794, 'neighbourhood',
    null, 'Amsterdam', 'WK036376', false,
    'Praktijkvoorbeeld “Wij Zijn Plein ’40-’45”, inzending GemeenteDelers (2017)',
    'Bewoners die verhalen uit de buurt rond het plein optekenen en delen, begonnen toen ontmoeten tijdens corona lastig werd.'),
  ('stadsdeel-nieuw-west', 'Gemeente Amsterdam, stadsdeel Nieuw-West', 'municipality', 'published', 4.8017, 52.3583, 'address',
    'Osdorpplein 1000', 'Amsterdam', 'WK036382', false,
    'Praktijkvoorbeeld “Wij Zijn Plein ’40-’45” (2017); projectverslag Beerenbroeckbuurt',
    'Het stadsdeelbestuur en de gebiedsteams van Nieuw-West. Partner in buurtcoalities en financier van buurtgerichte aanpakken.'),
  ('gemeente-amsterdam', 'Gemeente Amsterdam', 'municipality', 'published', 4.9003, 52.3676, 'address',
    'Amstel 1', 'Amsterdam', null, false,
    '!WOON: “Certificaat voor Buurtplatforms: De proeftuin” (2022); Samen Nieuw-West (2023)',
    'Het stedelijk bestuur. Startte een proeftuin waarin buurtplatforms een erkende positie kunnen krijgen, en is partner in Samen Nieuw-West.'),
  ('woon', '!WOON', 'welfare', 'published', 4.8265, 52.3625, 'neighbourhood',
    null, 'Amsterdam', 'WK036385', false,
    '!WOON: “!WOON partner in Nationaal Programma Samen Nieuw-West” (2023)',
    'Ondersteunt bewoners bij sloop, renovatie en nieuwbouw, bij de energietransitie, bij het opzetten van buurtplatforms en bij communitybuilding. Bewoners houden de regie; !WOON brengt kennis en begeleidt het proces.'),
  ('samen-nieuw-west', 'Nationaal Programma Samen Nieuw-West', 'other', 'published', 4.8030, 52.3590, 'neighbourhood',
    null, 'Amsterdam', 'WK036382', false,
    '!WOON: “!WOON partner in Nationaal Programma Samen Nieuw-West” (2023)',
    'Een langjarig programma waarin meer dan vijftig organisaties zich verbinden aan een kansrijke toekomst voor de bewoners van Nieuw-West: passend wonen in elke levensfase en gelijke kansen voor kinderen.'),
  ('combiwel', 'Combiwel Welzijn', 'welfare', 'published', 4.8360, 52.3615, 'neighbourhood',
    null, 'Amsterdam', 'WK036386', false,
    '!WOON: Samen Nieuw-West (2023)',
    'Welzijnsorganisatie met buurtwerk, jongerenwerk en ondersteuning van bewonersinitiatieven in Nieuw-West.'),
  ('eigenwijks', 'Eigenwijks', 'welfare', 'published', 4.7950, 52.3805, 'neighbourhood',
    null, 'Amsterdam', 'WK036378', false,
    '!WOON: Samen Nieuw-West (2023), als deel van de Kracht van Nieuw-West',
    'Lokale organisatie die bewoners helpt hun eigen plannen voor de buurt waar te maken, van buurtkamer tot activiteit.'),
  ('stichting-saaam', 'Stichting SAAAM', 'resident_initiative', 'published', 4.8205, 52.3560, 'neighbourhood',
    null, 'Amsterdam', 'WK036389', false,
    '!WOON: Samen Nieuw-West (2023), als deel van de Kracht van Nieuw-West',
    'Stichting uit de buurt die activiteiten organiseert voor en met bewoners, verenigd in de Kracht van Nieuw-West.'),
  ('ru-parre-community', 'Ru Parré Community', 'resident_initiative', 'published', 4.8290, 52.3585, 'neighbourhood',
    null, 'Amsterdam', 'WK036385', false,
    '!WOON: Samen Nieuw-West (2023), als deel van de Kracht van Nieuw-West',
    'Gemeenschap van bewoners rond een eigen ontmoetingsplek, met activiteiten voor jong en oud.'),
  ('kracht-van-nieuw-west', 'Kracht van Nieuw-West', 'buurtplatform', 'published', 4.8150, 52.3640, 'neighbourhood',
    null, 'Amsterdam', 'WK036385', false,
    '!WOON: Samen Nieuw-West (2023)',
    'Bundeling van lokale organisaties en bewonersinitiatieven die samen aan tafel zitten in Samen Nieuw-West.'),
  ('politie-nieuw-west', 'Politie Amsterdam, team Nieuw-West', 'police', 'published', 4.8075, 52.3600, 'neighbourhood',
    null, 'Amsterdam', 'WK036381', false,
    '!WOON: Samen Nieuw-West (2023)',
    'Basisteam en wijkagenten in Nieuw-West; partner in Samen Nieuw-West.'),
  ('rijksoverheid-bzk', 'Rijksoverheid, ministerie van BZK', 'funder', 'published', 4.3130, 52.0800, 'town',
    null, 'Den Haag', null, false,
    '!WOON: Samen Nieuw-West (2023): “het Rijk” als partner',
    'Het Rijk is partner in de nationale programma’s voor leefbaarheid en veiligheid, waaronder Samen Nieuw-West.'),
  ('stadgenoot', 'Stadgenoot', 'housing_corporation', 'published', 4.8185, 52.3720, 'neighbourhood',
    null, 'Amsterdam', 'WK036377', false,
    '!WOON: Samen Nieuw-West (2023): “alle corporaties” als partner',
    'Woningcorporatie met huurwoningen in Nieuw-West.'),
  ('ymere', 'Ymere', 'housing_corporation', 'published', 4.7890, 52.3640, 'neighbourhood',
    null, 'Amsterdam', 'WK036382', false,
    '!WOON: Samen Nieuw-West (2023): “alle corporaties” als partner',
    'Woningcorporatie met huurwoningen in Nieuw-West.'),
  ('eigen-haard', 'Eigen Haard', 'housing_corporation', 'published', 4.7985, 52.3765, 'neighbourhood',
    null, 'Amsterdam', 'WK036377', false,
    '!WOON: Samen Nieuw-West (2023): “alle corporaties” als partner',
    'Woningcorporatie met huurwoningen in Nieuw-West.'),
  ('rochdale', 'Rochdale', 'housing_corporation', 'published', 4.8230, 52.3500, 'neighbourhood',
    null, 'Amsterdam', 'WK036389', false,
    '!WOON: Samen Nieuw-West (2023): “alle corporaties” als partner',
    'Woningcorporatie met huurwoningen in Nieuw-West.'),
  ('de-key', 'De Key', 'housing_corporation', 'published', 4.8395, 52.3560, 'neighbourhood',
    null, 'Amsterdam', 'WK036387', false,
    '!WOON: Samen Nieuw-West (2023): “alle corporaties” als partner',
    'Woningcorporatie met huurwoningen in Nieuw-West.'),
  ('coalitie-buurtplatforms-ontwikkelbuurten', 'Coalitie van buurtplatforms in de ontwikkelbuurten', 'buurtplatform', 'published', 4.8000, 52.3700, 'neighbourhood',
    null, 'Amsterdam', 'WK036377', false,
    '!WOON: “Certificaat voor Buurtplatforms: De proeftuin” (2022)',
    'Samenwerkende buurtplatforms uit de ontwikkelbuurten van Nieuw-West, trekker van het spoor Buurtplatformrecht in de stedelijke proeftuin.'),
  ('doe-team-beerenbroeckbuurt', 'Doe-team Beerenbroeckbuurt', 'resident_initiative', 'published', 4.7935, 52.3620, 'neighbourhood',
    null, 'Amsterdam', 'WK036381', false,
    'ZonMw-projectverslag “Fijn wonen in de Beerenbroeckbuurt” (2019-2021); plaats bij benadering',
    'Vaste kern van buurtbewoners, ervaringsdeskundigen en zorgprofessionals die de buurt in gaat om te horen wat mensen willen en kunnen. Iedereen doet mee, ook bewoners van de zorglocaties; de regie ligt bij de buurt.'),
  ('zonmw', 'ZonMw', 'funder', 'published', 4.3380, 52.0860, 'town',
    null, 'Den Haag', null, false,
    'ZonMw-projectverslag “Fijn wonen in de Beerenbroeckbuurt”',
    'Fonds voor onderzoek en vernieuwing in gezondheid en zorg; subsidieerde de buurtmakersaanpak in de Beerenbroeckbuurt.'),
  ('sigra', 'Sigra', 'other', 'published', 4.8900, 52.3600, 'town',
    null, 'Amsterdam', null, false,
    'ZonMw-projectverslag “Fijn wonen in de Beerenbroeckbuurt”',
    'Samenwerkingsverband van zorg- en welzijnsorganisaties in Amsterdam; beoogd hoeder van de buurtmakerswerkwijze.'),
  ('cooperatie-samen-aan-de-slag', 'Coöperatie Samen aan de Slag', 'social_enterprise', 'published', 4.8240, 52.3545, 'neighbourhood',
    null, 'Amsterdam', 'WK036389', false,
    'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”',
    'Samenwerking van acht zelforganisaties uit Slotervaart die elk op hun eigen manier mensen aan werk helpen.'),
  ('lsa-bewoners', 'LSA bewoners', 'buurtplatform', 'published', 4.8950, 52.3720, 'town',
    null, 'Amsterdam', null, false,
    'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”',
    'Landelijk samenwerkingsverband van actieve bewoners. Voert wijkgesprekken met bewonersorganisaties over hun rol in de wijkaanpak.'),
  ('platform-op-drecht-sociaal', 'Platform op D’recht sociaal', 'buurtplatform', 'published', 4.6900, 51.8130, 'town',
    null, 'Dordrecht', null, false,
    'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”',
    'Platform dat sociale ondernemingen en initiatieven in de Drechtsteden positioneert als schakel tussen zorg, welzijn en bewoners.'),
  ('bewonersbedrijf-heechterp-schieringen', 'Bewonersbedrijf Heechterp Schieringen', 'bewonersbedrijf', 'published', 5.8230, 53.2035, 'town',
    null, 'Leeuwarden', null, false,
    'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”',
    'Bewonersbedrijf dat met bewoners projecten opzet om de wijk beter te maken, en in opdracht van de gemeente het groen onderhoudt.'),
  ('gemeente-leeuwarden', 'Gemeente Leeuwarden', 'municipality', 'published', 5.7930, 53.2010, 'town',
    null, 'Leeuwarden', null, false,
    'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”',
    'Gemeente die het groenbeheer in Heechterp Schieringen aan het bewonersbedrijf opdraagt.'),
  ('wijk-en-dorpsraden-breda', 'Wijk- en dorpsraden Breda', 'buurtplatform', 'published', 4.7760, 51.5890, 'town',
    null, 'Breda', null, false,
    'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”',
    'De Bredase wijk- en dorpsraden trekken samen op in participatievragen van de gemeente en spraken af hoe ze met de gemeente willen samenwerken.'),
  ('gemeente-breda', 'Gemeente Breda', 'municipality', 'published', 4.7800, 51.5860, 'town',
    null, 'Breda', null, false,
    'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”',
    'Gemeente die de wijk- en dorpsraden betrekt bij participatievraagstukken.'),
  ('wijkvereniging-de-leest', 'Wijkvereniging De Leest', 'resident_initiative', 'published', 5.5390, 51.6130, 'town',
    null, 'Veghel', null, false,
    'LSA bewoners: “Meer van onze leden”',
    'Vereniging van en voor bewoners in Veghel die wijkcentrum De Leest runt.'),
  ('buurtbedrijf-nude-toekomst', 'Buurtbedrijf NuDe Toekomst', 'bewonersbedrijf', 'published', 5.6500, 51.9700, 'town',
    null, 'Wageningen', null, false,
    'LSA bewoners: “Meer van onze leden”',
    'Wagenings buurtbedrijf van, voor en door bewoners.'),
  ('wijkraad-parkwijk-zuiderpolder-penningsveer', 'Wijkraad Parkwijk-Zuiderpolder-Penningsveer', 'buurtplatform', 'published', 4.6600, 52.3700, 'town',
    null, 'Haarlem', null, false,
    'LSA bewoners: “Meer van onze leden”',
    'Wijkraad in Haarlem die zich met bijna alles in de buurt bemoeit.'),

  -- Illustrative: Slotermeer, Geuzenveld, Eendracht
  ('ondernemers-plein-40-45', 'Ondernemers Plein ’40-’45', 'entrepreneur', 'published', 4.8098, 52.3786, 'neighbourhood',
    null, 'Amsterdam', 'WK036376', true, null,
    'Winkeliers en marktkooplui rond het plein die meedoen in de buurtcoalitie.'),
  ('buurtplatform-slotermeer-zuidwest', 'Buurtplatform Slotermeer-Zuidwest', 'buurtplatform', 'published', 4.7990, 52.3735, 'neighbourhood',
    null, 'Amsterdam', 'WK036377', true, null,
    'Bewoners die samen opkomen voor hun buurt tijdens de vernieuwing van de flats.'),
  ('taalcafe-geuzenveld', 'Taalcafé Geuzenveld', 'resident_initiative', 'published', 4.7925, 52.3815, 'neighbourhood',
    null, 'Amsterdam', 'WK036378', true, null,
    'Wekelijks Nederlands oefenen in een ontspannen sfeer, met koffie en vrijwilligers uit de buurt.'),
  ('moestuin-sloterpark', 'Moestuin Sloterpark', 'resident_initiative', 'published', 4.8040, 52.3705, 'neighbourhood',
    null, 'Amsterdam', 'WK036377', true, null,
    'Gemeenschappelijke groentetuin aan de rand van het park; iedereen kan een middag meehelpen.'),
  ('fietswerkplaats-geuzenveld', 'Fietswerkplaats Geuzenveld', 'social_enterprise', 'published', 4.7870, 52.3830, 'neighbourhood',
    null, 'Amsterdam', 'WK036378', true, null,
    'Leerwerkplaats waar jongeren fietsen leren repareren en buurtbewoners goedkoop hun fiets laten maken.'),
  ('buurtpreventie-eendracht', 'Buurtpreventie Eendracht', 'resident_initiative', 'published', 4.7780, 52.3830, 'neighbourhood',
    null, 'Amsterdam', 'WK036379', true, null,
    'Bewoners lopen ’s avonds samen een ronde en melden wat beter kan.'),
  ('klushuis-slotermeer', 'Klushuis Slotermeer', 'social_enterprise', 'published', 4.8150, 52.3760, 'neighbourhood',
    null, 'Amsterdam', 'WK036376', true, null,
    'Gereedschap lenen en samen klussen, met vakmensen die werkzoekenden begeleiden.'),
  ('basisschool-geuzenveld', 'Basisschool Geuzenveld', 'education', 'published', 4.7955, 52.3790, 'neighbourhood',
    null, 'Amsterdam', 'WK036378', true, null,
    'Basisschool die haar lokalen na schooltijd openstelt voor buurtactiviteiten.'),
  ('bibliotheek-slotermeer', 'Bibliotheek Slotermeer', 'knowledge_institution', 'published', 4.8125, 52.3772, 'neighbourhood',
    null, 'Amsterdam', 'WK036376', true, null,
    'Buurtbibliotheek met spreekuren voor digitale vragen en ruimte voor taalgroepen.'),

  -- Illustrative: Osdorp, De Punt, Lutkemeer, Middelveldsche Akerpolder
  ('repair-cafe-osdorp', 'Repair Café Osdorp', 'resident_initiative', 'published', 4.7985, 52.3615, 'neighbourhood',
    null, 'Amsterdam', 'WK036381', true, null,
    'Eens per maand samen kapotte spullen repareren in plaats van weggooien.'),
  ('naaiatelier-osdorp', 'Naaiatelier Osdorp', 'social_enterprise', 'published', 4.7880, 52.3575, 'neighbourhood',
    null, 'Amsterdam', 'WK036382', true, null,
    'Atelier waar vrouwen uit de buurt naaien leren en opdrachten uitvoeren, als opstap naar werk.'),
  ('huiswerkklas-de-punt', 'Huiswerkklas De Punt', 'resident_initiative', 'published', 4.7755, 52.3555, 'neighbourhood',
    null, 'Amsterdam', 'WK036383', true, null,
    'Studenten en gepensioneerde leraren helpen kinderen na school met hun huiswerk.'),
  ('buurtplatform-osdorp-oost', 'Buurtplatform Osdorp-Oost', 'buurtplatform', 'published', 4.8005, 52.3640, 'neighbourhood',
    null, 'Amsterdam', 'WK036381', true, null,
    'Platform waar bewoners meepraten over de vernieuwing van hun buurt en elkaar op de hoogte houden.'),
  ('buurtmaaltijd-lutkemeer', 'Buurtmaaltijd Lutkemeer', 'resident_initiative', 'published', 4.7660, 52.3670, 'neighbourhood',
    null, 'Amsterdam', 'WK036380', true, null,
    'Elke week samen koken en eten, voor wie gezelschap zoekt of een goedkope warme maaltijd.'),
  ('buurtbedrijf-middelveldsche-akerpolder', 'Buurtbedrijf Middelveldsche Akerpolder', 'bewonersbedrijf', 'published', 4.7880, 52.3485, 'neighbourhood',
    null, 'Amsterdam', 'WK036384', true, null,
    'Bewonersbedrijf dat schoonmaak en klein groenonderhoud doet en de opbrengst in de buurt steekt.'),
  ('huisartsenpraktijk-osdorp-midden', 'Huisartsenpraktijk Osdorp-Midden', 'care', 'published', 4.7840, 52.3590, 'neighbourhood',
    null, 'Amsterdam', 'WK036382', true, null,
    'Huisartsen die patiënten met eenzaamheid of geldzorgen doorverwijzen naar activiteiten in de buurt.'),
  ('woonzorgcentrum-osdorp', 'Woonzorgcentrum Osdorp', 'care', 'published', 4.7920, 52.3630, 'neighbourhood',
    null, 'Amsterdam', 'WK036381', true, null,
    'Woonzorglocatie waarvan de bewoners meedoen met activiteiten in de buurt.'),
  ('sportvereniging-de-punt', 'Sportvereniging De Punt', 'resident_initiative', 'published', 4.7710, 52.3530, 'neighbourhood',
    null, 'Amsterdam', 'WK036383', true, null,
    'Voetbal en bewegen voor kinderen en ouderen, gedragen door vrijwilligers.'),

  -- Illustrative: Slotervaart, Overtoomse Veld, Westlandgracht, Sloter-/Riekerpolder
  ('kookcollectief-slotervaart', 'Kookcollectief Slotervaart', 'social_enterprise', 'published', 4.8220, 52.3600, 'neighbourhood',
    null, 'Amsterdam', 'WK036385', true, null,
    'Buurtkeuken waar bewoners samen koken voor ouderen en gezinnen, en ervaring opdoen in de horeca.'),
  ('buurtkamer-slotervaart-zuid', 'Buurtkamer Slotervaart-Zuid', 'resident_initiative', 'published', 4.8190, 52.3525, 'neighbourhood',
    null, 'Amsterdam', 'WK036389', true, null,
    'Huiskamer voor de buurt: koffie, een luisterend oor en activiteiten die bewoners zelf bedenken.'),
  ('vrouwengroep-overtoomse-veld', 'Vrouwengroep Overtoomse Veld', 'resident_initiative', 'published', 4.8345, 52.3640, 'neighbourhood',
    null, 'Amsterdam', 'WK036386', true, null,
    'Vrouwen uit de buurt die elkaar wekelijks ontmoeten, samen Nederlands oefenen en uitstapjes maken.'),
  ('bewonerscommissie-westlandgracht', 'Bewonerscommissie Westlandgracht', 'resident_initiative', 'published', 4.8425, 52.3570, 'neighbourhood',
    null, 'Amsterdam', 'WK036387', true, null,
    'Huurders die samen het gesprek voeren met hun corporatie over onderhoud en renovatie.'),
  ('buitenspeelteam-slotervaart-noord', 'Buitenspeelteam Slotervaart-Noord', 'resident_initiative', 'published', 4.8275, 52.3650, 'neighbourhood',
    null, 'Amsterdam', 'WK036385', true, null,
    'Ouders die op woensdagmiddag spelletjes op straat organiseren.'),
  ('energiecooperatie-nieuw-west', 'Energiecoöperatie Nieuw-West', 'resident_initiative', 'published', 4.8170, 52.3575, 'neighbourhood',
    null, 'Amsterdam', 'WK036385', true, null,
    'Bewoners die zonnepanelen op daken van scholen en flats leggen en buren helpen energie te besparen.'),
  ('roc-nieuw-west', 'ROC-locatie Nieuw-West', 'education', 'published', 4.8130, 52.3530, 'neighbourhood',
    null, 'Amsterdam', 'WK036389', true, null,
    'Mbo-locatie waarvan studenten stages lopen bij initiatieven in de buurt.'),
  ('buurtteam-slotervaart', 'Buurtteam Slotervaart', 'care', 'published', 4.8260, 52.3560, 'neighbourhood',
    null, 'Amsterdam', 'WK036389', true, null,
    'Buurtteam voor hulp bij geld, opvoeden, gezondheid en meer; verwijst door naar initiatieven dichtbij.'),
  ('seniorenclub-riekerpolder', 'Seniorenclub Riekerpolder', 'resident_initiative', 'published', 4.8120, 52.3440, 'neighbourhood',
    null, 'Amsterdam', 'WK036388', true, null,
    'Ouderen die samen biljarten, kaarten en uitjes maken.'),
  ('schaakclub-westlandgracht', 'Schaakclub Westlandgracht', 'resident_initiative', 'published', 4.8450, 52.3545, 'neighbourhood',
    null, 'Amsterdam', 'WK036387', true, null,
    'Buurtschaakclub voor jong en oud, op de eerste verdieping van het buurthuis.'),
  ('wijkfonds-nieuw-west', 'Wijkfonds Nieuw-West', 'funder', 'published', 4.8060, 52.3570, 'neighbourhood',
    null, 'Amsterdam', 'WK036382', true, null,
    'Fonds dat kleine bedragen geeft aan bewonersinitiatieven voor materiaal, huur en activiteiten.'),
  ('kenniscentrum-sociale-wijkaanpak', 'Kenniscentrum Sociale Wijkaanpak', 'knowledge_institution', 'published', 4.8600, 52.3550, 'town',
    null, 'Amsterdam', null, true, null,
    'Onderzoekers die met initiatieven en instellingen leren wat werkt in de wijkaanpak.'),

  -- Illustrative, not public: a draft being prepared by its members, and an archived entry.
  ('buurtmoestuin-ookmeer-in-oprichting', 'Buurtmoestuin Ookmeer (in oprichting)', 'resident_initiative', 'draft', 4.7625, 52.3640, 'neighbourhood',
    null, 'Amsterdam', 'WK036380', true, null,
    'Een nieuwe moestuin in voorbereiding; nog niet openbaar.'),
  ('wijkkrant-eendracht', 'Wijkkrant Eendracht', 'resident_initiative', 'archived', 4.7760, 52.3845, 'neighbourhood',
    null, 'Amsterdam', 'WK036379', true, null,
    'Een buurtkrant die in 2022 is gestopt.');

-- Public contact of organisations: role addresses and websites only.
update public.organisations set website = 'https://www.amsterdam.nl/nieuw-west/', phone = '14 020'
  where slug = 'stadsdeel-nieuw-west';
update public.organisations set website = 'https://www.amsterdam.nl/', phone = '14 020'
  where slug = 'gemeente-amsterdam';
update public.organisations set website = 'https://www.wooninfo.nl/' where slug = 'woon';
update public.organisations set website = 'https://www.combiwel.nl/' where slug = 'combiwel';
update public.organisations set website = 'https://www.lsabewoners.nl/' where slug = 'lsa-bewoners';
update public.organisations set website = 'https://www.zonmw.nl/' where slug = 'zonmw';
-- Made-up entries have no contact: there is no one to reach.

-- How to join (illustrative details for the made-up entries).
update public.organisations o set
  open_to_newcomers = j.open,
  help_wanted = j.help,
  languages = j.languages,
  meeting_times = j.meets
from (values
  ('wij-zijn-plein-40-45', true, '{buurtredacteuren,"meedenkers voor het plein"}'::text[], '{nl,ar,tr}'::text[], 'Buurtoverleg elke eerste maandag van de maand, 19.30 uur'),
  ('buurtredactie-plein-40-45', true, '{schrijvers,fotografen}', '{nl}', 'Redactie op donderdagmiddag'),
  ('doe-team-beerenbroeckbuurt', true, '{"mensen die graag een praatje maken"}', '{nl,ar,ber}', 'Straatjutten op dinsdag- en donderdagochtend'),
  ('taalcafe-geuzenveld', true, '{taalmaatjes}', '{nl,ar,tr,en}', 'Dinsdagavond 19.00-21.00 uur'),
  ('moestuin-sloterpark', true, '{tuinierders}', '{nl,tr}', 'Zaterdagochtend vanaf 10.00 uur'),
  ('repair-cafe-osdorp', true, '{reparateurs,gastvrouwen}', '{nl,en}', 'Elke derde zaterdag van de maand, 13.00-16.00 uur'),
  ('huiswerkklas-de-punt', true, '{"vrijwilligers met geduld"}', '{nl,ar,en}', 'Maandag tot en met donderdag, 15.30-17.30 uur'),
  ('buurtmaaltijd-lutkemeer', true, '{koks,afwassers}', '{nl,ar,ber}', 'Woensdag vanaf 17.00 uur'),
  ('kookcollectief-slotervaart', true, '{koks,bezorgers}', '{nl,ar,tr}', 'Dinsdagavond en vrijdagmiddag'),
  ('buurtkamer-slotervaart-zuid', true, '{gastvrouwen,gastheren}', '{nl,ar,tr,pap}', 'Open op werkdagen van 10.00 tot 16.00 uur'),
  ('vrouwengroep-overtoomse-veld', true, '{}', '{nl,ar,ber,tr}', 'Dinsdagochtend 10.00 uur'),
  ('buitenspeelteam-slotervaart-noord', true, '{"ouders en grootouders"}', '{nl,ar,en}', 'Woensdagmiddag'),
  ('energiecooperatie-nieuw-west', true, '{energiecoaches}', '{nl,en}', 'Spreekuur op dinsdagavond'),
  ('seniorenclub-riekerpolder', true, '{}', '{nl}', 'Maandag- en donderdagmiddag'),
  ('schaakclub-westlandgracht', true, '{}', '{nl,en,uk}', 'Vrijdagavond 19.30 uur'),
  ('sportvereniging-de-punt', true, '{trainers,scheidsrechters}', '{nl,ar,tr}', 'Doordeweeks na 16.00 uur en zaterdag'),
  ('ru-parre-community', true, '{}', '{nl,pap,srn}', 'Activiteiten door de week'),
  ('buurtpreventie-eendracht', true, '{"wandelaars voor de avondronde"}', '{nl}', 'Avondronde op dinsdag en vrijdag')
) as j (slug, open, help, languages, meets)
where o.slug = j.slug;

-- When they meet, as data a newcomer's free time can be matched against
-- (ISO weekday, part of the day), following the texts above.
insert into public.meeting_times (organisation_id, weekday, part_of_day)
select o.id, t.weekday, t.part
from (values
  ('wij-zijn-plein-40-45', 1, 'evening'),
  ('buurtredactie-plein-40-45', 4, 'afternoon'),
  ('doe-team-beerenbroeckbuurt', 2, 'morning'),
  ('doe-team-beerenbroeckbuurt', 4, 'morning'),
  ('taalcafe-geuzenveld', 2, 'evening'),
  ('moestuin-sloterpark', 6, 'morning'),
  ('repair-cafe-osdorp', 6, 'afternoon'),
  ('buurtmoestuin-ookmeer-in-oprichting', 6, 'morning'),
  ('huiswerkklas-de-punt', 1, 'afternoon'),
  ('huiswerkklas-de-punt', 2, 'afternoon'),
  ('huiswerkklas-de-punt', 3, 'afternoon'),
  ('huiswerkklas-de-punt', 4, 'afternoon'),
  ('buurtmaaltijd-lutkemeer', 3, 'evening'),
  ('kookcollectief-slotervaart', 2, 'evening'),
  ('kookcollectief-slotervaart', 5, 'afternoon'),
  ('buurtkamer-slotervaart-zuid', 1, 'morning'),
  ('buurtkamer-slotervaart-zuid', 1, 'afternoon'),
  ('buurtkamer-slotervaart-zuid', 3, 'morning'),
  ('buurtkamer-slotervaart-zuid', 3, 'afternoon'),
  ('buurtkamer-slotervaart-zuid', 5, 'morning'),
  ('buurtkamer-slotervaart-zuid', 5, 'afternoon'),
  ('vrouwengroep-overtoomse-veld', 2, 'morning'),
  ('buitenspeelteam-slotervaart-noord', 3, 'afternoon'),
  ('energiecooperatie-nieuw-west', 2, 'evening'),
  ('seniorenclub-riekerpolder', 1, 'afternoon'),
  ('seniorenclub-riekerpolder', 4, 'afternoon'),
  ('schaakclub-westlandgracht', 5, 'evening'),
  ('sportvereniging-de-punt', 3, 'afternoon'),
  ('sportvereniging-de-punt', 6, 'morning'),
  ('buurtpreventie-eendracht', 2, 'evening'),
  ('buurtpreventie-eendracht', 5, 'evening')
) as t (slug, weekday, part)
join public.organisations o on o.slug = t.slug;

-- Where they meet and the first step, for the made-up entries newcomers will meet first.
update public.organisations o set meeting_place = j.place, join_next_step = j.step
from (values
  ('taalcafe-geuzenveld', 'Buurthuis in Geuzenveld', 'Loop op een dinsdagavond binnen; aanmelden hoeft niet.'),
  ('kookcollectief-slotervaart', 'Buurtkeuken in Slotervaart', 'Loop op dinsdagavond binnen in de buurtkeuken en kook een keer mee.'),
  ('buurtmaaltijd-lutkemeer', 'Buurtkamer Lutkemeer', 'Kom een woensdag eten en vraag naar het kookrooster.'),
  ('buurtkamer-slotervaart-zuid', 'Buurtkamer Slotervaart-Zuid', 'Kom langs op maandag, woensdag of vrijdag en drink een kop koffie mee.'),
  ('vrouwengroep-overtoomse-veld', 'Buurtkamer Overtoomse Veld', 'Kom op dinsdagochtend kennismaken.'),
  ('repair-cafe-osdorp', 'Wijkcentrum in Osdorp', 'Kom op de derde zaterdag kijken en meld je bij de gastvrouw.')
) as j (slug, place, step)
where o.slug = j.slug;

-- ---------------------------------------------------------------------------
-- Themes of organisations
-- ---------------------------------------------------------------------------
insert into public.organisation_themes (organisation_id, theme_id)
select o.id, t.theme_id
from (values
  ('wij-zijn-plein-40-45', '{zeggenschap,cultuur-ontmoeting,wonen}'::text[]),
  ('buurtredactie-plein-40-45', '{cultuur-ontmoeting}'),
  ('stadsdeel-nieuw-west', '{wonen,veiligheid,zeggenschap,werk-inkomen}'),
  ('gemeente-amsterdam', '{zeggenschap,wonen}'),
  ('woon', '{wonen,energie,zeggenschap}'),
  ('samen-nieuw-west', '{wonen,jeugd-onderwijs,werk-inkomen}'),
  ('combiwel', '{zorg-welzijn,jeugd-onderwijs,cultuur-ontmoeting}'),
  ('eigenwijks', '{cultuur-ontmoeting,zeggenschap}'),
  ('stichting-saaam', '{cultuur-ontmoeting,jeugd-onderwijs}'),
  ('ru-parre-community', '{cultuur-ontmoeting}'),
  ('kracht-van-nieuw-west', '{zeggenschap}'),
  ('politie-nieuw-west', '{veiligheid}'),
  ('rijksoverheid-bzk', '{wonen,veiligheid}'),
  ('stadgenoot', '{wonen}'),
  ('ymere', '{wonen}'),
  ('eigen-haard', '{wonen}'),
  ('rochdale', '{wonen}'),
  ('de-key', '{wonen}'),
  ('coalitie-buurtplatforms-ontwikkelbuurten', '{zeggenschap,wonen}'),
  ('doe-team-beerenbroeckbuurt', '{zorg-welzijn,cultuur-ontmoeting}'),
  ('zonmw', '{zorg-welzijn}'),
  ('sigra', '{zorg-welzijn}'),
  ('cooperatie-samen-aan-de-slag', '{werk-inkomen}'),
  ('lsa-bewoners', '{zeggenschap}'),
  ('platform-op-drecht-sociaal', '{zorg-welzijn,werk-inkomen}'),
  ('bewonersbedrijf-heechterp-schieringen', '{groen-duurzaamheid,wonen}'),
  ('gemeente-leeuwarden', '{groen-duurzaamheid}'),
  ('wijk-en-dorpsraden-breda', '{zeggenschap}'),
  ('gemeente-breda', '{zeggenschap}'),
  ('wijkvereniging-de-leest', '{cultuur-ontmoeting}'),
  ('buurtbedrijf-nude-toekomst', '{werk-inkomen,cultuur-ontmoeting}'),
  ('wijkraad-parkwijk-zuiderpolder-penningsveer', '{zeggenschap,wonen}'),
  ('ondernemers-plein-40-45', '{werk-inkomen}'),
  ('buurtplatform-slotermeer-zuidwest', '{zeggenschap,wonen}'),
  ('taalcafe-geuzenveld', '{taal-inburgering,cultuur-ontmoeting}'),
  ('moestuin-sloterpark', '{groen-duurzaamheid,cultuur-ontmoeting}'),
  ('fietswerkplaats-geuzenveld', '{werk-inkomen,jeugd-onderwijs}'),
  ('buurtpreventie-eendracht', '{veiligheid}'),
  ('klushuis-slotermeer', '{werk-inkomen,wonen}'),
  ('basisschool-geuzenveld', '{jeugd-onderwijs}'),
  ('bibliotheek-slotermeer', '{taal-inburgering,jeugd-onderwijs}'),
  ('repair-cafe-osdorp', '{groen-duurzaamheid}'),
  ('naaiatelier-osdorp', '{werk-inkomen,taal-inburgering}'),
  ('huiswerkklas-de-punt', '{jeugd-onderwijs}'),
  ('buurtplatform-osdorp-oost', '{zeggenschap,wonen}'),
  ('buurtmaaltijd-lutkemeer', '{cultuur-ontmoeting,zorg-welzijn}'),
  ('buurtbedrijf-middelveldsche-akerpolder', '{werk-inkomen,groen-duurzaamheid}'),
  ('huisartsenpraktijk-osdorp-midden', '{zorg-welzijn}'),
  ('woonzorgcentrum-osdorp', '{zorg-welzijn}'),
  ('sportvereniging-de-punt', '{jeugd-onderwijs,zorg-welzijn}'),
  ('kookcollectief-slotervaart', '{werk-inkomen,zorg-welzijn}'),
  ('buurtkamer-slotervaart-zuid', '{cultuur-ontmoeting,zorg-welzijn}'),
  ('vrouwengroep-overtoomse-veld', '{taal-inburgering,cultuur-ontmoeting}'),
  ('bewonerscommissie-westlandgracht', '{wonen,zeggenschap}'),
  ('buitenspeelteam-slotervaart-noord', '{jeugd-onderwijs}'),
  ('energiecooperatie-nieuw-west', '{energie,groen-duurzaamheid}'),
  ('roc-nieuw-west', '{jeugd-onderwijs,werk-inkomen}'),
  ('buurtteam-slotervaart', '{zorg-welzijn}'),
  ('seniorenclub-riekerpolder', '{cultuur-ontmoeting}'),
  ('schaakclub-westlandgracht', '{cultuur-ontmoeting}'),
  ('wijkfonds-nieuw-west', '{zeggenschap}'),
  ('kenniscentrum-sociale-wijkaanpak', '{zeggenschap}'),
  ('buurtmoestuin-ookmeer-in-oprichting', '{groen-duurzaamheid}'),
  ('wijkkrant-eendracht', '{cultuur-ontmoeting}')
) as ot (slug, theme_ids)
join public.organisations o on o.slug = ot.slug
cross join lateral unnest(ot.theme_ids) as t (theme_id);

-- ---------------------------------------------------------------------------
-- Collaborations: (source, target, kind, status, started_on, ended_on, illustrative, source)
-- ---------------------------------------------------------------------------
insert into public.collaborations
  (source_id, target_id, kind, status, started_on, ended_on, is_illustrative, source, description)
select s.id, t.id, c.kind, c.status, c.started_on::date, c.ended_on::date, c.illustrative, c.source, c.description
from (values
  -- Sourced: Wij Zijn Plein ’40-’45
  ('stadsdeel-nieuw-west', 'wij-zijn-plein-40-45', 'partnership', 'active', '2017-01-01', null, false,
    'Praktijkvoorbeeld “Wij Zijn Plein ’40-’45” (2017)', 'Het stadsdeel is vaste partner in de buurtcoalitie rond het plein.'),

  -- Sourced: the proeftuin for buurtplatforms (2022)
  ('gemeente-amsterdam', 'coalitie-buurtplatforms-ontwikkelbuurten', 'shared_project', 'active', '2022-03-22', null, false,
    '!WOON: “Certificaat voor Buurtplatforms: De proeftuin” (2022)', 'Proeftuin Buurtplatformrecht: de coalitie is een van de trekkers.'),
  ('woon', 'coalitie-buurtplatforms-ontwikkelbuurten', 'partnership', 'active', '2020-01-01', null, false,
    '!WOON: “Certificaat voor Buurtplatforms: De proeftuin” (2022)', '!WOON ondersteunt het opzetten en versterken van buurtplatforms.'),

  -- Sourced: Nationaal Programma Samen Nieuw-West (convenant 23 maart 2023); its partners are members, below
  ('rijksoverheid-bzk', 'samen-nieuw-west', 'funding', 'active', '2023-03-23', null, false, '!WOON: Samen Nieuw-West (2023)', 'Het Rijk is partner in het nationale programma.'),

  -- Sourced: Doe-team Beerenbroeckbuurt
  ('zonmw', 'doe-team-beerenbroeckbuurt', 'funding', 'ended', '2019-01-01', '2020-12-31', false,
    'ZonMw-projectverslag “Fijn wonen in de Beerenbroeckbuurt”', 'Subsidie voor de ontwikkeling van de buurtmakersaanpak.'),
  ('stadsdeel-nieuw-west', 'doe-team-beerenbroeckbuurt', 'funding', 'active', '2021-01-01', null, false,
    'ZonMw-projectverslag “Fijn wonen in de Beerenbroeckbuurt”', 'Structurele financiering om met het Doe-team door te gaan.'),
  ('doe-team-beerenbroeckbuurt', 'sigra', 'shared_project', 'proposed', null, null, false,
    'ZonMw-projectverslag “Fijn wonen in de Beerenbroeckbuurt”', 'Idee: de buurtmakerswerkwijze onderbrengen bij Sigra.'),

  -- Sourced: LSA bewoners, wijkgesprekken and members
  ('platform-op-drecht-sociaal', 'lsa-bewoners', 'shared_project', 'active', null, null, false, 'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”', 'Wijkgesprek over de rol van sociale initiatieven in de wijkaanpak.'),
  ('bewonersbedrijf-heechterp-schieringen', 'lsa-bewoners', 'shared_project', 'active', null, null, false, 'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”', 'Wijkgesprek over samenwerking in de wijk.'),
  ('cooperatie-samen-aan-de-slag', 'lsa-bewoners', 'shared_project', 'active', null, null, false, 'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”', 'Wijkgesprek over samen werken aan werk.'),
  ('wijk-en-dorpsraden-breda', 'lsa-bewoners', 'shared_project', 'active', null, null, false, 'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”', 'Wijkgesprek over samenwerking met de gemeente.'),
  ('gemeente-leeuwarden', 'bewonersbedrijf-heechterp-schieringen', 'funding', 'active', null, null, false, 'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”', 'Opdracht voor het groenbeheer in de wijk.'),
  ('wijk-en-dorpsraden-breda', 'gemeente-breda', 'partnership', 'active', null, null, false, 'LSA bewoners: “Zet bewoners centraler in de wijkaanpak”', 'Afspraken over samenwerking in participatievraagstukken.'),

  -- Illustrative: Slotermeer, Geuzenveld, Eendracht
  ('woon', 'buurtplatform-slotermeer-zuidwest', 'partnership', 'active', '2021-01-01', null, true, null, 'Procesbegeleiding bij de vernieuwing.'),
  ('woon', 'buurtplatform-osdorp-oost', 'partnership', 'active', '2021-01-01', null, true, null, 'Procesbegeleiding bij de vernieuwing.'),
  ('eigen-haard', 'buurtplatform-slotermeer-zuidwest', 'partnership', 'active', '2021-01-01', null, true, null, 'Overleg over de renovatie van de flats.'),
  ('stadgenoot', 'wij-zijn-plein-40-45', 'partnership', 'active', '2019-01-01', null, true, null, ''),
  ('combiwel', 'taalcafe-geuzenveld', 'partnership', 'active', '2020-01-01', null, true, null, 'Begeleiding van vrijwilligers.'),
  ('bibliotheek-slotermeer', 'taalcafe-geuzenveld', 'shared_space', 'active', '2020-01-01', null, true, null, 'Het taalcafé komt samen in de bibliotheek.'),
  ('taalcafe-geuzenveld', 'wij-zijn-plein-40-45', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('basisschool-geuzenveld', 'taalcafe-geuzenveld', 'referral', 'active', '2022-01-01', null, true, null, 'Ouders worden naar het taalcafé verwezen.'),
  ('eigenwijks', 'moestuin-sloterpark', 'partnership', 'active', '2020-01-01', null, true, null, ''),
  ('stadsdeel-nieuw-west', 'moestuin-sloterpark', 'funding', 'active', '2020-01-01', null, true, null, ''),
  ('moestuin-sloterpark', 'basisschool-geuzenveld', 'shared_project', 'active', '2022-01-01', null, true, null, 'Schooltuinlessen.'),
  ('fietswerkplaats-geuzenveld', 'basisschool-geuzenveld', 'shared_project', 'active', '2022-01-01', null, true, null, 'Fietslessen voor groep 7 en 8.'),
  ('stadsdeel-nieuw-west', 'fietswerkplaats-geuzenveld', 'funding', 'active', '2021-01-01', null, true, null, ''),
  ('roc-nieuw-west', 'fietswerkplaats-geuzenveld', 'partnership', 'active', '2021-01-01', null, true, null, 'Stageplekken.'),
  ('politie-nieuw-west', 'buurtpreventie-eendracht', 'partnership', 'active', '2019-01-01', null, true, null, 'Contact met de wijkagent.'),
  ('buurtpreventie-eendracht', 'eigenwijks', 'partnership', 'active', '2020-01-01', null, true, null, ''),
  ('stadgenoot', 'klushuis-slotermeer', 'funding', 'active', '2020-01-01', null, true, null, 'Bijdrage aan gereedschap en ruimte.'),
  ('klushuis-slotermeer', 'cooperatie-samen-aan-de-slag', 'referral', 'active', '2021-01-01', null, true, null, 'Werkzoekenden over en weer.'),
  ('bibliotheek-slotermeer', 'wij-zijn-plein-40-45', 'shared_space', 'active', '2018-01-01', null, true, null, ''),
  ('buurtredactie-plein-40-45', 'bibliotheek-slotermeer', 'shared_space', 'active', '2021-01-01', null, true, null, ''),
  ('wijkfonds-nieuw-west', 'buurtredactie-plein-40-45', 'funding', 'active', '2021-01-01', null, true, null, ''),
  ('wijkfonds-nieuw-west', 'taalcafe-geuzenveld', 'funding', 'active', '2021-01-01', null, true, null, ''),

  -- Illustrative: Osdorp, De Punt, Lutkemeer, Middelveldsche Akerpolder
  ('doe-team-beerenbroeckbuurt', 'woonzorgcentrum-osdorp', 'partnership', 'active', '2019-01-01', null, true, null, 'Bewoners van de zorglocatie doen mee.'),
  ('huisartsenpraktijk-osdorp-midden', 'doe-team-beerenbroeckbuurt', 'referral', 'active', '2020-01-01', null, true, null, 'Welzijn op recept.'),
  ('doe-team-beerenbroeckbuurt', 'repair-cafe-osdorp', 'partnership', 'active', '2020-01-01', null, true, null, ''),
  ('combiwel', 'doe-team-beerenbroeckbuurt', 'partnership', 'active', '2019-01-01', null, true, null, 'Een opbouwwerker hoort bij het Doe-team.'),
  ('repair-cafe-osdorp', 'buurtplatform-osdorp-oost', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('ymere', 'buurtplatform-osdorp-oost', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('naaiatelier-osdorp', 'repair-cafe-osdorp', 'shared_space', 'active', '2022-01-01', null, true, null, ''),
  ('stadsdeel-nieuw-west', 'naaiatelier-osdorp', 'funding', 'active', '2020-01-01', null, true, null, ''),
  ('huiswerkklas-de-punt', 'sportvereniging-de-punt', 'shared_space', 'active', '2021-01-01', null, true, null, 'Huiswerk in de kantine.'),
  ('combiwel', 'huiswerkklas-de-punt', 'partnership', 'active', '2020-01-01', null, true, null, ''),
  ('stichting-saaam', 'huiswerkklas-de-punt', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('wijkfonds-nieuw-west', 'huiswerkklas-de-punt', 'funding', 'active', '2022-01-01', null, true, null, ''),
  ('buurtmaaltijd-lutkemeer', 'eigenwijks', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('huisartsenpraktijk-osdorp-midden', 'buurtmaaltijd-lutkemeer', 'referral', 'active', '2022-01-01', null, true, null, ''),
  ('ymere', 'buurtbedrijf-middelveldsche-akerpolder', 'funding', 'active', '2019-01-01', null, true, null, 'Opdrachten voor schoonmaak van portieken.'),
  ('buurtbedrijf-middelveldsche-akerpolder', 'stadsdeel-nieuw-west', 'partnership', 'active', '2019-01-01', null, true, null, 'Groenonderhoud in opdracht.'),
  ('huisartsenpraktijk-osdorp-midden', 'buurtteam-slotervaart', 'referral', 'active', '2021-01-01', null, true, null, ''),
  ('sportvereniging-de-punt', 'stadsdeel-nieuw-west', 'partnership', 'active', '2018-01-01', null, true, null, ''),
  ('politie-nieuw-west', 'sportvereniging-de-punt', 'partnership', 'active', '2022-01-01', null, true, null, 'Wijkagent speelt mee op het sportveld.'),
  ('repair-cafe-osdorp', 'energiecooperatie-nieuw-west', 'partnership', 'active', '2022-01-01', null, true, null, ''),
  ('woonzorgcentrum-osdorp', 'buurtmaaltijd-lutkemeer', 'referral', 'active', '2022-01-01', null, true, null, ''),

  -- Illustrative: Slotervaart, Overtoomse Veld, Westlandgracht, Riekerpolder
  ('ru-parre-community', 'kookcollectief-slotervaart', 'shared_space', 'active', '2020-01-01', null, true, null, 'Samen koken in de ruimte van de community.'),
  ('buurtteam-slotervaart', 'kookcollectief-slotervaart', 'referral', 'active', '2021-01-01', null, true, null, ''),
  ('buurtteam-slotervaart', 'buurtkamer-slotervaart-zuid', 'referral', 'active', '2021-01-01', null, true, null, ''),
  ('combiwel', 'buurtkamer-slotervaart-zuid', 'partnership', 'active', '2019-01-01', null, true, null, ''),
  ('rochdale', 'buurtkamer-slotervaart-zuid', 'shared_space', 'active', '2019-01-01', null, true, null, 'De buurtkamer zit in een plint van de corporatie.'),
  ('stichting-saaam', 'buurtkamer-slotervaart-zuid', 'partnership', 'active', '2020-01-01', null, true, null, ''),
  ('vrouwengroep-overtoomse-veld', 'combiwel', 'partnership', 'active', '2018-01-01', null, true, null, ''),
  ('vrouwengroep-overtoomse-veld', 'naaiatelier-osdorp', 'partnership', 'active', '2022-01-01', null, true, null, ''),
  ('vrouwengroep-overtoomse-veld', 'ru-parre-community', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('de-key', 'bewonerscommissie-westlandgracht', 'partnership', 'active', '2017-01-01', null, true, null, 'Overleg over onderhoud en renovatie.'),
  ('woon', 'bewonerscommissie-westlandgracht', 'partnership', 'active', '2020-01-01', null, true, null, 'Advies bij de renovatie.'),
  ('bewonerscommissie-westlandgracht', 'schaakclub-westlandgracht', 'shared_space', 'active', '2019-01-01', null, true, null, ''),
  ('buitenspeelteam-slotervaart-noord', 'combiwel', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('buitenspeelteam-slotervaart-noord', 'ru-parre-community', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('wijkfonds-nieuw-west', 'buitenspeelteam-slotervaart-noord', 'funding', 'active', '2022-01-01', null, true, null, ''),
  ('energiecooperatie-nieuw-west', 'woon', 'partnership', 'active', '2021-01-01', null, true, null, 'Samen energiecoaches opleiden.'),
  ('energiecooperatie-nieuw-west', 'roc-nieuw-west', 'shared_project', 'active', '2022-01-01', null, true, null, 'Zonnepanelen op het schooldak.'),
  ('rochdale', 'energiecooperatie-nieuw-west', 'partnership', 'active', '2022-01-01', null, true, null, ''),
  ('roc-nieuw-west', 'kookcollectief-slotervaart', 'partnership', 'active', '2021-01-01', null, true, null, 'Stages in de buurtkeuken.'),
  ('roc-nieuw-west', 'cooperatie-samen-aan-de-slag', 'partnership', 'active', '2020-01-01', null, true, null, ''),
  ('stadsdeel-nieuw-west', 'cooperatie-samen-aan-de-slag', 'funding', 'active', '2019-01-01', null, true, null, ''),
  ('buurtteam-slotervaart', 'cooperatie-samen-aan-de-slag', 'referral', 'active', '2021-01-01', null, true, null, ''),
  ('combiwel', 'buurtteam-slotervaart', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('wijkfonds-nieuw-west', 'energiecooperatie-nieuw-west', 'funding', 'active', '2021-01-01', null, true, null, ''),
  ('stadsdeel-nieuw-west', 'wijkfonds-nieuw-west', 'funding', 'active', '2019-01-01', null, true, null, ''),
  ('kenniscentrum-sociale-wijkaanpak', 'lsa-bewoners', 'shared_project', 'active', '2021-01-01', null, true, null, 'Onderzoek naar wijkgesprekken.'),
  ('kenniscentrum-sociale-wijkaanpak', 'doe-team-beerenbroeckbuurt', 'shared_project', 'active', '2020-01-01', null, true, null, 'Evaluatie van de buurtmakersaanpak.'),
  ('kenniscentrum-sociale-wijkaanpak', 'wij-zijn-plein-40-45', 'shared_project', 'ended', '2018-01-01', '2020-12-31', true, null, 'Onderzoek naar de commons-aanpak.'),
  ('combiwel', 'kracht-van-nieuw-west', 'partnership', 'active', '2023-03-23', null, true, null, ''),
  ('stadsdeel-nieuw-west', 'kracht-van-nieuw-west', 'partnership', 'active', '2023-03-23', null, true, null, ''),
  ('combiwel', 'stadsdeel-nieuw-west', 'funding', 'active', '2015-01-01', null, true, null, 'Het stadsdeel subsidieert het welzijnswerk.'),
  ('politie-nieuw-west', 'stadsdeel-nieuw-west', 'partnership', 'active', '2015-01-01', null, true, null, 'Driehoeksoverleg in het gebied.'),
  ('woon', 'stadsdeel-nieuw-west', 'partnership', 'active', '2015-01-01', null, true, null, ''),
  ('ymere', 'stadsdeel-nieuw-west', 'partnership', 'active', '2015-01-01', null, true, null, 'Afspraken over de vernieuwing van Osdorp.'),
  ('eigen-haard', 'stadsdeel-nieuw-west', 'partnership', 'active', '2015-01-01', null, true, null, ''),
  ('gemeente-amsterdam', 'stadsdeel-nieuw-west', 'partnership', 'active', '2015-01-01', null, true, null, ''),
  ('gemeente-amsterdam', 'lsa-bewoners', 'funding', 'active', '2020-01-01', null, true, null, ''),
  ('eigenwijks', 'ru-parre-community', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('eigenwijks', 'stichting-saaam', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('ondernemers-plein-40-45', 'stadsdeel-nieuw-west', 'partnership', 'active', '2017-01-01', null, true, null, ''),
  ('buurtplatform-slotermeer-zuidwest', 'moestuin-sloterpark', 'partnership', 'active', '2022-01-01', null, true, null, ''),
  ('buurtplatform-slotermeer-zuidwest', 'stadsdeel-nieuw-west', 'partnership', 'active', '2021-01-01', null, true, null, ''),
  ('taalcafe-geuzenveld', 'vrouwengroep-overtoomse-veld', 'partnership', 'active', '2022-01-01', null, true, null, ''),
  ('basisschool-geuzenveld', 'combiwel', 'partnership', 'active', '2019-01-01', null, true, null, 'Naschoolse activiteiten.'),
  ('huiswerkklas-de-punt', 'basisschool-geuzenveld', 'referral', 'ended', '2019-01-01', '2022-06-30', true, null, ''),
  ('bibliotheek-slotermeer', 'kenniscentrum-sociale-wijkaanpak', 'shared_project', 'active', '2022-01-01', null, true, null, ''),
  ('de-key', 'stadsdeel-nieuw-west', 'partnership', 'active', '2015-01-01', null, true, null, ''),
  ('rochdale', 'stadsdeel-nieuw-west', 'partnership', 'active', '2015-01-01', null, true, null, ''),
  ('stadgenoot', 'stadsdeel-nieuw-west', 'partnership', 'active', '2015-01-01', null, true, null, ''),
  ('wijkkrant-eendracht', 'buurtpreventie-eendracht', 'partnership', 'ended', '2018-01-01', '2022-12-31', true, null, ''),
  ('buurtmoestuin-ookmeer-in-oprichting', 'moestuin-sloterpark', 'partnership', 'proposed', null, null, true, null, 'In gesprek over een stekjesruil.'),
  ('buurtmoestuin-ookmeer-in-oprichting', 'eigenwijks', 'partnership', 'active', '2026-09-01', null, true, null, '')
) as c (source_slug, target_slug, kind, status, started_on, ended_on, illustrative, source, description)
join public.organisations s on s.slug = c.source_slug
join public.organisations t on t.slug = c.target_slug;
update public.collaborations set proposed_by = source_id where status = 'proposed';

-- ---------------------------------------------------------------------------
-- Programmes and coalitions, and who belongs to them (not drawn as ties).
-- The convenant of Samen Nieuw-West was signed on 23 March 2023: that is the
-- start of its partners' membership. Where a source gives no start (who is in
-- the Kracht van Nieuw-West, LSA's members) it stays unknown; the buurtredactie
-- began in 2020, "toen ontmoeten tijdens corona lastig werd". No source names
-- who coordinates a programme, so none is named; nor does one name the
-- opgaveteams of Samen Nieuw-West, so there are none yet.
-- ---------------------------------------------------------------------------
insert into public.programmes (organisation_id, kind)
select o.id, p.kind
from (values
  ('samen-nieuw-west', 'programme'),
  ('kracht-van-nieuw-west', 'coalition'),
  ('wij-zijn-plein-40-45', 'coalition'),
  ('coalitie-buurtplatforms-ontwikkelbuurten', 'coalition'),
  ('lsa-bewoners', 'platform'),
  ('cooperatie-samen-aan-de-slag', 'cooperative'),
  ('ondernemers-plein-40-45', 'platform'),
  ('sigra', 'platform')
) as p (slug, kind)
join public.organisations o on o.slug = p.slug;

update public.programmes p set parent_id = parent.id
from public.organisations o, public.organisations parent
where o.id = p.organisation_id and o.slug = 'kracht-van-nieuw-west' and parent.slug = 'samen-nieuw-west';

insert into public.programme_memberships
  (programme_id, member_id, role, started_on, started_precision, is_illustrative, source)
select g.id, m.id, x.role, x.started_on::date, x.precision, x.illustrative, x.source
from (values
  -- Sourced: the convenant of Samen Nieuw-West
  ('samen-nieuw-west', 'woon', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023)'),
  ('samen-nieuw-west', 'gemeente-amsterdam', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023)'),
  ('samen-nieuw-west', 'stadsdeel-nieuw-west', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023)'),
  ('samen-nieuw-west', 'combiwel', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023)'),
  ('samen-nieuw-west', 'politie-nieuw-west', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023)'),
  ('samen-nieuw-west', 'rijksoverheid-bzk', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023): “het Rijk” als partner'),
  ('samen-nieuw-west', 'stadgenoot', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023)'),
  ('samen-nieuw-west', 'ymere', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023)'),
  ('samen-nieuw-west', 'eigen-haard', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023)'),
  ('samen-nieuw-west', 'rochdale', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023)'),
  ('samen-nieuw-west', 'de-key', 'partner', '2023-03-23', 'day', false, '!WOON: Samen Nieuw-West (2023)'),
  ('kracht-van-nieuw-west', 'eigenwijks', 'lid', null, null, false, '!WOON: Samen Nieuw-West (2023)'),
  ('kracht-van-nieuw-west', 'stichting-saaam', 'lid', null, null, false, '!WOON: Samen Nieuw-West (2023)'),
  ('kracht-van-nieuw-west', 'ru-parre-community', 'lid', null, null, false, '!WOON: Samen Nieuw-West (2023)'),
  -- Sourced: Wij Zijn Plein ’40-’45 and LSA bewoners
  ('wij-zijn-plein-40-45', 'buurtredactie-plein-40-45', 'buurtredactie', '2020-01-01', 'year', false, 'Praktijkvoorbeeld “Wij Zijn Plein ’40-’45” (2017)'),
  ('wij-zijn-plein-40-45', 'ondernemers-plein-40-45', 'partner', null, null, false, 'Praktijkvoorbeeld “Wij Zijn Plein ’40-’45” (2017)'),
  ('lsa-bewoners', 'wijkvereniging-de-leest', 'lid', null, null, false, 'LSA bewoners: “Meer van onze leden”'),
  ('lsa-bewoners', 'buurtbedrijf-nude-toekomst', 'lid', null, null, false, 'LSA bewoners: “Meer van onze leden”'),
  ('lsa-bewoners', 'wijkraad-parkwijk-zuiderpolder-penningsveer', 'lid', null, null, false, 'LSA bewoners: “Meer van onze leden”'),
  -- Illustrative
  ('coalitie-buurtplatforms-ontwikkelbuurten', 'buurtplatform-slotermeer-zuidwest', 'lid', '2021-01-01', 'year', true, null),
  ('coalitie-buurtplatforms-ontwikkelbuurten', 'buurtplatform-osdorp-oost', 'lid', '2021-01-01', 'year', true, null),
  ('coalitie-buurtplatforms-ontwikkelbuurten', 'wij-zijn-plein-40-45', 'lid', '2021-01-01', 'year', true, null),
  ('ondernemers-plein-40-45', 'klushuis-slotermeer', 'lid', '2019-01-01', 'year', true, null),
  ('cooperatie-samen-aan-de-slag', 'naaiatelier-osdorp', 'lid', '2018-01-01', 'year', true, null),
  ('cooperatie-samen-aan-de-slag', 'kookcollectief-slotervaart', 'lid', '2018-01-01', 'year', true, null),
  ('cooperatie-samen-aan-de-slag', 'stichting-saaam', 'lid', '2018-01-01', 'year', true, null),
  ('lsa-bewoners', 'buurtbedrijf-middelveldsche-akerpolder', 'lid', '2020-01-01', 'year', true, null),
  ('sigra', 'woonzorgcentrum-osdorp', 'lid', null, null, true, null),
  ('sigra', 'buurtteam-slotervaart', 'lid', null, null, true, null)
) as x (programme, member, role, started_on, precision, illustrative, source)
join public.organisations g on g.slug = x.programme
join public.organisations m on m.slug = x.member;

-- ---------------------------------------------------------------------------
-- Demo accounts (embedded mode signs in as one of these; no passwords).
-- ---------------------------------------------------------------------------
insert into auth.users (id, aud, role, email, raw_user_meta_data) values
  ('00000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'fatima@demo.buurtatlas.invalid', '{"display_name": "Fatima (demo)"}'),
  ('00000000-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'daan@demo.buurtatlas.invalid', '{"display_name": "Daan (demo)"}'),
  ('00000000-0000-4000-8000-000000000003', 'authenticated', 'authenticated', 'noor@demo.buurtatlas.invalid', '{"display_name": "Noor (demo)"}'),
  ('00000000-0000-4000-8000-000000000004', 'authenticated', 'authenticated', 'sanne@demo.buurtatlas.invalid', '{"display_name": "Sanne (demo), gebiedsmakelaar"}'),
  ('00000000-0000-4000-8000-000000000005', 'authenticated', 'authenticated', 'beheer@demo.buurtatlas.invalid', '{"display_name": "Beheer (demo)"}');
-- Profiles follow from auth.users (see private.create_profile_for_new_user).

-- Sanne coordinates stadsdeel Nieuw-West; Beheer administers the atlas.
insert into public.atlas_roles (user_id, role, area_id) values
  ('00000000-0000-4000-8000-000000000004', 'coordinator', 'F'),
  ('00000000-0000-4000-8000-000000000005', 'admin', null);

insert into public.memberships (organisation_id, user_id, role)
select o.id, m.user_id::uuid, m.role
from (values
  ('wij-zijn-plein-40-45', '00000000-0000-4000-8000-000000000001', 'admin'),
  ('buurtredactie-plein-40-45', '00000000-0000-4000-8000-000000000001', 'member'),
  ('repair-cafe-osdorp', '00000000-0000-4000-8000-000000000002', 'admin'),
  ('buurtmoestuin-ookmeer-in-oprichting', '00000000-0000-4000-8000-000000000002', 'admin')
) as m (slug, user_id, role)
join public.organisations o on o.slug = m.slug;

-- One open invitation (made up): Wij Zijn Plein asked a new editor to join. Only
-- those who may invite for it (Fatima, the coordinator, the admin) see it.
insert into public.invitations (organisation_id, email, role, invited_by)
select o.id, 'nieuwe.redacteur@voorbeeld.invalid', 'member', '00000000-0000-4000-8000-000000000001'
from public.organisations o where o.slug = 'wij-zijn-plein-40-45';

-- Contact people: one who opted in to being shown, one who did not (made up).
insert into public.contact_people (organisation_id, name, role, email, opted_in_public)
select o.id, c.name, c.role, c.email, c.public
from (values
  ('repair-cafe-osdorp', 'Daan (demo)', 'Coördinator reparateurs', 'daan@demo.buurtatlas.invalid', true),
  ('wij-zijn-plein-40-45', 'Fatima (demo)', 'Secretaris', 'fatima@demo.buurtatlas.invalid', false)
) as c (slug, name, role, email, public)
join public.organisations o on o.slug = c.slug;

-- One suggestion waiting for a coordinator (made up).
insert into public.suggestions (name, kind, description, theme_ids, lng, lat, address, area_id, submitter_note)
values ('Buurtbibliotheek Sloterplas', 'resident_initiative',
        'Een kast met boeken om te ruilen bij de speeltuin aan de Sloterplas, bijgehouden door buren.',
        '{cultuur-ontmoeting,taal-inburgering}', 4.8122, 52.3650, 'Noordzijde Sloterplas', null,
        'Ik help graag mee; bel me via de buurtapp.');

-- ---------------------------------------------------------------------------
-- Time. A start or end that a source gives as a year is kept as a year (its
-- first day, with started_precision = 'year'), not as an invented day. The
-- made-up Energiecoöperatie began in 2021, as made up as the rest of it.
-- ---------------------------------------------------------------------------
update public.collaborations set started_precision = 'year' where to_char(started_on, 'MM-DD') = '01-01';
update public.collaborations set ended_precision = 'year' where to_char(ended_on, 'MM-DD') = '12-31';
update public.organisations set started_on = '2021-01-01', started_precision = 'year'
where slug = 'energiecooperatie-nieuw-west' and is_illustrative;

-- ---------------------------------------------------------------------------
-- Freshness. Every entry counts as confirmed when the seed loads: that is when
-- it was entered, checked against its source. The sources give no later date
-- and none is invented for them. Some made-up entries (and their ties) have
-- gone unconfirmed for a while, so the coordinator's list, the "niet recent
-- bevestigd" note and the two-year rule of the suggestions for newcomers have
-- something to show. The guards that set confirmed_at on every save act on
-- API requests only, not on this script.
-- ---------------------------------------------------------------------------
update public.organisations o set confirmed_at = now() - f.age
from (values
  ('naaiatelier-osdorp', interval '11 months'),
  ('buurtpreventie-eendracht', interval '13 months'),
  ('repair-cafe-osdorp', interval '14 months'),
  ('seniorenclub-riekerpolder', interval '19 months'),
  ('schaakclub-westlandgracht', interval '27 months')
) as f (slug, age)
where o.slug = f.slug and o.is_illustrative;

update public.collaborations c set confirmed_at = o.confirmed_at
from public.organisations o
where c.is_illustrative and c.status = 'active'
  and o.id in (c.source_id, c.target_id) and o.confirmed_at < now() - interval '12 months';

