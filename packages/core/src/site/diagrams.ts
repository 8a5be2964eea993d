import type { OrmdocConfig } from '../config/schema.js';
import { qualifiedName } from '../ir/names.js';
import type { Ir } from '../ir/types.js';
import type { Relationship } from '../relationships/derive.js';
import { domainsOf } from '../render/domains.js';
import type { SiteDiagrams } from './index.js';

/**
 * The site's diagrams from the SVG ER diagrams (`svg/`, Graphviz as WebAssembly, imported here on
 * first use): the overviews and parts as `renderSvgDiagrams` splits the schema (the Mermaid split,
 * with the config's domains and cap), and each table's neighbourhood.
 */
export async function svgSiteDiagrams(
  ir: Ir,
  config: OrmdocConfig,
  relationships: readonly Relationship[],
): Promise<SiteDiagrams> {
  const { renderSvgDiagrams, renderTableNeighbourhoodSvg } = await import('../svg/index.js');
  const drawn = await renderSvgDiagrams(ir, {
    maxTablesPerDiagram: config.mermaid.maxTablesPerDiagram,
    domains: domainsOf(ir, config),
    relationships,
  });
  const neighbourhoods = new Map<string, string>();
  for (const table of ir.tables) {
    const n = await renderTableNeighbourhoodSvg(ir, table, { relationships });
    if (n) neighbourhoods.set(qualifiedName(table), n.svg);
  }
  return {
    list: drawn.map((d) => ({
      title: d.title,
      svg: d.svg,
      tables: [...d.tables, ...d.stubs].map(qualifiedName),
    })),
    neighbourhood: (table) => neighbourhoods.get(qualifiedName(table)),
  };
}
