import { parseRequest } from './request.js';

/**
 * Prisma's generator protocol, as `generatorHandler` of @prisma/generator-helper speaks it: Prisma
 * writes JSON-RPC requests to the generator's stdin, one per line (`getManifest`, then `generate`
 * with the GeneratorOptions), and reads the answers from its stderr, one per line. Spoken here so
 * that the `generate` line is read as bytes and the DMMF's query-engine schema, which ormdoc never
 * reads, is not parsed (./request.ts); the helper turns the whole line into a string and parses
 * all of it.
 */
export interface GeneratorHandler {
  onManifest(config: unknown): unknown;
  onGenerate(options: unknown): Promise<unknown>;
}

interface Request {
  method?: unknown;
  params?: unknown;
  id?: unknown;
}

function respond(response: object): void {
  process.stderr.write(`${JSON.stringify(response)}\n`);
}

async function answer(handler: GeneratorHandler, request: Request): Promise<void> {
  const { id } = request;
  try {
    if (request.method === 'getManifest')
      respond({ jsonrpc: '2.0', result: { manifest: await handler.onManifest(request.params) }, id });
    else if (request.method === 'generate' && request.params)
      respond({ jsonrpc: '2.0', result: await handler.onGenerate(request.params), id });
  } catch (e) {
    const error = e as Error;
    respond({
      jsonrpc: '2.0',
      error: { code: -32000, message: error.message, data: { stack: error.stack } },
      id,
    });
  }
}

/** Calls `onLine` with each line of `input` (without its newline), as one Buffer. */
export function readLines(input: NodeJS.ReadableStream, onLine: (line: Buffer) => void): void {
  let pending: Buffer[] = [];
  input.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      pending.push(chunk.subarray(start, newline));
      const line = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
      pending = [];
      start = newline + 1;
      onLine(line);
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
}

/** Answer Prisma's requests on stdin until it closes it (it stops the process after `generate`). */
export function serveGenerator(handler: GeneratorHandler): void {
  readLines(process.stdin, (line) => {
    if (line.every((c) => c === 0x20 || c === 0x0d || c === 0x09)) return;
    void answer(handler, parseRequest(line) as Request);
  });
  process.stdin.resume();
}
