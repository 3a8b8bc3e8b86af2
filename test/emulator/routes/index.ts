/** Every BILL area the emulator answers for; a new area is a file here and one line below. */
import type { Emulator } from '../server';
import { registerAuth } from './auth';
import { registerVendors } from './vendors';
import { registerWebhooks } from './webhooks';

export const registrations: Array<(emulator: Emulator) => void> = [registerAuth, registerVendors, registerWebhooks];
