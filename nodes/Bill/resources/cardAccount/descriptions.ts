// What the editor shows: the card account and AP card parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';

/**
 * BILL documents no id prefix for card accounts or AP cards
 * (https://developer.bill.com/docs/bill-generated-ids), so their ids are checked for shape only.
 */
export const cardAccountLocator = (description?: string): INodeProperties =>
	idLocator({
		name: 'cardAccountId',
		displayName: 'Card Account',
		object: 'card account',
		prefix: '',
		searchListMethod: 'searchCardAccounts',
		description,
	});

export const apCardLocator = (description?: string): INodeProperties =>
	idLocator({
		name: 'apCardId',
		displayName: 'AP Card',
		object: 'AP card',
		prefix: '',
		searchListMethod: 'searchApCards',
		description,
	});
