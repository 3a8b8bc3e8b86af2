import type { Resource } from '../operation';
import { approval } from './approval';
import { bankAccount } from './bankAccount';
import { bill } from './bill';
import { classification } from './classification';
import { document } from './document';
import { mfa } from './mfa';
import { payment } from './payment';
import { recurringBill } from './recurringBill';
import { session } from './session';
import { vendor } from './vendor';
import { vendorCredit } from './vendorCredit';

/**
 * Every resource of the BILL node, by the value of its "Resource" parameter.
 * A new resource is a folder under resources/ and one line here.
 */
export const resources: Record<string, Resource> = {
	approval,
	bankAccount,
	bill,
	classification,
	document,
	mfa,
	payment,
	recurringBill,
	session,
	vendor,
	vendorCredit,
};
