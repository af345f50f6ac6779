declare module 'virtual:operations' {
  const operations: Record<string, { text: string; hash: string }>
  export default operations
}

declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape'
  const ext: Ext
  export default ext
}
