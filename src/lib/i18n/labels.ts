/**
 * Labels for the ids the database uses (kinds, themes, statuses …), through the
 * translations. Written out per id, rather than built from strings, so that every
 * id has a message and unused messages can be dropped from the bundle.
 */
import { m } from '$lib/paraglide/messages';
import { locales, type Locale } from '$lib/paraglide/runtime';
import type {
	AreaLevel,
	BackendInfo,
	CollaborationKind,
	CollaborationStatus,
	KindGroup,
	OrganisationKind,
	ProgrammeKind
} from '$lib/data';

type Labels<K extends string> = Record<
	K,
	(inputs?: Record<string, never>, options?: { locale?: Locale }) => string
>;

const organisationKindLabels: Labels<OrganisationKind> = {
	resident_initiative: m.kind_resident_initiative,
	buurtplatform: m.kind_buurtplatform,
	bewonersbedrijf: m.kind_bewonersbedrijf,
	social_enterprise: m.kind_social_enterprise,
	entrepreneur: m.kind_entrepreneur,
	municipality: m.kind_municipality,
	housing_corporation: m.kind_housing_corporation,
	welfare: m.kind_welfare,
	care: m.kind_care,
	education: m.kind_education,
	police: m.kind_police,
	funder: m.kind_funder,
	knowledge_institution: m.kind_knowledge_institution,
	other: m.kind_other
};

const kindGroupLabels: Labels<KindGroup> = {
	resident_led: m.group_resident_led,
	enterprise: m.group_enterprise,
	institution: m.group_institution,
	other: m.group_other
};

const themeLabels: Labels<string> = {
	wonen: m.theme_wonen,
	'zorg-welzijn': m.theme_zorg_welzijn,
	'werk-inkomen': m.theme_werk_inkomen,
	'jeugd-onderwijs': m.theme_jeugd_onderwijs,
	'groen-duurzaamheid': m.theme_groen_duurzaamheid,
	veiligheid: m.theme_veiligheid,
	'cultuur-ontmoeting': m.theme_cultuur_ontmoeting,
	'taal-inburgering': m.theme_taal_inburgering,
	energie: m.theme_energie,
	zeggenschap: m.theme_zeggenschap
};

const collaborationKindLabels: Labels<CollaborationKind> = {
	partnership: m.collaboration_partnership,
	funding: m.collaboration_funding,
	shared_project: m.collaboration_shared_project,
	referral: m.collaboration_referral,
	shared_space: m.collaboration_shared_space
};

const programmeKindLabels: Labels<ProgrammeKind> = {
	programme: m.programme_kind_programme,
	coalition: m.programme_kind_coalition,
	cooperative: m.programme_kind_cooperative,
	platform: m.programme_kind_platform,
	opgaveteam: m.programme_kind_opgaveteam
};

const collaborationStatusLabels: Labels<CollaborationStatus> = {
	proposed: m.status_proposed,
	active: m.status_active,
	ended: m.status_ended
};

const areaLevelLabels: Labels<AreaLevel> = {
	gemeente: m.area_gemeente,
	stadsdeel: m.area_stadsdeel,
	wijk: m.area_wijk,
	buurt: m.area_buurt
};

const languageLabels: Labels<string> = {
	nl: m.lang_nl,
	en: m.lang_en,
	ar: m.lang_ar,
	tr: m.lang_tr,
	ber: m.lang_ber,
	fr: m.lang_fr,
	de: m.lang_de,
	es: m.lang_es,
	pl: m.lang_pl,
	pap: m.lang_pap,
	srn: m.lang_srn,
	so: m.lang_so,
	ti: m.lang_ti,
	uk: m.lang_uk,
	fa: m.lang_fa,
	ur: m.lang_ur
};

/** A label, or the id itself for an id this version of the app does not know yet. */
function label<K extends string>(labels: Labels<K>, id: K, locale?: Locale): string {
	return Object.hasOwn(labels, id) ? labels[id]({}, locale ? { locale } : {}) : id;
}

export const organisationKindLabel = (id: OrganisationKind) => label(organisationKindLabels, id);
export const kindGroupLabel = (id: KindGroup) => label(kindGroupLabels, id);
export const themeLabel = (id: string) => label(themeLabels, id);
/** A theme's label in another language than the one shown (an embed's). */
export const themeLabelIn = (id: string, locale: Locale) => label(themeLabels, id, locale);
export const collaborationKindLabel = (id: CollaborationKind) => label(collaborationKindLabels, id);
export const programmeKindLabel = (id: ProgrammeKind) => label(programmeKindLabels, id);
export const collaborationStatusLabel = (id: CollaborationStatus) =>
	label(collaborationStatusLabels, id);
export const areaLevelLabel = (id: AreaLevel) => label(areaLevelLabels, id);
export const languageLabel = (id: string) => label(languageLabels, id);

/** Where the data comes from, as the footer and the about page say it. */
export const backendLabel = (info: BackendInfo) =>
	info.kind === 'hosted' ? m.backend_hosted({ host: info.location }) : m.backend_embedded();

const vocabularies = {
	kind: organisationKindLabels,
	theme: themeLabels,
	collaboration: collaborationKindLabels,
	language: languageLabels
};

/**
 * Every id of a vocabulary with its labels in every language the app speaks:
 * an imported cell may name a kind, theme or language by its id or by a label.
 */
export function labelsInEveryLocale(of: keyof typeof vocabularies): Map<string, string[]> {
	const labels: Labels<string> = vocabularies[of];
	return new Map(
		Object.entries(labels).map(([id, message]) => [
			id,
			locales.map((locale) =>
				(message as (i: object, o: { locale: Locale }) => string)({}, { locale })
			)
		])
	);
}
