import { arch, cpus, hostname, platform } from 'node:os';

/**
 * The machine class results are compared within: AI_CI_MACHINE_CLASS when the workflow names one (e.g. the
 * runner label "ubuntu-latest-gpu"), else the platform, architecture and CPU model, which is what makes two
 * runners' timings comparable.
 */
export function defaultMachineClass(env: NodeJS.ProcessEnv = process.env): string {
  const named = env.AI_CI_MACHINE_CLASS?.trim();
  if (named) return named;
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown cpu';
  return `${platform()}-${arch()} ${cpu}`;
}

/** The individual runner: RUNNER_NAME on GitHub Actions, else the host name. */
export function defaultRunner(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_NAME?.trim() || hostname();
}
