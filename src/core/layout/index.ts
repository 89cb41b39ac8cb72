// Public surface of the layout: the generic fixed-layer layout, the cause-map adapter and label
// wrapping.
export * from './types';
export { layoutLayered, DEFAULT_LAYOUT_OPTIONS } from './layered';
export { countBilayerCrossings } from './crossings';
export { naturalCompare } from './compare';
export { wrapLabel, measureText, splitGraphemes, graphemeWidthEm, type WrappedLabel } from './wrap';
export { layoutMapGraph, MAP_METRICS, KIND_LABEL, type MapLayout, type MapNode, type MapEdge } from './map-graph';
