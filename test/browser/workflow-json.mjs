// @ts-check
/** The workflows the browser tests make through n8n's REST API: their nodes and their JSON. */
import { CREDENTIAL } from '../../scripts/lib/stack.mjs';

/**
 * A node of a workflow's JSON.
 * @param {string} type
 * @param {{ id: string, name: string, typeVersion: number | undefined, position: number[], parameters?: object }} node
 */
export const node = (type, { parameters = {}, ...rest }) => ({ ...rest, type, parameters });

/** The manual trigger "Run" at the origin. */
export const runNode = () =>
	node('n8n-nodes-base.manualTrigger', {
		id: 'run',
		name: 'Run',
		typeVersion: 1,
		position: [0, 0],
	});

/**
 * A BILL node on the emulator's credential.
 * @param {{ id: string, name: string, typeVersion: number | undefined, position: number[], parameters: object }} bill
 */
export const billNode = ({ parameters, ...rest }) => ({
	...node('n8n-nodes-billcom.bill', {
		...rest,
		parameters: { authentication: 'billApi', ...parameters },
	}),
	credentials: { billApi: CREDENTIAL },
});

/**
 * A workflow's JSON: its nodes connected one after the other as `chain` names them.
 * @param {string} name
 * @param {object[]} nodes
 * @param {string[]} [chain]
 */
export function workflowJson(name, nodes, chain = []) {
	/** @type {Record<string, { main: { node: string, type: string, index: number }[][] }>} */
	const connections = {};
	for (let i = 1; i < chain.length; i++)
		connections[chain[i - 1]] = { main: [[{ node: chain[i], type: 'main', index: 0 }]] };
	return { name, nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}
