import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ActsFor } from './transport/organizationSession';

/**
 * What an operation's requests do to BILL (test/unit/Bill/repeatable.test.ts walks the registry).
 * An operation that changes state is never sent again after an uncertain answer (the request may
 * have reached BILL) unless `repeatable` says why a repeat is safe.
 */
export interface Effect {
	/** Anything but a read: create, update, archive, void, charge, approve… */
	changesState: boolean;
	/** Why a repeat leaves BILL as one request would (e.g. "a repeat leaves it archived"). */
	repeatable?: string;
}

interface OperationBase {
	description: INodeProperties[];
	effect?: Effect;
	/**
	 * Whether it acts for the client organization a partner names in the node (default: its
	 * resource's `actsFor`, else `always`); the router hands it to the transport.
	 */
	actsFor?: ActsFor;
}

/**
 * One operation of one resource: its parameters and what it does.
 *
 * Most operations work item by item (`execute`, called once per input item; the router pairs
 * each result with its item, applies "Continue On Fail" and keeps BILL's concurrency limit).
 * Operations that send many items in one call (bulk create) implement `executeBatch` instead.
 */
export interface ItemOperation extends OperationBase {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/** Items may run concurrently (up to BILL's 3): true unless order of effects matters. */
	concurrent?: boolean;
}

export interface BatchOperation extends OperationBase {
	executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type Operation = ItemOperation | BatchOperation;

export interface Resource {
	/** As shown in the node's "Resource" selector. */
	displayName: string;
	/** What the resource is, for the selector and for AI agents choosing a tool. */
	summary: string;
	/** The "Operation" selector of this resource, and every operation's parameters. */
	description: INodeProperties[];
	operations: Record<string, Operation>;
	/** The default `actsFor` of its operations (`never`: e.g. the partner's own calls). */
	actsFor?: ActsFor;
}
