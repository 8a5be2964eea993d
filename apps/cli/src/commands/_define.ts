import { type ArgsDef, type CommandDef, defineCommand } from 'citty';
import { type CliFlags, toCliFlags } from '../args.js';
import { type CommandContext, createContext } from '../context.js';
import type { CliIo } from '../io.js';

/** What `run.ts` passes to every command through citty's `data`. */
export interface CommandData {
  io: CliIo;
}

/** A citty command whose run gets a CommandContext and returns the exit code. */
export function defineOrmdocCommand<const T extends ArgsDef>(def: {
  name: string;
  description: string;
  args: T;
  run: (ctx: CommandContext, args: Record<string, unknown>, flags: CliFlags) => Promise<number>;
}): CommandDef<T> {
  return defineCommand({
    meta: { name: def.name, description: def.description },
    args: def.args,
    run: async ({ args, rawArgs, data }) => {
      const { io } = data as CommandData;
      const values = args as unknown as Record<string, unknown>;
      const flags = toCliFlags(values, rawArgs);
      return def.run(createContext(io, flags), values, flags);
    },
  });
}
