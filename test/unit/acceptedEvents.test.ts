/**
 * The accepted event IDs reach n8n's database although n8n 2.41 resets the "changed" flag of the
 * static data a production webhook call changed (nodes/shared/acceptedEvents.ts): the sequence
 * of LiveWebhooks.executeWebhook replayed on n8n-workflow's own Workflow and ObservableObject.
 */
import { Workflow, type IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { BillTrigger } from '../../nodes/BillTrigger/BillTrigger.node';
import {
	acceptEvent,
	acceptedEventsSettings,
	forgetSubscription,
	storeAccepted,
} from '../../nodes/shared/acceptedEvents';
import { NodeTypes, PACKAGE } from '../harness/n8n';

const nodeTypes = new NodeTypes([new BillTrigger()]);

/** A Workflow over `staticData` as n8n builds one (LiveWebhooks, then WorkflowRunner). */
const workflowOver = (staticData: IDataObject) =>
	new Workflow({
		id: 'w1',
		nodes: [
			{
				id: 'n1',
				name: 'BILL Trigger',
				type: `${PACKAGE}.billTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
		],
		connections: {},
		active: true,
		nodeTypes,
		staticData,
	});

/** One delivery as n8n 2.41 handles it; returns what WorkflowStaticDataService would save. */
async function deliver(stored: IDataObject, eventId: string): Promise<IDataObject | undefined> {
	const loaded = JSON.parse(JSON.stringify(stored)) as IDataObject; // from the database
	const webhookWorkflow = workflowOver(loaded);
	const data = webhookWorkflow.getStaticData('node', webhookWorkflow.nodes['BILL Trigger']) as {
		acceptedEventIds?: string[];
	};
	if (acceptEvent('sub-1', eventId, data.acceptedEventIds)) storeAccepted(data, 'sub-1', 1000);
	// WorkflowRunner.run → establishContextForPersistence: a second Workflow over the same object.
	workflowOver(loaded);
	await sleep(5); // prepareNewExecution, activeExecutions.add: database calls
	// LiveWebhooks' callback → saveStaticData(workflow): only when the flag is true.
	if (webhookWorkflow.staticData.__dataChanged !== true) return undefined;
	const saved = JSON.parse(JSON.stringify(webhookWorkflow.staticData)) as IDataObject;
	webhookWorkflow.staticData.__dataChanged = false;
	return saved;
}

beforeAll(() => {
	acceptedEventsSettings.keepMarkedMs = 200;
});
afterAll(async () => sleep(250));

describe('accepted event IDs in static data', () => {
	it('n8n resets the flag a delivery set: a plain change would not be saved', () => {
		const loaded: IDataObject = {};
		const webhookWorkflow = workflowOver(loaded);
		const data = webhookWorkflow.getStaticData('node', webhookWorkflow.nodes['BILL Trigger']);
		data.acceptedEventIds = ['e0'];
		expect(webhookWorkflow.staticData.__dataChanged).toBe(true);
		workflowOver(loaded);
		expect(webhookWorkflow.staticData.__dataChanged).toBe(false);
	});

	it('the accepted ID is saved, and a redelivery after a restart is recognised', async () => {
		const saved = await deliver({}, 'event-1');
		expect((saved?.['node:BILL Trigger'] as IDataObject).acceptedEventIds).toEqual(['event-1']);
		forgetSubscription('sub-1'); // n8n restarted: memory is gone
		const again = JSON.parse(JSON.stringify(saved)) as IDataObject;
		const data = again['node:BILL Trigger'] as { acceptedEventIds: string[] };
		expect(acceptEvent('sub-1', 'event-1', data.acceptedEventIds)).toBe(false);
	});
});
