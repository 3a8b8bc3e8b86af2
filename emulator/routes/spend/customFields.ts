/** S&E custom fields and their values (Postman "Get list of custom fields" … "Get custom field value details"). */
import { errors } from '../../errors';
import { spendListRules } from '../../spendLists';
import type { Json } from '../../state';
import { find, identity } from '../spendState';
import { body, oneOf, onlyFields, required, spendPage } from '../spendRequest';
import { byNameCase, customFieldOf, must, patch, type SpendRoutes } from './objects';

export const customFieldsRoutes: SpendRoutes = [
	[
		'GET',
		'/v3/spend/custom-fields',
		(context, { data }) => ({
			body: spendPage(byNameCase(context, [...data.customFields.values()]), context.query, {
				...spendListRules('customFields'),
			}),
		}),
	],
	[
		'POST',
		'/v3/spend/custom-fields',
		(context, { data, now }) => {
			const b = body(context);
			// Postman "Create a custom field" and https://developer.bill.com/reference/createcustomfield.
			onlyFields(b, [
				'name',
				'description',
				'type',
				'values',
				'multiSelect',
				'allowCustomValues',
				'minimumAmountForRequirement',
				'required',
				'global',
				'selectedBudgetIds',
			]);
			required(b, 'name');
			const type =
				b.type ?? (Array.isArray(b.values) && b.values.length ? 'CUSTOM_SELECTOR' : 'NOTE');
			oneOf({ type }, 'type', ['NOTE', 'CUSTOM_SELECTOR']);
			const budgets = ((b.selectedBudgetIds as unknown[] | undefined) ?? []).map((id) => {
				const budget = find(data.budgets, String(id));
				if (!budget) throw errors.invalid(`selectedBudgetIds: no such budget ${String(id)}`);
				return budget;
			});
			const field: Json = {
				...identity(),
				name: b.name,
				description: b.description ?? '',
				type,
				multiSelect: Boolean(b.multiSelect),
				allowCustomValues: Boolean(b.allowCustomValues),
				minimumAmountForRequirement: b.minimumAmountForRequirement ?? null,
				required: Boolean(b.required),
				global: b.global === undefined ? budgets.length === 0 : Boolean(b.global),
				retired: false,
				createdTime: now,
				selectedBudgetIds: budgets.map((x) => x.id),
				selectedBudgetUuids: budgets.map((x) => x.uuid),
				requiredBudgetIds: [],
				requiredBudgetUuids: [],
			};
			data.customFields.set(String(field.uuid), field);
			data.values.set(
				String(field.uuid),
				((b.values as unknown[] | undefined) ?? []).map((v) => ({
					...identity(),
					value: String(v),
					deleted: false,
				})),
			);
			return { body: field };
		},
	],
	[
		'GET',
		'/v3/spend/custom-fields/:customFieldId',
		(context, { data }) => ({
			body: customFieldOf(data, context.params.customFieldId),
		}),
	],
	[
		'PATCH',
		'/v3/spend/custom-fields/:customFieldId',
		(context, { data }) => {
			const field = customFieldOf(data, context.params.customFieldId);
			patch(field, body(context), [
				'name',
				'description',
				'required',
				'allowCustomValues',
				'multiSelect',
				'minimumAmountForRequirement',
				'global',
			]);
			return { body: field };
		},
	],
	[
		'DELETE',
		'/v3/spend/custom-fields/:customFieldId',
		(context, { data }) => {
			const field = customFieldOf(data, context.params.customFieldId);
			data.customFields.delete(String(field.uuid));
			data.values.delete(String(field.uuid));
			return { status: 200 };
		},
	],
	[
		'GET',
		'/v3/spend/custom-fields/:customFieldId/values',
		(context, { data }) => {
			const field = customFieldOf(data, context.params.customFieldId);
			return {
				body: spendPage(
					(data.values.get(String(field.uuid)) ?? []).filter((v) => !v.deleted),
					context.query,
					{ ...spendListRules('customFieldValues'), view: (v) => ({ ...v, retired: v.deleted }) },
				),
			};
		},
	],
	[
		'POST',
		'/v3/spend/custom-fields/:customFieldId/values',
		(context, { data }) => {
			const field = customFieldOf(data, context.params.customFieldId);
			const list = body(context).values;
			if (
				!Array.isArray(list) ||
				list.length === 0 ||
				list.some((v) => typeof v !== 'string' || !v)
			)
				throw errors.invalid('values: must list at least one text value');
			const values = data.values.get(String(field.uuid))!;
			const added = (list as string[]).map((value) => {
				const v: Json = { ...identity(), value, deleted: false };
				values.push(v);
				return v;
			});
			// Postman's example answers one value object; with several values, readings.ts customFieldValuesAnswer.
			const asList =
				added.length > 1 && context.emulator.readings.customFieldValuesAnswer === 'list';
			return { body: asList ? added : added[0] };
		},
	],
	[
		'DELETE',
		'/v3/spend/custom-fields/:customFieldId/values',
		(context, { data }) => {
			const field = customFieldOf(data, context.params.customFieldId);
			const idsToDelete = body(context).customFieldValueIds;
			if (!Array.isArray(idsToDelete) || idsToDelete.length === 0)
				throw errors.invalid('customFieldValueIds: must list at least one value');
			const values = data.values.get(String(field.uuid))!;
			const found = idsToDelete.map((id) => {
				const value = values.find((v) => v.uuid === id || v.id === id);
				if (!value) throw errors.invalid(`customFieldValueIds: no such value ${String(id)}`);
				return value;
			});
			// Deleted values stay on past transactions (https://developer.bill.com/docs/transaction-management).
			for (const value of found) value.deleted = true;
			return { status: 200 };
		},
	],
	[
		'GET',
		'/v3/spend/custom-fields/:customFieldId/values/:customFieldValueId',
		(context, { data }) => {
			const field = customFieldOf(data, context.params.customFieldId);
			const value = (data.values.get(String(field.uuid)) ?? []).find(
				(v) =>
					v.uuid === context.params.customFieldValueId ||
					v.id === context.params.customFieldValueId,
			);
			return { body: must(value, 'Custom field value', context.params.customFieldValueId) };
		},
	],
];
