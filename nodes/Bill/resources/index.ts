import type { Resource } from '../operation';
import { bankAccount } from './bankAccount';
import { bill } from './bill';
import { mfa } from './mfa';
import { session } from './session';
import { vendor } from './vendor';

/**
 * Every resource of the BILL node, by the value of its "Resource" parameter.
 * A new resource is a folder under resources/ and one line here.
 */
export const resources: Record<string, Resource> = {
	bankAccount,
	bill,
	mfa,
	session,
	vendor,
};
