import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../shared/router';
import { spendNamedLocators } from './names';
import { resources } from './resources';

/** The parameters that may give a name ("By Name"), and what they name. */
const names = spendNamedLocators(
	Object.values(resources).flatMap((resource) => resource.description),
);

/** Items in flight at once; the per-minute limit is kept by the transport. */
const CONCURRENT_ITEMS = 3;

/** The Spend & Expense node's operations over the items, as the BILL node runs its own. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, resources, { concurrentItems: CONCURRENT_ITEMS, names });
}
