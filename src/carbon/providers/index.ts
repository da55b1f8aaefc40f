/**
 * Builds the provider client for a CarbonPolicy's `spec.source` (exactly one member set, as the CRD enforces).
 * Credentials come resolved (the controller reads the Secrets, the CLI reads environment variables), so this
 * module never touches Kubernetes or the environment.
 */
import type { CarbonSource as CarbonSourceSpec, CarbonSourceType } from '../../api/v1alpha1/carbonpolicy.js';
import { ElectricityMapsProvider } from './electricitymaps.js';
import { ProviderError } from './errors.js';
import { FileProvider, StaticProvider } from './file.js';
import type { HttpOptions } from './http.js';
import type { IntensityProvider } from './types.js';
import { UkCarbonIntensityProvider } from './uk.js';
import { WattTimeProvider } from './watttime.js';

export { ElectricityMapsProvider } from './electricitymaps.js';
export { ProviderError, type ProviderErrorKind } from './errors.js';
export { FileProvider, StaticProvider } from './file.js';
export type { CurrentIntensity, IntensityProvider } from './types.js';
export { UkCarbonIntensityProvider } from './uk.js';
export { LBS_PER_MWH_TO_G_PER_KWH, WattTimeProvider } from './watttime.js';

export interface ProviderCredentials {
  /** Electricity Maps API token (Secret `tokenSecretRef`, or ELECTRICITYMAPS_TOKEN for the CLI). */
  electricityMapsToken?: string;
  /** WattTime account (Secret `credentialsSecretRef` keys username/password, or WATTTIME_USERNAME/PASSWORD). */
  wattTime?: { username: string; password: string };
}

export interface ProviderClientOptions extends HttpOptions {
  cacheTtlMs?: number;
}

/** Which member of `spec.source` is set; throws when none or several are. */
export function sourceType(spec: CarbonSourceSpec): CarbonSourceType {
  const set = (Object.keys(spec) as (keyof CarbonSourceSpec)[]).filter((k) => spec[k] !== undefined);
  if (set.length !== 1) {
    throw new ProviderError(
      'source',
      'config',
      `exactly one of ukCarbonIntensity, electricityMaps, wattTime, file or static must be set (got ${set.join(', ') || 'none'})`,
    );
  }
  return set[0] as CarbonSourceType;
}

export function createProvider(
  spec: CarbonSourceSpec,
  credentials: ProviderCredentials = {},
  options: ProviderClientOptions = {},
): IntensityProvider {
  switch (sourceType(spec)) {
    case 'ukCarbonIntensity': {
      const s = spec.ukCarbonIntensity!;
      return new UkCarbonIntensityProvider({
        ...options,
        ...(s.apiUrl ? { baseUrl: s.apiUrl } : {}),
        ...(s.regionId !== undefined ? { region: s.regionId } : s.postcode ? { region: s.postcode } : {}),
      });
    }
    case 'electricityMaps': {
      const s = spec.electricityMaps!;
      return new ElectricityMapsProvider({
        ...options,
        ...(s.apiUrl ? { baseUrl: s.apiUrl } : {}),
        zone: s.zone,
        token: credentials.electricityMapsToken ?? '',
      });
    }
    case 'wattTime': {
      const s = spec.wattTime!;
      return new WattTimeProvider({
        ...options,
        ...(s.apiUrl ? { baseUrl: s.apiUrl } : {}),
        region: s.region,
        username: credentials.wattTime?.username ?? '',
        password: credentials.wattTime?.password ?? '',
      });
    }
    case 'file':
      return new FileProvider({ path: spec.file!.path });
    case 'static':
      return new StaticProvider(spec.static!.intensity);
  }
}
