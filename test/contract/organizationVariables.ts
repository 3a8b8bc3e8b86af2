/** The collection's variables of the organization: logins, sessions, MFA, webhooks, roles and the network. */
import { randomUUID } from 'crypto';

import type { Makers } from './contractVariables';

export const ORGANIZATION_VARIABLES: Makers = [
	[
		['username'],
		({ f }) => {
			return f.admin.username;
		},
	],
	[
		['password'],
		({ f }) => {
			return f.admin.password;
		},
	],
	[
		['organization_id'],
		({ f }) => {
			return f.organizationId;
		},
	],
	[
		['developer_key'],
		({ f }) => {
			return f.devKey;
		},
	],
	[
		['app_key'],
		({ f }) => {
			return f.appKey;
		},
	],
	[
		['partner_username'],
		({ f }) => {
			return f.partner.username;
		},
	],
	[
		['partner_password'],
		({ f }) => {
			return f.partner.password;
		},
	],
	[
		['partner_organization_id'],
		({ f }) => {
			return f.organizationId;
		},
	],
	[
		['partner_user_id'],
		({ f }) => {
			return f.admin.userId;
		},
	],
	[
		['org_user_id'],
		({ f }) => {
			// Another user of the organization (the admin made the account, so it is one already).
			return f.clerk.userId;
		},
	],
	[
		['mfa_remember_me_id'],
		({ f }) => {
			return f.mfaId;
		},
	],
	[
		['mfa_device_name'],
		({ f }) => {
			return f.device;
		},
	],
	[
		['mfa_machine_name'],
		(_) => {
			return 'Contract test';
		},
	],
	[
		['user_phone_no'],
		(_) => {
			return '4155550123';
		},
	],
	[
		['webhook_idempotency_key'],
		(_) => {
			return randomUUID();
		},
	],
	[
		['webhook_notification_url'],
		(_) => {
			return 'https://hooks.example.com/bill';
		},
	],
	[
		['session_id'],
		async ({ v, f }) => {
			const r = await v.http.post(`${v.emulator.baseUrl}/v3/login`, {
				username: f.admin.username,
				password: f.admin.password,
				organizationId: f.organizationId,
				devKey: f.devKey,
				rememberMeId: f.mfaId,
				device: f.device,
			});
			return String(r.data.sessionId);
		},
	],
	[
		['partner_session_id'],
		async ({ v, f }) => {
			const r = await v.http.post(`${v.emulator.baseUrl}/v3/partner/login`, {
				username: f.partner.username,
				password: f.partner.password,
				appKey: f.appKey,
			});
			return String(r.data.sessionId);
		},
	],
	[
		['bill_approver_user_id'],
		({ f }) => {
			return f.clerk.userId;
		},
	],
	[
		['mfa_setup_id'],
		async ({ v }) => {
			return String(
				(
					await v.call('POST', '/v3/mfa/setup', {
						phone: '4155550123',
						type: 'TEXT',
						primary: true,
					})
				).setupId,
			);
		},
	],
	[
		['mfa_challenge_id'],
		async ({ v }) => {
			return String((await v.call('POST', '/v3/mfa/challenge', { useBackup: false })).challengeId);
		},
	],
	[
		['mfa_token'],
		async ({ v, request }) => {
			// The code "sent" for the setup or challenge this request validates.
			if (request.path.includes('setup')) await v.get('mfa_setup_id', request);
			else await v.get('mfa_challenge_id', request);
			const sms = v.emulator.state.sms;
			return sms[sms.length - 1].token;
		},
	],
	[
		['webhook_subscription_id'],
		async ({ v }) => {
			const subscription = await v.call(
				'POST',
				'/v3/subscriptions',
				{
					name: 'Contract',
					status: { enabled: true },
					events: [{ type: 'bill.created', version: '1' }],
					notificationUrl: 'https://hooks.example.com/contract',
				},
				'events',
				{ 'X-Idempotent-Key': randomUUID() },
			);
			return String(subscription.id);
		},
	],
	[
		['webhook_event_id'],
		async ({ v, request }) => {
			const id = await v.get('webhook_subscription_id', request);
			const event = await v.call('POST', `/v3/subscriptions/${id}/test`, {}, 'events');
			return String(event.id);
		},
	],
	[
		['billing_statement_id'],
		async ({ v, f }) => {
			const list = await v.call('GET', `/v3/organizations/${f.organizationId}/billing-statements`);
			return String((list.results as Array<{ id: string }>)[0].id);
		},
	],
	[
		['org_user_role_id'],
		async ({ v }) => {
			const roles = await v.call('GET', '/v3/roles');
			return String((roles.results as Array<{ id: string; type: string }>)[4].id);
		},
	],
	[
		['network_vendor_name'],
		(_) => {
			return 'Harbor Freight';
		},
	],
	[
		['network_id'],
		(_) => {
			return '0190000EMUPNI000002';
		},
	],
	[
		['vendor_email'],
		(_) => {
			return 'ap@harborfreight.example';
		},
	],
	[
		['org_phone_no'],
		(_) => {
			return '4085550100';
		},
	],
	[
		['partner_user_role_id'],
		async ({ v }) => {
			const roles = await v.call('GET', '/v3/roles');
			return String((roles.results as Array<{ id: string }>)[0].id);
		},
	],
];
