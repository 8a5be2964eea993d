/**
 * Strongly connected components (Tarjan, iterative: no recursion, so 100,000-node chains are fine).
 * `next(v)` lists the nodes v has an edge to. Returns the component id of each node (0..k-1; if
 * component A has an edge into component B, B's id is lower: Tarjan's completion order).
 */
export function stronglyConnected(size: number, next: (v: number) => readonly number[]): Int32Array {
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const component = new Int32Array(size).fill(-1);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  // Explicit DFS stack: node and position in its edge list.
  const work: Array<[number, number]> = [];
  for (let root = 0; root < size; root++) {
    if (index[root] !== -1) continue;
    work.push([root, 0]);
    while (work.length > 0) {
      const frame = work[work.length - 1] as [number, number];
      const [v, at] = frame;
      if (at === 0 && index[v] === -1) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const edges = next(v);
      if (at < edges.length) {
        frame[1] = at + 1;
        const w = edges[at] as number;
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w] === 1) low[v] = Math.min(low[v] as number, index[w] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] === index[v]) {
        for (;;) {
          const w = stack.pop() as number;
          onStack[w] = 0;
          component[w] = components;
          if (w === v) break;
        }
        components++;
      }
    }
  }
  return component;
}
