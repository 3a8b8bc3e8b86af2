import type { Resource } from '../operation';
import { approval } from './approval';
import { bankAccount } from './bankAccount';
import { bill } from './bill';
import { document } from './document';
import { health } from './health';
import { mfa } from './mfa';
import { network } from './network';
import { organization } from './organization';
import { partner } from './partner';
import { payment } from './payment';
import { riskVerification } from './riskVerification';
import { role } from './role';
import { session } from './session';
import { user } from './user';
import { vendor } from './vendor';

/**
 * Every resource of the BILL node, by the value of its "Resource" parameter.
 * A new resource is a folder under resources/ and one line here.
 */
export const resources: Record<string, Resource> = {
	approval,
	bankAccount,
	bill,
	document,
	health,
	mfa,
	network,
	organization,
	partner,
	payment,
	riskVerification,
	role,
	session,
	user,
	vendor,
};
