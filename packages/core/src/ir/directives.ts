/**
 * Directives of other code generators, written in the same doc comments ormdoc reads descriptions
 * from (Prisma `///`, JSDoc). They are input for those generators, not prose about the data, so
 * they are kept out of descriptions and database comments. One entry per generator family:
 *
 * - zod-prisma / zod-prisma-types / prisma-zod-generator: `@zod.string.email()`,
 *   `@zod.import(["import { x } from 'y'"])`, `@zod.custom.use(z.string().refine(...))`
 * - TypeGraphQL (typegraphql-prisma): `@TypeGraphQL.field(name: "x")`, `@TypeGraphQL.omit(output: true)`
 * - prisma-generator-typegraphql / prisma-trpc-generator style: `@@Gen.model(hide: true)`, `@Gen.field(...)`
 * - class-validator through prisma-class-validator-generator: `@Validator.IsEmail()`
 * - prisma-generator-nestjs-dto: `@DtoReadOnly`, `@DtoCreateOptional`, `@DtoCastType(X, y)`...
 * - prisma-nestjs-graphql: `@HideField()`, `@FieldType(...)`, `@PropertyType(...)`, `@ObjectType(...)`
 * - prisma-kysely: `@kyselyType('a' | 'b')`; graphql generators: `@gqlType(...)`
 *
 * prisma-json-types-generator's `[TypeName]` / `![literal type]` are read in description.ts: the
 * type they name is kept as the `json-type` tag.
 */

/** `@ns.member(args).member...`: a namespace followed by at least one `.member`. */
const NAMESPACES = ['zod', 'TypeGraphQL', 'Gen', 'Validator'];

/** `@Name` or `@Name(args)`: exact names, or a prefix followed by an upper-case letter. */
const NAMES = ['HideField', 'FieldType', 'PropertyType', 'ObjectType', 'InputType', 'gqlType', 'kyselyType'];
const PREFIXES = ['Dto'];

const IDENT = /[A-Za-z_$][\w$]*/y;

/**
 * The end (exclusive) of the generator directive starting at `text[start]` (an `@`), or -1 when
 * none starts there.
 */
export function directiveEnd(text: string, start: number): number {
  let i = start + 1;
  if (text[i] === '@') i++; // `@@Gen.model(...)`
  const name = identAt(text, i);
  if (!name) return -1;
  i += name.length;
  if (NAMESPACES.includes(name)) {
    if (text[i] !== '.') return -1;
    return chainEnd(text, i);
  }
  const named =
    NAMES.includes(name) || PREFIXES.some((p) => name.startsWith(p) && /^[A-Z]/.test(name.slice(p.length)));
  if (!named) return -1;
  if (text[i] === '(') {
    const end = balancedEnd(text, i);
    return end === -1 ? text.length : end;
  }
  return i;
}

/** `.member(args)` repeated: the end of the chain. */
function chainEnd(text: string, from: number): number {
  let i = from;
  while (text[i] === '.') {
    const member = identAt(text, i + 1);
    if (!member) break;
    i += 1 + member.length;
    if (text[i] === '(') {
      const end = balancedEnd(text, i);
      if (end === -1) return text.length; // an argument list that runs on: all of it is the directive
      i = end;
    }
  }
  return i;
}

function identAt(text: string, at: number): string | undefined {
  IDENT.lastIndex = at;
  return IDENT.exec(text)?.[0];
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * `text[open]` is `(`, `[` or `{`: the index after its matching closer, skipping nested
 * brackets and quoted strings; -1 when it is never closed.
 */
export function balancedEnd(text: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"' || ch === "'" || ch === '`') {
      const close = text.indexOf(ch, i + 1);
      if (close === -1) return -1;
      i = close;
    } else if (ch in CLOSERS) {
      stack.push(CLOSERS[ch] as string);
    } else if (ch === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}
