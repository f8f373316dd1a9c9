import { describe, expect, it } from 'vitest';
import * as contract from '../../preload/api';
import * as exchange from '../../main/domain/exchange';

// The contract is a leaf and may not import the domain, so the enumerations are written twice.
// This test keeps the two copies the same.
const sorted = (values: readonly string[]) => [...values].sort();

describe('the contract and the exchange format use the same enumerations', () => {
  it.each([
    ['homeKinds', contract.homeKinds, exchange.homeKinds],
    ['operators', contract.operators, exchange.operators],
    ['personRoles', contract.personRoles, exchange.personRoles],
    ['targetGenders', contract.targetGenders, exchange.targetGenders],
    ['registers', contract.registers, exchange.registers],
    ['checkOutcomes', contract.checkOutcomes, exchange.outcomes],
    ['permitForms', contract.permitForms, exchange.permitForms],
    ['ivoVerdicts', contract.ivoVerdicts, exchange.ivoVerdicts],
    ['eventTypes', contract.eventTypes, exchange.eventTypes],
  ])('%s', (_name, inContract, inExchange) => {
    expect(sorted(inContract)).toEqual(sorted(inExchange));
  });
});
