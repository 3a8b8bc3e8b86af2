import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../shared/router';
import { BILL_MAX_CONCURRENT_REQUESTS } from '../shared/transport';
import { namedLocators } from './helpers/names';
import { resources } from './resources';

/** The parameters that may give a name ("By Name"), and what they name. */
const names = namedLocators(Object.values(resources).flatMap((resource) => resource.description));

/** The BILL node's operations over the items, at most BILL's 3 concurrent requests at once. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, resources, BILL_MAX_CONCURRENT_REQUESTS, names);
}
