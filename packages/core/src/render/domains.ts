import type { OrmdocConfig } from '../config/schema.js';
import { computeDomains, type Domain } from '../domains/index.js';
import type { Ir } from '../ir/types.js';

export type { Domain };

/** The domains of one render (config, tags, schemas, files, else clusters of the FK graph). */
export function domainsOf(ir: Ir, config: OrmdocConfig): Domain[] {
  return computeDomains(ir, config);
}

/** The file of a domain's page, relative to the output directory. */
export function domainFile(domain: Pick<Domain, 'id'>): string {
  return `domains/${domain.id.replace(/[^A-Za-z0-9._-]/g, '_')}.md`;
}
