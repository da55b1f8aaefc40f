/**
 * The JSON merge patch (RFC 7386) that turns one status into another, or undefined when nothing changed: an
 * unchanged status is not written, since every status write wakes every RunnerPool of the policy.
 */
import { generate } from 'json-merge-patch';

/** JSON round trip: drops keys whose value is undefined, which `generate` would otherwise turn into no-ops. */
const plain = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

export function mergePatchBetween(
  previous: object | undefined,
  next: object,
): Record<string, unknown> | undefined {
  return generate(plain(previous ?? {}), plain(next)) as Record<string, unknown> | undefined;
}
