import { resolve } from '$app/paths';

/** The address of an organisation's detail, used wherever one is linked. */
export function organisationPath(slug: string): string {
	return resolve('/(atlas)/organisaties/[slug]', { slug });
}
