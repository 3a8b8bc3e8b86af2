import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchPartnerOrganizations, searchPartnerUsers } from '../Bill/listSearch/partner';
import { pollingCredentials } from './credentials';
import { pollingProperties } from './descriptions';
import { pollBill } from './poll';

export class BillPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BILL Polling Trigger',
		name: 'billPollingTrigger',
		icon: { light: 'file:bill.svg', dark: 'file:bill.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{[].concat($parameter["events"] ?? $parameter["spendEvents"]).join(", ")}}',
		description:
			'Starts the workflow when BILL (bill.com) has a new or changed bill, invoice, payment, vendor, customer or Spend & Expense transaction, by asking BILL at set times (no webhook needed)',
		defaults: { name: 'BILL Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: pollingCredentials,
		properties: pollingProperties,
	};

	methods = {
		listSearch: { searchPartnerOrganizations, searchPartnerUsers },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollBill.call(this);
	}
}
