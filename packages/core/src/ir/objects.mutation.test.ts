import { describe, expect, it } from 'vitest';
import { anIr, aPolicy, aRole, aRoutine, aSequence, aTable, aTrigger } from '../testing/builders.js';
import { pinLookups, withLookups } from './names.js';
import {
  assignedNewColumns,
  objectsComplete,
  policiesOf,
  routineName,
  routineSignature,
  routinesNamed,
  sameObject,
  triggerMaintaining,
  triggersOf,
} from './objects.js';
import type { Ir } from './types.js';

/**
 * The lookups over policies, triggers and routines: `public` and the default schema are one, a
 * table's objects are its own, and which trigger keeps a column current (one condition each).
 */
describe('sameObject', () => {
  it.each([
    [null, 'a', null, 'a', true],
    [null, 'a', 'public', 'a', true],
    ['public', 'a', null, 'a', true],
    ['app', 'a', 'app', 'a', true],
    ['app', 'a', null, 'a', false],
    [null, 'a', 'app', 'a', false],
    [null, 'a', null, 'b', false],
    ['app', 'a', 'app', 'b', false],
  ])('%s.%s and %s.%s: %s', (s1, n1, s2, n2, same) => {
    expect(sameObject({ schema: s1, name: n1 }, { schema: s2, name: n2 })).toBe(same);
  });
});

describe('objectsComplete', () => {
  const ir = (o: Partial<Ir>) => anIr(o);
  it('false for an IR with only what the ORM declares', () => {
    expect(objectsComplete(ir({}))).toBe(false);
    expect(objectsComplete(ir({ source: { orm: 'prisma', files: [], objectsReadFrom: [] } }))).toBe(false);
    expect(objectsComplete(ir({ policies: [aPolicy('t', 'p', { declaredIn: 'orm' })] }))).toBe(false);
    expect(
      objectsComplete(
        ir({ tables: [aTable('t', { rls: { enabled: true, forced: false, declaredIn: 'orm' } })] }),
      ),
    ).toBe(false);
  });

  it('a table without row-level security says nothing either way', () => {
    expect(objectsComplete(ir({ tables: [aTable('t')] }))).toBe(false);
    expect(
      objectsComplete(
        ir({
          tables: [
            aTable('t'),
            aTable('u', { rls: { enabled: true, forced: false, declaredIn: 'migration' } }),
          ],
        }),
      ),
    ).toBe(true);
  });

  it('true when a full source was read: a migrations folder or a live catalog', () => {
    const source = (o: object) => ({ source: { orm: 'prisma' as const, files: [], ...o } });
    expect(objectsComplete(ir(source({ objectsReadFrom: ['migration'] })))).toBe(true);
    expect(objectsComplete(ir(source({ objectsReadFrom: ['database'] })))).toBe(true);
  });

  it('a migration that did not parse in full leaves the objects unknown, unless a database was read', () => {
    const source = (o: object) => ({ source: { orm: 'prisma' as const, files: [], ...o } });
    const unread = { objectsUnread: ['prisma/migrations/1/migration.sql'] };
    expect(objectsComplete(ir(source({ objectsReadFrom: ['migration'], ...unread })))).toBe(false);
    expect(objectsComplete(ir({ ...source(unread), policies: [aPolicy('t', 'p')] }))).toBe(false);
    expect(objectsComplete(ir(source({ objectsReadFrom: ['migration', 'database'], ...unread })))).toBe(true);
    expect(objectsComplete(ir(source({ objectsReadFrom: ['migration'], objectsUnread: [] })))).toBe(true);
  });

  it.each<[string, Partial<Ir>]>([
    ['a policy', { policies: [aPolicy('t', 'p')] }],
    ['a trigger', { triggers: [aTrigger('t', 'tr', 'f')] }],
    ['a routine', { routines: [aRoutine('f')] }],
    ['a sequence', { sequences: [aSequence('s')] }],
    ['a role', { roles: [aRole('r')] }],
    [
      'row-level security',
      { tables: [aTable('t', { rls: { enabled: true, forced: false, declaredIn: 'migration' } })] },
    ],
  ])('true when %s came from a migration', (_, o) => {
    expect(objectsComplete(ir(o))).toBe(true);
  });

  it.each(['migration', 'database'] as const)('true for an object read from the %s', (declaredIn) => {
    expect(objectsComplete(ir({ roles: [aRole('r', { declaredIn })] }))).toBe(true);
    expect(objectsComplete(ir({ roles: [aRole('r', { declaredIn: 'orm' })] }))).toBe(false);
  });
});

describe('policiesOf / triggersOf', () => {
  const sample = () =>
    anIr({
      policies: [
        aPolicy('a', 'p1'),
        aPolicy('b', 'p2'),
        aPolicy('a', 'p3', { table: { schema: 'public', name: 'a' } }),
        aPolicy('a', 'p4', { table: { schema: 'app', name: 'a' } }),
      ],
      triggers: [aTrigger('b', 't1', 'f'), aTrigger('a', 't2', 'f')],
    });
  const names = (items: Array<{ name: string }>) => items.map((i) => i.name);

  // The same answers from a scan and from the groups a pin (one render or analysis) builds.
  it.each([
    ['unpinned', <R>(_ir: Ir, fn: () => R) => fn()],
    ['pinned', withLookups],
  ])('%s: a table’s own objects, in IR order; public and the default schema are one table', (_, run) => {
    const ir = sample();
    run(ir, () => {
      expect(names(policiesOf(ir, { schema: null, name: 'a' }))).toEqual(['p1', 'p3']);
      expect(names(policiesOf(ir, { schema: 'public', name: 'a' }))).toEqual(['p1', 'p3']);
      expect(names(policiesOf(ir, { schema: 'app', name: 'a' }))).toEqual(['p4']);
      expect(policiesOf(ir, { schema: null, name: 'c' })).toEqual([]);
      expect(policiesOf(anIr({}), { schema: null, name: 'a' })).toEqual([]);
      expect(names(triggersOf(ir, { schema: null, name: 'a' }))).toEqual(['t2']);
      expect(names(triggersOf(ir, { schema: null, name: 'b' }))).toEqual(['t1']);
    });
  });

  it('a pin of an IR part without policies or triggers (tables and enums only) pins what it has', () => {
    const pin = pinLookups({ tables: [aTable('a')], enums: [] });
    pin.release();
    const ir = sample();
    withLookups({ tables: ir.tables, enums: ir.enums, policies: ir.policies }, () => {
      expect(names(policiesOf(ir, { schema: null, name: 'a' }))).toEqual(['p1', 'p3']);
      expect(names(triggersOf(ir, { schema: null, name: 'a' }))).toEqual(['t2']);
    });
  });

  it('sees an object replaced in place, pushed or removed between two calls', () => {
    const ir = sample();
    expect(names(policiesOf(ir, { schema: null, name: 'a' }))).toEqual(['p1', 'p3']);
    ir.policies[0] = aPolicy('b', 'p1'); // same length, another table
    expect(names(policiesOf(ir, { schema: null, name: 'a' }))).toEqual(['p3']);
    expect(names(policiesOf(ir, { schema: null, name: 'b' }))).toEqual(['p1', 'p2']);
    ir.policies.push(aPolicy('a', 'p5'));
    expect(names(policiesOf(ir, { schema: null, name: 'a' }))).toEqual(['p3', 'p5']);
    ir.triggers[1] = aTrigger('b', 't2', 'f');
    expect(triggersOf(ir, { schema: null, name: 'a' })).toEqual([]);
  });

  it('a pin answers from the groups it built, and the next call after its release sees the edits', () => {
    const ir = sample();
    const pin = pinLookups(ir);
    ir.policies[0] = aPolicy('b', 'p1');
    // While pinned, the arrays must not change: the groups are those of the pin's start.
    expect(names(policiesOf(ir, { schema: null, name: 'a' }))).toEqual(['p1', 'p3']);
    const inner = pinLookups(ir);
    inner.release(); // a nested pin releases nothing of the outer one
    expect(names(policiesOf(ir, { schema: null, name: 'a' }))).toEqual(['p1', 'p3']);
    pin.release();
    expect(names(policiesOf(ir, { schema: null, name: 'a' }))).toEqual(['p3']);
    expect(names(policiesOf(ir, { schema: null, name: 'b' }))).toEqual(['p1', 'p2']);
  });
});

describe('routines', () => {
  it('routinesNamed: every overload of the name, public and the default schema as one', () => {
    const ir = anIr({
      routines: [
        aRoutine('f', { arguments: 'a integer' }),
        aRoutine('f', { schema: 'public', arguments: 'a text' }),
        aRoutine('f', { schema: 'app' }),
        aRoutine('g'),
      ],
    });
    expect(routinesNamed(ir, { schema: null, name: 'f' }).map((r) => r.arguments)).toEqual([
      'a integer',
      'a text',
    ]);
  });

  it('routineName and routineSignature', () => {
    expect(routineName({ schema: null, name: 'f' })).toBe('f');
    expect(routineName({ schema: 'app', name: 'f' })).toBe('app.f');
    expect(routineSignature(aRoutine('f', { schema: 'app', arguments: 'a integer, b text' }))).toBe(
      'app.f(a integer, b text)',
    );
    expect(routineSignature(aRoutine('f'))).toBe('f()');
  });
});

describe('assignedNewColumns: NEW.<column> assigned as a statement of its own', () => {
  it.each([
    ['BEGIN NEW.updated_at := now(); RETURN NEW; END;', ['updated_at']],
    ['begin new.updated_at = now(); return new; end;', ['updated_at']],
    ['NEW.a := 1;', ['a']],
    ['x := 1; NEW.b := 2;', ['b']],
    ["IF TG_OP = 'UPDATE' THEN NEW.c := now(); ELSE NEW.d := now(); END IF;", ['c', 'd']],
    ['LOOP NEW.e := 1; END LOOP;', ['e']],
    ['BEGIN NEW . f := 1; END;', ['f']],
    ['BEGIN NEW."UpdatedAt" := now(); END;', ['UpdatedAt']],
    ['BEGIN NEW."say ""hi""" := 1; END;', ['say "hi"']],
    ['BEGIN NEW.UpdatedAt := now(); END;', ['updatedat']],
    ['BEGIN\n  NEW.g\n    := 1;\nEND;', ['g']],
  ])('%s -> %j', (body, columns) => {
    expect([...assignedNewColumns(body)].sort()).toEqual([...columns].sort());
  });

  it.each([
    ['a comparison', 'BEGIN IF NEW.a = OLD.a THEN RETURN NULL; END IF; END;'],
    ['a comparison with ==', 'BEGIN x := NEW.a == 1; END;'],
    ['not at the start of a statement', 'BEGIN PERFORM f(NEW.a := 1); END;'],
    ['in a line comment', 'BEGIN -- NEW.a := 1;\nRETURN NEW; END;'],
    ['in a block comment', 'BEGIN /* ; NEW.a := 1; */ RETURN NEW; END;'],
    ['in a string', "BEGIN RAISE NOTICE '; NEW.a := 1'; END;"],
    ['in a string with a quote in it', "BEGIN RAISE NOTICE 'it''s; NEW.a := 1'; END;"],
    ['a word that only ends in begin', 'xbegin NEW.a := 1;'],
    ['OLD, not NEW', 'BEGIN OLD.a := 1; END;'],
    ['a column of another record', 'BEGIN renew.a := 1; END;'],
  ])('%s does not count', (_, body) => {
    expect([...assignedNewColumns(body)]).toEqual([]);
  });

  it('code after a comment or string is still read', () => {
    expect([...assignedNewColumns('BEGIN -- note\nNEW.a := 1; END;')]).toEqual(['a']);
    expect([...assignedNewColumns('BEGIN /* note */ NEW.b := 1; END;')]).toEqual(['b']);
    expect([...assignedNewColumns("BEGIN x := 'a;b'; NEW.c := 1; END;")]).toEqual(['c']);
    expect([...assignedNewColumns("BEGIN x := 'it''s'; NEW.d := 1; END;")]).toEqual(['d']);
  });

  it.each([
    ['a minus is no comment', 'BEGIN x := a - b; NEW.a := 1; END;', ['a']],
    ['a division is no comment', 'BEGIN x := a / b; NEW.a := 1; END;', ['a']],
    ['a product is no comment', 'BEGIN x := a * b; NEW.a := 1; END;', ['a']],
    ['a comment separates the words around it', 'BEGIN/* note */NEW.a := 1; END;', ['a']],
    ['a comment that starts `/*/` is not closed by it', '/*/ NEW.a := 1; */ NEW.b := 2;', ['b']],
    ['an empty string', "BEGIN x := ''; NEW.a := 1; END;", ['a']],
    ['an unterminated string hides the rest', "NEW.a := 1; x := 'open NEW.b := 2;", ['a']],
  ])('%s', (_, body, columns) => {
    expect([...assignedNewColumns(body)]).toEqual(columns);
  });

  it('an unterminated comment hides the rest', () => {
    expect([...assignedNewColumns('BEGIN /* NEW.a := 1;')]).toEqual([]);
    expect([...assignedNewColumns('BEGIN -- NEW.a := 1;')]).toEqual([]);
  });
});

describe('triggerMaintaining', () => {
  const table = aTable('posts');
  const setter = aRoutine('touch', { body: 'BEGIN NEW.updated_at := now(); RETURN NEW; END;' });
  const irWith = (trigger: ReturnType<typeof aTrigger>, routines = [setter]) =>
    anIr({ tables: [table], triggers: [trigger], routines });

  it('a BEFORE UPDATE FOR EACH ROW trigger whose function assigns the column', () => {
    const t = aTrigger('posts', 'touch_posts', 'touch');
    expect(triggerMaintaining(irWith(t), table, 'updated_at')).toBe(t);
    expect(triggerMaintaining(irWith(t), table, 'created_at')).toBeUndefined();
  });

  it.each<[string, Parameters<typeof aTrigger>[3]]>([
    ['AFTER', { timing: 'after' }],
    ['FOR EACH STATEMENT', { forEach: 'statement' }],
    ['on INSERT only', { events: ['insert'] }],
    ['UPDATE OF some columns', { updateOf: ['title'] }],
    ['disabled', { enabled: false }],
    ['on another table', { table: { schema: null, name: 'comments' } }],
  ])('not a trigger that runs %s', (_, overrides) => {
    expect(
      triggerMaintaining(irWith(aTrigger('posts', 't', 'touch', overrides)), table, 'updated_at'),
    ).toBeUndefined();
  });

  it('an INSERT OR UPDATE trigger, and one with an empty UPDATE OF list, count', () => {
    const both = aTrigger('posts', 't', 'touch', { events: ['insert', 'update'] });
    expect(triggerMaintaining(irWith(both), table, 'updated_at')).toBe(both);
    const empty = aTrigger('posts', 't', 'touch', { updateOf: [] });
    expect(triggerMaintaining(irWith(empty), table, 'updated_at')).toBe(empty);
  });

  it('a function whose body is unknown, or that assigns another column, does not count', () => {
    const t = aTrigger('posts', 't', 'touch');
    expect(
      triggerMaintaining(irWith(t, [aRoutine('touch', { body: undefined })]), table, 'updated_at'),
    ).toBeUndefined();
    expect(triggerMaintaining(irWith(t, []), table, 'updated_at')).toBeUndefined();
    expect(triggerMaintaining(irWith(aTrigger('posts', 't', 'other')), table, 'updated_at')).toBeUndefined();
  });

  it.each([
    ["'updated_at'", true],
    ['updated_at', true],
    ["'created_at'", false],
    ["'updated_at", false],
  ])('moddatetime(%s) keeps updated_at current: %s', (arg, keeps) => {
    const t = aTrigger('posts', 't', 'moddatetime', { arguments: [arg] });
    expect(triggerMaintaining(irWith(t, []), table, 'updated_at') === t).toBe(keeps);
  });

  it("moddatetime: a quoted argument's doubled quotes are one quote", () => {
    const t = aTrigger('posts', 't', 'moddatetime', { arguments: ["'it''s'"] });
    expect(triggerMaintaining(irWith(t, []), table, "it's")).toBe(t);
  });

  it('another function given the column as an argument does not count', () => {
    const t = aTrigger('posts', 't', 'stamp', { arguments: ["'updated_at'"] });
    expect(triggerMaintaining(irWith(t, [aRoutine('stamp')]), table, 'updated_at')).toBeUndefined();
  });
});
