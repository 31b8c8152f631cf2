import { m } from '$lib/paraglide/messages';
import type { OrganisationStatus } from '$lib/data';

const labels: Record<OrganisationStatus, () => string> = {
	draft: m.org_status_draft,
	published: m.org_status_published,
	archived: m.org_status_archived
};

export const statusLabel = (status: OrganisationStatus): string => labels[status]();
