import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { GitHubApiError } from '../../../github/errors.js';
import {
  BranchProtectionFileError,
  describeProtection,
  parseBranchProtection,
  protectBranch,
} from '../../../github/protect.js';
import { CliError, ExitCode } from '../exit-codes.js';

const TOKEN_ENV = 'GITHUB_TOKEN';

function repository(value: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(value);
  if (!m) throw new CliError(`--repo: "${value}" is not owner/repo`, ExitCode.Usage);
  return { owner: m[1]!, repo: m[2]! };
}

export function registerGithub(program: Command): void {
  const github = program.command('github').description('GitHub repository settings as code');
  github
    .command('protect')
    .description(
      `apply a branch protection file (the body of PUT /repos/{owner}/{repo}/branches/{branch}/protection) with the token in $${TOKEN_ENV}`,
    )
    .requiredOption('--repo <owner/repo>', 'repository')
    .requiredOption('--branch <name>', 'branch to protect')
    .requiredOption('--file <path>', 'JSON file, e.g. examples/branch-protection.json')
    .option('--api-url <url>', 'REST API base URL (GitHub Enterprise Server: https://HOST/api/v3)')
    .option('--dry-run', 'check the file and print what would be applied; send nothing')
    .option('--json', "print GitHub's answer (the protection now in force) as JSON")
    .action(
      async (opts: {
        repo: string;
        branch: string;
        file: string;
        apiUrl?: string;
        dryRun?: boolean;
        json?: boolean;
      }) => {
        const target = { ...repository(opts.repo), branch: opts.branch };
        let text: string;
        try {
          text = readFileSync(opts.file, 'utf8');
        } catch (err) {
          throw new CliError(`${opts.file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
        }
        let protection: ReturnType<typeof parseBranchProtection>;
        try {
          protection = parseBranchProtection(text, opts.file);
        } catch (err) {
          if (err instanceof BranchProtectionFileError) throw new CliError(err.message, ExitCode.InputError);
          throw err;
        }
        const where = `${target.owner}/${target.repo}@${target.branch}`;
        if (opts.dryRun) {
          process.stdout.write(
            opts.json ? `${JSON.stringify(protection)}\n` : `${opts.file} is valid; would protect ${where}\n`,
          );
          return;
        }
        // Tokens only from the environment: an argument would land in shell history and process listings.
        const token = process.env[TOKEN_ENV];
        if (!token) {
          throw new CliError(
            `${TOKEN_ENV} is not set: export a token with repository administration (write) permission`,
            ExitCode.Usage,
          );
        }
        try {
          const applied = await protectBranch(target, protection, {
            token,
            ...(opts.apiUrl ? { baseUrl: opts.apiUrl.replace(/\/+$/, '') } : {}),
          });
          if (opts.json) process.stdout.write(`${JSON.stringify(applied)}\n`);
          else
            process.stdout.write(
              `protected ${where}\n${describeProtection(applied)
                .map((l) => `  ${l}\n`)
                .join('')}`,
            );
        } catch (err) {
          if (err instanceof GitHubApiError) throw new CliError(err.message, ExitCode.InputError);
          throw err;
        }
      },
    );
}
