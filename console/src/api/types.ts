/**
 * The check-api's JSON shapes, generated from ../functions/check-api/src/main/resources/openapi.json
 * by `npm run generate:api` (into ./schema.d.ts, committed so a build needs no Java side), under the
 * names the console uses.
 */
import type { components } from './schema';

type S = components['schemas'];

export type Period = S['PeriodView'];
export type Benefit = S['BenefitView'];
export type Tier = S['TierView'];
export type Scheme = S['SchemeView'];
export type SchemeCatalog = S['SchemeCatalogView'];

export type CheckRequest = S['CheckRequest'];
export type CheckResponse = S['CheckResponse'];
export type Outcome = CheckResponse['outcome'];

export type DecisionView = S['DecisionView'];
export type Fulfilment = S['FulfilmentView'];

export type OverrideRequest = S['OverrideRequest'];
export type OverrideView = S['OverrideView'];
export type OverrideOutcome = OverrideView['outcome'];
export type ReasonCode = OverrideView['reasonCode'];
export type Revocation = S['RevocationView'];

export type Purpose = NonNullable<S['Purpose']>;

export type ReviewSource = S['ReviewSourceView'];
export type ReviewCase = S['ReviewCaseView'];
export type ReviewSearchRequest = Partial<S['ReviewSearch']>;
export type ReviewSearchResponse = S['ReviewSearchView'];

export type FieldError = S['FieldError'];
/** A problem as received: every member may be missing when something other than the API answered. */
export type Problem = Partial<S['Problem']>;
