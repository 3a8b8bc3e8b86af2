// The classification an item names, checked for the prefix of the chosen type.

import type { IExecuteFunctions } from 'n8n-workflow';

import { getId } from '../../helpers/validation';
import type { KindInfo } from '../../helpers/classificationKinds';

export function classificationId(
	context: IExecuteFunctions,
	itemIndex: number,
	info: KindInfo,
): string {
	return getId(context, itemIndex, 'classificationId', 'Classification', info.prefix);
}
