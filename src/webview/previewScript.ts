// Runs in VS Code's built-in Markdown preview (dist/preview.js): pointing at, or tabbing to, a
// finding in a ```causeway-map picture highlights its links and the findings they join, so a
// dense map can be read one chain at a time. The preview replaces its content on every edit, so
// the handlers are delegated from the document and survive updates.

const ACTIVE_NODE = 'cw-preview-active';
const LINKED_NODE = 'cw-preview-linked';
const ACTIVE_EDGE = 'cw-preview-edge';
const FOCUSED_MAP = 'cw-preview-focused';

function clear(map: Element): void {
  map.classList.remove(FOCUSED_MAP);
  for (const element of Array.from(map.querySelectorAll(`.${ACTIVE_NODE}, .${LINKED_NODE}, .${ACTIVE_EDGE}`))) element.classList.remove(ACTIVE_NODE, LINKED_NODE, ACTIVE_EDGE);
}

function highlight(node: Element): void {
  const map = node.closest('svg.cw-map');
  const id = node.getAttribute('data-id');
  if (!map || id === null) return;
  clear(map);
  map.classList.add(FOCUSED_MAP);
  node.classList.add(ACTIVE_NODE);
  const linked = new Set<string>();
  for (const edge of Array.from(map.querySelectorAll('g.cw-edge'))) {
    const from = edge.getAttribute('data-from');
    const to = edge.getAttribute('data-to');
    if (from !== id && to !== id) continue;
    edge.classList.add(ACTIVE_EDGE);
    if (from !== null) linked.add(from);
    if (to !== null) linked.add(to);
  }
  for (const other of Array.from(map.querySelectorAll('g.cw-node'))) {
    const otherId = other.getAttribute('data-id');
    if (otherId !== null && otherId !== id && linked.has(otherId)) other.classList.add(LINKED_NODE);
  }
}

function nodeOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest('svg.cw-map g.cw-node') : null;
}

function onEnter(event: Event): void {
  const node = nodeOf(event.target);
  if (node) highlight(node);
}

function onLeave(event: Event): void {
  const node = nodeOf(event.target);
  const next = nodeOf((event as FocusEvent | MouseEvent).relatedTarget);
  if (!node || next === node) return;
  const map = node.closest('svg.cw-map');
  if (map) clear(map);
  if (next) highlight(next);
}

document.addEventListener('mouseover', onEnter);
document.addEventListener('mouseout', onLeave);
document.addEventListener('focusin', onEnter);
document.addEventListener('focusout', onLeave);

export {};
