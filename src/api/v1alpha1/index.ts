/**
 * ai-ci.dev/v1alpha1: the one source of the RunnerPool and CarbonPolicy API. The TypeScript types are
 * `Static<typeof Schema>` of the schemas here; `npm run generate` writes the CRDs in crds/ from the same schemas.
 */
export * from './carbonpolicy.js';
export * from './common.js';
export * from './runnerpool.js';

import { CARBON_POLICY_KIND } from './carbonpolicy.js';
import { API_VERSION, GROUP, VERSION } from './common.js';
import { RUNNER_POOL_KIND } from './runnerpool.js';

/** The kinds of this API version. */
export const KINDS = [RUNNER_POOL_KIND, CARBON_POLICY_KIND] as const;
export type Kind = (typeof KINDS)[number];

/** `{ apiVersion, kind }` of a kind, for building objects: `{ ...typeMeta('RunnerPool'), metadata, spec }`. */
export function typeMeta<K extends Kind>(kind: K): { apiVersion: typeof API_VERSION; kind: K } {
  return { apiVersion: API_VERSION, kind };
}

/** Whether an apiVersion string names this group (any version). */
export function isAiCiApiVersion(apiVersion: unknown): boolean {
  return typeof apiVersion === 'string' && apiVersion.startsWith(`${GROUP}/`);
}

/** Group/version/plural for @kubernetes/client-node's CustomObjectsApi calls. */
export const RESOURCES = {
  RunnerPool: { group: GROUP, version: VERSION, plural: 'runnerpools' },
  CarbonPolicy: { group: GROUP, version: VERSION, plural: 'carbonpolicies' },
} as const satisfies Record<Kind, { group: string; version: string; plural: string }>;
