/**
 * Validators built from GitHub's published descriptions: the REST OpenAPI document (@octokit/openapi) and the
 * webhook schemas (@octokit/openapi-webhooks). Tests use them to check every response and payload the fake makes.
 * Ajv runs non-strict (the documents carry OpenAPI keywords such as `example` and `x-github`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function loadJson(pkg: string, file: string): Record<string, unknown> {
  // The package's index.js would load every variant (~400 MB); read only the api.github.com description.
  const root = dirname(require.resolve(`${pkg}/package.json`));
  return JSON.parse(readFileSync(join(root, 'generated', file), 'utf8')) as Record<string, unknown>;
}

/** JSON-pointer escaping of one path segment (RFC 6901), then URI-fragment escaping. */
function pointer(...segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
}

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, validateFormats: true });
  addFormats(ajv);
  return ajv;
}

export interface SchemaCheck {
  valid: boolean;
  errors: string;
}

function check(validate: ValidateFunction, data: unknown): SchemaCheck {
  const valid = validate(data) as boolean;
  return {
    valid,
    errors: valid
      ? ''
      : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; '),
  };
}

/**
 * GitHub marks fields such as a job's `conclusion` `nullable: true` with an `enum` that omits null, and really sends
 * null. Ajv applies the enum to null too (as OpenAPI 3.0.3 says it should), so null is added to such enums here.
 */
function allowNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) allowNullInNullableEnums(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as { nullable?: unknown; enum?: unknown[] };
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null))
    schema.enum.push(null);
  for (const value of Object.values(node)) allowNullInNullableEnums(value);
}

let restSingleton: RestSchemas | undefined;

export class RestSchemas {
  private readonly ajv = newAjv();
  private readonly spec: { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
  private readonly cache = new Map<string, ValidateFunction | null>();

  static get(): RestSchemas {
    restSingleton ??= new RestSchemas();
    return restSingleton;
  }

  private constructor() {
    this.spec = loadJson('@octokit/openapi', 'api.github.com.json') as unknown as RestSchemas['spec'];
    allowNullInNullableEnums(this.spec);
    this.ajv.addSchema(this.spec as object, 'gh-rest');
  }

  /** True when GitHub's description has this operation. */
  hasOperation(method: string, template: string): boolean {
    return Boolean(this.spec.paths[template]?.[method.toLowerCase()]);
  }

  /**
   * The validator of one operation's response body: the documented schema for that status, a `$ref`'d response
   * resolved; for an undocumented error status, GitHub's `basic-error`. `null` when nothing is documented.
   */
  validator(method: string, template: string, status: number): ValidateFunction | null {
    const key = `${method} ${template} ${status}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const m = method.toLowerCase();
    const op = this.spec.paths[template]?.[m];
    if (!op) throw new Error(`GitHub's OpenAPI description has no operation ${method} ${template}`);
    let ref: string | null = null;
    const response = op.responses?.[String(status)] as
      | { $ref?: string; content?: Record<string, unknown> }
      | undefined;
    if (response?.$ref) {
      const name = response.$ref.split('/').pop()!;
      ref = `gh-rest#/components/responses/${pointer(name)}/content/${pointer('application/json')}/schema`;
    } else if (response?.content?.['application/json']) {
      ref = `gh-rest#/paths/${pointer(template)}/${m}/responses/${status}/content/${pointer('application/json')}/schema`;
    } else if (status >= 400) {
      ref = 'gh-rest#/components/schemas/basic-error';
    }
    const validate = ref ? this.ajv.compile({ $ref: ref }) : null;
    this.cache.set(key, validate);
    return validate;
  }

  check(method: string, template: string, status: number, body: unknown): SchemaCheck {
    const validate = this.validator(method, template, status);
    if (!validate) {
      return body === undefined || body === ''
        ? { valid: true, errors: '' }
        : { valid: false, errors: `no body documented for ${status}, got one` };
    }
    return check(validate, body);
  }

  /** Checks a request body against the operation's documented `application/json` request schema. */
  checkRequest(method: string, template: string, body: unknown): SchemaCheck {
    const key = `request ${method} ${template}`;
    let validate = this.cache.get(key);
    if (validate === undefined) {
      const m = method.toLowerCase();
      const op = this.spec.paths[template]?.[m] as { requestBody?: unknown } | undefined;
      if (!op?.requestBody)
        throw new Error(`GitHub's OpenAPI description has no request body for ${method} ${template}`);
      validate = this.ajv.compile({
        $ref: `gh-rest#/paths/${pointer(template)}/${m}/requestBody/content/${pointer('application/json')}/schema`,
      });
      this.cache.set(key, validate);
    }
    return check(validate!, body);
  }
}

let webhookSingleton: WebhookSchemas | undefined;

export class WebhookSchemas {
  private readonly ajv = newAjv();
  private readonly cache = new Map<string, ValidateFunction>();

  static get(): WebhookSchemas {
    webhookSingleton ??= new WebhookSchemas();
    return webhookSingleton;
  }

  private constructor() {
    this.ajv.addSchema(loadJson('@octokit/openapi-webhooks', 'api.github.com.json'), 'gh-webhooks');
  }

  /** Checks a payload against `webhook-<event>-<action>`, e.g. `webhook-workflow-job-in-progress`. */
  check(event: string, action: string, payload: unknown): SchemaCheck {
    const name = `webhook-${event.replace(/_/g, '-')}-${action.replace(/_/g, '-')}`;
    let validate = this.cache.get(name);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `gh-webhooks#/components/schemas/${pointer(name)}` });
      this.cache.set(name, validate);
    }
    return check(validate, payload);
  }
}
