// `list-cycle`: lists that reach themselves through `in list`. Linear in the size of the workspace:
// the strongly connected components of the reference graph are found once (Tarjan, iterative, so a
// chain of 100,000 lists cannot overflow the stack), and a reference lies on a cycle exactly when it
// joins two lists of one component (or a list to itself). Each such reference gets one diagnostic
// whose message shows the start of a real path back (a few names and "… N more"), never the whole
// cycle: a 3,000-list ring used to print every name on every reference, 105 MB in 4 s.

import { diagnostic } from '@hslist/grammar';
import { findList, listKey, type ListReference, type WorkspaceIndex } from '../symbols';
import { definitionKey } from '../definitions/table';
import type { PathDiagnostic } from './list-references';
import { clip, thousands } from '../clip';

/** Names shown of a path before "… N more". */
const NAMES_SHOWN = 4;

interface Graph {
  keys: string[];
  /** Edges by source node: target node and the reference that makes the edge. */
  out: { to: number; ref: ListReference }[][];
}

/** The `in list` graph between first definitions (duplicates are reported on their own). */
function referenceGraph(index: WorkspaceIndex): Graph {
  const ids = new Map<string, number>();
  const graph: Graph = { keys: [], out: [] };
  const idOf = (key: string) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = graph.keys.push(key) - 1;
      graph.out.push([]);
      ids.set(key, id);
    }
    return id;
  };
  for (const ref of index.references) {
    if (ref.kind !== 'inList' || !ref.fromList) continue;
    if (findList(index, ref.fromList.name.text)?.node !== ref.fromList || !findList(index, ref.name)) continue;
    const from = idOf(listKey(ref.fromList.name.text));
    graph.out[from].push({ to: idOf(listKey(ref.name)), ref });
  }
  // `condition c` in a list is `in list "…"` to every list that c (and the conditions it uses) names.
  const throughConditions = listsInConditions(index);
  for (const use of index.definitions?.references ?? []) {
    if (use.kind !== 'condition' || use.from.kind !== 'list' || findList(index, use.from.name.text)?.node !== use.from) continue;
    const from = idOf(listKey(use.from.name.text));
    for (const name of throughConditions(use.name)) {
      if (!findList(index, name)) continue;
      const ref: ListReference = { name, path: use.path, span: use.span, kind: 'inList', fromList: use.from };
      graph.out[from].push({ to: idOf(listKey(name)), ref });
    }
  }
  return graph;
}

/** The list names a named condition reaches through `in list`, directly or through the conditions it uses. */
function listsInConditions(index: WorkspaceIndex): (condition: string) => string[] {
  const direct = new Map<string, string[]>();
  const uses = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const ref of index.references) if (ref.fromCondition) push(direct, definitionKey(ref.fromCondition.name.text), ref.name);
  for (const ref of index.definitions?.references ?? []) {
    if (ref.kind === 'condition' && ref.from.kind === 'namedCondition') push(uses, definitionKey(ref.from.name.text), definitionKey(ref.name));
  }
  return (condition) => {
    const seen = new Set<string>();
    const names: string[] = [];
    const stack = [definitionKey(condition)];
    while (stack.length > 0) {
      const key = stack.pop() as string;
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(...(direct.get(key) ?? []));
      stack.push(...(uses.get(key) ?? []));
    }
    return names;
  };
}

/** Component number of every node (Tarjan's algorithm without recursion). */
export function stronglyConnected(out: { to: number }[][]): Int32Array {
  const n = out.length;
  const component = new Int32Array(n).fill(-1);
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const frames: { node: number; edge: number }[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] >= 0) continue;
    frames.push({ node: root, edge: 0 });
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const edges = out[frame.node];
      if (frame.edge < edges.length) {
        const next = edges[frame.edge++].to;
        if (order[next] < 0) {
          order[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          frames.push({ node: next, edge: 0 });
        } else if (onStack[next]) low[frame.node] = Math.min(low[frame.node], order[next]);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].node;
        low[parent] = Math.min(low[parent], low[frame.node]);
      }
      if (low[frame.node] !== order[frame.node]) continue;
      for (;;) {
        const member = stack.pop() as number;
        onStack[member] = 0;
        component[member] = components;
        if (member === frame.node) break;
      }
      components++;
    }
  }
  return component;
}

/**
 * Per node of a cyclic component, the next node on a shortest path to the component's root and the
 * number of steps (one breadth-first search over reversed edges per component), and the steps from
 * the root to the node (one forward search): together they give the length of a path back for every
 * reference and its first few names, in time linear in the graph.
 */
interface Paths {
  next: Int32Array;
  /** The node before, on a shortest path from the root. */
  previous: Int32Array;
  toRoot: Int32Array;
  fromRoot: Int32Array;
  root: Int32Array;
}

function pathsToRoots(graph: Graph, component: Int32Array): Paths {
  const n = graph.keys.length;
  const paths: Paths = { next: new Int32Array(n).fill(-1), previous: new Int32Array(n).fill(-1), toRoot: new Int32Array(n).fill(-1), fromRoot: new Int32Array(n).fill(-1), root: new Int32Array(n).fill(-1) };
  const reversed: number[][] = Array.from({ length: n }, () => []);
  graph.out.forEach((edges, from) => edges.forEach(({ to }) => component[to] === component[from] && reversed[to].push(from)));
  const forward = graph.out.map((edges, from) => edges.filter(({ to }) => component[to] === component[from]).map(({ to }) => to));
  for (let node = 0; node < n; node++) {
    if (paths.root[node] >= 0) continue;
    // Edges were kept within components, so each search reaches exactly the root's component.
    const reached = breadthFirst(node, reversed, paths.toRoot, (from, to) => (paths.next[to] = from));
    breadthFirst(node, forward, paths.fromRoot, (from, to) => (paths.previous[to] = from));
    for (const member of reached) paths.root[member] = node;
  }
  return paths;
}

/** Distances from `start` into `dist`; returns the nodes reached. */
function breadthFirst(start: number, edges: number[][], dist: Int32Array, onEdge: (from: number, to: number) => void): number[] {
  dist[start] = 0;
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of edges[node]) {
      if (dist[next] >= 0) continue;
      dist[next] = dist[node] + 1;
      onEdge(node, next);
      queue.push(next);
    }
  }
  return queue;
}

export function checkListCycles(index: WorkspaceIndex): PathDiagnostic[] {
  const graph = referenceGraph(index);
  const component = stronglyConnected(graph.out);
  const cyclic = new Uint8Array(graph.keys.length);
  graph.out.forEach((edges, from) => edges.forEach(({ to }) => component[to] === component[from] && (cyclic[from] = 1)));
  const paths = pathsToRoots({ keys: graph.keys, out: graph.out.map((edges, from) => (cyclic[from] ? edges : [])) }, component);
  const display = (node: number) => `"${clip(findList(index, graph.keys[node])?.name ?? graph.keys[node])}"`;
  const out: PathDiagnostic[] = [];
  graph.out.forEach((edges, from) => {
    for (const { to, ref } of edges) {
      if (component[to] !== component[from]) continue;
      const message = `Lists reference each other in a cycle: ${cyclePath(from, to, paths).map((n) => (typeof n === 'number' ? display(n) : n)).join(' → ')}.`;
      out.push({ ...diagnostic('list-cycle', message, ref.span), path: ref.path });
    }
  });
  return out;
}

/** `from`, `to`, then toward the root, at most NAMES_SHOWN names, "… N more" for the rest, and `from` again. */
function cyclePath(from: number, to: number, paths: Paths): (number | string)[] {
  // A path from → to → … → root → … → from: 1 + toRoot[to] + fromRoot[from] steps (from === to: 1).
  const steps = from === to ? 1 : 1 + paths.toRoot[to] + paths.fromRoot[from];
  const shown: (number | string)[] = [from];
  let node = to;
  // Toward the root; the walk may meet `from` on the way, and then it is the whole path.
  while (node !== from && shown.length < NAMES_SHOWN) {
    shown.push(node);
    if (node === paths.root[node]) break;
    node = paths.next[node];
  }
  let hidden = node === from ? 0 : steps - shown.length;
  // From the root on, the rest is short enough to name: walk it back from `from`.
  if (hidden > 0 && hidden <= NAMES_SHOWN - shown.length) {
    const rest: number[] = [];
    for (let back = paths.previous[from]; rest.length < hidden; back = paths.previous[back]) rest.push(back);
    shown.push(...rest.reverse());
    hidden = 0;
  }
  if (hidden > 0) shown.push(`… ${thousands(hidden)} more`);
  shown.push(from);
  return shown;
}
