import type { INodeProperties } from 'n8n-workflow';

export const subscriptionIdField: INodeProperties = {
	displayName: 'Subscription ID',
	name: 'subscriptionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 61ba4018-7478-459f-9014-623996af49b6',
	description:
		"The webhook subscription's ID in BILL. The BILL Trigger names the one it made in n8n's log when the workflow is activated.",
};
