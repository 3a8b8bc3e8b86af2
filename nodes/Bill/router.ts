import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../shared/router';
import { BILL_MAX_CONCURRENT_REQUESTS } from '../shared/transport';
import { resources } from './resources';

/** The BILL node's operations over the items, at most BILL's 3 concurrent requests at once. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, resources, BILL_MAX_CONCURRENT_REQUESTS);
}
