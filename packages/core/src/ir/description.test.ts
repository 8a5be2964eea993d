import { describe, expect, it } from 'vitest';
import { parseDescription } from './description.js';

describe('parseDescription: generator directives are not descriptions (one row per family)', () => {
  it.each([
    // zod-prisma(-types), prisma-zod-generator
    ['zod chain', 'Login email @zod.string.email()', 'Login email'],
    ['zod chain with arguments', '@zod.number.int().min(0).max(100) Percent done.', 'Percent done.'],
    ['zod-prisma short form', 'Display name @zod.min(1).max(64)', 'Display name'],
    [
      'zod import (brackets, quotes and parens in the argument)',
      `@zod.import(["import { settingsSchema } from '../zod/settings'"])\nA team.`,
      'A team.',
    ],
    [
      'zod custom.use with nested calls',
      '@zod.custom.use(z.string().refine((s) => s.length > 0, "empty"))',
      undefined,
    ],
    [
      'zod directive alone on its line between prose lines',
      'First.\n@zod.string.uuid()\nSecond.',
      'First.\nSecond.',
    ],
    // TypeGraphQL
    ['TypeGraphQL field', '@TypeGraphQL.field(name: "emailAddress") The address.', 'The address.'],
    ['TypeGraphQL omit', 'Hashed. @TypeGraphQL.omit(output: true, input: ["update"])', 'Hashed.'],
    // prisma-generator-typegraphql / trpc style
    ['@@Gen.model', '@@Gen.model(hide: true)\nInternal audit rows.', 'Internal audit rows.'],
    ['@Gen.field', 'Secret. @Gen.field(hide: true)', 'Secret.'],
    // class-validator
    ['Validator', '@Validator.IsEmail() @Validator.MaxLength(320) Contact address', 'Contact address'],
    // prisma-generator-nestjs-dto
    ['DtoReadOnly', '@DtoReadOnly', undefined],
    [
      'DtoCreateOptional and DtoUpdateOptional',
      'Set by the server. @DtoCreateOptional @DtoUpdateOptional',
      'Set by the server.',
    ],
    [
      'DtoCastType with arguments',
      '@DtoCastType(Settings, ../types, default) Settings blob',
      'Settings blob',
    ],
    // prisma-nestjs-graphql
    ['HideField()', '@HideField()\nPassword hash.', 'Password hash.'],
    [
      'HideField({ output: true })',
      'Password hash. @HideField({ output: true, input: true })',
      'Password hash.',
    ],
    [
      'FieldType',
      '@FieldType({ name: "Scalars.GraphQLEmailAddress", from: "graphql-scalars" }) Email',
      'Email',
    ],
    // graphql / kysely type overrides
    ['gqlType', '@gqlType(JSON) Free-form metadata', 'Free-form metadata'],
    ['kyselyType', "@kyselyType('admin' | 'member') Role of the member", 'Role of the member'],
  ])('%s', (_family, raw, text) => {
    const parsed = parseDescription(raw);
    expect(parsed.text).toBe(text);
    expect(parsed.tags).toEqual([]);
  });
});

describe('parseDescription: prisma-json-types-generator annotations name the JSON shape', () => {
  it.each([
    ['[UserSettings]', { value: 'UserSettings', text: undefined }],
    [
      '[PrismaJson.Settings] Per-user settings.',
      { value: 'PrismaJson.Settings', text: 'Per-user settings.' },
    ],
    ["!['a' | 'b'] Either kind.", { value: "'a' | 'b'", text: 'Either kind.' }],
    [
      '![Array<{ url: string; alt?: string }>]',
      { value: 'Array<{ url: string; alt?: string }>', text: undefined },
    ],
    ['[Tag[]] Labels.', { value: 'Tag[]', text: 'Labels.' }],
    // Prisma appends a field's trailing `/// [Type] @zod...` after its leading `///` lines.
    ['An array of items.\n[CscSessionItems]', { value: 'CscSessionItems', text: 'An array of items.' }],
    ['An array of items.\n  ![Item[]]  ', { value: 'Item[]', text: 'An array of items.' }],
    ['An array of items.\n[Items] @zod.custom.use(ZItems)', { value: 'Items', text: 'An array of items.' }],
  ])('%s', (raw, { value, text }) => {
    expect(parseDescription(raw, { jsonType: true })).toEqual({
      ...(text ? { text } : {}),
      tags: [{ name: 'json-type', value }],
    });
  });

  it.each([
    ['not on a field the generator types', '[Deprecated] Use v2.', {}],
    ['a markdown image', '![diagram](https://x/y.png) Layout.', { jsonType: true }],
    ['not at the start', 'Settings [UserSettings]', { jsonType: true }],
    ['on a later line, with prose', 'Settings.\n[UserSettings] are typed', { jsonType: true }],
    ['empty brackets', '[] Nothing.', { jsonType: true }],
  ])('%s: prose', (_case, raw, options) => {
    expect(parseDescription(raw, options)).toEqual({ text: raw, tags: [] });
  });
});

describe('parseDescription: tags only where they cannot be prose', () => {
  it.each([
    [
      'trailing run',
      'Login email @pii @owner(identity team)',
      'Login email',
      [{ name: 'pii' }, { name: 'owner', value: 'identity team' }],
    ],
    ['a line of tags', '@PII', undefined, [{ name: 'pii' }]],
    [
      'leading run',
      '@sensitive @namespace(billing) Invoice totals.',
      'Invoice totals.',
      [{ name: 'sensitive' }, { name: 'namespace', value: 'billing' }],
    ],
    [
      'a tag line under prose',
      'A customer.\n@domain(crm)',
      'A customer.',
      [{ name: 'domain', value: 'crm' }],
    ],
    [
      'JSDoc @deprecated with its reason',
      '@deprecated Use display_name.',
      'Use display_name.',
      [{ name: 'deprecated' }],
    ],
    [
      'an @word inside backticks is prose',
      'the `recipientId @unique` constraint',
      'the `recipientId @unique` constraint',
      [],
    ],
    [
      'an @word in mid-sentence is prose',
      'Enforced by @unique on the pair, see below.',
      'Enforced by @unique on the pair, see below.',
      [],
    ],
    ['a backticked @word at the end is prose', 'Unique through `@unique`', 'Unique through `@unique`', []],
    ['an e-mail address', 'write to a@b.com', 'write to a@b.com', []],
    [
      'a zod directive inside backticks is prose',
      'Validated by `@zod.string.email()` upstream.',
      'Validated by `@zod.string.email()` upstream.',
      [],
    ],
    [
      'directives and tags together',
      'Login email @zod.string.email() @pii',
      'Login email',
      [{ name: 'pii' }],
    ],
    [
      'a JSDoc @property line is prose',
      '@property id - Unique identifier for the webhook',
      '@property id - Unique identifier for the webhook',
      [],
    ],
    ['a JSDoc @see line is prose', '@see https://example.com/spec', '@see https://example.com/spec', []],
    ['a Prisma attribute at the end is prose', 'Kept unique with @unique', 'Kept unique with @unique', []],
    [
      'a Prisma attribute with arguments is prose',
      '@default(now()) when omitted',
      '@default(now()) when omitted',
      [],
    ],
  ])('%s', (_case, raw, text, tags) => {
    expect(parseDescription(raw)).toEqual({ ...(text ? { text } : {}), tags });
  });

  it('keeps paragraph breaks and drops nothing else', () => {
    expect(parseDescription('First paragraph.\n\nSecond   one. @pii')).toEqual({
      text: 'First paragraph.\n\nSecond one.',
      tags: [{ name: 'pii' }],
    });
    expect(parseDescription(undefined)).toEqual({ tags: [] });
    expect(parseDescription('   ')).toEqual({ tags: [] });
  });
});
