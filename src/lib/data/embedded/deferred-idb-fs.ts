import { IdbFs } from '@electric-sql/pglite';

/**
 * PGlite's IndexedDB file system, with its writes held back until the first
 * answers are out.
 *
 * PGlite keeps the database in memory and copies changed files to IndexedDB
 * after each query. On a first visit that copy is the whole database (10 MB),
 * and it starts with PGlite's own first query, so the worker spent the next
 * second or more copying while the tab's first calls waited for it (they
 * reached the worker 1.1-1.4 s after it was ready). Held back, the first
 * answers go out first and the copy follows; nothing is lost, since each copy
 * writes everything changed since the last. A write releases the hold at once:
 * it is answered only once it is kept (see database-calls.ts).
 */
export class DeferredIdbFs extends IdbFs {
	readonly #released: Promise<void>;
	#release = () => {};

	/** @param name the database's name, as in `idb://name` */
	constructor(name: string) {
		super(name);
		this.#released = new Promise((resolve) => (this.#release = resolve));
	}

	/** Lets the copies to IndexedDB begin; later calls do nothing. */
	release(): void {
		this.#release();
	}

	override async syncToFs(relaxedDurability?: boolean): Promise<void> {
		await this.#released;
		return super.syncToFs(relaxedDurability);
	}
}
