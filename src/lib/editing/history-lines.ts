/**
 * A version in an organisation's history, in words: what one save changed.
 * "Naam, beschrijving gewijzigd", "Thema toegevoegd: Wonen", "Samenwerking met
 * Combiwel bevestigd". Built from the audit log's before and after.
 */
import { m } from '$lib/paraglide/messages';
import type {
	HistoryChange,
	HistoryVersion,
	OrganisationStatus,
	PartOfDay,
	ProgrammeKind
} from '$lib/data';
import { programmeKindLabel, themeLabel } from '$lib/i18n/labels';
import { weekdayName } from '$lib/join/join-reasons';
import { partOfDayLabel } from './field-labels';
import { statusLabel } from './status-labels';

/** Column names as the form labels them; columns not listed are bookkeeping. */
const columnLabels: Record<string, () => string> = {
	name: m.form_name,
	kind: m.form_kind,
	description: m.form_description,
	lng: m.form_location,
	address: m.form_address,
	postcode: m.form_postcode,
	city: m.form_city,
	area_id: m.form_area,
	location_precision: m.form_precision,
	website: m.form_website,
	email: m.form_email,
	phone: m.form_phone,
	open_to_newcomers: m.form_open_to_newcomers,
	help_wanted: m.form_help_wanted,
	languages: m.form_languages,
	meeting_times: m.form_meeting_times,
	meeting_place: m.form_meeting_place,
	text_language: m.form_text_language,
	join_next_step: m.form_join_next_step,
	started_on: m.form_started,
	ended_on: m.form_ended
};

function changedColumns(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
	const changed = new Set<string>();
	for (const column of Object.keys(columnLabels)) {
		const moved =
			column === 'lng'
				? ['lng', 'lat']
				: column === 'started_on' || column === 'ended_on'
					? [column, column.replace('_on', '_precision')]
					: [column];
		if (moved.some((c) => JSON.stringify(before[c]) !== JSON.stringify(after[c]))) {
			changed.add(columnLabels[column]!());
		}
	}
	return [...changed];
}

function list(items: string[], locale: string): string {
	return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/**
 * @param names the names of organisations by id, for collaborations' partners
 * @param self the organisation whose history this is
 */
export function historyLines(
	changes: readonly HistoryChange[],
	{ names, self, locale }: { names: ReadonlyMap<string, string>; self: string; locale: string }
): string[] {
	const lines: string[] = [];
	const themesAdded: string[] = [];
	const themesRemoved: string[] = [];
	const timesAdded: string[] = [];
	const timesRemoved: string[] = [];
	const tiesConfirmed: string[] = [];

	for (const change of changes) {
		const row = (change.after ?? change.before ?? {}) as Record<string, unknown>;
		switch (change.table) {
			case 'organisations':
				if (change.action === 'insert') lines.push(m.history_created());
				else if (change.before && change.after) {
					const columns = changedColumns(change.before, change.after);
					if (columns.length > 0) lines.push(m.history_changed({ fields: list(columns, locale) }));
					const statusChanged = change.before['status'] !== change.after['status'];
					// A version that changes nothing else is "still correct", in one click.
					if (
						columns.length === 0 &&
						!statusChanged &&
						confirmedLater(change.before, change.after)
					) {
						lines.push(m.history_confirmed());
					}
					if (statusChanged) {
						lines.push(
							m.history_status({
								from: statusLabel(change.before['status'] as OrganisationStatus),
								to: statusLabel(change.after['status'] as OrganisationStatus)
							})
						);
					}
				}
				break;
			case 'organisation_themes': {
				const theme = themeLabel(String(row['theme_id']));
				(change.action === 'delete' ? themesRemoved : themesAdded).push(theme);
				break;
			}
			case 'meeting_times': {
				const time = `${weekdayName(Number(row['weekday']), locale)} ${partOfDayLabel(row['part_of_day'] as PartOfDay)}`;
				(change.action === 'delete' ? timesRemoved : timesAdded).push(time);
				break;
			}
			case 'collaborations': {
				const partnerId = row['source_id'] === self ? row['target_id'] : row['source_id'];
				const partner = names.get(String(partnerId)) ?? m.history_other_organisation();
				const status = String(row['status']);
				if (change.action === 'insert') {
					lines.push(
						status === 'proposed'
							? m.history_collaboration_proposed({ partner })
							: m.history_collaboration_added({ partner })
					);
				} else if (change.before?.['status'] !== change.after?.['status']) {
					lines.push(
						status === 'active'
							? m.history_collaboration_confirmed({ partner })
							: status === 'ended'
								? m.history_collaboration_ended({ partner })
								: m.history_collaboration_changed({ partner })
					);
				} else if (onlyConfirmed(change.before, change.after)) tiesConfirmed.push(partner);
				else lines.push(m.history_collaboration_changed({ partner }));
				break;
			}
			case 'memberships': {
				const role = memberRoleLabel(String(row['role']));
				if (change.action === 'insert') lines.push(m.history_member_added({ role }));
				else if (change.action === 'delete') lines.push(m.history_member_removed());
				else lines.push(m.history_member_changed({ role }));
				break;
			}
			case 'programme_memberships': {
				// In the programme's history its member is named; in the member's, the programme.
				const ownProgramme = row['programme_id'] === self;
				const other = String(ownProgramme ? row['member_id'] : row['programme_id']);
				const name = names.get(other) ?? m.history_other_organisation();
				const role = String(row['role'] ?? '');
				if (change.action === 'insert')
					lines.push(
						ownProgramme
							? m.history_programme_member_added({ name, role })
							: m.history_programme_joined({ name, role })
					);
				else if (change.action === 'delete')
					lines.push(
						ownProgramme
							? m.history_programme_member_removed({ name })
							: m.history_programme_left({ name })
					);
				else lines.push(m.history_programme_membership_changed({ name, role }));
				break;
			}
			case 'programmes': {
				if (change.action === 'delete') lines.push(m.history_programme_ended());
				else
					lines.push(
						m.history_programme_set({ kind: programmeKindLabel(row['kind'] as ProgrammeKind) })
					);
				break;
			}
			case 'contact_people': {
				const name = String(row['name'] ?? '');
				if (change.action === 'insert') lines.push(m.history_contact_added({ name }));
				else if (change.action === 'delete') lines.push(m.history_contact_removed({ name }));
				else lines.push(m.history_contact_changed({ name }));
				break;
			}
		}
	}
	if (themesAdded.length) lines.push(m.history_themes_added({ themes: list(themesAdded, locale) }));
	if (themesRemoved.length)
		lines.push(m.history_themes_removed({ themes: list(themesRemoved, locale) }));
	if (timesAdded.length) lines.push(m.history_times_added({ times: list(timesAdded, locale) }));
	if (timesRemoved.length)
		lines.push(m.history_times_removed({ times: list(timesRemoved, locale) }));
	if (tiesConfirmed.length)
		lines.push(m.history_collaborations_confirmed({ partners: list(tiesConfirmed, locale) }));
	return lines;
}

/**
 * Whether a change moved the confirmation forward: a confirmation. (The seed
 * dates some made-up entries back; that is no one confirming anything.)
 */
function confirmedLater(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
	return Date.parse(String(after['confirmed_at'])) > Date.parse(String(before['confirmed_at']));
}

/** A tie's row that differs only in when it was confirmed (and its bookkeeping). */
function onlyConfirmed(
	before: Record<string, unknown> | null,
	after: Record<string, unknown> | null
): boolean {
	if (!before || !after || !confirmedLater(before, after)) return false;
	const rest = (row: Record<string, unknown>) =>
		JSON.stringify(
			Object.entries(row).filter(([column]) => column !== 'confirmed_at' && column !== 'updated_at')
		);
	return rest(before) === rest(after);
}

function memberRoleLabel(role: string): string {
	return role === 'admin' ? m.history_member_role_admin() : m.history_member_role_member();
}

/**
 * The organisation's version as the history was read: the version of its
 * newest saved row. A restore names it, so a save in between is not overwritten.
 */
export function versionAtReading(versions: readonly HistoryVersion[]): number | null {
	for (const version of versions) {
		for (const change of [...version.changes].reverse()) {
			const saved = change.table === 'organisations' ? change.after?.['version'] : undefined;
			if (typeof saved === 'number') return saved;
		}
	}
	return null;
}

/** Names by id, for naming collaboration partners in history. */
export function namesById(
	organisations: readonly { id: string; name: string }[]
): Map<string, string> {
	return new Map(organisations.map((o) => [o.id, o.name]));
}
