import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../shared/router';
import { BILL_MAX_CONCURRENT_REQUESTS } from '../shared/transport';
import { actingNamed } from './actingFor';
import { perItemReader } from './helpers/itemParameters';
import { namedLocators } from './helpers/names';
import { resources } from './resources';

/** The parameters that may give a name ("By Name"), and what they name. */
const names = namedLocators(Object.values(resources).flatMap((resource) => resource.description));

/**
 * Items at work at once: more than BILL's 3 concurrent requests, so that while BILL answers three
 * of them the next ones read their parameters and are ready to send the moment a slot frees (the
 * transport sends at most 3 at a time: withRequestSlot). Where BILL has no bulk call (invoices,
 * customers…, one request per item) that keeps its 3 slots busy.
 */
const ITEMS_AT_WORK = 4 * BILL_MAX_CONCURRENT_REQUESTS;

/** The BILL node's operations over the items, at most BILL's 3 concurrent requests at once. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, resources, {
		concurrentItems: ITEMS_AT_WORK,
		names,
		// Parameters mapped from the item (`{{ $json.name }}`) and constant ones are read without
		// n8n's expression sandbox (about half a millisecond an expression, the most of an item's
		// time on the node's side): what n8n would answer, found faster (helpers/itemParameters.ts).
		itemContext: (context, operation) => perItemReader(context, operation.description),
		actingNamed,
	});
}
