/** Every scenario of the reliability matrix; a resource adds its own list here. */
import {
	bankAccountScenarios,
	billScenarios,
	paymentScenarios,
	vendorScenarios,
	type Scenario,
} from './scenarios';

export const scenarios: Scenario[] = [
	...billScenarios,
	...vendorScenarios,
	...bankAccountScenarios,
	...paymentScenarios,
];
