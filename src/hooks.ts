import type { Reroute } from '@sveltejs/kit';
import { base } from '$app/paths';
import { withoutEmbed } from '$lib/app/embed';

/** An embedded page (/ingebed/…) is the same page as without the prefix (see $lib/app/embed). */
export const reroute: Reroute = ({ url }) => withoutEmbed(url.pathname, base);
