import { OrmdocError, TEMPLATE_IDS, type TemplateId } from '@ormdoc/core';

/** What the generator block may set besides `provider` and `output`. */
export const GENERATOR_OPTIONS = ['templates', 'title', 'config'] as const;

export interface GeneratorSettings {
  templates?: Array<TemplateId | { path: string }>;
  title?: string;
  /** Path of an ormdoc config file (JSON, .js/.mjs, or .ts when jiti is installed), relative to the schema. */
  config?: string;
}

type RawConfig = Record<string, string | string[] | undefined>;

function fail(option: string, message: string, accepted: string): never {
  throw new OrmdocError('CONFIG_INVALID', `ormdoc generator option \`${option}\`: ${message}`, {
    hint: `Accepted: ${accepted}.`,
  });
}

function single(option: string, value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length !== 1) fail(option, `expected one string, got ${JSON.stringify(value)}`, 'a string');
    return value[0];
  }
  return value;
}

/** Validate the generator block's options (Prisma passes them as strings or string arrays). */
export function parseGeneratorOptions(config: RawConfig): GeneratorSettings {
  const unknown = Object.keys(config).filter((k) => !(GENERATOR_OPTIONS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new OrmdocError(
      'CONFIG_INVALID',
      `Unknown ormdoc generator option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `\`${k}\``).join(', ')}.`,
      { hint: `Accepted options: output, ${GENERATOR_OPTIONS.join(', ')}.` },
    );
  }
  const out: GeneratorSettings = {};
  const raw = config.templates;
  if (raw !== undefined) {
    const items = (Array.isArray(raw) ? raw : raw.split(',')).map((s) => s.trim()).filter(Boolean);
    if (items.length === 0)
      fail('templates', 'is empty', `${TEMPLATE_IDS.join(', ')} or a template file path`);
    out.templates = items.map((item) => {
      if ((TEMPLATE_IDS as readonly string[]).includes(item)) return item as TemplateId;
      if (/[./\\]/.test(item)) return { path: item };
      return fail(
        'templates',
        `unknown template "${item}"`,
        `${TEMPLATE_IDS.join(', ')}, or a path to your own template file (e.g. "docs/template.md")`,
      );
    });
  }
  const title = single('title', config.title);
  if (title !== undefined) {
    if (title.trim() === '') fail('title', 'is empty', 'a non-empty string');
    out.title = title;
  }
  const file = single('config', config.config);
  if (file !== undefined) {
    if (!/\.(json|js|mjs|cjs|ts|mts|cts)$/.test(file))
      fail('config', `"${file}" is not a config file`, 'a path to an ormdoc config (.json, .js, .mjs, .ts)');
    out.config = file;
  }
  return out;
}
