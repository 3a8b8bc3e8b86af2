/** Every BILL area the emulator answers for; a new area is a file here and one line below. */
import type { Emulator } from '../server';
import { registerAuth } from './auth';
import { registerBankAccounts } from './bankAccounts';
import { registerBills } from './bills';
import { registerMfa } from './mfa';
import { registerVendors } from './vendors';

export const registrations: Array<(emulator: Emulator) => void> = [
	registerAuth,
	registerVendors,
	registerBills,
	registerBankAccounts,
	registerMfa,
];
